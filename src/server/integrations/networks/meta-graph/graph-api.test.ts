import { describe, expect, it } from 'vitest';
import { graphFailure, lacksPermission, regainAccessAt } from './graph-api.js';

const now = new Date('2031-03-03T10:00:00.000Z');

describe('Graph error mapping', () => {
  it('reads the throttled wait from the business use case header, the latest of its usages', () => {
    const headers = new Headers({
      'x-business-use-case-usage': JSON.stringify({
        '1': [
          { type: 'pages', call_count: 100, estimated_time_to_regain_access: 5 },
          { type: 'instagram', call_count: 90, estimated_time_to_regain_access: 12 },
        ],
      }),
      'x-app-usage': JSON.stringify({ call_count: 100, total_time: 20 }),
    });
    expect(regainAccessAt(headers, now)?.toISOString()).toBe('2031-03-03T10:12:00.000Z');
    expect(regainAccessAt(new Headers({ 'x-app-usage': '{"call_count":100}' }), now)).toBeNull();
    expect(regainAccessAt(new Headers({ 'x-business-use-case-usage': 'not json' }), now)).toBeNull();
  });

  it('maps codes, not statuses: 190 expired, throttling retryable (Retry-After without a usage time), others refused', () => {
    expect(
      graphFailure('Facebook', 400, new Headers(), { code: 190, message: 'Session has expired' }, now),
    ).toEqual({
      kind: 'auth_expired',
      message: 'Facebook refused the token (code 190): Session has expired',
      statusCode: 400,
      retryAt: null,
    });
    const throttled = graphFailure(
      'Facebook',
      403,
      new Headers({ 'retry-after': '60' }),
      { code: 4, message: 'Application request limit reached' },
      now,
    );
    expect(throttled).toMatchObject({ kind: 'retryable', retryAt: new Date('2031-03-03T10:01:00.000Z') });
    expect(graphFailure('Threads', 500, new Headers(), null, now)).toMatchObject({
      kind: 'retryable',
      message: 'Threads could not take it just now (HTTP 500)',
    });
    expect(
      graphFailure(
        'Instagram',
        400,
        new Headers(),
        { code: 2, is_transient: true, message: 'Service temporarily unavailable' },
        now,
      ).kind,
    ).toBe('retryable');
    expect(
      graphFailure(
        'Facebook',
        403,
        new Headers(),
        { code: 200, message: '(#200) Requires pages_manage_posts permission' },
        now,
      ),
    ).toEqual({
      kind: 'rejected',
      message: 'Facebook refused it (code 200): (#200) Requires pages_manage_posts permission',
      statusCode: 403,
      retryAt: null,
    });
  });

  it('reads an answer outside the 24-hour window, Messenger’s or Instagram’s, as a refusal a person understands', () => {
    for (const [network, subcode] of [
      ['Messenger', 2018278],
      ['Instagram', 2534022],
    ] as const) {
      expect(
        graphFailure(
          network,
          400,
          new Headers(),
          {
            code: 10,
            error_subcode: subcode,
            message: '(#10) This message is sent outside of allowed window.',
          },
          now,
        ),
      ).toEqual({
        kind: 'rejected',
        message: `${network} only allows answers within 24 hours of the customer's last message: this answer was not sent (answer them another way, or when they write again)`,
        statusCode: 400,
        retryAt: null,
      });
    }
    // Other code 10s are a missing permission, in Graph's words.
    expect(
      graphFailure(
        'Instagram',
        403,
        new Headers(),
        { code: 10, message: '(#10) Application does not have permission' },
        now,
      ).message,
    ).toBe('Instagram refused it (code 10): (#10) Application does not have permission');
  });

  it('tells a missing permission from other refusals and from the window', () => {
    expect(lacksPermission({ code: 200, message: '(#200) Requires pages_messaging permission' })).toBe(true);
    expect(lacksPermission({ code: 230 })).toBe(true);
    expect(lacksPermission({ code: 10 })).toBe(true);
    expect(lacksPermission({ code: 3 })).toBe(true);
    expect(lacksPermission({ code: 10, error_subcode: 2018278 })).toBe(false);
    expect(lacksPermission({ code: 190 })).toBe(false);
    expect(lacksPermission({ code: 4 })).toBe(false);
    expect(lacksPermission({ code: 100 })).toBe(false);
    expect(lacksPermission(null)).toBe(false);
  });
});
