import type { ChatRequest } from './chat-request.schema.js';
import { messageText } from './chat-request.schema.js';

/**
 * What the fake "reads" in a prompt before answering, the way a model follows its instructions: the brand
 * to write about, words to avoid, how many items to return, the dates and cadence of a plan, the language
 * and the channel's limits. It understands the phrasings of the prompts in src/server/ai/tasks (and plain
 * ones like "Write 3 variants"); anything it does not find leaves the answer generic but still valid.
 */
export interface PromptHints {
  /** The business's name, or a neutral one. */
  brand: string;
  industry: string | undefined;
  products: string[];
  audiences: string[];
  /** Content pillars the team chose (a `pillars` data fence). */
  pillars: string[];
  /** Words the brand never uses, lower-case: answers leave out any text that contains them. */
  avoid: string[];
  /** ISO dates the request mentions, sorted: a plan's range. */
  dates: string[];
  weeks: number | undefined;
  /** "N <noun>" instructions ("Write 3 distinct variant(s)", "Suggest 2 different replies"). */
  counts: Array<{ noun: string; count: number }>;
  /** "channel: N/week" instructions of a plan. */
  cadence: Array<{ word: string; perWeek: number }>;
  /** The language to answer in, as a code (`en`, `de-DE`). */
  language: string;
  /** Hashtags per post the channel wants: 0 for "no hashtags". */
  hashtags: number | undefined;
  /** The channel's length limit, when the request is about one channel. */
  charLimit: number | undefined;
  /** A line the text must end with (`ending with "Reply STOP to opt out."`). */
  ending: string | undefined;
  /** Field names the prompt mentions in backticks (`thread`): an optional list it names gets filled. */
  mentioned: Set<string>;
}

const NEUTRAL_BRAND = 'Northwind Coffee';

/** Hints for a request that says nothing useful: a neutral brand, English, no limits. */
export function neutralHints(): PromptHints {
  return {
    brand: NEUTRAL_BRAND,
    industry: undefined,
    products: [],
    audiences: [],
    pillars: [],
    avoid: [],
    dates: [],
    weeks: undefined,
    counts: [],
    cadence: [],
    language: 'en',
    hashtags: undefined,
    charLimit: undefined,
    ending: undefined,
    mentioned: new Set(),
  };
}

/** Read `request` into hints; `schemaText` (the JSON Schema as sent) is ignored wherever it was pasted. */
export function readPromptHints(request: ChatRequest, schemaText?: string): PromptHints {
  const strip = (text: string) => (schemaText ? text.split(schemaText).join(' ') : text);
  const system = strip(
    request.messages
      .filter((m) => m.role === 'system' || m.role === 'developer')
      .map(messageText)
      .join('\n'),
  );
  // The first user turn holds the task; a repair turn ("Your answer has these problems") adds nothing new.
  const firstUser = request.messages.find((m) => m.role === 'user');
  const user = strip(firstUser ? messageText(firstUser) : '');
  const all = `${system}\n${user}`;

  const business = /^Business: (.+?)(?: \(([^)]+)\))?\.$/mu.exec(all);
  return {
    brand: business?.[1]?.trim() || NEUTRAL_BRAND,
    industry: business?.[2]?.trim(),
    products: listBlock(all, 'Products and offers:'),
    audiences: listBlock(all, 'Audiences:'),
    pillars: fencedLines(user, 'pillars'),
    avoid: wordList(all, /^Words to AVOID[^:]*: (.+?)\.?$/mu).map((word) => word.toLowerCase()),
    dates: [...new Set(user.match(/\b\d{4}-\d{2}-\d{2}\b/gu) ?? [])].sort(),
    weeks: numberAfter(user, /\b(\d{1,2}) weeks?\b|\b(\d{1,2}) week\(s\)/u),
    counts: [...readCounts(user), ...readCounts(system)],
    cadence: [...user.matchAll(/\b([a-z_]+): (\d{1,2})\/week\b/gu)].map((m) => ({
      word: m[1] as string,
      perWeek: Number(m[2]),
    })),
    language:
      /language with code ([a-z]{2,3}(?:-[A-Z]{2})?)/u.exec(user)?.[1] ??
      /\blocale:? ([a-z]{2,3}(?:[-_][A-Z]{2})?)/iu.exec(all)?.[1] ??
      'en',
    hashtags: /\bno hashtags\b/u.test(system)
      ? 0
      : (numberAfter(system, /about (\d+) is best/u) ?? numberAfter(system, /at most (\d+) hashtags/u)),
    charLimit: singleChannelLimit(system),
    ending: /ending with "([^"]+)"/u.exec(system)?.[1],
    mentioned: new Set([...all.matchAll(/`([a-z_]+)`/gu)].map((m) => m[1] as string)),
  };
}

/** The names of a `Heading:` block of `- name: description` lines (prices in brackets dropped). */
function listBlock(text: string, heading: string): string[] {
  const start = text.indexOf(`${heading}\n`);
  if (start === -1) return [];
  const names: string[] = [];
  for (const line of text.slice(start + heading.length + 1).split('\n')) {
    const item = /^- ([^:(]+?)(?: \([^)]*\))?:/u.exec(line);
    if (!item?.[1]) break;
    names.push(item[1].trim());
  }
  return names;
}

/** The lines inside the data fence labelled `label`. */
function fencedLines(text: string, label: string): string[] {
  const fence = new RegExp(`<(data-[\\w-]+) label="${label}">\\n([\\s\\S]*?)\\n</\\1>`, 'u').exec(text);
  return (fence?.[2] ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function wordList(text: string, pattern: RegExp): string[] {
  const list = pattern.exec(text)?.[1];
  if (!list || /^none given$/iu.test(list)) return [];
  return list
    .split(',')
    .map((word) => word.trim())
    .filter(Boolean);
}

function numberAfter(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  const digits = match?.slice(1).find((group) => group !== undefined);
  return digits === undefined ? undefined : Number(digits);
}

/** Each number followed, within three words, by a noun: the noun's stem and the number. */
function readCounts(text: string): PromptHints['counts'] {
  const counts: PromptHints['counts'] = [];
  for (const match of text.matchAll(/\b(\d{1,2})((?:\s+[A-Za-z()]+){1,3})/gu)) {
    for (const word of (match[2] ?? '').trim().split(/\s+/u)) {
      counts.push({ noun: stemOf(word), count: Number(match[1]) });
    }
  }
  return counts;
}

/** "variant(s)", "variants" → "variant"; "replies" → "reply": how a count's noun meets a field's name. */
export function stemOf(word: string): string {
  return word
    .toLowerCase()
    .replace(/\(s\)$/u, '')
    .replace(/ies$/u, 'y')
    .replace(/s$/u, '');
}

/** The limit of the one channel a prompt's rules describe ("- Instagram: at most 2200 characters; …"). */
function singleChannelLimit(system: string): number | undefined {
  const rules = [...system.matchAll(/^- [^:\n]+: at most (\d+) /gmu)];
  return rules.length === 1 ? Number(rules[0]?.[1]) : undefined;
}
