import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { type ServerProcess, startServerProcess } from '../support/server-process.js';

// `mcc mcp` as an assistant meets it: the built CLI as a child process, over stdio and over streamable
// HTTP, in front of a real `mcc serve` process. The SDK's own client does the talking, so schemas, results
// and errors are checked the way every MCP client reads them. One server process for the whole file.

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli/mcc.js');
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

interface Workspace {
  id: string;
  token: string;
}

describe('mcc mcp against a running instance', { timeout: 60_000 }, () => {
  let dataDir: string;
  let instance: ServerProcess;
  let shop: Workspace;
  let other: Workspace;
  let adminKey: string;
  let editorKey: string;
  let campaignId: string;
  let otherCampaignId: string;
  let stdio: Client;
  let http: Client;
  let httpProcess: { child: ChildProcess; url: string };

  async function api<T>(token: string, method: string, url: string, body?: unknown): Promise<T> {
    const response = await fetch(`${instance.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return (await response.json()) as T;
  }

  async function workspaceOf(email: string, name: string): Promise<Workspace> {
    const response = await fetch(`${instance.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'violet-harbour-lantern-42', name }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const { id } = await api<{ id: string }>(token, 'POST', '/api/business/', { name });
    return { id, token };
  }

  const keyFor = async (workspace: Workspace, role: string) =>
    (
      await api<{ secret: string }>(workspace.token, 'POST', `/api/business/${workspace.id}/api-keys`, {
        name: `MCP ${role}`,
        role,
      })
    ).secret;

  const campaignIn = async (workspace: Workspace, name: string) =>
    (
      await api<{ id: string }>(workspace.token, 'POST', '/api/campaign/', {
        business_id: workspace.id,
        name,
        objective: 'leads',
        channels: ['linkedin', 'email'],
        budget_minor: 250_000,
        currency: 'EUR',
        start_date: day(1),
        end_date: day(30),
        kpis: [{ metric: 'clicks', target: 500 }],
      })
    ).id;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-mcp-'));
    // Not a test of registration: sign-up signs in at once (sign-up-modes.test.ts covers every mode).
    instance = await startServerProcess({
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      MCC_DEMO: '0',
      SIGN_UP: 'immediate',
    });
    // The HTTP MCP server needs no key of its own: it starts while the workspaces are set up.
    const httpStarting = startHttpMcp(instance.url).then((started) => {
      httpProcess = started;
      return started;
    });
    httpStarting.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    shop = await workspaceOf('owner@shop.example', 'Harbour Coffee');
    other = await workspaceOf('owner@other.example', 'Other Co');
    adminKey = await keyFor(shop, 'admin');
    editorKey = await keyFor(shop, 'editor');
    campaignId = await campaignIn(shop, 'Spring espresso launch');
    otherCampaignId = await campaignIn(other, 'Secret plans');

    // Both clients connect at once: most of a process's start-up is loading modules.
    stdio = new Client({ name: 'mcp-test', version: '1.0.0' });
    http = new Client({ name: 'mcp-test-http', version: '1.0.0' });
    const stdioTransport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp'],
      cwd: ROOT,
      env: { ...BASE_ENV, MCC_URL: instance.url, MCC_API_KEY: adminKey },
      stderr: 'ignore',
    });
    await Promise.all([
      stdio.connect(stdioTransport).then(() => recordProgress(stdioTransport)),
      httpStarting.then((started) =>
        http.connect(
          new StreamableHTTPClientTransport(new URL(started.url), {
            requestInit: { headers: { authorization: `Bearer ${editorKey}` } },
          }),
        ),
      ),
    ]);
  }, 90_000);

  afterAll(async () => {
    await stdio?.close();
    await http?.close();
    httpProcess?.child.kill('SIGTERM');
    await instance?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const call = async (client: Client, name: string, args: Record<string, unknown> = {}) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const textOf = (result: CallToolResult) =>
    result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  /** A successful call's structured content. */
  async function ok<T>(client: Client, name: string, args: Record<string, unknown> = {}): Promise<T> {
    const result = await call(client, name, args);
    expect(result.isError, textOf(result)).toBeFalsy();
    return result.structuredContent as T;
  }

  it('lists every tool, with input schemas taken from the shared zod schemas', async () => {
    const { tools } = await stdio.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      [
        'draft_content',
        'get_ai_spend',
        'get_campaign',
        'get_content',
        'get_conversation',
        'get_job',
        'list_calendar',
        'list_campaigns',
        'list_conversations',
        'list_workspaces',
        'plan_calendar',
        'rewrite_content',
        'run_forecast',
        'schedule_content',
        'submit_content_for_review',
        'suggest_replies',
        'update_content',
        'write_content_with_ai',
      ].sort(),
    );
    const draft = tools.find((tool) => tool.name === 'draft_content');
    const properties = draft?.inputSchema.properties as Record<string, { enum?: string[] }>;
    expect(properties.channel?.enum).toEqual([...CHANNEL_IDS]);
    // The API key's workspace is the default; unknown fields are refused, as the API refuses them.
    expect(draft?.inputSchema.required).toEqual(['channel']);
    expect(draft?.inputSchema).toMatchObject({ additionalProperties: false });
    expect(draft?.outputSchema?.properties).toHaveProperty('version');
    expect(tools.find((tool) => tool.name === 'list_campaigns')?.annotations?.readOnlyHint).toBe(true);
  });

  it('reads the workspace and its campaigns', async () => {
    const workspaces = await ok<{ items: Array<{ id: string; role: string }> }>(stdio, 'list_workspaces');
    expect(workspaces.items).toEqual([expect.objectContaining({ id: shop.id, role: 'admin' })]);

    const listed = await call(stdio, 'list_campaigns', { status: 'draft' });
    expect(textOf(listed)).toContain(`Spring espresso launch (id ${campaignId})`);
    expect(textOf(listed)).toContain('budget 2,500.00 EUR');
    expect(listed.structuredContent).toMatchObject({ items: [{ id: campaignId }], next_cursor: null });
  });

  it('plans a calendar with the offline writer and waits for the job', async () => {
    const progress: number[] = [];
    progressOnTheWire.length = 0;
    const result = (await stdio.callTool(
      {
        name: 'plan_calendar',
        arguments: { start_date: day(2), weeks: 1, channels: ['linkedin'], campaign_id: campaignId },
      },
      undefined,
      { onprogress: ({ progress: value }) => progress.push(value) },
    )) as CallToolResult;
    expect(result.isError, textOf(result)).toBeFalsy();
    const planned = result.structuredContent as {
      job: { state: string };
      result: { offline: boolean; content_item_ids: string[] };
    };
    expect(planned.job.state).toBe('succeeded');
    expect(planned.result.offline).toBe(true);
    expect(planned.result.content_item_ids.length).toBeGreaterThan(0);
    expect(textOf(result)).toMatch(/Planned by the offline writer and saved \d+ content items?/);
    // What the server sent; the client passes on all but, at times, the last (see recordProgress).
    expect(progressOnTheWire.at(-1)).toBe(100);
    expect(progressOnTheWire.slice(0, progress.length)).toEqual(progress);

    const calendar = await ok<{ items: Array<{ id: string; campaign_id: string; status: string }> }>(
      stdio,
      'list_calendar',
      { from: `${day(1)}T00:00:00Z`, to: `${day(40)}T00:00:00Z`, campaign_id: campaignId },
    );
    expect(calendar.items.map((item) => item.id).sort()).toEqual([...planned.result.content_item_ids].sort());
    expect(calendar.items.every((item) => item.status === 'idea')).toBe(true);
  });

  it('drafts and rewrites content, and schedules it only once a person approved it', async () => {
    const draft = await ok<{ id: string; status: string; version: number }>(stdio, 'draft_content', {
      channel: 'linkedin',
      title: 'Spring blend',
      body: 'Our spring espresso blend is here: bright, floral and roasted this week.',
      campaign_id: campaignId,
    });
    expect(draft).toMatchObject({ status: 'draft', version: 1 });

    const rewrite = await call(stdio, 'rewrite_content', { id: draft.id, mode: 'shorten' });
    expect(rewrite.isError, textOf(rewrite)).toBeFalsy();
    expect(rewrite.structuredContent).toMatchObject({ offline: true, item_version: 1 });
    expect(textOf(rewrite)).toContain(`update_content with id ${draft.id}, version 1`);

    const scheduledAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    // A draft cannot be scheduled: the workflow answers, and the assistant learns what to do instead.
    const early = await call(stdio, 'schedule_content', {
      id: draft.id,
      version: 1,
      scheduled_at: scheduledAt,
    });
    expect(early.isError).toBe(true);
    expect(textOf(early)).toContain(
      '(409 invalid_transition): An item that is a draft can move to: in_review',
    );
    expect(textOf(early)).toContain('submit_content_for_review');

    const submitted = await ok<{ status: string; version: number }>(http, 'submit_content_for_review', {
      id: draft.id,
      version: 1,
      comment: 'Ready for launch week',
    });
    expect(submitted.status).toBe('in_review');
    // The owner approves in the app; no tool approves.
    const approved = await api<{ version: number }>(
      shop.token,
      'POST',
      `/api/content/${draft.id}/transition`,
      {
        to: 'approved',
        version: submitted.version,
      },
    );

    // An editor's key may not schedule (only roles that approve may).
    const byEditor = await call(http, 'schedule_content', {
      id: draft.id,
      version: approved.version,
      scheduled_at: scheduledAt,
    });
    expect(byEditor.isError).toBe(true);
    expect(textOf(byEditor)).toMatch(
      /\(403 forbidden\): Only owners and admins can move an item from approved/,
    );

    const scheduled = await ok<{ status: string; scheduled_at: string }>(stdio, 'schedule_content', {
      id: draft.id,
      version: approved.version,
      scheduled_at: scheduledAt,
    });
    expect(scheduled.status).toBe('scheduled');
    expect(Date.parse(scheduled.scheduled_at)).toBe(Date.parse(scheduledAt));
  });

  it('writes variants with the workspace’s AI, and refuses an edit of a stale version', async () => {
    const written = await call(http, 'write_content_with_ai', {
      channel: 'linkedin',
      brief: 'Announce the spring espresso blend to cafe owners',
      variants: 2,
      save_as_drafts: true,
    });
    expect(written.isError, textOf(written)).toBeFalsy();
    const { saved_items: saved } = written.structuredContent as {
      saved_items: Array<{ id: string; status: string; version: number; body: string }>;
    };
    expect(saved.map((item) => item.status)).toEqual(['draft', 'draft']);
    expect(textOf(written)).toContain(`Variant 1 (saved as draft id ${saved[0]?.id}, version 1)`);

    const first = saved[0] as { id: string; version: number };
    const edited = await ok<{ version: number; body: string }>(http, 'update_content', {
      id: first.id,
      version: first.version,
      body: 'Spring is here, and so is our new espresso blend.',
    });
    expect(edited).toMatchObject({ version: 2, body: 'Spring is here, and so is our new espresso blend.' });
    const stale = await call(http, 'update_content', { id: first.id, version: 1, body: 'An older edit' });
    expect(stale.isError).toBe(true);
    expect(textOf(stale)).toContain('(409 version_conflict)');
    expect(textOf(stale)).toContain('read it again with get_content');
  });

  it('reads the inbox and suggests replies without sending any', async () => {
    const { conversation_id: conversationId } = await api<{ conversation_id: string }>(
      shop.token,
      'POST',
      '/api/messages',
      {
        business_id: shop.id,
        channel: 'instagram',
        external_id: 'ig-1001',
        customer: { external_id: 'ana.c', name: 'Ana' },
        body: 'Do you ship your espresso beans to Lisbon?',
      },
    );
    const inbox = await call(stdio, 'list_conversations', { status: 'open' });
    expect(inbox.structuredContent).toMatchObject({ items: [{ id: conversationId, channel: 'instagram' }] });
    expect(textOf(inbox)).toContain(`Ana on instagram (id ${conversationId})`);

    const suggested = await call(stdio, 'suggest_replies', { id: conversationId, count: 2 });
    expect(suggested.isError, textOf(suggested)).toBeFalsy();
    expect((suggested.structuredContent as { suggestions: unknown[] }).suggestions.length).toBeGreaterThan(0);
    expect(textOf(suggested)).toContain('nothing sent');

    const thread = await ok<{ messages: Array<{ direction: string }> }>(stdio, 'get_conversation', {
      id: conversationId,
    });
    expect(thread.messages.map((message) => message.direction)).toEqual(['in']);
  });

  it('answers bad input and refused writes with readable tool errors', async () => {
    // Caught by the shared schema before any request.
    const badChannel = await call(stdio, 'draft_content', { channel: 'myspace', body: 'Hello' });
    expect(badChannel.isError).toBe(true);
    expect(textOf(badChannel)).toMatch(/Invalid arguments for tool draft_content:.*channel/s);
    const unknownField = await call(stdio, 'list_campaigns', { colour: 'blue' });
    expect(unknownField.isError).toBe(true);
    expect(textOf(unknownField)).toMatch(/colour/);

    // Refused by the instance: its problem, with each field, becomes the tool error.
    const tooLong = await call(stdio, 'draft_content', { channel: 'x', body: 'Espresso! '.repeat(40) });
    expect(tooLong.isError).toBe(true);
    expect(textOf(tooLong)).toContain('(422 over_channel_limit)');
    expect(textOf(tooLong)).toMatch(/^- body\.body: /m);
    expect(textOf(tooLong)).toMatch(/Request id: \S+/);
  });

  it('keeps a key inside its workspace: another workspace’s ids answer as not found', async () => {
    const campaign = await call(stdio, 'get_campaign', { id: otherCampaignId });
    expect(campaign.isError).toBe(true);
    expect(textOf(campaign)).toContain('(404 not_found)');
    expect(textOf(campaign)).not.toContain('Secret plans');

    const listed = await call(http, 'list_campaigns', { business_id: other.id });
    expect(listed.isError).toBe(true);
    expect(textOf(listed)).toContain('(404 not_found): No such workspace');

    const forecast = await call(stdio, 'run_forecast', { campaign_id: otherCampaignId });
    expect(forecast.isError).toBe(true);
    expect(textOf(forecast)).toContain('404 not_found');
  });

  it('runs a forecast and reads the AI spend', async () => {
    const forecast = await call(http, 'run_forecast', { campaign_id: campaignId, trials: 1000, seed: 7 });
    expect(forecast.isError, textOf(forecast)).toBeFalsy();
    expect(forecast.structuredContent).toMatchObject({ campaign_id: campaignId, seed: 7, trials: 1000 });
    expect(textOf(forecast)).toMatch(/KPI clicks ≥ 500: \d+% chance/);

    const spend = await ok<{ totals: { calls: number }; by_task: Array<{ task: string }> }>(
      http,
      'get_ai_spend',
    );
    // The AI calls above, through the same budget and ledger as the web app's calls.
    expect(spend.by_task.map((entry) => entry.task)).toEqual(
      expect.arrayContaining(['planCalendar', 'rewriteContent', 'writeContent', 'suggestReplies']),
    );
    expect(spend.totals.calls).toBeGreaterThanOrEqual(4);
  });

  it('refuses HTTP requests without an API key, and keys that are not valid', async () => {
    const bare = await fetch(httpProcess.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^Bearer/);

    const revoked = new Client({ name: 'mcp-test-bad-key', version: '1.0.0' });
    await revoked.connect(
      new StreamableHTTPClientTransport(new URL(httpProcess.url), {
        requestInit: { headers: { authorization: 'Bearer mcc_not-a-real-key-000000' } },
      }),
    );
    const result = await call(revoked, 'list_workspaces');
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('(401 unauthenticated)');
    await revoked.close();
  });
});

/** `YYYY-MM-DD`, `offset` days from today (UTC). */
/** The `progress` of every progress notification the stdio server wrote, in order. */
const progressOnTheWire: number[] = [];

/**
 * Record progress notifications as the transport receives them. The SDK's client hands a notification to its
 * handler a microtask later but settles a response at once, and forgets the request's progress handler
 * then: a last progress notification read in the same chunk as the result is dropped as for an unknown token
 * (modelcontextprotocol/typescript-sdk issue 2580), which a loaded machine makes likely. What the server
 * sent is read here instead, before that dispatch.
 */
function recordProgress(transport: StdioClientTransport): void {
  const dispatch = transport.onmessage;
  transport.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && message.method === 'notifications/progress') {
      progressOnTheWire.push(Number((message.params as { progress: number }).progress));
    }
    dispatch?.(message);
  };
}

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/** `mcc mcp --transport http --port 0`, resolved once it prints where it listens. */
function startHttpMcp(instanceUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'mcp', '--transport', 'http', '--port', '0'], {
    cwd: ROOT,
    env: { ...BASE_ENV, MCC_URL: instanceUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /on (http:\/\/\S+\/mcp)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mcc mcp exited with ${code}:\n${output}`)));
  });
}
