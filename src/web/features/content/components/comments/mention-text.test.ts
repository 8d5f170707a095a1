import { describe, expect, it } from 'vitest';
import { mentionQuery, mentionsIn, splitMentions, suggestMembers } from './mention-text.js';

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

  it('cuts the text around the mentions of the people it names, longest name first', () => {
    const olivia = { id: 'o2', name: 'Olive Owner Jr' };
    expect(splitMentions('Hi @Olive Owner Jr and @Vera Viewer, not @Nobody.', [olive, olivia, vera])).toEqual(
      [
        { text: 'Hi ', mention: false },
        { text: '@Olive Owner Jr', mention: true },
        { text: ' and ', mention: false },
        { text: '@Vera Viewer', mention: true },
        { text: ', not @Nobody.', mention: false },
      ],
    );
    expect(splitMentions('plain', [])).toEqual([{ text: 'plain', mention: false }]);
  });
});
