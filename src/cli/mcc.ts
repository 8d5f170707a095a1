#!/usr/bin/env node
import { Command } from 'commander';
import { type Config, ConfigError } from '../server/config/config.js';
import { loadConfigFromProcess } from '../server/config/environment.js';
import { LANGUAGES } from '../shared/languages.js';

// `mcc`: the one entry point for operators. Every command reads the same configuration as the server,
// except `mcc mcp`, a client of a running instance. Each command loads its own modules when it runs, so
// `mcc mcp` (started by desktop assistants, which wait for it) never loads the server.
/**
 * Read the configuration before loading a command's modules: a refused configuration (a weak SECRET_KEY in
 * production, …) is reported at once, without loading the whole server first.
 */
async function withConfig(command: (config: Config) => Promise<void>): Promise<void> {
  const config = loadConfigFromProcess();
  await command(config);
}

const program = new Command()
  .name('mcc')
  .description('Marketing Command Center: run the server and manage its data')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the web app and API (migrates first unless MCC_AUTO_MIGRATE=0)')
  .action(async () =>
    withConfig(async (config) => (await import('./commands/serve.command.js')).serveCommand(config)),
  );

program
  .command('worker')
  .description('Run background jobs only, no web server (with REDIS_URL, as many as you like)')
  .action(async () =>
    withConfig(async (config) => (await import('./commands/worker.command.js')).workerCommand(config)),
  );

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(async () =>
    withConfig(async (config) => (await import('./commands/migrate.command.js')).migrateCommand(config)),
  );

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account (prints a generated password unless one comes on standard input)')
  .requiredOption('--email <email>', 'email address of the account')
  .requiredOption('--name <name>', 'display name')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .option(
    '--language <code>',
    `the language their emails are written in (${LANGUAGES.join(', ')}; English if left out)`,
  )
  .action(async (options: { email: string; name: string; passwordStdin?: boolean; language?: string }) =>
    withConfig(async (config) =>
      (await import('./commands/user.command.js')).userCreateCommand(config, options),
    ),
  );
user
  .command('reset-password')
  .description(
    'Set a new password for an account and sign out all its sessions (prints a generated password unless one comes on standard input)',
  )
  .requiredOption('--email <email>', 'email address of the account')
  .option('--password-stdin', 'read the new password from standard input instead of generating one')
  .action(async (options: { email: string; passwordStdin?: boolean }) =>
    withConfig(async (config) =>
      (await import('./commands/user.command.js')).userResetPasswordCommand(config, options),
    ),
  );

program
  .command('backup')
  .description('Write an online backup of the SQLite database (safe while the server runs)')
  .argument('[file]', 'destination file', undefined)
  .action(async (file: string | undefined) =>
    withConfig(async (config) => (await import('./commands/backup.command.js')).backupCommand(config, file)),
  );

program
  .command('mcp')
  .description(
    'Serve MCP tools for AI assistants, working a workspace through the API of a running mcc (MCC_URL) with a workspace API key (MCC_API_KEY over stdio; each client sends its own over HTTP)',
  )
  .option('--transport <transport>', 'stdio (for desktop assistants) or http (streamable HTTP)', 'stdio')
  .option('--host <host>', 'with --transport http: the address to listen on', '127.0.0.1')
  .option('--port <port>', 'with --transport http: the port to listen on (0 picks a free one)', '8765')
  .option(
    '--job-wait <seconds>',
    'how long plan_calendar waits for its job before answering with the job',
    '45',
  )
  .action(async (options: { transport: string; host: string; port: string; jobWait: string }) =>
    (await import('./commands/mcp.command.js')).mcpCommand(options),
  );

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
