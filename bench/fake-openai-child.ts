import { readFileSync } from 'node:fs';
import type { ScriptStep } from '../test/support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../test/support/fake-openai/fake-openai-server.js';

// The fake OpenAI-compatible server (test/support/fake-openai) in its own process, for bench/ai-engine.ts:
// the engine under test gets the bench process's event loop to itself. The JSON file given as the only
// argument maps a model name to the step that answers it (a fixed reply, and for streaming a delay between
// chunks), so one server serves every part of the bench. It reports its URL over IPC.

const [stepsFile] = process.argv.slice(2);
if (!stepsFile || !process.send) {
  process.stderr.write(
    'usage: forked by bench/ai-engine.ts with the path of a JSON file of steps by model\n',
  );
  process.exit(2);
}
const steps = JSON.parse(readFileSync(stepsFile, 'utf8')) as Record<string, ScriptStep>;

const fake = await startFakeOpenAI({
  recordRequests: false,
  models: Object.keys(steps),
  defaultReply: (call) =>
    steps[call.chat.model] ?? {
      status: 404,
      error: { message: `No bench step for the model ${call.chat.model}`, code: 'model_not_found' },
    },
});
process.send({ url: fake.url });

const stop = () => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
// The bench process went away without stopping us (killed, or crashed): do not linger.
process.on('disconnect', stop);
