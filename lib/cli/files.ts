/** Reading input files for the CLI with one-line errors. */
import { readFile, stat } from "node:fs/promises";
import { UsageError } from "./errors";

/** Reads a file, refusing directories and missing files with a one-line reason. */
export async function readInputFile(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch {
    throw new UsageError(`${file}: no such file`);
  }
  if (info.isDirectory()) throw new UsageError(`${file}: is a directory (parse takes one file)`);
  return new Uint8Array(await readFile(file));
}
