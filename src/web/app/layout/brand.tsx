import { useTranslation } from 'react-i18next';

/** The product mark and name. */
export function Brand() {
  const { t } = useTranslation();
  return (
    <span className="brand">
      <svg
        className="brand__mark"
        viewBox="0 0 24 24"
        width="24"
        height="24"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="24" height="24" rx="6" />
        <path d="M6 16V8l6 5 6-5v8" />
      </svg>
      <span className="brand__name">{t('brand.name')}</span>
    </span>
  );
}
