import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '#shared/inbox.schema.js';
import { createPostgresTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/databases.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

// A rule's pattern runs on every inbound message, in the process that answers every other request.
// `\w*\w*\w*!` against 4,000 word characters and no `!` backtracks for hours on JavaScript's engine; on
// RE2 it is one pass. The server runs as its own process so that a blocked event loop shows up here as a
// /healthz that gets no answer (a failure) rather than as a test runner blocked with it.

/** How long any request may go unanswered before the server counts as stuck (a hang detector, not a timing). */
const ANSWER_DEADLINE_MS = 10_000;
/** How long the background classification of two messages may take. */
const TRIAGE_DEADLINE_MS = 40_000;
const HOSTILE_PATTERN = '\\w*\\w*\\w*!';

for (const { dialect, skip } of TEST_DIALECTS) {
  describe.skipIf(skip)(`a hostile rule pattern [${dialect}]`, { timeout: 90_000 }, () => {
    let dataDir: string;
    let postgres: TestDatabase | undefined;
    let server: ServerProcess;

    beforeEach(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-hostile-rule-'));
      // Not a test of registration: sign-up signs in at once (sign-up-modes.test.ts covers every mode).
      const env: Record<string, string> = {
        DATA_DIR: dataDir,
        NODE_ENV: 'development',
        MCC_DEMO: '0',
        SIGN_UP: 'immediate',
      };
      if (dialect === 'postgres') {
        postgres = await createPostgresTestDatabase();
        env.DATABASE_URL = postgres.url ?? '';
      }
      server = await startServerProcess(env);
    }, 60_000);
    afterEach(async () => {
      // A server stuck in a pattern cannot run its SIGTERM handler.
      await server?.stop('SIGKILL');
      await postgres?.dispose();
      postgres = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }, 30_000);

    /** A request that must be answered within the deadline. */
    async function call(url: string, init: RequestInit = {}): Promise<Response> {
      try {
        return await fetch(`${server.url}${url}`, {
          ...init,
          signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
        });
      } catch (error) {
        throw new Error(
          `${init.method ?? 'GET'} ${url} got no answer: the server is stuck (${String(error)})`,
        );
      }
    }
    async function post<T>(url: string, body: object, token?: string): Promise<T> {
      const response = await call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      });
      expect(response.status, await response.clone().text()).toBeLessThan(300);
      return (await response.json()) as T;
    }

    it('keeps answering /healthz while a 4,000-character message meets \\w*\\w*\\w*!, and the rule still works', async () => {
      const { access_token: token } = await post<{ access_token: string }>('/api/auth/register', {
        email: `owner.${Date.now()}@example.com`,
        password: 'violet-harbour-lantern-42',
        name: 'Owner',
      });
      const { id: businessId } = await post<{ id: string }>('/api/business/', { name: 'Shop' }, token);
      await post(
        '/api/inbox/rules',
        {
          business_id: businessId,
          name: 'Shouting',
          match: { regex: HOSTILE_PATTERN },
          actions: { labels: ['shouting'] },
        },
        token,
      );
      const ingest = (external_id: string, body: string) =>
        post<{ conversation_id: string }>(
          '/api/messages',
          {
            business_id: businessId,
            channel: 'email',
            external_id,
            customer: { external_id: `customer-${external_id}` },
            body,
          },
          token,
        );
      const hostile = await ingest('m-1', `${'a'.repeat(3_999)}?`);
      const shouting = await ingest('m-2', `${'a'.repeat(3_999)}!`);

      // Until both messages are triaged, every round asks /healthz alongside the inbox.
      const deadline = Date.now() + TRIAGE_DEADLINE_MS;
      let conversations: Conversation[] = [];
      for (;;) {
        const [health, page] = await Promise.all([
          call('/healthz'),
          call(`/api/messages?business_id=${businessId}`, { headers: { authorization: `Bearer ${token}` } }),
        ]);
        expect(health.status).toBe(200);
        conversations = ((await page.json()) as { items: Conversation[] }).items;
        if (conversations.length === 2 && conversations.every((c) => c.sentiment !== null)) break;
        if (Date.now() > deadline) throw new Error('The messages were not triaged in time');
        await pause(50);
      }
      const labelsOf = (id: string) => conversations.find((c) => c.id === id)?.labels;
      expect(labelsOf(hostile.conversation_id)).toEqual([]);
      expect(labelsOf(shouting.conversation_id)).toEqual(['shouting']);
      expect((await call('/healthz')).status).toBe(200);
    });
  });
}
