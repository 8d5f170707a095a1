import type { ApiProblemError } from './api-client.js';

// What an assistant can do next, per problem code: the instance's own sentence says what went wrong;
// these say which tool or person helps, in the MCP server's terms.
const NEXT_STEP: Record<string, string> = {
  validation_failed: 'Fix the fields listed and call the tool again.',
  over_channel_limit: 'Shorten or change the fields listed to fit the channel, then call the tool again.',
  unauthenticated:
    'The API key is missing, unknown or revoked: an owner or admin can create a new one in the workspace settings.',
  forbidden:
    'The API key’s role does not allow this. A person with the right role can do it in mcc, or an owner can issue a key with a higher role.',
  not_found:
    'Nothing with that id is in this API key’s workspace (ids of other workspaces read as not found too). List first to get current ids.',
  version_conflict:
    'The item changed since it was read: read it again with get_content and apply the change to its current version.',
  invalid_transition:
    'Drafts go to review with submit_content_for_review; only approved items can be scheduled, and approving is for an owner or admin in mcc.',
  budget_exceeded:
    'The workspace’s monthly AI budget is spent (get_ai_spend shows it); an owner or admin can raise it in mcc.',
  ai_unavailable: 'The AI provider is paused after repeated failures; try again in a minute.',
  ai_provider_error: 'The AI provider failed; try again, or with a simpler request.',
  two_factor_required: 'The workspace requires two-factor sign-in for this.',
};

/**
 * A problem in words an assistant (and the person reading along) can act on: what happened, each field
 * that was refused, what to do next, and the request id to quote when reporting it.
 */
export function problemText(error: ApiProblemError): string {
  const { problem, retryAfterSeconds } = error;
  const status = problem.code ? `${problem.status} ${problem.code}` : String(problem.status);
  const lines = [
    problem.detail && problem.detail !== problem.title
      ? `${problem.title} (${status}): ${problem.detail}`
      : `${problem.title} (${status})`,
  ];
  for (const field of problem.errors ?? []) lines.push(`- ${field.path}: ${field.message}`);
  if (retryAfterSeconds !== undefined) lines.push(`Try again in ${retryAfterSeconds} s.`);
  const next = problem.code ? NEXT_STEP[problem.code] : undefined;
  if (next) lines.push(next);
  if (problem.request_id) lines.push(`Request id: ${problem.request_id}`);
  return lines.join('\n');
}
