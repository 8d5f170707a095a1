import { useTranslation } from 'react-i18next';
import { checkPassword, type PasswordCheck } from './password-checks.js';
import './password-hints.css';

/** Live feedback on the password rules while the person types. */
export function PasswordHints({ password }: { password: string }) {
  const { t } = useTranslation('auth');
  const label = (check: PasswordCheck) => {
    switch (check.rule) {
      case 'minLength':
        return t('passwordHints.minLength', { min: check.min });
      case 'minLengthToGo':
        return t('passwordHints.minLengthToGo', { min: check.min, count: check.count });
      case 'maxLength':
        return t('passwordHints.maxLength', { max: check.max });
    }
  };
  return (
    <ul className="password-hints">
      {checkPassword(password).map((check) => (
        <li key={check.rule} className={check.met ? 'password-hints__item--met' : undefined}>
          <span aria-hidden="true">{check.met ? '✓' : '•'}</span> {label(check)}
          <span className="visually-hidden">
            {' '}
            {check.met ? t('passwordHints.done') : t('passwordHints.notYet')}
          </span>
        </li>
      ))}
      <li>
        <span aria-hidden="true">•</span> {t('passwordHints.notCommon')}
      </li>
    </ul>
  );
}
