import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { currencySchema } from '#shared/campaign.schema.js';
import { shortText } from '#shared/common.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { testI18n } from '#web/test/i18n.js';
import { translateFieldMessage } from './field-messages.js';

const french = testI18n('fr');
const english = testI18n('en');
const inFrench = (message: string) => translateFieldMessage(message, french);

/** The message zod (in English, as on the server) gives for `value` against `schema`. */
function messageOf(schema: z.ZodType, value: unknown): string {
  const result = schema.safeParse(value);
  if (result.success) throw new Error(`${JSON.stringify(value)} is valid`);
  return result.error.issues[0]?.message ?? '';
}

describe('translateFieldMessage', () => {
  it('finds a message of the shared schemas as it is', () => {
    expect(inFrench(messageOf(currencySchema, 'euros'))).toBe('Utilisez un code ISO 4217, comme EUR');
    expect(inFrench('Unknown time zone')).toBe('Fuseau horaire inconnu');
  });

  it('puts the values of a templated message into its translation', () => {
    expect(inFrench(messageOf(shortText(120), 'x'.repeat(121)))).toBe('Utilisez au plus 120 caractères');
    expect(inFrench(messageOf(shortText(120), '  '))).toBe(
      'Remplissez ce champ\u00a0: il ne peut pas être vide',
    );
    expect(inFrench('Pick a date from 2026-07-01 to 2026-07-31')).toBe(
      'Choisissez une date du 2026-07-01 au 2026-07-31',
    );
  });

  it('translates the messages the server’s rules write, with their values', () => {
    expect(inFrench(ruleFieldMessage('campaignDates', { start: '2026-12-07', end: '2026-12-24' }))).toBe(
      'La campagne se déroule du 2026-12-07 au 2026-12-24',
    );
    expect(inFrench(ruleFieldMessage('notThatNetwork', { network: 'Mastodon' }))).toBe(
      'Ce n’est pas un compte Mastodon',
    );
    expect(inFrench(ruleFieldMessage('publishingTimePast'))).toBe(
      'L’heure de publication doit être dans le futur',
    );
    expect(inFrench(ruleFieldMessage('resultsInFuture', { today: '2026-12-06' }))).toBe(
      'Les résultats ne peuvent pas être datés dans le futur (nous sommes le 2026-12-06 dans le fuseau horaire de l’espace de travail)',
    );
    expect(inFrench(ruleFieldMessage('csvColumnsMissing', { columns: 'day, clicks' }))).toBe(
      'Absent de la ligne d’en-tête\u00a0: day, clicks',
    );
  });

  it("translates zod's own messages, the most specific first", () => {
    const cases: [z.ZodType, unknown, string][] = [
      [z.string().min(3), 'ab', 'Trop court\u00a0: au moins 3 caractères'],
      [z.string().max(2), 'abc', 'Trop long\u00a0: au plus 2 caractères'],
      [z.array(z.string()).max(1), ['a', 'b'], 'Trop d’éléments\u00a0: au plus 1'],
      [z.number().min(0), -1, 'Trop petit\u00a0: au moins 0'],
      [z.number().max(10), 11, 'Trop grand\u00a0: au plus 10'],
      [z.number(), Number.NaN, 'Saisissez un nombre'],
      [z.object({ name: z.string() }), {}, 'Champ obligatoire\u00a0: texte attendu'],
      [z.string(), 12, 'Valeur non valide\u00a0: texte attendu, nombre reçu'],
      [z.email(), 'nope', 'Adresse e-mail non valide'],
      [z.url(), 'nope', 'URL non valide'],
      [z.iso.date(), '2026-13-45', 'Date non valide (format ISO, AAAA-MM-JJ)'],
      [z.enum(['a', 'b']), 'c', 'Choix non valide\u00a0: une valeur parmi "a"|"b" attendue'],
      [z.strictObject({}), { extra: 1 }, 'Champ inconnu\u00a0: "extra"'],
      [z.string().refine(() => false), 'x', 'Valeur non valide'],
    ];
    for (const [schema, value, expected] of cases) {
      const message = messageOf(schema, value);
      expect(inFrench(message), message).toBe(expected);
    }
  });

  it('leaves English, and messages the catalogue does not know, as they are', () => {
    expect(translateFieldMessage('Use an ISO 4217 code such as EUR', english)).toBe(
      'Use an ISO 4217 code such as EUR',
    );
    expect(inFrench('The network said no: token revoked')).toBe('The network said no: token revoked');
    expect(inFrench('constructor')).toBe('constructor');
  });
});
