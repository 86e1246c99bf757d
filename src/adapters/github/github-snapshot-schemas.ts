import { z } from "zod";

/** A full commit object id (SHA-1, or SHA-256 for repositories that use it). */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, "expected a git object id");

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}` asked with the `application/vnd.github.sha` media
 * type: the body is the bare commit SHA (text; decoded here in case it arrives as bytes).
 */
export const commitShaResponseSchema = z.preprocess(
  (data) => (data instanceof ArrayBuffer ? new TextDecoder().decode(data) : data),
  z.string().trim().pipe(objectIdSchema),
);

/** One entry of `GET /repos/{owner}/{repo}/git/trees/{tree_sha}?recursive=1`. */
export const treeEntrySchema = z.object({
  path: z.string().min(1),
  mode: z.string(),
  /** `blob`, `tree` or `commit` (submodule). */
  type: z.string(),
  sha: objectIdSchema,
  /** Present for blobs only. */
  size: z.number().int().nonnegative().optional(),
});

/** The parts of the recursive tree response the snapshot relies on. */
export const treeResponseSchema = z.object({
  sha: objectIdSchema,
  tree: z.array(treeEntrySchema),
  /** True when GitHub cut the listing short (over 100,000 entries or 7 MB). */
  truncated: z.boolean(),
});

/** The parts of `GET /repos/{owner}/{repo}/git/blobs/{file_sha}` the snapshot relies on. */
export const blobResponseSchema = z.object({
  sha: objectIdSchema,
  size: z.number().int().nonnegative(),
  content: z.string(),
  encoding: z.enum(["base64", "utf-8"]),
});
