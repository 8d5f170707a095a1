import { describe, expect, it } from 'vitest';
import { validateForChannel } from '#shared/channels.js';
import type { FieldError } from '#shared/problem.schema.js';
import { testI18n } from '#web/test/i18n.js';
import { serverErrorsFor } from './compose-draft.js';

// The messages are worded through the app's global i18n instance, made French here.
testI18n('fr', { global: true });

// What the server sends for a post over X's limit: the facts, as the shared rules find them.
const [tooLong] = validateForChannel('x', { body: 'a'.repeat(281), thread: [], hashtags: [] });
if (!tooLong) throw new Error('281 characters fit on X');
const { field: _field, message: _message, severity: _severity, ...tooLongFacts } = tooLong;

describe('serverErrorsFor, in French', () => {
  const errors: FieldError[] = [
    {
      path: 'body.variants.x.body',
      code: 'too_long',
      message: `X: ${tooLong.message}`,
      facts: tooLongFacts,
    },
    {
      path: 'body.variants.email.body',
      code: 'empty',
      message: 'Email: write the text first',
    },
    {
      path: 'body.variants.instagram.media',
      code: 'media_required',
      message: 'Instagram: Instagram posts need an image or a video: attach one from the library',
      facts: { code: 'media_required', channel: 'instagram' },
    },
  ];

  it('says each refusal of a network’s variant in the reader’s language, without repeating the network', () => {
    expect(serverErrorsFor(errors, 'x')).toEqual([expect.stringMatching(/280/)]);
    expect(serverErrorsFor(errors, 'x')[0]).not.toMatch(/allows|^X\u00a0?:/);
    expect(serverErrorsFor(errors, 'email')).toEqual(['écrivez d’abord le texte']);
    expect(serverErrorsFor(errors, 'instagram')).toEqual([
      'Les publications sur Instagram demandent une image ou une vidéo\u00a0: joignez-en une depuis la médiathèque',
    ]);
    expect(serverErrorsFor(errors, 'linkedin')).toEqual([]);
  });
});
