import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Menu, type MenuItem } from '#web/components/ui/menu.js';
import { useSignOut } from '#web/features/auth/api/sign-out.js';
import { useUpdateProfile } from '#web/features/profile/api/update-profile.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { LANGUAGE_NAMES, LANGUAGES } from '#web/lib/i18n/languages.js';
import { useLanguage } from '#web/lib/i18n/use-language.js';
import { applyThemePreference, getThemePreference, type ThemePreference } from '#web/lib/theme.js';

const THEMES: readonly ThemePreference[] = ['system', 'light', 'dark'];

/** A choice in the menu, marked when it is the current one. */
function Choice({ label, selected }: { label: string; selected: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {label}
      {selected && (
        <>
          <span aria-hidden="true">✓</span>
          <span className="visually-hidden">{t('account.selected')}</span>
        </>
      )}
    </>
  );
}

/** My name, with profile, the API documentation, appearance, language and sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [theme, setTheme] = useState(getThemePreference);
  const [language, setLanguage] = useLanguage();
  const saveLanguage = useUpdateProfile();
  const { t } = useTranslation();

  const items: MenuItem[] = [
    { kind: 'link', key: 'profile', to: '/profile', label: t('account.profile') },
    { kind: 'link', key: 'api-docs', to: '/docs', label: t('account.apiDocs'), document: true },
    { kind: 'separator', key: 'theme-separator' },
    ...THEMES.map(
      (option): MenuItem => ({
        kind: 'action',
        key: option,
        label: <Choice label={t(`account.theme.${option}`)} selected={theme === option} />,
        onSelect: () => {
          applyThemePreference(option);
          setTheme(option);
        },
      }),
    ),
    { kind: 'separator', key: 'language-separator' },
    ...LANGUAGES.map(
      (option): MenuItem => ({
        kind: 'action',
        key: `language-${option}`,
        // Each language in itself, and marked as such for screen readers.
        label: (
          <span lang={option}>
            <Choice label={LANGUAGE_NAMES[option]} selected={language === option} />
          </span>
        ),
        // Also the account's, so emails follow and other browsers start in it (account-language.ts).
        onSelect: () => {
          setLanguage(option);
          if (user.language !== option) saveLanguage.mutate({ language: option });
        },
      }),
    ),
    { kind: 'separator', key: 'sign-out-separator' },
    {
      kind: 'action',
      key: 'sign-out',
      label: t('account.signOut'),
      onSelect: () => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) }),
    },
  ];

  return (
    <Menu
      label={t('account.menu', { name: user.name })}
      align="end"
      items={items}
      trigger={
        <>
          <span className="user-avatar" aria-hidden="true">
            {user.name.charAt(0).toUpperCase()}
          </span>
          <span className="visually-hidden">{t('account.menuPrefix')} </span>
          <span className="user-name">{user.name}</span>
        </>
      }
    />
  );
}
