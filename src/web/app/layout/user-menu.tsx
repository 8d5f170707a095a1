import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Menu, type MenuItem } from '#web/components/ui/menu.js';
import { useSignOut } from '#web/features/auth/api/sign-out.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { applyThemePreference, getThemePreference, type ThemePreference } from '#web/lib/theme.js';

const THEMES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light theme' },
  { value: 'dark', label: 'Dark theme' },
];

/** My name, with profile, the API documentation, appearance and sign out. */
export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [theme, setTheme] = useState(getThemePreference);

  const items: MenuItem[] = [
    { kind: 'link', key: 'profile', to: '/profile', label: 'Profile' },
    { kind: 'link', key: 'api-docs', to: '/docs', label: 'API documentation', document: true },
    { kind: 'separator', key: 'theme-separator' },
    ...THEMES.map(
      (option): MenuItem => ({
        kind: 'action',
        key: option.value,
        label: (
          <>
            {option.label}
            {theme === option.value && (
              <>
                <span aria-hidden="true">✓</span>
                <span className="visually-hidden">(selected)</span>
              </>
            )}
          </>
        ),
        onSelect: () => {
          applyThemePreference(option.value);
          setTheme(option.value);
        },
      }),
    ),
    { kind: 'separator', key: 'sign-out-separator' },
    {
      kind: 'action',
      key: 'sign-out',
      label: 'Sign out',
      onSelect: () => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) }),
    },
  ];

  return (
    <Menu
      label={`Account: ${user.name}`}
      align="end"
      items={items}
      trigger={
        <>
          <span className="user-avatar" aria-hidden="true">
            {user.name.charAt(0).toUpperCase()}
          </span>
          <span className="visually-hidden">Account: </span>
          <span className="user-name">{user.name}</span>
        </>
      }
    />
  );
}
