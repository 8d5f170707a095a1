import { checkPassword } from './password-checks.js';
import './password-hints.css';

/** Live feedback on the password rules while the person types. */
export function PasswordHints({ password }: { password: string }) {
  return (
    <ul className="password-hints">
      {checkPassword(password).map((check) => (
        <li key={check.label} className={check.met ? 'password-hints__item--met' : undefined}>
          <span aria-hidden="true">{check.met ? '✓' : '•'}</span> {check.label}
          <span className="visually-hidden">{check.met ? ' (done)' : ' (not yet)'}</span>
        </li>
      ))}
      <li>
        <span aria-hidden="true">•</span> Not a common password; a short phrase is easy to remember
      </li>
    </ul>
  );
}
