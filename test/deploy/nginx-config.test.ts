import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeployFile, toolSkipReason } from './support/deploy-files.js';
import { type NginxPrefix, prepareNginx, testNginxConfig } from './support/nginx.js';

describe.skipIf(Boolean(toolSkipReason('nginx') ?? toolSkipReason('openssl')))('deploy/nginx', () => {
  let prefix: NginxPrefix;
  beforeAll(async () => {
    prefix = await prepareNginx(['127.0.0.1:9']);
  });
  afterAll(() => prefix?.dispose());

  it('passes `nginx -t`', () => {
    expect(() => testNginxConfig(prefix)).not.toThrow();
  });

  it('commits no private key', () => {
    for (const file of ['nginx.conf', 'conf.d/mcc.conf', 'self-signed.sh']) {
      expect(readDeployFile(`nginx/${file}`)).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY/);
    }
    expect(readDeployFile('nginx/.gitignore')).toMatch(/^tls\/$/m);
  });
});
