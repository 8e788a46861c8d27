/**
 * An input the parser refuses as a whole (binary, empty, too large, broken
 * front matter). Its message is one line for the user; only bugs throw other errors.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly code: "empty" | "binary" | "too-large" | "unsupported" | "encoding" | "front-matter" | "archive",
  ) {
    super(message);
    this.name = "InputError";
  }
}
