import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { FieldError, Problem } from '#shared/problem.schema.js';
import { GeneralSettingsForm } from '#web/features/workspaces/components/general-settings-form.js';
import { ApiError, NetworkError } from '#web/lib/api-error.js';
import { describeError, describeRefusal } from '#web/lib/error-messages.js';
import { fieldErrorText } from '#web/lib/field-error-text.js';
import { loadFieldMessages } from '#web/lib/field-messages.js';
// Loaded by the pages the channel rules can refuse; it words their refusals from the facts.
import '#web/lib/channel-issue-text.js';
// Loaded with the first refusal that carries facts (problem.ts); here at once.
import '#web/lib/problem-facts-text.js';
import fr from '#web/locales/fr/common.json';
import { fieldProblem, problem } from '#web/test/fake-api.js';
import { aBusiness } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';

// describeError and the field messages are plain functions: they speak the language of the app's global
// i18n instance, so this file makes that instance French (each component test file has its own).
testI18n('fr', { global: true });

function renderForm() {
  const business = aBusiness({ role: 'owner' });
  const rendered = renderWithProviders(<GeneralSettingsForm business={business} />, {
    url: `/w/${business.id}/settings`,
    route: '/w/:businessId/settings',
  });
  return { business, ...rendered };
}

describe('Errors, in French', () => {
  it("the server's field errors, beside their fields", async () => {
    const { business, user } = renderForm();
    fakeApi().on(
      'PATCH',
      API.business(business.id),
      fieldProblem({ locale: 'Use a language tag such as en or en-GB', time_zone: 'Unknown time zone' }),
    );
    await user.type(screen.getByLabelText('Nom de l’entreprise'), ' et fils');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await screen.findByText('Utilisez une étiquette de langue, comme fr ou fr-CA')).toBeTruthy();
    expect(screen.getByText('Fuseau horaire inconnu')).toBeTruthy();
  });

  it('a field checked in the browser, with the shared schema', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText('Site web'), 'ftp://example.com');
    await user.tab();
    expect(await screen.findByText('Utilisez une adresse http(s)')).toBeTruthy();
  });

  it("the sentence for the error's code, above the form", async () => {
    const { business, user } = renderForm();
    fakeApi().on('PATCH', API.business(business.id), problem(403, 'forbidden', 'Only owners and admins may'));
    await user.type(screen.getByLabelText('Nom de l’entreprise'), ' et fils');
    await user.click(screen.getByRole('button', { name: 'Enregistrer les modifications' }));
    expect(await screen.findByText('Votre rôle dans cet espace de travail ne le permet pas.')).toBeTruthy();
  });
});

