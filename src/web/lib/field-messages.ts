import type { i18n as I18n } from 'i18next';
import { getI18n } from 'react-i18next';

// Field messages come in English: from the shared zod schemas (the same on both sides, so from client-side
// validation and from the server's problem documents alike) and from zod's own English messages. The
// `validation` namespace (src/web/locales/<language>/validation.json) is keyed by that English text, so no
// table of English strings ships with the app: a message is looked up as it is, or against the keys with
// `{{placeholders}}` (`Use at most {{max}} characters`), whose values are put into the translation.
// `$types` translates zod's type names where its messages put them (`expected string`).
// test/architecture/validation-messages.test.ts fails when a message in src/shared has no key.

export const VALIDATION_NAMESPACE = 'validation';

type Catalogue = Record<string, string | Record<string, string>>;

interface Template {
  pattern: RegExp;
  names: string[];
  /** How much of the key is fixed text: a more specific key is tried first. */
  fixed: number;
  text: string;
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

const templatesOf = new WeakMap<Catalogue, Template[]>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The catalogue's keys with placeholders, the most specific (most fixed text) first. */
function templates(catalogue: Catalogue): Template[] {
  let found = templatesOf.get(catalogue);
  if (found) return found;
  found = [];
  for (const [key, text] of Object.entries(catalogue)) {
    if (typeof text !== 'string' || !key.includes('{{')) continue;
    const names = [...key.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
    const fixed = key.split(PLACEHOLDER).filter((_, index) => index % 2 === 0);
    const pattern = new RegExp(`^${fixed.map(escapeRegExp).join('(.+?)')}$`, 's');
    found.push({ pattern, names, fixed: fixed.join('').length, text });
  }
  found.sort((a, b) => b.fixed - a.fixed);
  templatesOf.set(catalogue, found);
  return found;
}

function languageOf(i18n: I18n): string {
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}

/**
 * `message` (an English field message) in the interface's language; unchanged in English, when the
 * language's `validation` strings are not loaded yet, or when the catalogue does not know the message.
 *
 * @example translateFieldMessage('Use at most 120 characters') // 'Utilisez au plus 120 caractères' in French
 */
export function translateFieldMessage(message: string, i18n: I18n | undefined = getI18n()): string {
  if (!i18n) return message;
  const language = languageOf(i18n);
  if (language === 'en') return message;
  const catalogue = i18n.getResourceBundle(language, VALIDATION_NAMESPACE) as Catalogue | undefined;
  if (!catalogue) {
    void i18n.loadNamespaces(VALIDATION_NAMESPACE);
    return message;
  }
  const exact = Object.hasOwn(catalogue, message) ? catalogue[message] : undefined;
  if (typeof exact === 'string') return exact;
  const types = catalogue.$types;
  const typeName = (value: string) =>
    typeof types === 'object' && Object.hasOwn(types, value) ? (types[value] ?? value) : value;
  for (const { pattern, names, text } of templates(catalogue)) {
    const match = pattern.exec(message);
    if (!match) continue;
    const values = new Map(names.map((name, index) => [name, typeName(match[index + 1] ?? '')]));
    return text.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
  }
  return message;
}

/**
 * Loads the `validation` strings of the interface's language, so field messages can be translated as soon
 * as they appear. English needs none.
 */
export async function loadFieldMessages(i18n: I18n | undefined = getI18n()): Promise<void> {
  if (!i18n || languageOf(i18n) === 'en') return;
  try {
    await i18n.loadNamespaces(VALIDATION_NAMESPACE);
  } catch {
    // Not loaded (offline?): the messages stay in English.
  }
}
