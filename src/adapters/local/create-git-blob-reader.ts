import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { SnapshotError } from "../../core/errors.js";
import { gitEnvironment } from "./run-git.js";

/** Reads blobs by object id; `close()` stops the helper process (it also stops itself when idle). */
export interface GitBlobReader {
  read(blobSha: string): Promise<Buffer>;
  close(): void;
}

interface Pending {
  sha: string;
  resolve: (bytes: Buffer) => void;
  reject: (error: Error) => void;
}

/** How long an idle `git cat-file --batch` process is kept for the next read. */
const IDLE_CLOSE_MS = 200;

/**
 * Reads blobs through one long-lived `git cat-file --batch` process (started on the first
 * read, ended after `IDLE_CLOSE_MS` without requests so it never keeps Node running). Requests
 * are written one object id per line and answered in order as `<sha> <type> <size>\n<bytes>\n`,
 * which makes hundreds of reads cost one process instead of hundreds.
 */
export function createGitBlobReader(root: string): GitBlobReader {
  let child: ChildProcessWithoutNullStreams | undefined;
  let queue: Pending[] = [];
  let buffered: Buffer = Buffer.alloc(0);
  let idleTimer: NodeJS.Timeout | undefined;

  const failAll = (error: Error) => {
    const failed = queue;
    queue = [];
    buffered = Buffer.alloc(0);
    child = undefined;
    for (const pending of failed) pending.reject(error);
  };

  const close = () => {
    clearTimeout(idleTimer);
    const running = child;
    child = undefined;
    buffered = Buffer.alloc(0);
    running?.stdin.end();
  };

  const drain = () => {
    for (;;) {
      const pending = queue[0];
      const newline = buffered.indexOf(0x0a);
      if (!pending || newline === -1) return;
      const header = buffered.subarray(0, newline).toString("utf8");
      const [, type, sizeText] = header.split(" ");
      if (type === "missing" || sizeText === undefined) {
        queue.shift();
        buffered = buffered.subarray(newline + 1);
        pending.reject(
          new SnapshotError(
            `git has no object ${pending.sha} (${header})`,
            "The object may be missing from a partial or shallow clone: run `git fetch` and try again.",
          ),
        );
        continue;
      }
      const size = Number(sizeText);
      if (buffered.length < newline + 1 + size + 1) return;
      queue.shift();
      const content = Buffer.from(buffered.subarray(newline + 1, newline + 1 + size));
      buffered = buffered.subarray(newline + 1 + size + 1);
      pending.resolve(content);
    }
  };

  const start = (): ChildProcessWithoutNullStreams => {
    const started = spawn("git", ["-C", root, "cat-file", "--batch"], {
      env: gitEnvironment(),
      windowsHide: true,
    });
    let stderr = "";
    started.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    started.stdout.on("data", (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      drain();
      if (queue.length === 0) {
        clearTimeout(idleTimer);
        idleTimer = setTimeout(close, IDLE_CLOSE_MS);
      }
    });
    const stop = (why: string) => {
      if (child !== started) return;
      failAll(
        new SnapshotError(
          `git cat-file stopped in ${root}: ${why}`,
          "Check that git is installed and the repository is readable.",
        ),
      );
    };
    started.on("error", (error) => stop(error.message));
    started.on("close", (code) => stop(stderr.trim() || `exit code ${String(code)}`));
    started.stdin.on("error", () => undefined); // reported through "close"
    return started;
  };

  return {
    read(blobSha: string): Promise<Buffer> {
      if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(blobSha)) {
        return Promise.reject(
          new SnapshotError(`"${blobSha}" is not a git object id`, "This is a bug in Specwright."),
        );
      }
      clearTimeout(idleTimer);
      child ??= start();
      const running = child;
      return new Promise((resolve, reject) => {
        queue.push({ sha: blobSha, resolve, reject });
        running.stdin.write(`${blobSha}\n`);
      });
    },
    close,
  };
}
