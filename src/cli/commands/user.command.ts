import { text } from 'node:stream/consumers';
import { Registry } from 'prom-client';
import { closeServices, createServices, type Services } from '#server/composition-root.js';
import type { Config } from '#server/config/config.js';
import { resolveSecret } from '#server/config/secret.js';
import { openDatabase } from '#server/db/database.js';
import { migrateToLatest } from '#server/db/migrate.js';
import { isAppError } from '#server/errors/app-error.js';
import { randomToken } from '#server/services/access/security/tokens.js';
import { emailSchema, passwordSchema, registerBodySchema } from '#shared/auth.schema.js';

/** `mcc user create`: an account for someone who cannot sign up themselves (e.g. sign-up is closed). */
export async function userCreateCommand(
  config: Config,
  options: { email: string; name: string; passwordStdin?: boolean; language?: string },
): Promise<void> {
  const password = options.passwordStdin
    ? (await text(process.stdin)).replace(/\r?\n$/, '')
    : randomToken(15);
  const parsed = registerBodySchema.safeParse({
    email: options.email,
    name: options.name,
    password,
    language: options.language,
  });
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  const database = openDatabase(config.database);
  try {
    if (config.database.autoMigrate) await migrateToLatest(database.db);
    const services = createServices({
      database,
      config,
      secret: resolveSecret(config),
      metricsRegistry: new Registry(),
    });
    const user = await services.auth
      .createAccount(parsed.data)
      .catch((error: unknown) => {
        throw isAppError(error) ? new Error(error.message) : error;
      })
      .finally(() => closeAll(services));
    process.stdout.write(`Created ${user.email} (${user.id})\n`);
    if (!options.passwordStdin) process.stdout.write(`Password (shown once): ${password}\n`);
  } finally {
    await database.close();
  }
}

/**
 * `mcc user reset-password`: for an instance admin (whoever runs the CLI against the database) when
 * someone cannot use the emailed link. Every session of the account is signed out; its reset links stop
 * working.
 */
export async function userResetPasswordCommand(
  config: Config,
  options: { email: string; passwordStdin?: boolean },
): Promise<void> {
  const password = options.passwordStdin
    ? (await text(process.stdin)).replace(/\r?\n$/, '')
    : randomToken(15);
  const email = emailSchema.safeParse(options.email);
  const checked = passwordSchema.safeParse(password);
  if (!email.success || !checked.success) {
    throw new Error(
      [...(email.error?.issues ?? []), ...(checked.error?.issues ?? [])]
        .map((issue) => issue.message)
        .join('\n'),
    );
  }
  const database = openDatabase(config.database);
  try {
    if (config.database.autoMigrate) await migrateToLatest(database.db);
    const services = createServices({
      database,
      config,
      secret: resolveSecret(config),
      metricsRegistry: new Registry(),
    });
    try {
      await services.passwordResets.setPassword(email.data, password).catch((error: unknown) => {
        throw isAppError(error) ? new Error(error.message) : error;
      });
    } finally {
      await closeAll(services);
    }
    process.stdout.write(`New password set for ${email.data}; every session was signed out\n`);
    if (!options.passwordStdin) process.stdout.write(`Password (shown once): ${password}\n`);
  } finally {
    await database.close();
  }
}

/** No job runtime owns the queue here (it closes the queue in `mcc serve` and `mcc worker`). */
async function closeAll(services: Services): Promise<void> {
  await Promise.all([closeServices(services), services.jobQueue.close()]);
}
