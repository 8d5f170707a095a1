// A real Bluesky PDS and PLC directory on loopback (@atproto/dev-env, no AppView), with one account and an
// app password, for test/integration/network-bluesky-pds.test.ts. Prints one JSON line once ready, then
// runs until its standard input closes (the test ended or died), and shuts both servers down.
import devEnv from '@atproto/dev-env';

const network = await devEnv.TestNetworkNoAppView.create({});
const agent = network.pds.getClient();
const handle = 'bakery.test';
await agent.createAccount({ email: 'bakery@example.com', handle, password: 'account-password-1' });
const appPassword = (await agent.com.atproto.server.createAppPassword({ name: 'mcc' })).data.password;
await agent.createAccount({
  email: 'miller@example.com',
  handle: 'miller.test',
  password: 'account-password-2',
});
const miller = agent.session?.did;

process.stdout.write(
  `${JSON.stringify({ pdsUrl: network.pds.url, handle, accountPassword: 'account-password-1', appPassword, miller })}\n`,
);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await network.close();
  process.exit(0);
};
process.stdin.on('end', close);
process.stdin.on('close', close);
process.stdin.resume();
process.on('SIGTERM', close);
