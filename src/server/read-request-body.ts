import type { IncomingMessage } from "node:http";

/**
 * Reads a request body into one buffer, or resolves `"too-large"` as soon as it exceeds
 * `maxBytes` (judged by `Content-Length` first, then by what arrives; the rest is discarded).
 * Rejects when the connection fails mid-body.
 */
export function readRequestBody(request: IncomingMessage, maxBytes: number): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    request.resume();
    return Promise.resolve("too-large");
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => {
      if (!tooLarge) resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
    });
    request.on("error", reject);
  });
}
