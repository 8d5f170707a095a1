import { describe, expect, it } from 'vitest';
import { findNulFields, stripNulCharacters } from './nul-characters.js';

describe('findNulFields', () => {
  it('names every string and key holding U+0000, in the order they were written', () => {
    const body = {
      name: 'Shop\u0000',
      match: { keywords: ['ok', 'a\u0000b'], regex: null },
      'bad\u0000key': 1,
      count: 3,
    };
    expect(findNulFields(body, 'body').map((field) => field.path)).toEqual([
      'body.name',
      'body.match.keywords.1',
      'body.bad\\u0000key',
    ]);
  });

  it('says where the first NUL is: a line in a multi-line text, else a character', () => {
    expect(findNulFields({ csv: 'a,b\n1,2\n3,\u00004' }, 'body')[0]?.message).toBe(
      'Remove the NUL character (U+0000), first at line 3: it cannot be stored',
    );
    expect(findNulFields('ab\u0000', 'query.q')).toEqual([
      {
        path: 'query.q',
        message: 'Remove the NUL character (U+0000), first at character 3: it cannot be stored',
      },
    ]);
  });

  it('finds nothing in clean input, and walks deep nesting without running out of stack', () => {
    expect(findNulFields({ a: ['x', { b: 'y' }], c: null, d: true }, 'body')).toEqual([]);
    let deep: unknown = 'end\u0000';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(findNulFields(deep, 'body')).toHaveLength(1);
  });
});

describe('stripNulCharacters', () => {
  it('removes U+0000 from every string and key, in place', () => {
    const body = {
      body: 'Hi\u0000 there',
      customer: { name: '\u0000Lia' },
      tags: ['a\u0000'],
      'k\u0000': 'v',
    };
    expect(stripNulCharacters(body)).toEqual({
      body: 'Hi there',
      customer: { name: 'Lia' },
      tags: ['a'],
      k: 'v',
    });
    expect(stripNulCharacters('x\u0000y')).toBe('xy');
  });

  it('keeps a key that becomes __proto__ a plain field', () => {
    const body = JSON.parse('{"__proto\\u0000__": {"polluted": true}}') as Record<string, unknown>;
    stripNulCharacters(body);
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(['__proto__']);
  });
});
