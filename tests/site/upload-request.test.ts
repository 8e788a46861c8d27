import { describe, expect, test } from "vitest";
import { UploadError } from "../../lib/site/admin";
import { uploadLimitBytes, uploadOf, type UploadRequestOptions } from "../../lib/site/upload-request";

const TOKEN = "s3cret";
const ENV = { ADMIN_TOKEN: TOKEN };
const MB = 1 << 20;

/** A multipart body streamed in 64 KB chunks (`size` bytes of file), counting the bytes the reader pulled. */
function streamedBody(size: number, boundary = "policykb-test") {
  const head = new TextEncoder().encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notice.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
  const chunk = new Uint8Array(64 * 1024).fill(0x41);
  const state = { pulled: 0, sent: 0 };
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!started) {
        started = true;
        state.pulled += head.byteLength;
        return controller.enqueue(head);
      }
      if (state.sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.byteLength, size - state.sent));
        state.sent += part.byteLength;
        state.pulled += part.byteLength;
        return controller.enqueue(part);
      }
      controller.enqueue(tail);
      controller.close();
    },
  }, { highWaterMark: 0 });
  return { body, state, type: `multipart/form-data; boundary=${boundary}` };
}

function request(body: BodyInit | null, headers: Record<string, string>): Request {
  return new Request("http://localhost/api/documents", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** The status uploadOf answers (200 when it returns a file). */
async function statusOf(r: Request, options: UploadRequestOptions = { env: ENV }): Promise<number> {
  try {
    await uploadOf(r, options);
    return 200;
  } catch (error) {
    if (error instanceof UploadError) return error.status;
    throw error;
  }
}

describe("uploadOf: the order of the checks", () => {
  test("without a token, or with a wrong one, it is 401 before the content type or the size are looked at, and nothing is read", async () => {
    for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: "Basic czNjcmV0" }] as Record<string, string>[]) {
      const { body, state } = streamedBody(50 * MB);
      expect(await statusOf(request(body, { ...headers, "content-type": "text/plain", "content-length": String(50 * MB) }))).toBe(401);
      expect(state.pulled).toBe(0);
    }
  });

  test("with uploads disabled (no ADMIN_TOKEN) any request is 403, read or not", async () => {
    const { body, state } = streamedBody(MB);
    expect(await statusOf(request(body, { authorization: `Bearer ${TOKEN}`, "content-type": "text/plain" }), { env: {} })).toBe(403);
    expect(state.pulled).toBe(0);
  });

  test("with the token, a body that is not multipart/form-data is 415, unread", async () => {
    for (const type of ["application/json", "text/plain", "multipart/mixed; boundary=x", "multipart/form-datax"]) {
      const { body, state } = streamedBody(MB);
      expect(await statusOf(request(body, { authorization: `Bearer ${TOKEN}`, "content-type": type })), type).toBe(415);
      expect(state.pulled, type).toBe(0);
    }
    expect(await statusOf(request("x", { authorization: `Bearer ${TOKEN}` }))).toBe(415);
  });

  test("with the token and multipart, a declared Content-Length over the limit is 413, unread", async () => {
    const { body, state, type } = streamedBody(2 * MB);
    expect(await statusOf(request(body, { authorization: `Bearer ${TOKEN}`, "content-type": type, "content-length": String(2 * MB + 100 * 1024) }), { env: ENV, maxBytes: MB })).toBe(413);
    expect(state.pulled).toBe(0);
  });
});

describe("uploadOf: the body is read as a counted stream", () => {
  test("a body without Content-Length is abandoned soon after the limit: 413, and the rest is never pulled", async () => {
    const { body, state, type } = streamedBody(64 * MB);
    expect(await statusOf(request(body, { authorization: `Bearer ${TOKEN}`, "content-type": type }), { env: ENV, maxBytes: MB })).toBe(413);
    expect(state.pulled).toBeGreaterThan(MB);
    expect(state.pulled).toBeLessThan(2 * MB);
  });

  test("a file at the limit is read whole; one byte over is 413", async () => {
    const atLimit = streamedBody(MB);
    const file = await uploadOf(request(atLimit.body, { authorization: `Bearer ${TOKEN}`, "content-type": atLimit.type }), { env: ENV, maxBytes: MB });
    expect(file.name).toBe("notice.txt");
    expect(file.bytes.byteLength).toBe(MB);
    const over = streamedBody(MB + 1);
    expect(await statusOf(request(over.body, { authorization: `Bearer ${TOKEN}`, "content-type": over.type }), { env: ENV, maxBytes: MB })).toBe(413);
  });

  test("a multipart form without a file, or a body that is not one, is 400", async () => {
    const form = new FormData();
    form.append("note", "no file here");
    const encoded = new Response(form);
    expect(await statusOf(request(await encoded.arrayBuffer(), { authorization: `Bearer ${TOKEN}`, "content-type": encoded.headers.get("content-type") ?? "" }))).toBe(400);
    expect(await statusOf(request("not a multipart body", { authorization: `Bearer ${TOKEN}`, "content-type": "multipart/form-data; boundary=x" }))).toBe(400);
  });

  test("a token sent as a form field is not accepted (the header is read before the body)", async () => {
    const form = new FormData();
    form.append("file", new Blob(["一、总体要求"]), "x.txt");
    form.append("token", TOKEN);
    const encoded = new Response(form);
    expect(await statusOf(request(await encoded.arrayBuffer(), { "content-type": encoded.headers.get("content-type") ?? "" }))).toBe(401);
  });
});

describe("uploadLimitBytes", () => {
  test("the site's 10 MB cap, or POLICYKB_MAX_BYTES when that is smaller", () => {
    expect(uploadLimitBytes({})).toBe(10 * MB);
    expect(uploadLimitBytes({ POLICYKB_MAX_BYTES: String(64 * MB) })).toBe(10 * MB);
    expect(uploadLimitBytes({ POLICYKB_MAX_BYTES: String(MB) })).toBe(MB);
    expect(uploadLimitBytes({ POLICYKB_MAX_BYTES: "nonsense" })).toBe(10 * MB);
  });
});
