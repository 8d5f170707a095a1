import { parentPort } from 'node:worker_threads';
import { forecastArrays, runForecast, simulateBlocks, summariseChannels } from './forecast.js';
import type { ForecastInput, ForecastOutput } from './forecast-types.js';

// Worker-thread entry for ForecastRunner, one message at a time, off the main event loop: either a whole
// forecast, or its share of a run split with the main thread over a shared buffer (see forecast.ts).

/** A whole run: the output is posted back. */
export interface WholeRunMessage {
  id: number;
  input: ForecastInput;
}

/**
 * A share of a split run over `buffer` (laid out by `forecastArrays`): first simulate blocks
 * [fromBlock, toBlock) of every channel, then (a second message, once every block is in) summarise the
 * channels.
 */
export type SplitRunMessage =
  | {
      id: number;
      input: ForecastInput;
      buffer: SharedArrayBuffer;
      step: 'simulate';
      fromBlock: number;
      toBlock: number;
    }
  | { id: number; input: ForecastInput; buffer: SharedArrayBuffer; step: 'summarise' };

/** What the worker posts: that it is ready, then one answer per message. */
export type WorkerAnswer =
  | { ready: true }
  | {
      id: number;
      output?: ForecastOutput;
      channels?: ForecastOutput['channels'];
      done?: true;
      error?: string;
    };

const post = (answer: WorkerAnswer) => parentPort?.postMessage(answer);

parentPort?.on('message', (message: WholeRunMessage | SplitRunMessage) => {
  try {
    if (!('step' in message)) post({ id: message.id, output: runForecast(message.input) });
    else if (message.step === 'simulate') {
      const { input, buffer, fromBlock, toBlock } = message;
      simulateBlocks(input, forecastArrays(input, buffer), fromBlock, toBlock);
      post({ id: message.id, done: true });
    } else {
      const { input, buffer } = message;
      post({ id: message.id, channels: summariseChannels(input, forecastArrays(input, buffer)) });
    }
  } catch (error) {
    post({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
});
post({ ready: true });
