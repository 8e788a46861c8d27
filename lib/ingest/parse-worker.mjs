// A parse worker (see parse-pool.ts): parses documents sent by the ingest
// thread. Plain JavaScript so it starts the same under the CLI, tsx and
// vitest: it registers tsx itself, then loads the TypeScript parser.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { parseDocument, InputError } = await import("../parser/index.ts");

parentPort.on("message", async (task) => {
  try {
    const result = await parseDocument(task.bytes, task.fileName, task.options);
    parentPort.postMessage({ id: task.id, result });
  } catch (error) {
    const inputError = error instanceof InputError;
    parentPort.postMessage({ id: task.id, error: { message: String(error?.message ?? error), code: inputError ? error.code : null } });
  }
});
parentPort.postMessage({ ready: true });
