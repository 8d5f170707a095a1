import { describe, expect, it } from 'vitest';
import { registerBodySchema } from './auth.schema.js';
import { shortText } from './common.schema.js';

describe('shortText', () => {
  it('says in words what is wrong with an empty or too long text, not in zod’s terms', () => {
    const name = shortText(5);
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('Fill this in: it cannot be empty');
    expect(name.safeParse('abcdef').error?.issues[0]?.message).toBe('Use at most 5 characters');
    expect(name.parse('  Ada ')).toBe('Ada');
  });

  it('gives sign-up’s name field that sentence', () => {
    const parsed = registerBodySchema.safeParse({
      email: 'ada@example.com',
      name: '',
      password: 'amber-lighthouse-meadow',
    });
    expect(parsed.error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: 'Fill this in: it cannot be empty' }),
    ]);
  });
});
