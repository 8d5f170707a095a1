import { type RefObject, useEffect, useState } from 'react';

/** Which sides of a sideways scroller hide more of its content. */
export type HiddenSides = 'start' | 'end' | 'both' | undefined;

/** Under a pixel of slack: rounding leaves a fraction at the end of a fully scrolled row. */
const SLACK = 1;

function hiddenSides(element: HTMLElement): HiddenSides {
  const before = element.scrollLeft > SLACK;
  const after = element.scrollLeft + element.clientWidth < element.scrollWidth - SLACK;
  return before && after ? 'both' : before ? 'start' : after ? 'end' : undefined;
}

/**
 * The sides of a sideways-scrolling row (tabs on a phone) that hide more of it, kept current as it
 * scrolls and resizes, so the row can show a cue there instead of looking cut off.
 *
 * @example
 * const nav = useRef<HTMLElement>(null);
 * const more = useScrollEdges(nav); // then <nav ref={nav} data-more={more}>
 */
export function useScrollEdges(ref: RefObject<HTMLElement | null>): HiddenSides {
  const [sides, setSides] = useState<HiddenSides>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const update = () => setSides(hiddenSides(element));
    update();
    element.addEventListener('scroll', update, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(update);
    observer?.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
    };
  }, [ref]);
  return sides;
}
