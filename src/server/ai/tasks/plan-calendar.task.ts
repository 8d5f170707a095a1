import {
  type OutputNote,
  type PlanCalendarInput,
  type PlanCalendarOutput,
  planCalendarInputSchema,
  planCalendarOutputSchema,
} from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { allowedDates, checkPlan } from '../checks/plan-sanity.js';
import { postingWindowFor } from '../checks/posting-window.js';
import { addDays } from '../offline/calendar-slots.js';
import { cadenceFor, planCalendarOffline } from '../offline/planner.js';
import { fenceData } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { resolveCollisions } from './calendar-fixes.js';
import { checkBusinessOutput, safetyProblems } from './output-checks.js';
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
  version: '2026-12-04.1',
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
    const days = allowedDates({ first: input.start_date, last: end, within: input.within });
    const user = [
      `Plan ${input.weeks} week(s) from ${input.start_date} to ${end} (inclusive) for the objective "${input.objective}".`,
      ...(days.narrowed
        ? [
            `The plan is for a campaign: use only dates from ${days.first} to ${days.last} (inclusive), keeping each channel's weekly cadence on those days.`,
          ]
        : []),
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
    const { business } = context;
    const end = addDays(input.start_date, input.weeks * 7 - 1);
    const problems: string[] = [];
    const stray = output.items.filter((item) => !input.channels.includes(item.channel));
    if (stray.length)
      problems.push(
        `Plan only for ${input.channels.join(', ')}; ${stray.length} item(s) use other channels.`,
      );
    const windowFor = (channel: ChannelId) => postingWindowFor(business.brand, channel);
    // Dates outside the range (or the campaign) and times outside the posting window are moved, and the
    // answer lists each move in `adjustments`.
    const bounds = { first: input.start_date, last: end, within: input.within };
    const sanity = checkPlan(
      output.items.filter((item) => !stray.includes(item)),
      bounds,
      windowFor,
    );
    const items = resolveCollisions(sanity.items, allowedDates(bounds).last, windowFor);
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
    const strategy = { ...output.strategy, pillars, cadence };
    const texts = [
      { field: 'strategy.reasoning', text: strategy.reasoning },
      ...pillars.flatMap((pillar, index) => [
        { field: `strategy.pillars.${index}.name`, text: pillar.name },
        { field: `strategy.pillars.${index}.description`, text: pillar.description },
      ]),
      ...items.flatMap((item, index) => [
        { field: `items.${index}.title`, text: item.title },
        { field: `items.${index}.brief`, text: item.brief },
      ]),
    ];
    const prose = [{ field: 'items', text: items.map((item) => `${item.title}. ${item.brief}`).join('\n') }];
    const findings = checkBusinessOutput(texts, prose, business, { given: input.pillars });
    problems.push(...findings.problems);
    problems.push(
      ...safetyProblems(
        texts.map((entry) => entry.text),
        this.prompt(input, context),
        business,
      ),
    );
    const days = allowedDates(bounds);
    // Said first, so a person sees why the calendar is shorter than asked before the moves it explains.
    const narrowed: OutputNote[] = days.narrowed
      ? [
          {
            field: 'items',
            code: 'range_narrowed',
            message: `Planned ${days.first} to ${days.last} only, the campaign's dates (asked for ${input.start_date} to ${end})`,
          },
        ]
      : [];
    return {
      output: {
        strategy,
        items,
        adjustments: [...narrowed, ...sanity.adjustments],
        warnings: [...sanity.warnings, ...findings.warnings],
      },
      problems,
      flags: [...sanity.flags, ...findings.flags],
    };
  },
};
