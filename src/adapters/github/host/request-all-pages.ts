import type { z } from "zod";
import type { HostContext, HostOperation } from "./host-context.js";
import { requestHost } from "./request-host.js";

/** Options of `requestAllPages`. */
export interface PageOptions<T> {
  /** Stop after the page that contains an item for which this returns true. */
  stopAt?: (item: T) => boolean;
  /** Safety bound on the number of requests (default 30, i.e. 3,000 items). */
  maxPages?: number;
}

/** The `rel="next"` URL of a `Link` header. */
function nextPageUrl(headers: Readonly<Record<string, unknown>>): string | undefined {
  const link = headers.link;
  if (typeof link !== "string") return undefined;
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1];
}

/**
 * Reads a paginated list with `per_page=100`, following the `Link: <…>; rel="next"` header
 * GitHub sends, up to `maxPages` requests. `pageSchema` turns one page's body into its items.
 */
export async function requestAllPages<T>(
  ctx: HostContext,
  op: HostOperation,
  route: string,
  parameters: Record<string, unknown>,
  pageSchema: z.ZodType<T[]>,
  options: PageOptions<T> = {},
): Promise<T[]> {
  const maxPages = options.maxPages ?? 30;
  const items: T[] = [];
  let page = await requestHost(ctx, op, route, { ...parameters, per_page: 100 }, pageSchema);
  for (let count = 1; ; count += 1) {
    items.push(...page.data);
    if (options.stopAt && page.data.some(options.stopAt)) break;
    const next = nextPageUrl(page.headers);
    if (next === undefined || count >= maxPages) break;
    // The next URL is absolute and already carries every query parameter.
    page = await requestHost(ctx, op, `GET ${next}`, {}, pageSchema);
  }
  return items;
}
