#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError } from '../server/config/config.js';
import { loadConfigFromProcess } from '../server/config/environment.js';
import { backupCommand } from './commands/backup.command.js';
import { migrateCommand } from './commands/migrate.command.js';
import { serveCommand } from './commands/serve.command.js';
import { userCreateCommand, userResetPasswordCommand } from './commands/user.command.js';
import { workerCommand } from './commands/worker.command.js';

// `mcc`: the one entry point for operators. Every command reads the same configuration as the server.
const program = new Command()
  .name('mcc')
  .description('Marketing Command Center: run the server and manage its data')
  .showHelpAfterError();

program
  .command('serve')
  .description('Start the web app and API (migrates first unless MCC_AUTO_MIGRATE=0)')
  .action(() => serveCommand(loadConfigFromProcess()));

program
  .command('worker')
  .description('Run background jobs only, no web server (with REDIS_URL, as many as you like)')
  .action(() => workerCommand(loadConfigFromProcess()));

program
  .command('migrate')
  .description('Apply pending database migrations and exit')
  .action(() => migrateCommand(loadConfigFromProcess()));

const user = program.command('user').description('Manage accounts');
user
  .command('create')
  .description('Create an account (prints a generated password unless one comes on standard input)')
  .requiredOption('--email <email>', 'email address of the account')
  .requiredOption('--name <name>', 'display name')
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action((options: { email: string; name: string; passwordStdin?: boolean }) =>
    userCreateCommand(loadConfigFromProcess(), options),
  );
user
  .command('reset-password')
  .description(
    'Set a new password for an account and sign out all its sessions (prints a generated password unless one comes on standard input)',
  )
  .requiredOption('--email <email>', 'email address of the account')
  .option('--password-stdin', 'read the new password from standard input instead of generating one')
  .action((options: { email: string; passwordStdin?: boolean }) =>
    userResetPasswordCommand(loadConfigFromProcess(), options),
  );

program
  .command('backup')
  .description('Write an online backup of the SQLite database (safe while the server runs)')
  .argument('[file]', 'destination file', undefined)
  .action((file: string | undefined) => backupCommand(loadConfigFromProcess(), file));

try {
  await program.parseAsync();
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
