import { describe, expect, it } from 'vitest';
import { createSseParser } from './sse-parser.js';

describe('createSseParser', () => {
  it('reads named events and JSON data', () => {
    const parser = createSseParser();
    expect(
      parser.push('event: start\ndata: {"offline":true}\n\nevent: delta\ndata: {"text":"Hi"}\n\n'),
    ).toEqual([
      { event: 'start', data: '{"offline":true}', id: undefined },
      { event: 'delta', data: '{"text":"Hi"}', id: undefined },
    ]);
  });

  it('completes events split anywhere across chunks, CRLF included', () => {
    const parser = createSseParser();
    const stream = 'event: delta\r\ndata: {"text":"one"}\r\n\r\nevent: result\r\ndata: {"ok":1}\r\n\r\n';
    const events = [];
    for (const char of stream) events.push(...parser.push(char));
    expect(events.map((event) => [event.event, event.data])).toEqual([
      ['delta', '{"text":"one"}'],
      ['result', '{"ok":1}'],
    ]);
  });

  it('treats a lone CR as a line end, even at the end of a chunk', () => {
    const parser = createSseParser();
    expect(parser.push('data: a\r')).toEqual([]);
    expect(parser.push('\r')).toEqual([{ event: 'message', data: 'a', id: undefined }]);
  });

  it('joins data lines, skips comments and fields it does not know, keeps the last id', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\nid: 7\nretry: 100\ndata: line 1\ndata:line 2\nfoo: bar\n\n')).toEqual([
      { event: 'message', data: 'line 1\nline 2', id: '7' },
    ]);
  });

  it('dispatches nothing for an event without data, or one the stream never closed', () => {
    const parser = createSseParser();
    expect(parser.push('event: ping\n\n')).toEqual([]);
    expect(parser.push('event: result\ndata: {"half"')).toEqual([]);
    expect(parser.end()).toEqual([]);
  });

  it('keeps only the first space after the colon', () => {
    expect(createSseParser().push('data:  two spaces\n\n')[0]?.data).toBe(' two spaces');
  });
});
