import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FIELD_MESSAGES } from '#shared/rule-field-messages.js';
import { findSchemaMessages } from './validation-messages.js';

// Every message the shared schemas write for people has its entry in the catalogue of field messages
// (src/web/locales/<language>/validation.json, keyed by the English text; translations.test.ts holds every
// language to English's keys), and the catalogue holds nothing that no schema says any more.

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.join(ROOT, 'src/shared');

/**
 * Files whose messages are not field errors, and stay English (docs/translations.md): the channel rules'
 * warnings on a post's text.
 */
const NOT_FIELD_MESSAGES = new Set(['channels.ts', 'rule-field-messages.ts']);

/** zod's own English messages (its `en` locale), which the catalogue also translates. */
const ZOD_MESSAGE = /^(Invalid |Too small: |Too big: |Unrecognized key)/;

const PLACEHOLDER = /\{\{[^}]*\}\}/g;
const normalise = (text: string) => text.replace(PLACEHOLDER, '{{}}');
const asPattern = (template: string) =>
  new RegExp(
    `^${template
      .split('{{}}')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+')}$`,
    's',
  );

function catalogue(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'src/web/locales/en/validation.json'), 'utf8'));
}

describe('the field messages of the shared schemas', () => {
  const files = readdirSync(SHARED)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !NOT_FIELD_MESSAGES.has(name))
    .map((name) => path.join(SHARED, name));
  const messages = [
    ...findSchemaMessages(path.join(ROOT, 'tsconfig.json'), files),
    // The server's rules write these themselves (src/shared/rule-field-messages.ts).
    ...Object.values(RULE_FIELD_MESSAGES).map((text) => ({
      file: 'src/shared/rule-field-messages.ts',
      line: 0,
      text: normalise(text),
    })),
  ];
  const english = catalogue();
  const keys = Object.keys(english).filter((key) => key !== '$types');

  it('are found in src/shared', () => {
    expect(messages.length).toBeGreaterThan(80);
    expect(messages.map((message) => message.text)).toContain('Use an ISO 4217 code such as EUR');
    expect(messages.map((message) => message.text)).toContain('Use at most {{}} characters');
  });

  it('each have an entry in the catalogue: add the ones listed to src/web/locales/*/validation.json', () => {
    const known = new Set(keys.map(normalise));
    const missing = messages.filter((message) => !known.has(message.text));
    expect(missing.map((message) => `${message.file}:${message.line} ${message.text}`)).toEqual([]);
  });

  it('leave no entry in the catalogue that nothing says', () => {
    const templates = [...new Set(messages.map((message) => message.text))].map(asPattern);
    const unused = keys.filter(
      (key) => !ZOD_MESSAGE.test(key) && !templates.some((template) => template.test(normalise(key))),
    );
    expect(unused).toEqual([]);
  });

  it('are their own English text', () => {
    for (const key of keys) expect(english[key], key).toBe(key);
    const types = english.$types as Record<string, string>;
    for (const [name, text] of Object.entries(types)) expect(text).toBe(name);
  });
}, 60_000);
