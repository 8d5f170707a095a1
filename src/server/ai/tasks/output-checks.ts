import { knownHosts } from '../checks/links.js';
import {
  avoidedWordMatcher,
  checkOutputTexts,
  type OutputFindings,
  type OutputText,
} from '../checks/output-checks.js';
import { checkOutputSafety } from '../prompt-safety.js';
import type { ChatMessage } from '../provider.js';
import type { BusinessContext } from '../task.js';
import { allowedEchoes } from './prompt-parts.js';

/**
 * Problems in output texts that only the model can fix: an echo of the system prompt, a leaked data
 * fence, or talk about its instructions. Words to avoid are the checks' (see {@link checkBusinessOutput}).
 */
export function safetyProblems(
  texts: readonly string[],
  messages: readonly ChatMessage[],
  business: BusinessContext,
): string[] {
  const systemPrompt = messages.find((message) => message.role === 'system')?.content ?? '';
  const problems = checkOutputSafety(texts.join('\n'), {
    systemPrompt,
    wordsToAvoid: [],
    allowedEchoes: allowedEchoes(business),
  });
  return [...new Set(problems.map((problem) => problem.message))];
}

/** What an output may link to and name besides the business's own profile. */
export interface OutputSources {
  /** The language the output should be in (code or locale); the business's locale when omitted. */
  language?: string | undefined;
  /** Texts the writer was given (the brief, knowledge entries): their links are allowed. */
  given?: ReadonlyArray<string | null | undefined>;
}

/** The names that stay in their own language whatever the output's: the business's, its products', its audiences'. */
function namesOf(business: BusinessContext): string[] {
  const { brand } = business;
  return [
    business.name,
    ...brand.products.map((product) => product.name),
    ...brand.audiences.map((audience) => audience.name),
    ...brand.voice.words_to_use,
  ];
}

/** The texts of the profile whose links an output may repeat. */
function profileTexts(business: BusinessContext): Array<string | null | undefined> {
  const { brand } = business;
  return [
    business.website,
    business.description,
    ...brand.products.flatMap((product) => [product.url, product.description]),
    ...brand.voice.example_posts,
  ];
}

/**
 * The checks on a task's output texts for this business: words to avoid in the output's language, template
 * markers, links outside the profile and `sources.given`, and the language of `languageUnits`.
 */
export function checkBusinessOutput(
  texts: readonly OutputText[],
  languageUnits: readonly OutputText[],
  business: BusinessContext,
  sources: OutputSources = {},
): OutputFindings {
  return checkOutputTexts(texts, languageUnits, {
    language: sources.language ?? business.locale,
    wordsToAvoid: business.brand.voice.words_to_avoid,
    knownHosts: knownHosts([...profileTexts(business), ...(sources.given ?? [])]),
    names: namesOf(business),
  });
}

/** `hashtags` without those carrying a word to avoid in any form ("#CheapEats" when "cheap" is avoided). */
export function withoutAvoidedHashtags(
  hashtags: readonly string[],
  business: BusinessContext,
  language: string = business.locale,
): string[] {
  const matcher = avoidedWordMatcher(business.brand.voice.words_to_avoid, language);
  return hashtags.filter((tag) => !matcher.has(tag.startsWith('#') ? tag : `#${tag}`));
}
