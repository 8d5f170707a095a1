/** One Server-Sent Event: its name (`message` when the stream gave none) and its data lines joined. */
export interface SseEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/** Feeds decoded text in as it arrives and hands back the events completed so far. */
export interface SseParser {
  push(chunk: string): SseEvent[];
  /** Ends the stream: an event not closed by a blank line is dropped, as the specification says. */
  end(): SseEvent[];
}

/**
 * An incremental parser for `text/event-stream` (WHATWG HTML §9.2): lines end with CRLF, LF or CR, even
 * split across chunks; `:` lines are comments; several `data:` lines join with newlines; a blank line
 * dispatches. `retry:` is ignored because the caller, not the parser, decides whether to reconnect.
 *
 * @example
 * const parser = createSseParser();
 * parser.push('event: delta\ndata: {"text":"Hi"}\n\n'); // [{ event: 'delta', data: '{"text":"Hi"}', id: undefined }]
 */
export function createSseParser(): SseParser {
  let buffer = '';
  let pendingCr = false;
  let event = '';
  let data: string[] = [];
  let id: string | undefined;

  const takeLine = (line: string, out: SseEvent[]) => {
    if (line === '') {
      if (data.length > 0) out.push({ event: event || 'message', data: data.join('\n'), id });
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  };

  return {
    push(chunk) {
      const out: SseEvent[] = [];
      let text = chunk;
      // A CR at the end of the last chunk may be the first half of a CRLF.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1);
      pendingCr = false;
      buffer += text;
      let start = 0;
      for (let index = 0; index < buffer.length; index += 1) {
        const char = buffer[index];
        if (char !== '\n' && char !== '\r') continue;
        takeLine(buffer.slice(start, index), out);
        if (char === '\r') {
          if (index + 1 === buffer.length) pendingCr = true;
          else if (buffer[index + 1] === '\n') index += 1;
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    end() {
      buffer = '';
      event = '';
      data = [];
      return [];
    },
  };
}
