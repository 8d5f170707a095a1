import type { ServerResponse } from 'node:http';

/** The body OpenAI sends with every error status. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Optional parts of an error response a test may pin down. */
export interface OpenAIErrorDetails {
  message?: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

// The `type` and `code` OpenAI uses for each status, so SDK error classes and engine logs see real values.
const DEFAULTS_BY_STATUS: Record<number, Required<Omit<OpenAIErrorDetails, 'param'>>> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: {
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message:
      'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
  },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory', message: 'Forbidden.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'Not found.' },
  429: {
    type: 'requests',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached for requests. Please try again later.',
  },
  500: {
    type: 'server_error',
    code: null,
    message: 'The server had an error while processing your request. Sorry about that!',
  },
  503: {
    type: 'server_error',
    code: null,
    message: 'The engine is currently overloaded, please try again later.',
  },
};

/** Build OpenAI's error body for `status`, with `details` overriding the usual values. */
export function openAIErrorBody(status: number, details: OpenAIErrorDetails = {}): OpenAIErrorBody {
  const defaults = DEFAULTS_BY_STATUS[status] ??
    DEFAULTS_BY_STATUS[status >= 500 ? 500 : 400] ?? { type: 'server_error', code: null, message: 'Error.' };
  return {
    error: {
      message: details.message ?? defaults.message,
      type: details.type ?? defaults.type,
      param: details.param ?? null,
      code: details.code === undefined ? defaults.code : details.code,
    },
  };
}

/** Answer `status` with an error body (OpenAI's, or `bodyOf`'s) and any extra `headers` (e.g. `retry-after`). */
export function sendOpenAIError(
  response: ServerResponse,
  status: number,
  details: OpenAIErrorDetails = {},
  headers: Record<string, string> = {},
  bodyOf: (status: number, details?: OpenAIErrorDetails) => unknown = openAIErrorBody,
): void {
  const body = JSON.stringify(bodyOf(status, details));
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
