import { describe, expect, it } from 'vitest';
import { testI18n } from '#web/test/i18n.js';
import { describeError } from './error-messages.js';
import { toApiError } from './problem.js';

// What words a refusal's facts is not loaded with the app: the first problem that carries facts loads it.
testI18n('fr', { global: true });

const refusal = (body: object) =>
  new Response(JSON.stringify(body), {
    status: 409,
    headers: { 'content-type': 'application/problem+json' },
  });

describe('a refusal with facts, the first time', () => {
  it('loads what says it in French before the error reaches the screen', async () => {
    const error = await toApiError(
      refusal({
        type: 'https://mcc.dev/problems/invalid_transition',
        title: 'That status change is not allowed',
        status: 409,
        code: 'invalid_transition',
        detail: 'A published item cannot be moved',
        facts: { reason: 'published_item_locked', action: 'move' },
      }),
    );
    expect(describeError(error)).toMatch(/\(détail\u00a0: Un élément publié ne peut plus être déplacé\)$/);
  });
});
