import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_IDS } from '#server/openapi/operation-ids.js';
import type { Business } from '#shared/business.schema.js';
import { ERROR_CODES } from '#shared/error-codes.js';
import { problemSchema } from '#shared/problem.schema.js';
import { WEBHOOK_DELIVERY_EVENT_TYPES } from '#shared/webhook.schema.js';
import { WEBHOOK_PAYLOAD_SCHEMAS } from '#shared/webhook-events.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import {
  type DocumentedOperation,
  documentedCodes,
  type OpenApiDocument,
  operationsOf,
  servedDocument,
} from '../support/openapi-document.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A value of the right shape for a required query parameter, so the request gets past validation. */
function sampleValue(parameter: {
  name: string;
  schema?: { format?: string; type?: string; pattern?: string };
}) {
  const schema = parameter.schema ?? {};
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date') return parameter.name === 'to' ? '2026-01-31' : '2026-01-01';
  if (schema.type === 'integer') return String(Math.floor(Date.now() / 1000) + 3600);
  if (schema.pattern === '^[A-Za-z0-9_-]{43}$') return 'A'.repeat(43);
  return 'x';
}

/**
 * A well-formed request for the operation about things that do not exist: every path parameter and
 * `business_id` a fresh UUID, the other required query parameters of the right shape, and a JSON body
 * (`{}`, or the `business_id` alone when it takes one) where it takes one.
 */
function requestFor(path: string, method: string, operation: DocumentedOperation, body?: string | object) {
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'query' && parameter.required) query.set(parameter.name, sampleValue(parameter));
  }
  const url = path.replace(/\{[^}]+\}/g, () => randomUUID()) + (query.size > 0 ? `?${query}` : '');
  const json = operation.requestBody?.content['application/json']?.schema as
    | { properties?: Record<string, unknown> }
    | undefined;
  const jsonBody = json?.properties && 'business_id' in json.properties ? { business_id: randomUUID() } : {};
  return {
    method: method.toUpperCase() as 'GET',
    url,
    ...(body !== undefined ? { payload: body } : json ? { payload: jsonBody } : {}),
  };
}

interface Undocumented {
  operation: string;
  status: number;
  code?: string;
  documented?: string[];
}

/** The answer is a status the operation documents, and a problem's code is one listed for that status. */
function undocumented(operation: DocumentedOperation, response: LightMyRequestResponse): Undocumented[] {
  const name = operation.operationId ?? '?';
  if (!operation.responses[String(response.statusCode)])
    return [{ operation: name, status: response.statusCode }];
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) return [];
  const { code } = problemSchema.parse(response.json());
  const documented = documentedCodes(operation, response.statusCode) ?? [];
  return documented.includes(code)
    ? []
    : [{ operation: name, status: response.statusCode, code, documented }];
}

