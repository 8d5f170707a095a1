import { parentPort } from 'node:worker_threads';
import { fillCpaChunk } from './cpa-funnel.js';

// Worker-thread entry of the parallel reference funnel: fills the chunks it is given straight into the
// shared result array, and answers the sum of their conversions.

parentPort?.on(
  'message',
  (message: {
    id: number;
    buffer: SharedArrayBuffer;
    trials: number;
    seed: number;
    chunks: number[];
    chunkSize: number;
  }) => {
    const all = new Float64Array(message.buffer, 0, message.trials);
    let sum = 0;
    for (const chunk of message.chunks) {
      const start = chunk * message.chunkSize;
      sum += fillCpaChunk(
        all.subarray(start, Math.min(message.trials, start + message.chunkSize)),
        message.seed,
        chunk,
      );
    }
    parentPort?.postMessage({ id: message.id, sum });
  },
);
