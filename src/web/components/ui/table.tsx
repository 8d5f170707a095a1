import type { ReactNode } from 'react';
import './table.css';

interface TableProps {
  /** Names the table for assistive technology; shown as a hidden caption. */
  caption: string;
  head: ReactNode;
  children: ReactNode;
}

/** A data table that scrolls sideways on narrow screens instead of squashing its columns. */
export function Table({ caption, head, children }: TableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