describe('describeError, in French', () => {
  const apiError = (problem: Partial<Problem>, retryAfter?: number) =>
    new ApiError(
      { type: 'about:blank', title: 'Error', status: 400, code: 'validation_failed', ...problem },
      retryAfter,
    );

  it('says each sentence in French, with its values', () => {
    expect(describeError(new NetworkError('down'))).toBe(
      'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
    );
    expect(describeError(apiError({ status: 429, code: 'rate_limited' }, 42))).toBe(
      'Trop de tentatives, réessayez dans 42 s.',
    );
    expect(describeError(apiError({ status: 500, code: 'internal_error', request_id: 'abc123' }))).toBe(
      'Un problème est survenu de notre côté. Si cela se reproduit, indiquez l’identifiant de requête abc123.',
    );
  });

  it("keeps the server's English detail only where it says what the sentence cannot", () => {
    const detail = 'An item that is a draft can move to: in_review';
    expect(describeError(apiError({ status: 409, code: 'invalid_transition', detail }))).toBe(
      `Ce changement de statut n’est pas possible depuis le statut actuel de l’élément. (détail\u00a0: ${detail})`,
    );
    expect(describeError(apiError({ status: 404, code: 'not_found', detail: 'No such campaign' }))).toBe(
      'Introuvable. L’élément a peut-être été supprimé, ou vous n’êtes pas membre.',
    );
  });

  it('words a refusal by the channel or media rules in French, from the facts the server sends', () => {
    const hashtags = apiError({
      status: 422,
      code: 'over_channel_limit',
      detail: 'Threads allows 1 hashtag; this has 2',
      errors: [
        {
          path: 'body.hashtags',
          code: 'too_many_hashtags',
          message: 'Threads allows 1 hashtag; this has 2',
          facts: { code: 'too_many_hashtags', channel: 'threads', count: 2, limit: 1 },
        },
      ],
    });
    expect(describeError(hashtags)).toMatch(
      /^.+\(détail\u00a0: Threads accepte au plus 1 hashtag\u00a0; ce texte en compte 2\)$/,
    );
    const images = apiError({
      status: 422,
      code: 'media_check_failed',
      detail: 'X takes at most 4 images in a post; this has 5',
      errors: [
        {
          path: 'body.media',
          code: 'too_many_images',
          message: 'X takes at most 4 images in a post; this has 5',
          facts: { code: 'too_many_images', channel: 'x', count: 5, limit: 4 },
        },
      ],
    });
    expect(describeError(images)).not.toContain('takes at most');
    expect(fieldErrorText(images.fieldErrors[0] as FieldError)).toBe(
      describeError(images).replace(/^.*\(détail\u00a0: (.*)\)$/, '$1'),
    );
  });

  it('says why the password policy refused a password in French', async () => {
    await loadFieldMessages();
    const detail = 'Do not use your name in your password';
    const refused = apiError({
      status: 400,
      code: 'weak_password',
      detail,
      errors: [{ path: 'body.password', code: 'weak_password', message: detail }],
    });
    expect(describeError(refused)).toMatch(
      /\(détail\u00a0: N’utilisez pas votre nom dans votre mot de passe\)$/,
    );
    expect(fieldErrorText(refused.fieldErrors[0] as FieldError)).toBe(
      'N’utilisez pas votre nom dans votre mot de passe',
    );
  });

  it('says a refused status move, file or conflict in French, from the facts the server sends', () => {
    const move = apiError({
      status: 409,
      code: 'invalid_transition',
      detail: 'An item that is a draft can move to: in_review',
      facts: { reason: 'content_move', from: 'draft', to: 'approved', allowed: ['in_review'] },
    });
    expect(describeError(move)).toBe(
      'Ce changement de statut n’est pas possible depuis le statut actuel de l’élément. (détail\u00a0: Un élément «\u00a0Brouillon\u00a0» peut passer à «\u00a0En relecture\u00a0»)',
    );
    const file = apiError({
      status: 415,
      code: 'unsupported_media_type',
      detail:
        'This is a image/svg+xml file. Accepted: JPEG, PNG, WebP, GIF, HEIC images and MP4 or MOV video.',
      facts: { reason: 'media_type_refused', found: 'image/svg+xml' },
    });
    expect(describeError(file)).toContain(
      'Ce fichier est de type image/svg+xml. Acceptés\u00a0: images JPEG',
    );
    const taken = apiError({
      status: 409,
      code: 'conflict',
      detail: 'An account with this email already exists',
      facts: { reason: 'email_taken' },
    });
    expect(describeError(taken)).toContain('(détail\u00a0: Un compte existe déjà avec cette adresse e-mail)');
  });

  it('says how a network refused a connection in French, quoting only the network’s own words', () => {
    const facts = {
      reason: 'network_failed',
      network: 'mastodon',
      failure: 'credentials',
      status: 401,
      said: 'The access token is invalid',
    };
    const refused = apiError({
      status: 422,
      code: 'network_refused',
      detail: 'Mastodon refused the token: The access token is invalid',
      facts,
      errors: [
        {
          path: 'body.credentials.access_token',
          code: 'token_refused',
          message: 'Mastodon refused the token: The access token is invalid',
          facts,
        },
      ],
    });
    const inFrench =
      'Mastodon a refusé les identifiants (HTTP 401)\u00a0: «\u00a0The access token is invalid\u00a0»';
    expect(describeError(refused)).toBe(`${fr.errors.codes.network_refused} (détail\u00a0: ${inFrench})`);
    // The connect form shows it on the token's field.
    expect(fieldErrorText(refused.fieldErrors[0] as FieldError)).toBe(inFrench);
    const down = apiError({
      status: 502,
      code: 'network_unavailable',
      detail: 'Bluesky did not answer: connect ECONNREFUSED 127.0.0.1:2583',
      facts: { reason: 'network_failed', network: 'bluesky', failure: 'no_answer', status: null, said: null },
    });
    expect(describeError(down)).toContain('Bluesky n’a pas répondu\u00a0; vérifiez l’adresse');
  });

  it('says who may do what a role was refused, in French, and only the code’s sentence without facts', () => {
    const refused = apiError({
      status: 403,
      code: 'forbidden',
      detail: 'Your role (editor) cannot schedule an item; owners and admins can',
      facts: { reason: 'role_cannot', role: 'editor', action: 'schedule_item', to: null },
    });
    expect(describeError(refused)).toBe(
      `${fr.errors.codes.forbidden} (détail\u00a0: Votre rôle (rédacteur) ne permet pas de programmer un élément\u00a0; les propriétaires et les administrateurs le peuvent)`,
    );
    const plain = apiError({
      status: 403,
      code: 'forbidden',
      detail: 'Your role (viewer) does not allow this',
    });
    expect(describeError(plain)).toBe(fr.errors.codes.forbidden);
  });

  it('says a bulk change’s per-item refusal in French, from its facts', () => {
    const refusal: FieldError = {
      path: 'body.ids.0',
      code: 'invalid_transition',
      message: 'A published item cannot be moved',
      facts: { reason: 'published_item_locked', action: 'move' },
    };
    expect(fieldErrorText(refusal)).toBe('Un élément publié ne peut plus être déplacé');
  });

  it('says a calendar slot the AI could not write in French, from its code and facts', () => {
    const unusable = describeRefusal({
      reason:
        "The model's answer had posting times we could not read; nothing was saved. Try again or choose another model.",
      code: 'ai_provider_error',
      facts: { reason: 'ai_answer_unusable', faults: ['times'] },
    });
    expect(unusable).toMatch(
      /\(détail\u00a0: La réponse du modèle contenait des heures de publication illisibles\u00a0; rien n’a été enregistré\. Réessayez ou choisissez un autre modèle\.\)$/,
    );
    expect(describeRefusal({ reason: 'The monthly AI budget is spent', code: 'budget_exceeded' })).toBe(
      fr.errors.codes.budget_exceeded,
    );
    // A result stored before codes were kept reads as written.
    expect(describeRefusal({ reason: 'Written long ago' })).toBe('Written long ago');
  });

  it('keeps the English of a rule refusal without facts (an older server)', () => {
    const detail = 'Threads allows 1 hashtag; this has 2';
    const refusal = apiError({
      status: 422,
      code: 'over_channel_limit',
      detail,
      errors: [{ path: 'body.hashtags', code: 'too_many_hashtags', message: detail }],
    });
    expect(describeError(refusal)).toContain(`(détail\u00a0: ${detail})`);
  });
});
