import { describe, expect, it } from 'vitest';
import { ApiProblemError } from './api-client.js';
import { problemText } from './problem-text.js';

describe('problem text', () => {
  it('says what happened, each refused field, what to do next and the request id', () => {
    const error = new ApiProblemError({
      type: 'https://mcc.dev/problems/over_channel_limit',
      title: 'The text breaks the channel’s limits',
      status: 422,
      code: 'over_channel_limit',
      detail: 'X posts are at most 280 characters; this one has 400',
      request_id: 'req-42',
      errors: [{ path: 'body.body', message: 'At most 280 characters (400)', code: 'too_long' }],
    });
    expect(problemText(error)).toBe(
      [
        'The text breaks the channel’s limits (422 over_channel_limit): X posts are at most 280 characters; this one has 400',
        '- body.body: At most 280 characters (400)',
        'Shorten or change the fields listed to fit the channel, then call the tool again.',
        'Request id: req-42',
      ].join('\n'),
    );
  });

  it('says when to try again after a rate limit', () => {
    const error = new ApiProblemError(
      { type: 'about:blank', title: 'Too many requests', status: 429, code: 'rate_limited' },
      30,
    );
    expect(problemText(error)).toBe('Too many requests (429 rate_limited)\nTry again in 30 s.');
  });

  it('reads a problem without a code (a proxy’s error) by its status alone', () => {
    const error = new ApiProblemError({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(problemText(error)).toBe('Bad Gateway (502)');
  });

  it('points a refused workflow move to the tools that help', () => {
    const error = new ApiProblemError({
      type: 'about:blank',
      title: 'That status change is not allowed',
      status: 409,
      code: 'invalid_transition',
      detail: 'An item that is a draft can move to: in_review',
    });
    expect(problemText(error)).toMatch(/submit_content_for_review; only approved items can be scheduled/);
  });
});
