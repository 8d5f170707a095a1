import type { AiTask, AnyAiTask } from '#server/ai/task.js';
import {
  type AiTaskName,
  type WriteContentInput,
  type WriteContentOutput,
  writeContentInputSchema,
  writeContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { sloganTask } from './test-task.js';

/** writeContent with the real input and output schemas but a trivial prompt and offline answer. */
const draftTask: AiTask<WriteContentInput, WriteContentOutput> = {
  name: 'writeContent',
  version: 'test.1',
  input: writeContentInputSchema,
  output: writeContentOutputSchema,
  maxOutputTokens: () => 2_000,
  prompt: (input, context) => [
    { role: 'system', content: `Write for ${context.business.name}. Answer JSON.` },
    { role: 'user', content: input.brief },
  ],
  offline: (input, context) => ({
    variants: Array.from({ length: input.variants }, (_, i) => ({
      title: `Variant ${i + 1}`,
      body: `${context.business.name}: ${input.brief} (${i + 1})`,
      thread: [],
      hashtags: [],
      call_to_action: '',
      media_brief: '',
      preheader: '',
    })),
  }),
  finalize: (output) => ({ output, problems: [] }),
};

/** A registry for engine service and route tests: writeContent drafts, every other name the slogan task. */
export const TEST_TASKS = {
  ...Object.fromEntries(
    (['planCalendar', 'rewriteContent', 'classifyMessage', 'suggestReplies'] as const).map((name) => [
      name,
      { ...sloganTask, name },
    ]),
  ),
  writeContent: draftTask,
} as Record<AiTaskName, AnyAiTask>;
