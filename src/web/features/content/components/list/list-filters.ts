import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { CONTENT_STATUSES, type ContentStatus } from '#shared/content.schema.js';
import { addDays, isCivilDate, startOfDay } from '#shared/zoned-time.js';
import type { ContentFilters } from '../../api/query-keys.js';

/**
 * The content list's filters as the URL spells them (`?status=in_review&q=bread&from=2026-12-01`), so a
 * link (the dashboard's, a bookmark) opens the list filtered. Days are the workspace's, `to` inclusive.
 */
export interface ListFilters {
  status?: ContentStatus;
  channel?: ChannelId;
  campaign?: string;
  q?: string;
  from?: string;
  to?: string;
}

const KEYS = ['status', 'channel', 'campaign', 'q', 'from', 'to'] as const;

/** The filters in `params`; unknown or malformed values are left out rather than sent to be refused. */
export function readListFilters(params: URLSearchParams): ListFilters {
  const filters: ListFilters = {};
  const status = params.get('status');
  if (status && (CONTENT_STATUSES as readonly string[]).includes(status)) {
    filters.status = status as ContentStatus;
  }
  const channel = params.get('channel');
  if (channel && (CHANNEL_IDS as readonly string[]).includes(channel)) filters.channel = channel as ChannelId;
  const campaign = params.get('campaign');
  if (campaign) filters.campaign = campaign;
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 200);
  const from = params.get('from');
  if (from && isCivilDate(from)) filters.from = from;
  const to = params.get('to');
  if (to && isCivilDate(to) && (!filters.from || to >= filters.from)) filters.to = to;
  return filters;
}

/** `params` with the list's filters replaced by `filters` (other parameters kept). */
export function writeListFilters(params: URLSearchParams, filters: ListFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of KEYS) {
    const value = filters[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The API query for `filters`: the days become instants in the workspace's zone (to: the next midnight). */
export function toQuery(filters: ListFilters, timeZone: string): ContentFilters {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.campaign ? { campaign_id: filters.campaign } : {}),
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.from && isCivilDate(filters.from) ? { from: startOfDay(filters.from, timeZone) } : {}),
    ...(filters.to && isCivilDate(filters.to) ? { to: startOfDay(addDays(filters.to, 1), timeZone) } : {}),
  };
}
