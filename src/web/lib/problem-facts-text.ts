import type { i18n as I18n } from 'i18next';
import type { CampaignStatus } from '#shared/campaign.schema.js';
import type { ContentStatus } from '#shared/content-statuses.js';
import { NETWORK_NAMES } from '#shared/network.schema.js';
import { isProblemFacts, type NetworkFailureFact, type ProblemFacts } from '#shared/problem-facts.js';
import { setProblemFactsWording } from './error-messages.js';
import { addFieldErrorWording } from './field-error-text.js';
import { formatBytes, formatNumber } from './workspace-format.js';

// Loaded with the first refusal that carries facts (error-messages.ts `loadProblemFactsWording`), with its
// strings (the `problems` namespace): the sign-in page and a first visit download neither.

/**
 * A refusal's facts (src/shared/problem-facts.ts) said in the interface's language, from `reasons` in
 * `problems`: statuses named as their pages name them, numbers and sizes as the workspace writes them.
 * Undefined when the facts are not a known reason, or the words are not loaded yet: the caller then shows
 * the server's English detail rather than half a sentence.
 *
 * @example problemFactsText({ reason: 'content_move', from: 'draft', to: 'approved', allowed: ['in_review'] }, i18n)
 * // 'Un élément « Brouillon » peut passer à « En revue »'
 */
export function problemFactsText(facts: unknown, i18n: I18n): string | undefined {
  if (!isProblemFacts(facts) || !i18n.hasLoadedNamespace('problems')) return undefined;
  const values = valuesOf(facts, i18n);
  if (!values) return undefined;
  const text = i18n.t(`reasons.${facts.reason}`, { ns: 'problems', ...values, defaultValue: '' });
  return text === '' ? undefined : text;
}

setProblemFactsWording(problemFactsText);
// A bulk change's per-item refusals carry the same facts as a single item's problem.
addFieldErrorWording((fieldError, i18n) => problemFactsText(fieldError.facts, i18n));

type Values = Record<string, string | number>;

function valuesOf(facts: ProblemFacts, i18n: I18n): Values | undefined {
  switch (facts.reason) {
    case 'content_move':
    case 'campaign_move': {
      const word = facts.reason === 'content_move' ? contentStatus : campaignStatus;
      const named = [facts.from, facts.to, ...facts.allowed].map((status) => word(status as never, i18n));
      if (named.some((name) => name === undefined)) return undefined;
      const [from = '', to = '', ...allowed] = named as string[];
      const list = new Intl.ListFormat(i18n.resolvedLanguage, { type: 'disjunction' });
      return { from, to, allowed: list.format(allowed), context: allowed.length === 0 ? 'none' : '' };
    }
    case 'content_set_by_publishing':
      return present({ to: contentStatus(facts.to, i18n) });
    case 'past_publication_not_approved':
      return present({ status: contentStatus(facts.status, i18n) });
    case 'published_item_locked':
      return { context: facts.action };
    case 'media_type_refused':
      return facts.found === null ? { context: 'unknown' } : { found: facts.found };
    case 'media_file_too_large':
      return { limit: formatBytes(facts.limit_bytes), context: facts.kind };
    case 'image_over_pixel_limit': {
      const megapixels = (pixels: number) => formatNumber(pixels / 1_000_000, { maximumFractionDigits: 1 });
      return {
        width: formatNumber(facts.width),
        height: formatNumber(facts.height),
        megapixels: megapixels(facts.width * facts.height),
        limit: megapixels(facts.limit_pixels),
      };
    }
    case 'media_attached':
      return { name: facts.name, count: facts.items };
    case 'media_just_attached':
      return { name: facts.name };
    case 'ai_provider_failed':
      return { context: facts.failure };
    case 'ai_answer_unusable': {
      if (facts.faults.length === 0) return { context: 'unnamed' };
      const faults = facts.faults.map((fault) => i18n.t(`aiAnswerFaults.${fault}`, { ns: 'problems' }));
      return { faults: new Intl.ListFormat(i18n.resolvedLanguage, { type: 'conjunction' }).format(faults) };
    }
    case 'role_cannot': {
      const role = i18n.t(`roles.${facts.role}`, { ns: 'problems', defaultValue: facts.role });
      if (facts.to === null) return { role, context: facts.action };
      return present({ role, to: contentStatus(facts.to, i18n), context: facts.action });
    }
    case 'api_key_not_a_person':
      return { context: facts.scope };
    case 'owner_only':
      return { context: facts.change };
    case 'network_failed': {
      const said = facts.said !== null && NETWORK_WORDS_SHOWN.has(facts.failure);
      return {
        network: NETWORK_NAMES[facts.network] ?? facts.network,
        // A status is the protocol's, the same in every language.
        status: facts.status === null ? '' : ` (HTTP ${facts.status})`,
        context: said ? `${facts.failure}_said` : facts.failure,
        // The network's own words stay as it wrote them, quoted as the language quotes.
        ...(said && { said: i18n.t('quoted', { ns: 'problems', name: facts.said }) }),
      };
    }
    default:
      return {};
  }
}

/** The failures whose sentence has room for the network's own words (the others never carry any). */
const NETWORK_WORDS_SHOWN: ReadonlySet<NetworkFailureFact> = new Set<NetworkFailureFact>([
  'credentials',
  'rate_limited',
  'unavailable',
  'bad_answer',
  'refused',
]);

/** Values where every one is known, or undefined. */
function present(values: Record<string, string | undefined>): Values | undefined {
  return Object.values(values).every((value) => value !== undefined) ? (values as Values) : undefined;
}

function contentStatus(status: ContentStatus, i18n: I18n): string | undefined {
  return wordOf(i18n, `content:status.${status}`);
}

function campaignStatus(status: CampaignStatus, i18n: I18n): string | undefined {
  return wordOf(i18n, `campaigns:statuses.${status}`);
}

/** A status's name as its page shows it, in the language's quotation marks, if its words are loaded. */
function wordOf(i18n: I18n, key: string): string | undefined {
  const word = i18n.t(key, { defaultValue: '' });
  return word === '' ? undefined : i18n.t('quoted', { ns: 'problems', name: word });
}
