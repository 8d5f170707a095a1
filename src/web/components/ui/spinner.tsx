import './spinner.css';
import { useTranslation } from 'react-i18next';

interface SpinnerProps {
  size?: 'sm' | 'md';
  /** Announced to screen readers ("Loading" by default); pass "" when a surrounding element already says what is loading. */
  label?: string;
}

/** An indeterminate progress indicator. */
export function Spinner({ size = 'md', label }: SpinnerProps) {
  const { t } = useTranslation();
  if (label === '') return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
  return (
    <span role="status" className="spinner-wrap">
      <span className={`spinner spinner--${size}`} aria-hidden="true" />
      <span className="visually-hidden">{label ?? t('loading')}</span>
    </span>
  );
}

/** A centred spinner for a whole page or panel that is loading. */
export function PageSpinner({ label }: { label?: string }) {
  return (
    <div className="page-spinner">
      <Spinner label={label} />
    </div>
  );
}
