import { describe, expect, it, onTestFinished } from 'vitest';
import {
  AI_ANSWER_FAULTS,
  type AiProviderFailure,
  NETWORK_FAILURE_FACTS,
  PROBLEM_REASONS,
  type ProblemFacts,
  type ProblemReason,
} from '#shared/problem-facts.js';
import en from '#web/locales/en/problems.json';
import fr from '#web/locales/fr/problems.json';
import { testI18n } from '#web/test/i18n.js';
import { problemFactsText } from './problem-facts-text.js';
import { setWorkspaceRegion } from './workspace-format.js';

const AI_PROVIDER_FAILURES: AiProviderFailure[] = [
  'rate_limited',
  'server_error',
  'connection',
  'timeout',
  'rejected',
  'bad_response',
  'cancelled',
  'address_refused',
  'deadline',
];

/** Facts for every reason, as the server sends them; a reason with variants has one example of each. */
const EXAMPLES: Record<ProblemReason, ProblemFacts[]> = {
  content_move: [
    { reason: 'content_move', from: 'in_review', to: 'scheduled', allowed: ['draft', 'approved'] },
    { reason: 'content_move', from: 'published', to: 'draft', allowed: [] },
  ],
  content_set_by_publishing: [{ reason: 'content_set_by_publishing', to: 'published' }],
  campaign_move: [
    { reason: 'campaign_move', from: 'draft', to: 'completed', allowed: ['active', 'archived'] },
    { reason: 'campaign_move', from: 'archived', to: 'active', allowed: [] },
  ],
  published_item_locked: [
    { reason: 'published_item_locked', action: 'edit' },
    { reason: 'published_item_locked', action: 'move' },
    { reason: 'published_item_locked', action: 'queue' },
  ],
  past_publication_not_approved: [{ reason: 'past_publication_not_approved', status: 'draft' }],
  media_type_refused: [
    { reason: 'media_type_refused', found: 'image/svg+xml' },
    { reason: 'media_type_refused', found: null },
  ],
  multipart_required: [{ reason: 'multipart_required' }],
  media_file_too_large: [
    { reason: 'media_file_too_large', kind: 'image', limit_bytes: 20 * 1024 * 1024 },
    { reason: 'media_file_too_large', kind: 'video', limit_bytes: 500 * 1024 * 1024 },
  ],
  image_over_pixel_limit: [
    { reason: 'image_over_pixel_limit', width: 5000, height: 5000, limit_pixels: 1e6 },
  ],
  media_attached: [
    { reason: 'media_attached', name: 'Storefront.jpg', items: 1 },
    { reason: 'media_attached', name: 'Storefront.jpg', items: 3 },
  ],
  media_just_attached: [{ reason: 'media_just_attached', name: 'Storefront.jpg' }],
  email_taken: [{ reason: 'email_taken' }],
  already_member: [{ reason: 'already_member' }],
  already_invited: [{ reason: 'already_invited' }],
  passkey_registered: [{ reason: 'passkey_registered' }],
  two_factor_not_started: [{ reason: 'two_factor_not_started' }],
  two_factor_setup_unreadable: [{ reason: 'two_factor_setup_unreadable' }],
  two_factor_off: [{ reason: 'two_factor_off' }],
  two_factor_on: [{ reason: 'two_factor_on' }],
  job_not_retryable: [{ reason: 'job_not_retryable' }],
  job_finished: [{ reason: 'job_finished' }],
  no_model_configured: [{ reason: 'no_model_configured' }],
  ai_provider_failed: AI_PROVIDER_FAILURES.map((failure) => ({ reason: 'ai_provider_failed', failure })),
  ai_answer_unusable: [
    { reason: 'ai_answer_unusable', faults: ['times'] },
    { reason: 'ai_answer_unusable', faults: ['dates', 'channel_rules', 'other'] },
    { reason: 'ai_answer_unusable', faults: [] },
    ...AI_ANSWER_FAULTS.map((fault): ProblemFacts => ({ reason: 'ai_answer_unusable', faults: [fault] })),
  ],
  role_cannot: [
    { reason: 'role_cannot', role: 'viewer', action: 'delete_content', to: null },
    { reason: 'role_cannot', role: 'viewer', action: 'restore_content', to: null },
    { reason: 'role_cannot', role: 'viewer', action: 'edit_content', to: null },
    { reason: 'role_cannot', role: 'viewer', action: 'move_content', to: null },
    { reason: 'role_cannot', role: 'editor', action: 'set_content_status', to: 'approved' },
    { reason: 'role_cannot', role: 'editor', action: 'move_scheduled_item', to: null },
    { reason: 'role_cannot', role: 'editor', action: 'schedule_item', to: null },
  ],
  comment_author_only: [{ reason: 'comment_author_only' }],
  api_key_not_a_person: [
    { reason: 'api_key_not_a_person', scope: 'accounts' },
    { reason: 'api_key_not_a_person', scope: 'comments' },
    { reason: 'api_key_not_a_person', scope: 'notifications' },
  ],
  owner_only: [
    { reason: 'owner_only', change: 'two_factor_requirement' },
    { reason: 'owner_only', change: 'owner_role' },
  ],
  network_failed: NETWORK_FAILURE_FACTS.flatMap((failure): ProblemFacts[] => [
    {
      reason: 'network_failed',
      network: 'mastodon',
      failure,
      status: 403,
      said: 'Your account is suspended',
    },
    { reason: 'network_failed', network: 'bluesky', failure, status: null, said: null },
  ]),
};

