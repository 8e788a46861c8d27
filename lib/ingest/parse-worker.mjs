// A parse worker (see parse-pool.ts): reads, hashes and parses the files the
// ingest thread names (readAndParse). Plain JavaScript so it starts the same under the CLI, tsx and
// vitest: it registers tsx itself, then loads the TypeScript parser.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { InputError } = await import("../parser/index.ts");
const { readAndParse } = await import("./parse-pool.ts");

parentPort.on("message", async (task) => {
  try {
    const { hash, result } = await readAndParse(task.file, task.options);
    parentPort.postMessage({ id: task.id, hash, result });
  } catch (error) {
    const inputError = error instanceof InputError;
    parentPort.postMessage({ id: task.id, error: { message: String(error?.message ?? error), code: inputError ? error.code : null } });
  }
});
parentPort.postMessage({ ready: true });
