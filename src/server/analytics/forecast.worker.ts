import { parentPort } from 'node:worker_threads';
import { runForecast } from './forecast.js';
import { allChannelTrials, blockScratch, simulateChannel } from './forecast-trials.js';
import type { ForecastInput, ForecastOutput } from './forecast-types.js';

// Worker-thread entry for ForecastRunner, one message at a time, off the main event loop: either a whole
// forecast, or a range of blocks of every channel written into a buffer shared with the main thread
// (which simulates the other blocks and summarises).

/** A whole run: the output is posted back. */
export interface WholeRunMessage {
  id: number;
  input: ForecastInput;
}

/** A share of a split run: blocks [fromBlock, toBlock) of every channel, written into `buffer`. */
export interface BlockRangeMessage {
  id: number;
  input: ForecastInput;
  buffer: SharedArrayBuffer;
  fromBlock: number;
  toBlock: number;
}

/** What the worker posts: that it is ready, then one answer per message. */
export type WorkerAnswer =
  | { ready: true }
  | { id: number; output?: ForecastOutput; done?: true; error?: string };

const post = (answer: WorkerAnswer) => parentPort?.postMessage(answer);

parentPort?.on('message', (message: WholeRunMessage | BlockRangeMessage) => {
  try {
    if ('buffer' in message) {
      const { input, buffer, fromBlock, toBlock } = message;
      const scratch = blockScratch();
      for (const [index, trials] of allChannelTrials(input, buffer).entries()) {
        simulateChannel(input, index, trials, fromBlock, toBlock, scratch);
      }
      post({ id: message.id, done: true });
    } else post({ id: message.id, output: runForecast(message.input) });
  } catch (error) {
    post({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
post({ ready: true });
