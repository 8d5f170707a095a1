import type { ReactNode } from 'react';
import './card.css';

interface CardProps {
  title?: string;
  description?: ReactNode;
  /** Buttons or links shown at the top right of the card. */
  actions?: ReactNode;
  tone?: 'default' | 'danger';
  /** Extra classes, such as one print styles hide. */
  className?: string;
  children?: ReactNode;
}

/** A bordered section of a page; titled cards are landmarks for screen-reader navigation. */
export function Card({ title, description, actions, tone = 'default', className, children }: CardProps) {
  return (
    <section className={['card', `card--${tone}`, className].filter(Boolean).join(' ')} aria-label={title}>
      {(title || actions) && (
        <header className="card__header">
          <div className="card__heading">
            {title && <h2 className="card__title">{title}</h2>}
            {description && <p className="card__description">{description}</p>}
          </div>
          {actions && <div className="card__actions">{actions}</div>}
        </header>
      )}
      {children && <div className="card__body">{children}</div>}
    </section>
  );
}
