import { parentPort } from 'node:worker_threads';
import { runForecast } from './forecast.js';
import type { ForecastInput } from './forecast-types.js';

// Worker-thread entry: runs forecasts posted by ForecastRunner, one at a time, off the main event loop.

parentPort?.on('message', (message: { id: number; input: ForecastInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, output: runForecast(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
