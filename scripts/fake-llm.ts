/**
 * `npm run fake-llm`: the fake OpenAI-compatible server on its own, so the app can be run end to end
 * without a real model. Unscripted, it answers like a model that follows its instructions: marketing copy
 * about the prompt's brand, and for structured outputs JSON valid against the requested schema (patterns,
 * formats, counts, the plan's dates and cadence). `FAKE_LLM_DIALECT` makes it speak like Ollama,
 * llama.cpp's server or LM Studio instead (see test/support/fake-openai/dialects.ts), or like a server
 * that ignores JSON schemas (`no-structured-output`).
 */
import { DIALECTS, type FakeDialect } from '../test/support/fake-openai/dialects.js';
import { startFakeOpenAI } from '../test/support/fake-openai/fake-openai-server.js';

const DEFAULT_PORT = 8787;

const port = Number(process.env.FAKE_LLM_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_LLM_PORT must be a port number, got "${process.env.FAKE_LLM_PORT}"`);
  process.exit(1);
}
const dialect = (process.env.FAKE_LLM_DIALECT ?? 'openai') as FakeDialect;
if (!(dialect in DIALECTS)) {
  console.error(`FAKE_LLM_DIALECT must be one of ${Object.keys(DIALECTS).join(', ')}, got "${dialect}"`);
  process.exit(1);
}
const model = process.env.AI_MODEL ?? 'fake-gpt';

const fake = await startFakeOpenAI({
  port,
  dialect,
  models: [...new Set([model, 'fake-gpt', 'gpt-4o-mini'])],
  recordRequests: false,
  onAnswered: (request, status) => console.log(`${request.method} ${request.path} → ${status}`),
});
console.log(`Fake OpenAI-compatible server (${dialect}) listening on ${fake.url}`);
console.log('Point the app at it with:');
console.log(`  OPENAI_BASE_URL=${fake.url} OPENAI_API_KEY=fake AI_MODEL=${model} npm start`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
