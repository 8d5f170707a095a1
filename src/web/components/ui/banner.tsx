import type { ReactNode } from 'react';
import './banner.css';

type Tone = 'info' | 'success' | 'warning' | 'danger';

interface BannerProps {
  tone?: Tone;
  title?: string;
  children?: ReactNode;
  /** Extra content at the end, such as a retry button. */
  action?: ReactNode;
}

/**
 * An inline message. Danger banners use role="alert" so they are announced at once; the others are
 * polite status messages.
 */
export function Banner({ tone = 'info', title, children, action }: BannerProps) {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <div className="banner__content">
        {title && <p className="banner__title">{title}</p>}
        {children && <div className="banner__text">{children}</div>}
      </div>
      {action}
    </div>
  );
}
