import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HTTP_PORT,
  DEFAULT_INSTANCE_URL,
  isLoopback,
  McpConfigError,
  mcpConfigFrom,
} from './config.js';

const KEY = 'mcc_0123456789abcdefABCDEF_-xyz';

describe('mcc mcp configuration', () => {
  it('runs over stdio by default with the key and URL from the environment', () => {
    expect(mcpConfigFrom({}, { MCC_URL: 'https://mcc.example.com/', MCC_API_KEY: KEY })).toEqual({
      transport: 'stdio',
      instanceUrl: 'https://mcc.example.com',
      apiKey: KEY,
      jobWaitSeconds: 45,
      warnings: [],
    });
    expect(mcpConfigFrom({}, { MCC_API_KEY: KEY })).toMatchObject({ instanceUrl: DEFAULT_INSTANCE_URL });
  });

  it('needs a workspace API key over stdio, and says where to get one', () => {
    expect(() => mcpConfigFrom({}, {})).toThrow(McpConfigError);
    expect(() => mcpConfigFrom({}, {})).toThrow(/Set MCC_API_KEY to a workspace API key/);
    // A signed-in user's access token is not a workspace key (it expires, and acts as a person).
    expect(() => mcpConfigFrom({}, { MCC_API_KEY: 'eyJhbGciOiJIUzI1NiJ9.e30.sig' })).toThrow(
      /MCC_API_KEY must be a workspace API key \(mcc_…\)/,
    );
  });

  it('refuses an instance URL that is not http(s)', () => {
    expect(() => mcpConfigFrom({}, { MCC_URL: 'ftp://mcc.example.com', MCC_API_KEY: KEY })).toThrow(
      /MCC_URL must be an http\(s\) address/,
    );
  });

  it('warns when the key would cross the network unencrypted', () => {
    const { warnings } = mcpConfigFrom({}, { MCC_URL: 'http://mcc.example.com', MCC_API_KEY: KEY });
    expect(warnings).toEqual([expect.stringMatching(/plain http to another machine/)]);
    expect(mcpConfigFrom({}, { MCC_URL: 'http://127.0.0.1:8000', MCC_API_KEY: KEY }).warnings).toEqual([]);
  });

  it('serves HTTP without a key of its own: each client sends one', () => {
    expect(mcpConfigFrom({ transport: 'http' }, {})).toEqual({
      transport: 'http',
      instanceUrl: DEFAULT_INSTANCE_URL,
      host: '127.0.0.1',
      port: DEFAULT_HTTP_PORT,
      jobWaitSeconds: 45,
      warnings: [],
    });
    const config = mcpConfigFrom(
      { transport: 'http', host: '0.0.0.0', port: '0', jobWait: '5' },
      { MCC_API_KEY: KEY },
    );
    expect(config).toMatchObject({ host: '0.0.0.0', port: 0, jobWaitSeconds: 5 });
    expect(config.warnings).toEqual([
      expect.stringMatching(/MCC_API_KEY is not used over HTTP/),
      expect.stringMatching(/Listening on 0\.0\.0\.0, beyond this machine/),
    ]);
  });

  it('names the option that is wrong', () => {
    expect(() => mcpConfigFrom({ transport: 'websocket' }, { MCC_API_KEY: KEY })).toThrow(/^--transport: /);
    expect(() => mcpConfigFrom({ transport: 'http', port: '70000' }, {})).toThrow(/^--port: /);
    expect(() => mcpConfigFrom({ jobWait: 'soon' }, { MCC_API_KEY: KEY })).toThrow(/^--job-wait: /);
  });

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.4.5.6', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['mcc.example.com', false],
    ['localhost.example.com', false],
  ])('counts %s as this machine: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
