import { describe, expect, it } from 'vitest';
import { planCalendarOutputSchema, writeContentOutputSchema } from '#shared/ai-tasks.schema.js';
import { jsonSchemaFor, parseStructuredOutput } from './structured-output.js';

describe('jsonSchemaFor', () => {
  it('leaves the fields the checks fill in out of what the model is asked for', () => {
    const write = jsonSchemaFor(writeContentOutputSchema) as { properties: Record<string, unknown> };
    expect(Object.keys(write.properties)).toEqual(['variants']);
    const plan = jsonSchemaFor(planCalendarOutputSchema) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(plan.properties)).toEqual(['strategy', 'items']);
    expect(plan.required).toEqual(['strategy', 'items']);
  });

  it('still parses an answer that carries them', () => {
    const parsed = parseStructuredOutput(
      JSON.stringify({
        variants: [{ title: 't', body: 'b' }],
        warnings: [{ field: 'x', code: 'y', message: 'z' }],
      }),
      writeContentOutputSchema,
    );
    expect(parsed.ok).toBe(true);
  });
});
