import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { installGracefulShutdown } from './lifecycle.js';

function setup(closeApp: () => Promise<void> = async () => {}) {
  const signals = new EventEmitter();
  const calls: string[] = [];
  const exited = new Promise<number>((resolve) => {
    installGracefulShutdown({
      app: {
        close: (async () => {
          calls.push('app.close');
          await closeApp();
        }) as never,
      },
      database: {
        close: async () => {
          calls.push('database.close');
        },
      },
      timeoutMs: 50,
      logger: { info: vi.fn(), error: vi.fn() } as never,
      signals,
      exit: resolve,
    });
  });
  return { signals, calls, exited };
}

describe('installGracefulShutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s closes the app, then the database, and exits 0',
    async (signal) => {
      const { signals, calls, exited } = setup();
      signals.emit(signal, signal);
      expect(await exited).toBe(0);
      expect(calls).toEqual(['app.close', 'database.close']);
    },
  );

  it('exits 1 when closing outlasts the timeout', async () => {
    vi.useFakeTimers();
    try {
      const { signals, exited } = setup(() => new Promise(() => {}));
      signals.emit('SIGTERM', 'SIGTERM');
      await vi.advanceTimersByTimeAsync(50);
      expect(await exited).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('still closes the database and exits 1 when the app fails to close', async () => {
    const { signals, calls, exited } = setup(async () => {
      throw new Error('close failed');
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(1);
    expect(calls).toEqual(['app.close', 'database.close']);
  });

  it('removes its listeners once shutdown starts', async () => {
    const { signals, exited } = setup();
    signals.emit('SIGINT', 'SIGINT');
    expect(signals.listenerCount('SIGTERM')).toBe(0);
    expect(signals.listenerCount('SIGINT')).toBe(0);
    await exited;
  });
});

describe('installGracefulShutdown with background jobs', () => {
  it('drains the jobs alongside the app, within most of the timeout, before closing the database', async () => {
    const signals = new EventEmitter();
    const calls: string[] = [];
    const exited = new Promise<number>((resolve) => {
      installGracefulShutdown({
        app: { close: (async () => calls.push('app.close')) as never },
        database: { close: async () => void calls.push('database.close') },
        jobs: { stop: async (timeoutMs) => void calls.push(`jobs.stop ${timeoutMs}`) },
        timeoutMs: 1_000,
        logger: { info: vi.fn(), error: vi.fn() } as never,
        signals,
        exit: resolve,
      });
    });
    signals.emit('SIGTERM', 'SIGTERM');
    expect(await exited).toBe(0);
    expect(calls).toEqual(['app.close', 'jobs.stop 800', 'database.close']);
  });
});
