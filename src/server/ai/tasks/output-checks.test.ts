import { describe, expect, it } from 'vitest';
import { writeContentInputSchema } from '#shared/ai-tasks.schema.js';
import { SAMPLE_BAKERY, sampleContext } from '../offline/sample-business.js';
import { safetyProblems } from './output-checks.js';
import { writeContentTask } from './write-content.task.js';

describe('safetyProblems', () => {
  const business = {
    ...SAMPLE_BAKERY,
    brand: {
      ...SAMPLE_BAKERY.brand,
      products: [
        {
          name: 'Cash-flow forecast',
          description: 'A 13-week cash forecast that updates itself every morning',
          price: '£39',
        },
      ],
      audiences: [
        {
          name: 'Agency founders',
          description: 'Founders of creative agencies who run the finances themselves',
          pains: ['late invoices'],
          goals: ['predictable cash flow'],
        },
      ],
    },
  };
  const context = sampleContext(business);
  const messages = writeContentTask.prompt(
    writeContentInputSchema.parse({ channel: 'linkedin', brief: 'Announce the forecast' }),
    context,
  );

  it('lets a draft quote a product or an audience as the profile words it', () => {
    const draft = [
      'Meet the Cash-flow forecast (£39): a 13-week cash forecast that updates itself every morning.',
      'Made for agency founders: founders of creative agencies who run the finances themselves.',
    ].join(' ');
    expect(safetyProblems([draft], messages, business)).toEqual([]);
  });

  it('still refuses a draft that repeats the instructions around the profile', () => {
    const system = messages.find((message) => message.role === 'system')?.content ?? '';
    const instructions = system.split('\n').find((line) => line.split(' ').length > 14) ?? '';
    expect(instructions).not.toBe('');
    expect(safetyProblems([instructions], messages, business)).toHaveLength(1);
  });
});
