import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGitBlobReader } from "../../../src/adapters/local/create-git-blob-reader.js";
import { SnapshotError } from "../../../src/core/errors.js";

let repo: string;
const blobs = new Map<string, Buffer>();

function storeBlob(content: Buffer): string {
  const sha = execFileSync("git", ["-C", repo, "hash-object", "-w", "--stdin"], {
    input: content,
    encoding: "utf8",
  }).trim();
  blobs.set(sha, content);
  return sha;
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "specwright-blobs-"));
  execFileSync("git", ["init", "--quiet", repo]);
  storeBlob(Buffer.from("line one\nline two\n"));
  storeBlob(Buffer.from("ends without a newline"));
  storeBlob(Buffer.alloc(0));
  storeBlob(Buffer.from([0x00, 0x0a, 0x0a, 0xff, 0x0a, 0x00]));
  storeBlob(Buffer.from("x\n".repeat(200_000))); // larger than one pipe chunk
});

afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
});

describe("createGitBlobReader", () => {
  it("returns each blob's exact bytes, also when many reads are in flight at once", async () => {
    const reader = createGitBlobReader(repo);
    const shas = [...blobs.keys()];
    const requested = [...shas, ...shas, ...shas];
    const read = await Promise.all(requested.map((sha) => reader.read(sha)));
    read.forEach((bytes, i) =>
      expect(bytes.equals(blobs.get(requested[i] ?? "") ?? Buffer.alloc(1))).toBe(true),
    );
    reader.close();
  });

  it("rejects a missing object without disturbing the reads around it", async () => {
    const reader = createGitBlobReader(repo);
    const [first] = blobs.keys();
    const missing = "0123456789abcdef0123456789abcdef01234567";
    const results = await Promise.allSettled([
      reader.read(first ?? ""),
      reader.read(missing),
      reader.read(first ?? ""),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const failure = results[1];
    expect(failure?.status === "rejected" && failure.reason).toBeInstanceOf(SnapshotError);
    expect(failure?.status === "rejected" && String(failure.reason)).toMatch(
      /has no object 0123456789abcdef/,
    );
    reader.close();
  });

  it("keeps working after being closed (a new process starts on the next read)", async () => {
    const reader = createGitBlobReader(repo);
    const [first] = blobs.keys();
    expect((await reader.read(first ?? "")).toString()).toBe("line one\nline two\n");
    reader.close();
    expect((await reader.read(first ?? "")).toString()).toBe("line one\nline two\n");
    reader.close();
  });

  it("refuses something that is not an object id instead of passing it to git", async () => {
    const reader = createGitBlobReader(repo);
    await expect(reader.read("HEAD:README.md")).rejects.toThrow(/is not a git object id/);
  });

  it("fails reads with a SnapshotError when git cannot open the repository", async () => {
    const reader = createGitBlobReader(join(repo, "does-not-exist"));
    await expect(reader.read("0123456789abcdef0123456789abcdef01234567")).rejects.toThrow(
      /git cat-file stopped/,
    );
  });
});
