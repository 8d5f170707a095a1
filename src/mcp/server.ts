import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { API } from '#shared/api-paths.js';
import { businessListSchema } from '#shared/business.schema.js';
import { InstanceError, MccApiClient } from './api-client.js';
import { type McpTool, registerTool, type ToolContext } from './tool.js';
import { aiSpendTools } from './tools/ai-spend.tools.js';
import { analyticsTools } from './tools/analytics.tools.js';
import { calendarTools } from './tools/calendar.tools.js';
import { campaignTools } from './tools/campaign.tools.js';
import { contentTools } from './tools/content.tools.js';
import { inboxTools } from './tools/inbox.tools.js';
import { workspaceTools } from './tools/workspace.tools.js';
import { mccVersion } from './version.js';

/** Every tool, in the order clients list them. */
export const MCP_TOOLS: readonly McpTool[] = [
  ...workspaceTools,
  ...campaignTools,
  ...contentTools,
  ...calendarTools,
  ...inboxTools,
  ...analyticsTools,
  ...aiSpendTools,
];

const INSTRUCTIONS = `Tools for one mcc (Marketing Command Center) workspace, acting with a workspace API key: its role decides what is allowed, AI calls count against the workspace's budget, and changes appear in its audit log.
Start with list_workspaces (the brand profile guides what to write). Content moves idea → draft → in_review → approved → scheduled → published: you can draft, edit, rewrite and submit for review; people approve in mcc; you can schedule approved items if the key's role allows. Replies to customers are suggested, never sent.`;

export interface McpServerOptions {
  /** The instance's base URL. */
  instanceUrl: string;
  /** The workspace API key every call uses. */
  apiKey: string;
  jobWaitMs: number;
  /** How often a waiting tool reads a job again; 1 s by default. */
  jobPollMs?: number;
}

/** An MCP server whose tools call the mcc instance at `instanceUrl` with `apiKey`. */
export function createMcpServer(options: McpServerOptions): McpServer {
  const version = mccVersion();
  const api = new MccApiClient({
    baseUrl: options.instanceUrl,
    apiKey: options.apiKey,
    userAgent: `mcc-mcp/${version}`,
  });
  const context: ToolContext = {
    api,
    workspace: keyWorkspace(api),
    jobWaitMs: options.jobWaitMs,
    jobPollMs: options.jobPollMs ?? 1_000,
  };
  const server = new McpServer(
    { name: 'mcc', title: 'Marketing Command Center', version },
    { instructions: INSTRUCTIONS },
  );
  for (const tool of MCP_TOOLS) registerTool(server, tool, context);
  return server;
}

/** The workspace id to use: the one given, else the key's own, asked once (a failed ask is asked again). */
function keyWorkspace(api: MccApiClient): ToolContext['workspace'] {
  let own: Promise<string> | undefined;
  return async (given) => {
    if (given) return given;
    own ??= api.get(API.businesses, { schema: businessListSchema }).then(({ items }) => {
      const [only, ...others] = items;
      if (!only || others.length > 0) {
        throw new InstanceError(
          `This credential reaches ${items.length} workspaces: give business_id (list_workspaces lists them)`,
        );
      }
      return only.id;
    });
    return own.catch((error: unknown) => {
      own = undefined;
      throw error;
    });
  };
}
