import { openAsBlob } from 'node:fs';
import { performance } from 'node:perf_hooks';

// The media bench's load generator, a process of its own (forked by bench/media.ts) so that its memory,
// garbage and event-loop time are not counted against the app's. Each message asks for `count` uploads of
// `file`, `concurrency` at a time; the answer is each upload's time in milliseconds, or the first failure.

interface Batch {
  url: string;
  authorization: string;
  file: string;
  count: number;
  concurrency: number;
}

async function upload(batch: Batch, file: Blob): Promise<number> {
  const form = new FormData();
  form.append('file', file, 'IMG_4032.jpg');
  const started = performance.now();
  const response = await fetch(batch.url, {
    method: 'POST',
    headers: { authorization: batch.authorization },
    body: form,
  });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${text}`);
  const item = JSON.parse(text) as { status: string; renditions: unknown[] };
  if (item.status !== 'ready' || item.renditions.length !== 14)
    throw new Error(`upload: ${item.status} with ${item.renditions.length} renditions`);
  return elapsed;
}

process.on('message', async (batch: Batch) => {
  try {
    // Streamed from disk as it is sent: the photo is never held whole.
    const file = await openAsBlob(batch.file, { type: 'image/jpeg' });
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: batch.concurrency }, async () => {
        while (next < batch.count) {
          next += 1;
          times.push(await upload(batch, file));
        }
      }),
    );
    process.send?.({ times });
  } catch (error) {
    process.send?.({ error: (error as Error).message });
  }
});
process.send?.({ ready: true });
