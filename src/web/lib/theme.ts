/** The person's colour scheme choice; "system" follows `prefers-color-scheme`. */
export type ThemePreference = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'mcc.theme';

export function getThemePreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    // Storage can be blocked (private modes, policies); the system scheme is a fine fallback.
    return 'system';
  }
}

/** Applies a choice through `html[data-theme]`, which the design tokens read, and remembers it. */
export function applyThemePreference(preference: ThemePreference): void {
  const root = document.documentElement;
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
  try {
    if (preference === 'system') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, preference);
  } catch {
    // Not remembered across reloads, but applied for this visit.
  }
}
