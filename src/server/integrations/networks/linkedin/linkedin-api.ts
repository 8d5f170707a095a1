import { type JsonApi, type JsonRequest, jsonCall, type NetworkHttp, textField } from '../json-http.js';
import type { NetworkResult } from '../provider.js';

// LinkedIn's versioned REST API (learn.microsoft.com/linkedin/marketing/versioning): every /rest call names
// the monthly version it was written against (`LinkedIn-Version: YYYYMM`, each supported for a year) and
// Rest.li 2.0, whose URLs carry URNs percent-encoded inside `List(…)`. Errors answer
// `{ status, serviceErrorCode, code, message }`; `message` is what people see.

export const LINKEDIN = 'LinkedIn';

/** The API version the requests and answers here follow (learn.microsoft.com, li-lms-2026-05). */
export const LINKEDIN_VERSION = '202605';

export const LINKEDIN_API: JsonApi = {
  name: LINKEDIN,
  reason: (body) => textField(body, 'message') ?? textField(body, 'error_description'),
};

/** A call to the versioned API (`/rest/…`), with its headers. */
export function linkedInRest<T>(
  http: NetworkHttp,
  request: JsonRequest,
): Promise<NetworkResult<{ status: number; headers: Headers; body: T | null }>> {
  return jsonCall<T>(http, LINKEDIN_API, {
    ...request,
    headers: {
      'linkedin-version': LINKEDIN_VERSION,
      'x-restli-protocol-version': '2.0.0',
      ...request.headers,
    },
  });
}

/** A URN as a Rest.li 2.0 list in a query: `List(urn%3Ali%3Ashare%3A1)`. */
export function restliList(urns: string[]): string {
  return `List(${urns.map(encodeURIComponent).join(',')})`;
}
