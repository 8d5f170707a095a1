import { z } from 'zod';
import type { AiTask, TaskContext } from '#server/ai/task.js';

/** A small task for engine tests: a slogan within 60 characters, without the word "cheap". */
export const sloganTask: AiTask<{ product: string }, { slogan: string; hashtags: string[] }> = {
  name: 'writeContent',
  version: 'test.1',
  input: z.strictObject({ product: z.string().min(1) }),
  output: z.object({ slogan: z.string().min(1), hashtags: z.array(z.string()).default([]) }),
  maxOutputTokens: () => 1_000,
  prompt: (input, context: TaskContext) => [
    { role: 'system', content: `You write slogans for ${context.business.name}. Answer JSON.` },
    { role: 'user', content: `Product: ${input.product}` },
  ],
  offline: (input) => ({ slogan: `${input.product}, made simple`, hashtags: [] }),
  finalize(output) {
    const problems: string[] = [];
    if (output.slogan.length > 60)
      problems.push(`slogan: ${output.slogan.length} characters, the limit is 60`);
    if (/\bcheap\b/i.test(output.slogan))
      problems.push('slogan: uses the word "cheap", which the brand avoids');
    return {
      output: { ...output, hashtags: output.hashtags.map((tag) => (tag.startsWith('#') ? tag : `#${tag}`)) },
      problems,
    };
  },
};

/** A business context for tests. */
export const testContext: TaskContext = {
  now: new Date('2026-03-02T09:00:00Z'),
  business: {
    name: 'Bluebird Coffee',
    industry: 'Coffee',
    description: 'A roastery',
    website: null,
    locale: 'en',
    time_zone: 'Europe/London',
    brand: {
      voice: {
        tone: { formal_casual: 60, serious_playful: 50, reserved_enthusiastic: 50, traditional_modern: 50 },
        personality: [],
        words_to_use: [],
        words_to_avoid: ['cheap'],
        example_posts: [],
      },
      audiences: [],
      products: [],
      goals: [],
      channels: [],
    },
  },
};
