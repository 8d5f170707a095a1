import { type McpCommandOptions, mcpConfigFrom } from '#mcp/config.js';
import { startHttpMcpServer } from '#mcp/http.js';
import { serveStdio } from '#mcp/stdio.js';

/**
 * `mcc mcp`: an MCP server for AI assistants, working a workspace through a running instance's API
 * (`MCC_URL`) with a workspace API key. Messages for people go to standard error: over stdio, standard
 * output is the protocol.
 */
export async function mcpCommand(options: McpCommandOptions): Promise<void> {
  const config = mcpConfigFrom(options, process.env);
  for (const warning of config.warnings) process.stderr.write(`Warning: ${warning}\n`);
  const jobWaitMs = config.jobWaitSeconds * 1000;
  if (config.transport === 'stdio') {
    process.stderr.write(
      `mcc MCP server on stdio, for ${config.instanceUrl} with the key ${config.apiKey.slice(0, 12)}…\n`,
    );
    await serveStdio({ instanceUrl: config.instanceUrl, apiKey: config.apiKey, jobWaitMs });
    return;
  }
  const server = await startHttpMcpServer({
    instanceUrl: config.instanceUrl,
    host: config.host,
    port: config.port,
    jobWaitMs,
    onError: (error) => process.stderr.write(`MCP request failed: ${String(error)}\n`),
  });
  process.stdout.write(`mcc MCP server (streamable HTTP) on ${server.url}, for ${config.instanceUrl}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().finally(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
