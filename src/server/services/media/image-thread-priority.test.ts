import { existsSync, readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageThreadPriority } from './image-thread-priority.js';

const TASKS = '/proc/self/task';

/** Each thread of this process: its name and its nice value (field 19 of `stat`, after the command's parentheses). */
function threads(): Array<{ id: string; name: string; nice: number }> {
  return readdirSync(TASKS).flatMap((id) => {
    try {
      const name = readFileSync(`${TASKS}/${id}/comm`, 'utf8').trim();
      const fields = readFileSync(`${TASKS}/${id}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return [{ id, name, nice: Number(fields[16]) }];
    } catch {
      return [];
    }
  });
}

/** Some pixel work, so libvips has started its threads. */
async function resizeSomething(): Promise<void> {
  const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#c05' } })
    .jpeg()
    .toBuffer();
  await Promise.all([400, 800].map((width) => sharp(photo).resize(width).webp().toBuffer()));
}

describe.runIf(existsSync(TASKS))('ImageThreadPriority (Linux)', () => {
  it('lowers libvips threads only, leaving the event loop and the rest of the process as they were', async () => {
    await resizeSomething();
    const before = threads();
    expect(before.some((thread) => thread.name === 'libvips worker')).toBe(true);

    new ImageThreadPriority(7).lowerImageThreads();

    const after = threads();
    for (const thread of after) {
      const was = before.find((earlier) => earlier.id === thread.id);
      if (thread.name === 'libvips worker') expect(thread.nice).toBeGreaterThanOrEqual(7);
      else if (was) expect(thread.nice).toBe(was.nice);
    }
    expect(after.find((thread) => thread.id === String(process.pid))?.nice).toBe(
      before.find((thread) => thread.id === String(process.pid))?.nice,
    );
  });

  it('changes nothing at 0', async () => {
    await resizeSomething();
    const before = threads();
    new ImageThreadPriority(0).lowerImageThreads();
    expect(threads().filter((thread) => before.some((was) => was.id === thread.id))).toEqual(
      before.filter((thread) => threads().some((now) => now.id === thread.id)),
    );
  });
});

describe('ImageThreadPriority without /proc', () => {
  it('does nothing where threads cannot be listed', () => {
    expect(() => new ImageThreadPriority(10, '/nonexistent/task').lowerImageThreads()).not.toThrow();
  });
});
