import { describe, expect, it } from 'vitest';
import { removeWordsToAvoid } from '#server/ai/prompt-safety.js';
import { cleanPreview } from './clean-preview.js';

function previewOf(chunks: string[], avoid: string[]) {
  const sent: string[] = [];
  const longest = Math.max(1, ...avoid.map((phrase) => phrase.split(/\s+/).length));
  const preview = cleanPreview(
    (text) => sent.push(text),
    (text) => removeWordsToAvoid(text, avoid),
    longest,
  );
  for (const chunk of chunks) preview.push(chunk);
  const beforeFlush = sent.join('');
  preview.flush();
  return { beforeFlush, all: sent.join(''), pieces: sent.length };
}

describe('cleanPreview', () => {
  it('never sends a word to avoid, even one split across chunks', () => {
    const { all, beforeFlush } = previewOf(
      ['{"variants":[{"body":"Fresh and che', 'ap bread, ', 'baked at dawn."}]}'],
      ['cheap'],
    );
    expect(all).toBe('{"variants":[{"body":"Fresh and bread, baked at dawn."}]}');
    expect(beforeFlush).not.toMatch(/che/);
  });

  it('holds back a phrase until it is whole', () => {
    const { all } = previewOf(['Our low ', 'cost loaves ', 'sell out'], ['low cost']);
    expect(all).toBe('Our loaves sell out');
  });

  it('streams as it goes, holding back only the unfinished word', () => {
    const { beforeFlush, pieces } = previewOf(['Good ', 'morning ', 'everyo', 'ne'], ['cheap']);
    expect(beforeFlush).toBe('Good morning');
    expect(pieces).toBeGreaterThan(2);
  });
});
