import type { Config } from '#server/config/config.js';
import { startServer } from '#server/server.js';

/** `mcc serve`: run until SIGTERM/SIGINT. */
export async function serveCommand(config: Config): Promise<void> {
  await startServer(config);
}
