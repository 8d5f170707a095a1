import type { Config } from '../config/config.js';
import type { Services } from './index.js';
import { randomToken } from './security/tokens.js';

export const DEMO_EMAIL = 'demo@mcc.local';

/** The seeded account, to print once on the console. */
export interface DemoCredentials {
  email: string;
  password: string;
  businessName: string;
}

/**
 * In development, an empty database gets a demo account and business so a first run has something to
 * click. The password is random (printed once, never stored in clear). Production never seeds.
 */
export async function seedDemoIfEmpty(
  config: Config,
  services: Pick<Services, 'auth' | 'businesses'>,
): Promise<DemoCredentials | undefined> {
  if (!config.demo.enabled || config.env === 'production') return undefined;
  if (await services.auth.hasAccounts()) return undefined;
  const password = randomToken(12);
  const { session } = await services.auth.register({ email: DEMO_EMAIL, password, name: 'Demo Owner' });
  const businessName = 'Bluebird Coffee Roasters';
  await services.businesses.create(
    { kind: 'user', userId: session.user.id },
    {
      name: businessName,
      industry: 'Specialty coffee',
      description: 'A neighbourhood roastery selling single-origin beans online and in two cafés.',
      website: 'https://bluebird.example',
      time_zone: 'Europe/London',
      locale: 'en-GB',
    },
  );
  return { email: DEMO_EMAIL, password, businessName };
}
