/**
 * `npm run fake-llm`: the fake OpenAI-compatible server on its own, so the app can be run end to end
 * without a real model. Answers every request with the default replies (marketing copy, or JSON valid
 * against the requested schema).
 */
import { startFakeOpenAI } from '../test/support/fake-openai/fake-openai-server.js';

const DEFAULT_PORT = 8787;

const port = Number(process.env.FAKE_LLM_PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`FAKE_LLM_PORT must be a port number, got "${process.env.FAKE_LLM_PORT}"`);
  process.exit(1);
}

const fake = await startFakeOpenAI({
  port,
  recordRequests: false,
  onAnswered: (request, status) => console.log(`${request.method} ${request.path} → ${status}`),
});
console.log(`Fake OpenAI-compatible server listening on ${fake.url}`);
console.log('Point the app at it with:');
console.log(`  OPENAI_BASE_URL=${fake.url} OPENAI_API_KEY=fake AI_MODEL=fake-gpt npm start`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.close().then(() => process.exit(0));
  });
}
