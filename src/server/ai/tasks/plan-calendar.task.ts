import {
  type PlanCalendarInput,
  type PlanCalendarOutput,
  planCalendarInputSchema,
  planCalendarOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { addDays } from '../offline/calendar-slots.js';
import { cadenceFor, planCalendarOffline } from '../offline/planner.js';
import { fenceData, removeWordsToAvoid } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { resolveCollisions } from './calendar-fixes.js';
import { safetyProblems } from './output-checks.js';
import { answerFormat, systemMessage } from './prompt-parts.js';

const RULES = [
  'Plan 3–5 content pillars (unless given) with shares summing to 1, and spread items across them by share.',
  'Use each channel’s cadence per week; schedule at good local times (HH:MM in the business time zone); never two items on one channel at the same date and time.',
  'Suit formats to channels: email → email, sms → sms, tiktok → reel_script, x and bluesky → post or thread.',
  'Titles and briefs name the products and audiences they serve. Explain your assumptions in `reasoning`.',
];

/** A content calendar for a date range: pillars, cadence and dated items. */
export const planCalendarTask: AiTask<PlanCalendarInput, PlanCalendarOutput> = {
  name: 'planCalendar',
  version: '2026-11-26.1',
  input: planCalendarInputSchema,
  output: planCalendarOutputSchema,
  // The strategy (pillars, reasoning) and about 150 tokens per planned item.
  maxOutputTokens: (input) =>
    3_000 + 150 * input.weeks * cadenceFor(input).reduce((sum, { per_week }) => sum + per_week, 0),

  prompt(input, { business }) {
    const system = systemMessage(
      `You are the content strategist for ${business.name}.`,
      business,
      input.channels,
      RULES,
    );
    const end = addDays(input.start_date, input.weeks * 7 - 1);
    const cadence = cadenceFor(input)
      .map(({ channel, per_week }) => `${channel}: ${per_week}/week`)
      .join(', ');
    const user = [
      `Plan ${input.weeks} week(s) from ${input.start_date} to ${end} (inclusive) for the objective "${input.objective}".`,
      `Channels and cadence: ${cadence}.`,
      input.pillars.length
        ? `Pillars chosen by the team:\n${fenceData('pillars', input.pillars.join('\n'))}`
        : 'Propose the pillars.',
      answerFormat(planCalendarOutputSchema),
    ];
    return [system, { role: 'user', content: user.join('\n\n') }];
  },

  offline(input, { business }) {
    return planCalendarOffline(input, business);
  },

  finalize(output, input, context) {
    const avoid = context.business.brand.voice.words_to_avoid;
    const end = addDays(input.start_date, input.weeks * 7 - 1);
    const problems: string[] = [];
    const outside = output.items.filter((item) => item.date < input.start_date || item.date > end);
    if (outside.length)
      problems.push(
        `Keep every date between ${input.start_date} and ${end}; ${outside.length} item(s) fall outside.`,
      );
    const stray = output.items.filter((item) => !input.channels.includes(item.channel));
    if (stray.length)
      problems.push(
        `Plan only for ${input.channels.join(', ')}; ${stray.length} item(s) use other channels.`,
      );
    const kept = output.items
      .filter((item) => !outside.includes(item) && !stray.includes(item))
      .map((item) => ({
        ...item,
        title: removeWordsToAvoid(item.title, avoid) || item.title,
        brief: removeWordsToAvoid(item.brief, avoid),
      }));
    const items = resolveCollisions(kept, end);
    const total = output.strategy.pillars.reduce((sum, pillar) => sum + pillar.share, 0);
    const pillars = output.strategy.pillars.map((pillar) => ({
      ...pillar,
      share: total > 0 ? pillar.share / total : 1 / output.strategy.pillars.length,
    }));
    const given = new Map(output.strategy.cadence.map((entry) => [entry.channel, entry.per_week]));
    const cadence = cadenceFor(input).map(({ channel, per_week }) => ({
      channel,
      per_week: given.get(channel) ?? per_week,
    }));
    const strategy = {
      ...output.strategy,
      pillars,
      cadence,
      reasoning: removeWordsToAvoid(output.strategy.reasoning, avoid),
    };
    const texts = [strategy.reasoning, ...items.flatMap((item) => [item.title, item.brief])];
    problems.push(...safetyProblems(texts, this.prompt(input, context), context.business));
    return { output: { strategy, items }, problems };
  },
};