/** A reason's key without its variant (`media_attached_one` → `media_attached`). */
const baseOf = (key: string) =>
  PROBLEM_REASONS.find((reason) => key === reason || key.startsWith(`${reason}_`)) ?? key;

describe('problemFactsText', () => {
  const english = testI18n('en');
  const french = testI18n('fr');

  it('has words for every reason, and only for them, in English and French', () => {
    for (const strings of [en.reasons, fr.reasons]) {
      const reasons = new Set(Object.keys(strings).map(baseOf));
      expect([...reasons].sort()).toEqual([...PROBLEM_REASONS].sort());
    }
  });

  it('says every reason in each language, with no value left unfilled', () => {
    for (const reason of PROBLEM_REASONS) {
      for (const facts of EXAMPLES[reason]) {
        const inEnglish = problemFactsText(facts, english);
        const inFrench = problemFactsText(facts, french);
        expect(inEnglish, JSON.stringify(facts)).toBeTruthy();
        expect(inFrench, JSON.stringify(facts)).toBeTruthy();
        expect(inFrench).not.toBe(inEnglish);
        expect(`${inEnglish} ${inFrench}`).not.toMatch(/\{\{|undefined|errors\.reasons/);
      }
    }
  });

  it('names statuses as their pages do, and the moves allowed as a choice', () => {
    const [move, stuck] = EXAMPLES.content_move;
    expect(problemFactsText(move, french)).toBe(
      'Un élément «\u00a0En relecture\u00a0» peut passer à «\u00a0Brouillon\u00a0» ou «\u00a0Approuvé\u00a0»',
    );
    expect(problemFactsText(move, english)).toBe(
      'An item that is “In review” can move to “Draft” or “Approved”',
    );
    expect(problemFactsText(stuck, french)).toBe(
      'Un élément «\u00a0Publié\u00a0» ne peut plus changer de statut',
    );
    expect(problemFactsText(EXAMPLES.campaign_move[0], french)).toBe(
      'Une campagne «\u00a0Brouillon\u00a0» ne peut pas passer à «\u00a0Terminée\u00a0»\u00a0; elle peut passer à «\u00a0Active\u00a0» ou «\u00a0Archivée\u00a0»',
    );
  });

  it('says what was wrong with a model’s answer as a list, in the reader’s words', () => {
    const [, several] = EXAMPLES.ai_answer_unusable;
    expect(problemFactsText(several, french)).toBe(
      'La réponse du modèle contenait des dates illisibles, du texte qui enfreint les règles du canal et d’autres problèmes\u00a0; rien n’a été enregistré. Réessayez ou choisissez un autre modèle.',
    );
    expect(problemFactsText(several, english)).toBe(
      'The model’s answer had dates we could not read, text that broke the channel’s rules, and other problems; nothing was saved. Try again or choose another model.',
    );
  });

  it('says how a network failed in the reader’s words, quoting only what the network itself wrote', () => {
    const refused: ProblemFacts = {
      reason: 'network_failed',
      network: 'mastodon',
      failure: 'credentials',
      status: 401,
      said: 'The access token is invalid',
    };
    expect(problemFactsText(refused, french)).toBe(
      'Mastodon a refusé les identifiants (HTTP 401)\u00a0: «\u00a0The access token is invalid\u00a0»',
    );
    expect(problemFactsText(refused, english)).toBe(
      'Mastodon refused the credentials (HTTP 401): “The access token is invalid”',
    );
    expect(
      problemFactsText(
        { reason: 'network_failed', network: 'bluesky', failure: 'no_answer', status: null, said: null },
        french,
      ),
    ).toBe('Bluesky n’a pas répondu\u00a0; vérifiez l’adresse ou réessayez dans un instant');
  });

  it('writes sizes and counts as the workspace does', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    onTestFinished(() => setWorkspaceRegion(undefined));
    const [image] = EXAMPLES.media_file_too_large;
    expect(problemFactsText(image, french)).toMatch(/^Une image peut peser jusqu’à 20\sMo/);
    expect(problemFactsText(EXAMPLES.image_over_pixel_limit[0], french)).toBe(
      'L’image fait 5\u202f000 × 5\u202f000 pixels (25 mégapixels)\u00a0; la limite est de 1 mégapixels.',
    );
    const [one, three] = EXAMPLES.media_attached;
    expect(problemFactsText(one, french)).toContain('est joint à 1 contenu.');
    expect(problemFactsText(three, french)).toContain('est joint à 3 contenus.');
  });

  it('leaves to the server’s words what it does not know or cannot name yet', () => {
    expect(problemFactsText({ reason: 'something_new' }, french)).toBeUndefined();
    expect(problemFactsText(undefined, french)).toBeUndefined();
    expect(problemFactsText({ code: 'too_many_hashtags' }, french)).toBeUndefined();
    // Without its strings loaded, nothing is said; without the content pages' words, a status cannot be
    // named: no half-French sentence.
    const unloaded = testI18n('fr');
    unloaded.removeResourceBundle('fr', 'problems');
    unloaded.removeResourceBundle('en', 'problems');
    expect(problemFactsText({ reason: 'email_taken' }, unloaded)).toBeUndefined();
    const bare = testI18n('fr');
    bare.removeResourceBundle('fr', 'content');
    bare.removeResourceBundle('en', 'content');
    expect(problemFactsText(EXAMPLES.content_move[0], bare)).toBeUndefined();
  });
});
