import { describe, expect, it } from 'vitest';
import { isPrivateAddress, outboundUrlProblem } from './outbound-url-guard.js';

describe('outbound URL guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
  ])('blocks %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('checks every resolved address, and the scheme', async () => {
    const resolver = (answers: string[]) => async () => answers;
    expect(
      await outboundUrlProblem('https://api.example.com/v1', resolver(['93.184.216.34'])),
    ).toBeUndefined();
    expect(
      await outboundUrlProblem('https://sneaky.example.com', resolver(['93.184.216.34', '10.0.0.5'])),
    ).toMatch(/private/);
    expect(await outboundUrlProblem('http://[::1]:11434/v1')).toMatch(/private/);
    expect(await outboundUrlProblem('http://169.254.169.254/latest/meta-data')).toMatch(/private/);
    expect(await outboundUrlProblem('ftp://example.com')).toMatch(/http/);
    expect(
      await outboundUrlProblem('https://nowhere.invalid', async () => Promise.reject(new Error('ENOTFOUND'))),
    ).toMatch(/resolved/);
  });
});
