import type { z } from 'zod';
import type { AiTaskName } from '#shared/ai-tasks.schema.js';
import type { BrandProfile } from '#shared/brand.schema.js';
import type { ChatMessage } from './provider.js';

/** The business an AI call writes for: its profile goes into every prompt and every offline answer. */
export interface BusinessContext {
  name: string;
  industry: string | null;
  description: string | null;
  website: string | null;
  locale: string;
  time_zone: string;
  brand: BrandProfile;
}

/** What every task sees besides its input. */
export interface TaskContext {
  business: BusinessContext;
  /** The current time (tests pin it). */
  now: Date;
}

/**
 * One AI task: a versioned prompt, the zod schema its output must match, a deterministic offline answer,
 * and the rules enforced on any output (whichever provider wrote it).
 */
export interface AiTask<I, O> {
  name: AiTaskName;
  /** Bumped whenever the prompt changes; recorded with every call. */
  version: string;
  input: z.ZodType<I, unknown>;
  output: z.ZodType<O, unknown>;
  /**
   * The most tokens an answer to `input` may take: sent to the model as its limit (so a call's cost has a
   * ceiling the budget can reserve), generous enough that a good answer never hits it.
   */
  maxOutputTokens(input: I): number;
  /** Messages for a model. Customer or web text goes in through `fenceData`, never as instructions. */
  prompt(input: I, context: TaskContext): ChatMessage[];
  /** The offline writer's answer: deterministic for the same input and context. */
  offline(input: I, context: TaskContext): O;
  /**
   * Enforce the rules on a valid output: channel limits, words to avoid, placeholders, no echo of the system
   * prompt, the language, foreign links. Returns the corrected output (with its warnings) and what the model
   * should fix (used for the repair attempt).
   */
  finalize(output: O, input: I, context: TaskContext): Finalized<O>;
}

/** A task's output after its checks. */
export interface Finalized<O> {
  /** The output with what could be fixed without a model fixed, and a warning for every finding. */
  output: O;
  /** Must be fixed: the model is asked once, and an answer still carrying one is refused. */
  problems: string[];
  /**
   * Worth one repair request, but acceptable when flagged (text in another language): the output already
   * carries a warning for each, so an answer still carrying one after the repair is kept.
   */
  flags?: string[];
}

/** Any task, for registries. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds tasks of different input and output types
export type AnyAiTask = AiTask<any, any>;
