import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every language must say everything English says, with the same placeholders: a missing key shows
// English in the middle of a French screen, a missing `{{name}}` drops the name.

const LOCALES = path.resolve(import.meta.dirname, '../../src/web/locales');
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

type Strings = { [key: string]: string | Strings };

function flatten(strings: Strings, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(strings)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') flat.set(name, value);
    else for (const [inner, text] of flatten(value, name)) flat.set(inner, text);
  }
  return flat;
}

function read(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(path.join(LOCALES, language, `${namespace}.json`), 'utf8')));
}

function namespaces(language: string): string[] {
  return readdirSync(path.join(LOCALES, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

/**
 * Each key without its plural suffix, with the placeholders its forms use (`{{name}}`, and `<link>` for the
 * components a `<Trans>` puts in) and the plural forms it has.
 */
function shape(strings: Map<string, string>): Map<string, { variables: string[]; forms: string[] }> {
  const shapes = new Map<string, { variables: Set<string>; forms: Set<string> }>();
  for (const [key, text] of strings) {
    const base = key.replace(PLURAL_SUFFIX, '');
    const entry = shapes.get(base) ?? { variables: new Set<string>(), forms: new Set<string>() };
    const form = PLURAL_SUFFIX.exec(key)?.[1];
    if (form) entry.forms.add(form);
    for (const [, variable] of text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g))
      entry.variables.add(variable ?? '');
    for (const [, tag] of text.matchAll(/<(\w+)>/g)) entry.variables.add(`<${tag}>`);
    shapes.set(base, entry);
  }
  return new Map(
    [...shapes].map(([key, { variables, forms }]) => [
      key,
      { variables: [...variables].sort(), forms: [...forms].sort() },
    ]),
  );
}

describe('the translations', () => {
  const english = namespaces('en');
  // Every folder is a language; src/web/lib/i18n/languages.test.ts checks that the app offers each one.
  const languages = readdirSync(LOCALES).filter((name) => name !== 'en');

  it('have a common namespace in English, and at least one other language', () => {
    expect(english).toContain('common');
    expect(languages.length).toBeGreaterThan(0);
  });

  for (const language of languages) {
    it(`${language}: has every namespace English has, and no other`, () => {
      expect(namespaces(language)).toEqual(english);
    });

    for (const namespace of english) {
      it(`${language}/${namespace}: has English's keys with the same placeholders`, () => {
        const ours = shape(read(language, namespace));
        const theirs = shape(read('en', namespace));
        expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
        for (const [key, { variables }] of theirs) {
          expect(ours.get(key)?.variables, `${namespace}:${key}`).toEqual(variables);
        }
      });

      it(`${language}/${namespace}: has every plural form the language uses, and no empty text`, () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        for (const [key, { forms }] of shape(read(language, namespace))) {
          if (forms.length > 0) expect(forms, `${namespace}:${key}`).toEqual([...categories].sort());
        }
        for (const [key, text] of read(language, namespace)) expect(text.trim(), key).not.toBe('');
      });
    }
  }

  // French sets a space before : ; ! ? » and after «, one that never breaks (a line must not start with
  // the colon): the no-break space, as everywhere in these files.
  for (const namespace of english) {
    it(`fr/${namespace}: a no-break space before : ; ! ? » and after «`, () => {
      for (const [key, text] of read('fr', namespace)) {
        expect(text, `${namespace}:${key}`).not.toMatch(/ [:;!?»]|« /);
      }
    });
  }
});
