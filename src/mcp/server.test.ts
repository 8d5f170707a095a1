import { createServer } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CONTENT_STATUSES } from '#shared/content.schema.js';
import { createMcpServer, MCP_TOOLS } from './server.js';

// The tool catalogue as a client sees it, and the arguments the shared schemas refuse before any request
// is made. The instance's address is a port nobody listens on: a call that got as far as a request would
// answer "Could not reach mcc", so every refusal below is known to come from the schemas.

describe('the MCP server’s tools', () => {
  let client: Client;
  let tools: Tool[];
  let nowhere: string;

  beforeAll(async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    nowhere = `http://127.0.0.1:${port}`;
    const server = createMcpServer({ instanceUrl: nowhere, apiKey: 'mcc_unit0123456789', jobWaitMs: 0 });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    client = new Client({ name: 'unit', version: '1.0.0' });
    await client.connect(clientSide);
    ({ tools } = await client.listTools());
  });
  afterAll(() => client.close());

  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  const textOf = (result: CallToolResult) =>
    result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
  const tool = (name: string) => {
    const found = tools.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no tool ${name}`);
    return found;
  };

  it('lists every tool with object schemas for input and output, refusing unknown fields', () => {
    expect(tools.map((listed) => listed.name)).toEqual(MCP_TOOLS.map((defined) => defined.name));
    for (const listed of tools) {
      expect(listed.inputSchema, listed.name).toMatchObject({ type: 'object', additionalProperties: false });
      expect(listed.outputSchema?.type, listed.name).toBe('object');
      expect(listed.description?.length, listed.name).toBeGreaterThan(40);
      expect(listed.annotations?.openWorldHint, listed.name).toBe(false);
    }
  });

  it('takes each input from the shared schema, with the workspace optional (the key’s own by default)', () => {
    const calendar = tool('list_calendar').inputSchema;
    const properties = calendar.properties as Record<string, { enum?: unknown; description?: string }>;
    expect(properties.channel?.enum).toEqual([...CHANNEL_IDS]);
    expect(properties.status?.enum).toEqual([...CONTENT_STATUSES]);
    expect(properties.business_id?.description).toMatch(/API key’s workspace/);
    for (const listed of tools)
      expect(listed.inputSchema.required ?? [], listed.name).not.toContain('business_id');
    const plan = tool('plan_calendar').inputSchema.properties as Record<string, { maximum?: number }>;
    expect(plan.weeks?.maximum).toBe(12);
    expect(tool('schedule_content').inputSchema.required).toEqual(['version', 'id']);
    expect(tool('schedule_content').inputSchema.properties).not.toHaveProperty('to');
  });

  it('marks what only reads', () => {
    const readOnly = tools.filter((listed) => listed.annotations?.readOnlyHint).map((listed) => listed.name);
    expect(readOnly.sort()).toEqual(
      [
        'get_ai_spend',
        'get_campaign',
        'get_content',
        'get_conversation',
        'get_job',
        'list_calendar',
        'list_campaigns',
        'list_conversations',
        'list_workspaces',
      ].sort(),
    );
  });

  it('refuses arguments the shared schemas refuse, with the field in the message', async () => {
    const badChannel = await call('draft_content', { channel: 'myspace' });
    expect(badChannel.isError).toBe(true);
    expect(textOf(badChannel)).toMatch(/Invalid arguments for tool draft_content: .* at channel/);
    const unknown = await call('get_campaign', { id: '0190a0a0-0000-7000-8000-000000000000', name: 'x' });
    expect(textOf(unknown)).toMatch(/Unrecognized key: "name"/);
    const notAnId = await call('get_content', { id: '42' });
    expect(textOf(notAnId)).toMatch(/Invalid UUID at id/);
  });

  it('keeps the shared schemas’ own rules across fields', async () => {
    const outside = await call('plan_calendar', {
      start_date: '2030-03-04',
      weeks: 1,
      channels: ['linkedin'],
      slots: [
        {
          date: '2030-04-01',
          time: '09:00',
          channel: 'linkedin',
          format: 'post',
          pillar: 'Coffee',
          title: 'Spring',
          brief: '',
        },
      ],
    });
    expect(outside.isError).toBe(true);
    expect(textOf(outside)).toMatch(/Pick a date from 2030-03-04 to 2030-03-10 at slots\[0\]\.date/);
    const backwards = await call('list_campaigns', { from: '2030-05-01', to: '2030-04-01' });
    expect(textOf(backwards)).toMatch(/`to` is before `from` at to/);
  });

  it('answers an unreachable instance with a tool error that names it', async () => {
    const result = await call('list_workspaces', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`Could not reach mcc at ${nowhere}`);
  });
});
