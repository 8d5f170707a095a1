import { describe, expect, it } from 'vitest';
import { ApiError } from '#web/lib/api-error.js';
import '#web/lib/problem-facts-text.js';
import { aContentItem } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { explainRefusal } from './bulk-action-bar.js';

// The per-item refusals are worded through the app's global i18n instance, made French here.
const french = testI18n('fr', { global: true });
const BUSINESS = '0194f3c2-0000-7000-8000-000000000001';

describe('explainRefusal, in French', () => {
  it('says what was refused and why, item by item, from the counts and facts the server sends', () => {
    const items = [
      aContentItem({ business_id: BUSINESS, title: 'Cartes cadeaux', status: 'draft' }),
      aContentItem({ business_id: BUSINESS, title: 'Avent', status: 'published' }),
      aContentItem({ business_id: BUSINESS, title: 'Soldes', status: 'approved' }),
    ];
    const error = new ApiError({
      type: 'about:blank',
      title: 'Nothing changed: some items could not be changed',
      status: 422,
      code: 'bulk_failed',
      detail: '2 of 3 items cannot change',
      errors: [
        {
          path: 'body.ids.1',
          code: 'invalid_transition',
          message: 'A published item cannot be moved',
          facts: { reason: 'published_item_locked', action: 'move' },
        },
        {
          path: 'body.ids.2',
          code: 'invalid_transition',
          message: 'An item that is approved cannot move from there',
          facts: { reason: 'content_move', from: 'approved', to: 'in_review', allowed: [] },
        },
      ],
    });
    expect(explainRefusal(error, items, french.getFixedT('fr', 'content'))).toEqual({
      title: 'Rien n’a été modifié. 2 éléments sur 3 ne peuvent pas changer',
      lines: [
        '«\u00a0Avent\u00a0»\u00a0: Un élément publié ne peut plus être déplacé',
        '«\u00a0Soldes\u00a0»\u00a0: Un élément «\u00a0Approuvé\u00a0» ne peut plus changer de statut',
      ],
    });
  });

  it('counts an item once when its media breaks several rules, and says each', () => {
    const items = [
      aContentItem({ business_id: BUSINESS, title: 'Démo', status: 'draft', channel: 'tiktok' }),
    ];
    const error = new ApiError({
      type: 'about:blank',
      title: 'Nothing changed: some items could not be changed',
      status: 422,
      code: 'bulk_failed',
      errors: [
        {
          path: 'body.ids.0',
          code: 'media_check_failed',
          message: 'TikTok posts take a video only',
          facts: { code: 'media_not_accepted', channel: 'tiktok', refused: 'images' },
        },
        {
          path: 'body.ids.0',
          code: 'media_check_failed',
          message: 'TikTok posts need a video: attach one from the library',
          facts: { code: 'video_required', channel: 'tiktok' },
        },
      ],
    });
    const { title, lines } = explainRefusal(error, items, french.getFixedT('fr', 'content'));
    expect(title).toBe('Rien n’a été modifié. 1 élément sur 1 ne peut pas changer');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe(
      '«\u00a0Démo\u00a0»\u00a0: Les publications sur TikTok demandent une vidéo\u00a0: joignez-en une depuis la médiathèque',
    );
  });
});
