import { type ChatRequestMessage, messageText } from '../../test/support/fake-openai/chat-request.schema.js';
import type { ChatCall, ScriptStep } from '../../test/support/fake-openai/fake-openai.types.js';
import { CALENDAR_REQUEST, type QualityBrand } from './scenario.js';

// A model as the issue met them: mostly good answers, and now and then one a person could not publish —
// a template left unfilled, an avoided word in another form, a link nobody asked for, English for a German
// business, a post at 03:15, eight plan items with one title, a draft that is not valid at all. Asked to
// repair (a conversation that already holds its answer), it answers cleanly, as a good model does.

/** A brief the scripted model never writes a valid draft for. */
const STUBBORN_MARK = 'the one the model never writes';

const BAD_DRAFTS = ['placeholder', 'inflected', 'link', 'language', 'invalid', 'hashtag-on-email'] as const;
type BadDraft = (typeof BAD_DRAFTS)[number];

/** Every brief the scripted planner wrote, so leaked instructions can be found in the drafts. */
export const scriptedBriefs = new Map<string, string>();

export function scriptedModel(brands: readonly QualityBrand[]): (call: ChatCall) => ScriptStep {
  let draftCalls = 0;
  return (call) => {
    const messages = call.chat.messages;
    const system = messages
      .filter((m) => m.role === 'system')
      .map(messageText)
      .join('\n');
    const brand = brands.find((candidate) => system.includes(candidate.name)) ?? brands[0];
    if (!brand) throw new Error('no brand');
    const task = (call.chat.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema
      ?.name;
    const repairing = messages.some((message) => message.role === 'assistant');
    if (task === 'planCalendar') return { reply: plan(brand) };
    if (task === 'writeContent') {
      draftCalls++;
      // The request itself is the first user message (a repair conversation adds more after it).
      const request = userTexts(messages)[0] ?? '';
      const wanted = /Write (\d) distinct variant/.exec(request)?.[1];
      const count = Math.max(1, Math.min(5, Number(wanted ?? 1)));
      // Every fourth first answer is a bad one, in turn.
      const bad =
        !repairing && draftCalls % 4 === 0 ? BAD_DRAFTS[(draftCalls / 4) % BAD_DRAFTS.length] : undefined;
      if (bad === 'invalid') return { reply: { variants: [{ title: 'x' }] } };
      // One calendar draft in every brand's plan cannot be written at all, repair or not: the rest of the
      // calendar must still be saved (and the failed slot listed).
      if (request.includes(STUBBORN_MARK)) return { reply: 'I cannot help with that.' };
      return {
        reply: { variants: Array.from({ length: count }, (_, i) => draft(brand, draftCalls, i, bad)) },
      };
    }
    return {};
  };
}

function userTexts(messages: readonly ChatRequestMessage[]): string[] {
  return messages.filter((message) => message.role === 'user').map(messageText);
}

function plan(brand: QualityBrand) {
  const start = Date.parse(`${CALENDAR_REQUEST.start_date}T00:00:00Z`);
  const items: Array<Record<string, string>> = [];
  const lang = brand.language;
  for (let day = 0; day < CALENDAR_REQUEST.weeks * 7; day += 2) {
    for (const [c, channel] of brand.calendarChannels.entries()) {
      if ((day + c) % 3 !== 0) continue;
      const n = items.length;
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      const product = brand.brand.products[n % brand.brand.products.length]?.name ?? brand.name;
      const title =
        n % 9 < 8 && n < 16 ? (lang === 'de' ? 'Neu bei uns' : 'New this week') : `${product} — ${n + 1}`;
      let brief =
        lang === 'de'
          ? `Stelle ${product} vor. Erkläre, warum Stammkunden es lieben. Beende mit einer Einladung zum Vorbestellen.`
          : `Introduce ${product} to ${brand.brand.audiences[0]?.name ?? 'customers'}. Explain how it fits their week. End by inviting people to visit.`;
      if (n === 2) brief = `${brief} (${STUBBORN_MARK})`;
      scriptedBriefs.set(`${brand.key}|${date}|${channel}|${n}`, brief);
      items.push({
        date: n === 5 ? addDays(CALENDAR_REQUEST.start_date, CALENDAR_REQUEST.weeks * 7 + 3) : date,
        time: n % 7 === 3 ? '03:15' : n % 7 === 6 ? '22:40' : `${String(9 + (n % 9)).padStart(2, '0')}:30`,
        channel,
        format: channel === 'email' ? 'email' : channel === 'sms' ? 'sms' : 'post',
        pillar: n % 2 === 0 ? 'Product' : 'Community',
        title,
        brief,
      });
    }
  }
  return {
    strategy: {
      pillars: [
        { name: 'Product', share: 0.5, description: 'What we make' },
        { name: 'Community', share: 0.5, description: 'Who we make it for' },
      ],
      cadence: brand.calendarChannels.map((channel) => ({ channel, per_week: 2 })),
      reasoning: 'Two pillars, two posts a week per channel.',
    },
    items,
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function draft(brand: QualityBrand, call: number, variant: number, bad: BadDraft | undefined) {
  const products = brand.brand.products;
  const product = products[(call + variant) % products.length] ?? { name: brand.name, description: '' };
  const de = brand.language === 'de' && bad !== 'language';
  const openers = de
    ? ['Frisch aus unserer Backstube', 'Schon probiert', 'Für dein Wochenende', 'Heute neu']
    : ['Fresh from our kitchen', 'Have you tried', 'For your week', 'New today'];
  const opener = openers[(call + variant) % openers.length];
  let body = de
    ? `${opener}: ${product.name}. ${product.description}. Wir freuen uns auf deinen Besuch bei ${brand.name} (Nr. ${call}.${variant}).`
    : `${opener}: ${product.name}. ${product.description}. We look forward to seeing you at ${brand.name} (no. ${call}.${variant}).`;
  let hashtags = [brand.name.replace(/[^\p{L}\p{N}]/gu, '')];
  if (bad === 'placeholder') body = `Introducing [PRODUCT NAME]: {{cta}} Lorem ipsum dolor sit amet. ${body}`;
  if (bad === 'inflected') {
    body = de ? `${body} Nirgends billiger!` : `${body} Cheaper than anywhere else, guaranteed.`;
    hashtags = [...hashtags, de ? 'SpottBillig' : 'CheapEats'];
  }
  if (bad === 'link') body = `${body} Claim your gift: https://bit.ly/free-gift-now`;
  if (bad === 'hashtag-on-email') hashtags = [...hashtags, 'Offer'];
  return {
    title: de
      ? `${product.name}: ${opener} (${call}.${variant})`
      : `${product.name}: ${opener} (${call}.${variant})`,
    body,
    thread: [],
    hashtags,
    call_to_action: de ? 'Jetzt vorbestellen' : 'Order ahead',
    media_brief: '',
    preheader: de ? `${product.name} — frisch für dich` : `${product.name}, fresh for you`,
  };
}
