import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { $defs, components, operations, paths, webhooks } from './schema.js';

/** An RFC 9457 problem, as every error answer carries it (docs/api.md lists the codes). */
export type Problem = components['schemas']['Problem'];
/** A stable error code: add, never rename. */
export type ErrorCode = Problem['code'];

type Schemas = components['schemas'];
/** The body of an outgoing webhook, discriminated by `type` (docs/webhooks.md). */
export type WebhookEvent = Schemas[Extract<keyof Schemas, `${string}Event`>];

export interface MccClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where the instance answers, such as `https://mcc.example.com` (its PUBLIC_URL). */
  baseUrl: string;
  /** A workspace API key (Settings → API keys), or a user's access token; sent as a Bearer token. */
  apiKey?: string;
}

/** A client for one instance: `GET`, `POST`, `PATCH`, `PUT`, `DELETE` typed from the API's paths. */
export type MccClient = Client<paths>;

/**
 * A typed client for the Marketing Command Center API (openapi-fetch over the generated types).
 *
 * @example
 * const mcc = createMccClient({ baseUrl: 'https://mcc.example.com', apiKey: process.env.MCC_API_KEY });
 * const { data, error } = await mcc.GET('/api/campaign', { params: { query: { business_id } } });
 * if (error) throw new Error(`${error.code}: ${error.title}`);
 * for (const campaign of data.items) console.log(campaign.name, campaign.status);
 */
export function createMccClient({ apiKey, headers, ...options }: MccClientOptions): MccClient {
  return createClient<paths>({
    ...options,
    headers: { ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}), ...toRecord(headers) },
  });
}

function toRecord(headers: ClientOptions['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) =>
      value === null || value === undefined
        ? []
        : [[name, Array.isArray(value) ? value.join(', ') : String(value)]],
    ),
  );
}
