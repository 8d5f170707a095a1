import type { ReactNode } from 'react';
import { Brand } from './brand.js';
import './centered-page.css';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  /** Below the card, e.g. the link between sign-in and sign-up. */
  footer?: ReactNode;
  wide?: boolean;
}

/** A calm centred page for signing in, signing up and onboarding. */
export function AuthLayout({ title, subtitle, children, footer, wide = false }: AuthLayoutProps) {
  return (
    <main id="main" className="centered-page" tabIndex={-1}>
      <Brand />
      <div className={`centered-page__panel${wide ? ' centered-page__panel--wide' : ''} stack`}>
        <header className="centered-page__header">
          <h1>{title}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </header>
        <div className="auth-card">{children}</div>
        {footer && <div className="centered-page__footer">{footer}</div>}
      </div>
    </main>
  );
}
