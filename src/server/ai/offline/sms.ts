import { smsSegments } from '#shared/channel-text.js';
import { splitSentences } from './text-tools.js';

// SMS in the GSM-7 alphabet, so a segment holds 160 characters rather than 70: typographic punctuation and
// letters outside the alphabet become their plain look-alikes, emoji go, and the text is cut at a word
// boundary (never with "…", which alone would switch the whole message to UCS-2).

const PLAIN: ReadonlyArray<readonly [RegExp, string]> = [
  [/[‘’‚`´]/gu, "'"],
  [/[“”„«»]/gu, '"'],
  [/[–—]/gu, '-'],
  [/…/gu, '...'],
  [/\u00a0/gu, ' '],
  [/\p{Extended_Pictographic}\uFE0F?/gu, ''],
];

function isGsm(char: string): boolean {
  return smsSegments(char).encoding === 'GSM-7';
}

/**
 * `text` in GSM-7 where a look-alike exists: "Café “Olé” …" → 'Café "Ole" ...' (é is in the alphabet, ó is not).
 */
export function toGsm7(text: string): string {
  const plain = PLAIN.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
  return Array.from(plain)
    .map((char) => {
      if (isGsm(char)) return char;
      const stripped = char.normalize('NFD').replace(/\p{Mn}/gu, '');
      return Array.from(stripped).every(isGsm) ? stripped : char;
    })
    .join('')
    .replace(/[ \t]{2,}/gu, ' ')
    .trim();
}

/** The longest start of `text` ending at a word boundary that still fits `fits`. */
function cutAtWord(text: string, fits: (candidate: string) => boolean): string {
  const words = text.split(/\s+/u);
  for (let count = words.length; count > 0; count -= 1) {
    const candidate = words
      .slice(0, count)
      .join(' ')
      .replace(/[,;:-]+$/u, '');
    if (fits(candidate)) return candidate;
  }
  return '';
}

/**
 * An SMS of whole sentences from `parts` (in order, as many as fit), the call to action and the opt-out
 * line, within `maxSegments` segments. Only when no sentence fits is the first cut at a word boundary; the
 * call to action goes only when nothing else fits; the opt-out line is always kept.
 * @example composeSms(['Rye & Co: fresh rye today.'], 'Order: https://r.example', 'Reply STOP to opt out.')
 */
export function composeSms(parts: readonly string[], cta: string, optOut: string, maxSegments = 1): string {
  const tail = toGsm7(optOut);
  const action = toGsm7(cta);
  const withTail = (text: string) => (tail ? `${text}\n${tail}` : text);
  const withAction = (head: string) => [head, action].filter(Boolean).join(' ');
  const fitsWith = (head: string) => smsSegments(withTail(withAction(head))).segments <= maxSegments;
  const fitsWithout = (head: string) => smsSegments(withTail(head)).segments <= maxSegments;
  const fits = fitsWith('') ? fitsWith : fitsWithout;
  const plain = parts.map(toGsm7).filter(Boolean);
  let head = '';
  // Whole sentences that fit, in order; a sentence too long is skipped rather than cut.
  for (const part of plain) {
    const next = head ? `${head} ${part}` : part;
    if (fits(next)) head = next;
  }
  if (!head && plain[0]) head = cutAtWord(plain[0], fits);
  const text = fits === fitsWith ? withAction(head) : head;
  return text ? withTail(text) : tail;
}

// Opt-out lines in every bank say STOP; a model may phrase its own ("Text STOP to unsubscribe").
const OPT_OUT_KEYWORD = /(?<![\p{L}])STOP(?![\p{L}])/u;

/**
 * An SMS someone else wrote (a model's), fitted the way the writer fits its own: GSM-7 look-alikes, and
 * when it is over `maxSegments`, whole sentences in order with the last one carrying a link kept as the call
 * to action. Its opt-out line (a line saying STOP, or `optOut`) goes last; `optOut` is added when it has
 * none (null: a language without a known line, left as written).
 * @example fitSms('Rye is back 🍞', 'Reply STOP to opt out.', 10) // 'Rye is back\nReply STOP to opt out.'
 */
export function fitSms(text: string, optOut: string | null, maxSegments: number): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const folded = optOut?.toLowerCase();
  const isOptOut = (line: string) => OPT_OUT_KEYWORD.test(line) || line.toLowerCase() === folded;
  const last = lines.at(-1);
  const given = last && isOptOut(last) ? last : (lines.find(isOptOut) ?? null);
  const tail = given ?? optOut ?? '';
  const rest = lines.filter((line) => line !== given);
  const whole = toGsm7([...rest, tail].filter(Boolean).join('\n'));
  if (smsSegments(whole).segments <= maxSegments) return whole;
  const sentences = rest.flatMap(splitSentences);
  let linkAt = -1;
  sentences.forEach((sentence, index) => {
    if (/https?:\/\//u.test(sentence)) linkAt = index;
  });
  const cta = sentences[linkAt] ?? '';
  return composeSms(
    sentences.filter((_, index) => index !== linkAt),
    cta,
    tail,
    maxSegments,
  );
}
