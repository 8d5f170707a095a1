import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

// The baseline: a bare Fastify app (no logging, no plugins, no schemas) answering the same JSON bodies
// the real server sent. Run by bench/run.ts with `node --import tsx`; it reports its port over IPC.
const [bodiesFile] = process.argv.slice(2);
if (!bodiesFile || !process.send) {
  process.stderr.write('usage: forked by bench/run.ts with the path of a JSON file of bodies\n');
  process.exit(2);
}
const bodies = JSON.parse(readFileSync(bodiesFile, 'utf8')) as { single: unknown; list: unknown };

const app = Fastify({ logger: false });
// Parsed objects, so Fastify serialises them on each request as the real server does.
app.get('/single', async () => bodies.single);
app.get('/list', async () => bodies.list);

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
