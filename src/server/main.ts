import { ConfigError } from './config/config.js';
import { loadConfigFromProcess } from './config/environment.js';
import { startServer } from './server.js';

// Process entry: `node dist/server/main.js` (the container's default command, and what tests spawn).
try {
  await startServer(loadConfigFromProcess());
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
}
