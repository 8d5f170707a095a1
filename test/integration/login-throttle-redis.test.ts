import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoginThrottle } from '#server/services/access/security/login-throttle.js';
import { registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 13, item 14: each process kept its own count, so N replicas allowed N times the attempts.
describe.skipIf(Boolean(redisSkipReason))('login throttle shared by two instances', () => {
  describeEachDialect('on Redis', (create) => {
    const prefix = testRedisPrefix();
    let a: TestApp;
    let b: TestApp;
    let ada: TestAccount;
    beforeAll(async () => {
      const testDb = await create();
      const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
      // Five free failures as in production; a first wait of a minute, so the test never races the clock.
      const throttle = () => createLoginThrottle({ url: TEST_REDIS_URL, prefix }, { baseDelaySeconds: 60 });
      a = await createTestApp(testDb, env, { loginThrottle: throttle() });
      b = await createTestApp({ ...testDb, dispose: async () => {} }, env, { loginThrottle: throttle() });
      ada = await registerAccount(a.app);
    });
    afterAll(async () => {
      await b?.close();
      await a?.services.jobQueue.close();
      await b?.services.jobQueue.close();
      await a?.close();
      await deleteRedisPrefix(prefix);
    });

    const attempt = (t: TestApp, password = 'not-her-password!') =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: ada.email, password } });

    it('allows the configured failures across both together, then both refuse', async () => {
      const answers: number[] = [];
      for (let n = 0; n < 12 && !answers.includes(429); n++) {
        answers.push((await attempt(n % 2 === 0 ? a : b)).statusCode);
      }
      expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
      for (const t of [a, b]) {
        const refused = await attempt(t, ada.password);
        expect(refused.statusCode).toBe(429);
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(50);
      }
    });
  });
});
