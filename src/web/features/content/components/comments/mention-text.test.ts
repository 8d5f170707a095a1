import { describe, expect, it } from 'vitest';
import { mentionQuery, mentionsIn, suggestMembers } from './mention-text.js';

const olive = { id: 'o', name: 'Olive Owner' };
const vera = { id: 'v', name: 'Vera Viewer' };

describe('mentions in comment text', () => {
  it('finds the @word before the caret, not an email address', () => {
    expect(mentionQuery('Thanks @ol', 10)).toEqual({ query: 'ol', start: 7 });
    expect(mentionQuery('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionQuery('mail ada@example.com', 20)).toBeUndefined();
    expect(mentionQuery('@olive done', 11)).toBeUndefined();
  });

  it('suggests members by the start of any word of their name', () => {
    expect(suggestMembers([olive, vera], 'v')).toEqual([vera]);
    expect(suggestMembers([olive, vera], 'OWN')).toEqual([olive]);
    expect(suggestMembers([olive, vera], '')).toEqual([olive, vera]);
  });

  it('keeps only mentions still in the text, once each', () => {
    expect(mentionsIn('@Olive Owner and @Olive Owner', [olive, vera, olive])).toEqual(['o']);
    expect(mentionsIn('no one', [olive])).toEqual([]);
  });
});
