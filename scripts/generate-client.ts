import { writeFileSync } from 'node:fs';
import { buildApp } from '#server/app.js';
import { loadConfig } from '#server/config/config.js';
import { openDatabase } from '#server/db/database.js';
import { generateClientTypes } from '#server/openapi/client-types.js';

// `npm run generate:client`: build the app (never listening, on an empty in-memory database nothing
// reads while the document is built), take the OpenAPI document it serves and write the typed client's
// types. The configuration is the test suite's, so the document is the one the drift test compares with
// (test/integration/openapi-client.test.ts).

const TARGET = new URL('../src/client/schema.ts', import.meta.url);

const config = loadConfig({
  NODE_ENV: 'test',
  MCC_DEMO: '0',
  WEB_DIST_DIR: '/nonexistent-dist',
  PASSWORD_HASH_PROFILE: 'test',
});
const database = openDatabase({ kind: 'sqlite', path: ':memory:', autoMigrate: false });
const app = await buildApp({ config, database, secret: 'generate-client-'.repeat(4), logger: false });
try {
  await app.ready();
  const response = await app.inject({ url: '/docs/json' });
  if (response.statusCode !== 200) throw new Error(`/docs/json answered ${response.statusCode}`);
  writeFileSync(TARGET, generateClientTypes(response.json()));
  console.log(`Wrote ${TARGET.pathname}`);
} finally {
  await app.close();
  await database.close();
}
