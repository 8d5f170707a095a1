import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  CallToolResult,
  ServerNotification,
  ServerRequest,
  ToolAnnotations,
} from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { idSchema } from '#shared/common.schema.js';
import { ApiProblemError, InstanceError, type MccApiClient } from './api-client.js';
import { problemText } from './problem-text.js';

/** What every tool works with: the instance's API under one key, and how long to wait for jobs. */
export interface ToolContext {
  api: MccApiClient;
  /** The workspace to act in: `given`, or the API key's own when the caller left it out. */
  workspace(given: string | undefined): Promise<string>;
  /** How long a tool that starts a job waits for it before answering with the job as it is. */
  jobWaitMs: number;
  /** How often a waiting tool reads the job again. */
  jobPollMs: number;
}

/** The call in progress: the client may cancel it, and may want progress reports. */
export interface ToolCall {
  signal: AbortSignal;
  /** Reports progress when the client asked for it (a progress token); otherwise does nothing. */
  progress(progress: number, total: number, message?: string): Promise<void>;
}

/** A tool's answer: text for the model and the person, and the same facts as structured content. */
export interface ToolAnswer<T> {
  text: string;
  data: T;
}

/**
 * One MCP tool. `input` and `output` are the shared zod schemas of the API route it calls (the SDK turns
 * them into the JSON Schemas clients see, and checks arguments against `input` before `run`).
 */
export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: Omit<ToolAnnotations, 'title'>;
  // Method syntax: a list of tools with different schemas is a list of McpTool (parameters are bivariant).
  run(args: z.output<I>, context: ToolContext, call: ToolCall): Promise<ToolAnswer<z.output<O>>>;
}

/** Declares a tool, checking `run` against its schemas. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: McpTool<I, O>): McpTool<I, O> {
  return tool;
}

/** Annotations of a tool that only reads. */
export const READS: McpTool['annotations'] = {
  readOnlyHint: true,
  openWorldHint: false,
};
/** Annotations of a tool that changes the workspace without removing anything. */
export const WRITES: McpTool['annotations'] = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
};

/** The workspace a tool acts in, when the caller gives one. */
export const workspaceIdInput = idSchema
  .optional()
  .describe('Workspace id (from list_workspaces); leave out to use the API key’s workspace');

type WithOptionalWorkspace<Shape extends z.ZodRawShape> = Omit<Shape, 'business_id'> & {
  business_id: typeof workspaceIdInput;
};

/**
 * A shared request schema whose `business_id` may be left out (an API key belongs to one workspace).
 * `safeExtend` keeps the schema's own refinements, which never read `business_id`; TypeScript cannot
 * tell that replacing a required id with an optional one is safe here, hence the cast.
 */
export function inWorkspace<Shape extends z.ZodRawShape & { business_id: z.ZodType<string> }>(
  schema: z.ZodObject<Shape, z.core.$strict>,
): z.ZodObject<WithOptionalWorkspace<Shape>, z.core.$strict> {
  return schema.safeExtend({ business_id: workspaceIdInput } as never) as unknown as z.ZodObject<
    WithOptionalWorkspace<Shape>,
    z.core.$strict
  >;
}

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Adds `tool` to `server`: problems from the instance become tool errors the model can read and act on. */
export function registerTool(server: McpServer, tool: McpTool, context: ToolContext): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      outputSchema: tool.output,
      annotations: { title: tool.title, ...tool.annotations },
    },
    async (args: Record<string, unknown>, extra: Extra): Promise<CallToolResult> => {
      try {
        const call = callOf(extra);
        const answer = await tool.run(
          args as never,
          { ...context, api: context.api.forCall(call.signal) },
          call,
        );
        return {
          content: [{ type: 'text', text: answer.text }],
          structuredContent: answer.data as Record<string, unknown>,
        };
      } catch (error) {
        return toolError(error);
      }
    },
  );
}

/** A failed call as MCP's tool error: `isError` with a sentence to act on (not a protocol error). */
export function toolError(error: unknown): CallToolResult {
  const text =
    error instanceof ApiProblemError
      ? problemText(error)
      : error instanceof InstanceError
        ? error.message
        : `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return { content: [{ type: 'text', text }], isError: true };
}

function callOf(extra: Extra): ToolCall {
  const token = extra._meta?.progressToken;
  return {
    signal: extra.signal,
    progress: async (progress, total, message) => {
      if (token === undefined) return;
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress, total, ...(message && { message }) },
      });
    },
  };
}

/** The input of a tool that takes no arguments. */
export const emptyInput = z.strictObject({});