describe('the OpenAPI contract', () => {
  let t: TestApp;
  let document: OpenApiDocument;
  let owner: TestAccount;
  let business: Business;

  beforeAll(async () => {
    // The test webhook is delivered to this machine (nothing listens; the delivery is only queued).
    // Sign-up signs in at once, so a taken address answers the 409 the document lists for that mode.
    t = await createTestApp(await createSqliteTestDatabase(), {
      OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
      SIGN_UP: 'immediate',
    });
    document = await servedDocument(t.app);
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterAll(() => t.close());

  it('gives every operation exactly one operationId from the table, each unique', () => {
    const operations = operationsOf(document);
    const keyed = operations.map(({ method, path, operation }) => [
      `${method.toUpperCase()} ${path}`,
      operation.operationId,
    ]);
    expect(Object.fromEntries(keyed)).toEqual(OPERATION_IDS);
    expect(keyed).toHaveLength(Object.keys(OPERATION_IDS).length);
    const ids = Object.values(OPERATION_IDS);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:[A-Z][a-z0-9]*)+$/);
  });

  it('gives every operation a summary and declares its security, `[]` on the public ones', () => {
    const missing = operationsOf(document).filter(
      ({ operation }) => !operation.summary || !Array.isArray(operation.security),
    );
    expect(missing.map(({ operation }) => operation.operationId)).toEqual([]);
    const publicOperations = operationsOf(document)
      .filter(({ operation }) => operation.security?.length === 0)
      .map(({ operation }) => operation.operationId)
      .sort();
    expect(publicOperations).toEqual(
      [
        'checkPasswordResetLink',
        'completePasskeySignIn',
        'completeTwoFactorSignIn',
        'confirmRegistration',
        'describeInvitation',
        'describeUnsubscribeLink',
        'finishOAuth',
        'getAuthOptions',
        'getCalendarFeed',
        'getSharedReview',
        'getHealth',
        'getReadiness',
        'getSignedMediaFile',
        'listOutboxEmails',
        'receiveInboundMessage',
        'refreshSession',
        'registerAccount',
        'reportTelemetry',
        'requestPasswordReset',
        'resetPassword',
        'signIn',
        'signOut',
        'startPasskeySignIn',
        'unsubscribeFromEmail',
      ].sort(),
    );
  });

  it('declares, with a description, every tag an operation uses', () => {
    const declared = new Set((document.tags ?? []).map((tag) => tag.name));
    const used = new Set(operationsOf(document).flatMap(({ operation }) => operation.tags ?? []));
    expect([...used].filter((tag) => !declared.has(tag))).toEqual([]);
    expect((document.tags ?? []).filter((tag) => !tag.description)).toEqual([]);
  });

  it('tells the truth about security: a Bearer operation refuses a request without one, a public one does not ask', async () => {
    const wrong: string[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      const response = await t.app.inject(requestFor(path, method, operation));
      const refused = response.statusCode === 401 && response.json().code === 'unauthenticated';
      const bearer = operation.security?.some((scheme) => 'bearer' in scheme) ?? false;
      // The inbound webhook refuses an unsigned request with 401 of its own (its signature is the credential).
      if (bearer !== refused && operation.operationId !== 'receiveInboundMessage') {
        wrong.push(`${operation.operationId}: ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('documents every problem an operation answers, without and with a credential and with a wrong body', async () => {
    const found: Undocumented[] = [];
    for (const { method, path, operation } of operationsOf(document)) {
      const anonymous = await t.app.inject(requestFor(path, method, operation));
      found.push(...undocumented(operation, anonymous));
      const signedIn = await t.app.inject({ ...requestFor(path, method, operation), headers: owner.auth });
      found.push(...undocumented(operation, signedIn));
      if (operation.requestBody?.content['application/json']) {
        const wrongType = await t.app.inject({
          ...requestFor(path, method, operation, '<not-json/>'),
          headers: { ...owner.auth, 'content-type': 'application/xml' },
        });
        expect(wrongType.statusCode, operation.operationId).toBe(415);
        found.push(...undocumented(operation, wrongType));
      }
    }
    expect(found).toEqual([]);
  });

  it('documents the rules of a service: a taken email, a wrong password', async () => {
    const operation = (id: string) =>
      operationsOf(document).find(({ operation: candidate }) => candidate.operationId === id)?.operation;
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: owner.email, password: 'another-long-passphrase-7', name: 'Twin' },
    });
    expect(again.json().code).toBe('conflict');
    expect(undocumented(operation('registerAccount') as DocumentedOperation, again)).toEqual([]);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: owner.email, password: 'not-the-password-at-all' },
    });
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(undocumented(operation('signIn') as DocumentedOperation, wrong)).toEqual([]);
  });

  it('documents every error code on some operation, as application/problem+json with the Problem schema', () => {
    const codes = new Set<string>();
    for (const { operation } of operationsOf(document)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        const problem = response.content?.['application/problem+json'];
        expect(problem, `${operation.operationId} ${status}`).toBeDefined();
        expect(JSON.stringify(problem)).toContain('#/components/schemas/Problem');
        for (const code of documentedCodes(operation, Number(status)) ?? []) codes.add(code);
      }
    }
    expect([...ERROR_CODES].filter((code) => !codes.has(code))).toEqual([]);
    expect(document.components.schemas.Problem).toMatchObject({
      properties: { code: { enum: [...ERROR_CODES] } },
    });
  });

  it('describes every outgoing webhook with the body a receiver gets', async () => {
    // Every webhook event, and what a publishing connector receives (its body is checked in publishing.test.ts).
    expect(Object.keys(document.webhooks ?? {}).sort()).toEqual(
      [...WEBHOOK_DELIVERY_EVENT_TYPES, 'content.publish'].sort(),
    );
    // The test event is built by the webhook service, not from a live event: its body is what the document says.
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: owner.auth,
      payload: { business_id: business.id, url: 'http://127.0.0.1:9/mcc', events: ['content.changed'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const webhookId = created.json().webhook.id as string;
    const test = await t.app.inject({
      method: 'POST',
      url: `/api/webhooks/${webhookId}/test`,
      headers: owner.auth,
    });
    expect(test.statusCode, test.body).toBe(202);
    const delivery = await t.app.inject({
      url: `/api/webhooks/${webhookId}/deliveries/${test.json().id}`,
      headers: owner.auth,
    });
    const body = delivery.json().payload;
    expect(WEBHOOK_PAYLOAD_SCHEMAS['webhook.test'].safeParse(body).success, JSON.stringify(body)).toBe(true);
    expect(WEBHOOK_PAYLOAD_SCHEMAS['content.changed'].safeParse(body).success).toBe(false);
  });
});

describe('docs/api.md', () => {
  it('explains every error code', () => {
    const guide = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    expect(ERROR_CODES.filter((code) => !guide.includes(`| \`${code}\` |`))).toEqual([]);
  });
});

describe('the OpenAPI servers', () => {
  it('are the public URL when one is configured, else the host that served the document', async () => {
    const configured = await createTestApp(await createSqliteTestDatabase(), {
      PUBLIC_URL: 'https://mcc.example.org/',
    });
    const relative = await createTestApp(await createSqliteTestDatabase());
    try {
      expect((await servedDocument(configured.app)).servers).toEqual([
        expect.objectContaining({ url: 'https://mcc.example.org' }),
      ]);
      expect((await servedDocument(relative.app)).servers).toEqual([expect.objectContaining({ url: '/' })]);
    } finally {
      await configured.close();
      await relative.close();
    }
  });
});
