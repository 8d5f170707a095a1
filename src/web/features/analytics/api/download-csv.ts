import { NetworkError } from '#web/lib/api-error.js';
import { refreshSession } from '#web/lib/auth/refresh-session.js';
import { getAccessToken } from '#web/lib/auth/session-store.js';
import { toApiError } from '#web/lib/problem.js';

type Query = Record<string, string | undefined>;

async function fetchCsv(path: string, query: Query): Promise<Response> {
  const params = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const token = getAccessToken();
  try {
    return await fetch(`${path}?${params}`, {
      headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      credentials: 'same-origin',
    });
  } catch (error) {
    throw new NetworkError(`Could not reach the server for ${path}`, { cause: error });
  }
}

/**
 * Downloads a CSV export as a file. The access token lives in memory, so a plain link could not carry it:
 * the file is fetched with the token (refreshed once on 401, as every API call is) and handed to the
 * browser as a download.
 *
 * @example
 * await downloadCsv(API.analyticsOverviewCsv, { business_id, from, to }, 'analytics-overview.csv');
 */
export async function downloadCsv(path: string, query: Query, filename: string): Promise<void> {
  let response = await fetchCsv(path, query);
  if (response.status === 401 && (await refreshSession())) response = await fetchCsv(path, query);
  if (!response.ok) throw await toApiError(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download; free it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
