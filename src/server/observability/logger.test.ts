import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { loggerOptions } from './logger.js';

function captureLines(options: pino.LoggerOptions): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(options, stream), lines };
}

describe('loggerOptions', () => {
  it('takes the level from config and pretty-prints only when asked', () => {
    const plain = loggerOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn' }));
    expect(plain.level).toBe('warn');
    expect(plain.transport).toBeUndefined();
    const pretty = loggerOptions(loadConfig({ NODE_ENV: 'test', LOG_PRETTY: '1' }));
    expect(pretty.transport).toMatchObject({ target: 'pino-pretty' });
  });

  it('redacts credentials in headers and bodies', () => {
    const options = loggerOptions(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'info' }));
    const { logger, lines } = captureLines(options);
    logger.info(
      {
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'refresh=xyz', accept: 'text/html' } },
        res: { headers: { 'set-cookie': 'refresh=xyz' } },
        body: { email: 'a@b.c', password: 'hunter2', token: 'tok' },
      },
      'hello',
    );
    const line = lines.join('');
    expect(line).not.toContain('abc.def');
    expect(line).not.toContain('xyz');
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('"tok"');
    expect(line).toContain('text/html');
    expect(line).toContain('a@b.c');
  });
});
