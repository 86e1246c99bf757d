/**
 * Node.js flags every webhook front process starts with. A front runs one hot path (node:http,
 * the signature check, the hand-over), so it is tuned for that path alone; the jobs process keeps
 * Node's defaults.
 *
 * - `--interrupt-budget=16384` (Node 20's default is 67584): V8 optimises a function once it has
 *   run enough bytecode, and with the default node:http's largest functions (`parserOnIncoming`,
 *   `onwrite`…) were still being compiled, 5–27 ms each on a background thread, after 1,500
 *   deliveries per front. With about a quarter of the budget a front's request path is optimised
 *   after about 500 deliveries; the first bursts after a start are slower while it compiles.
 * - `--expose-gc`: lets a front collect its young generation when it goes idle
 *   (`createIdleCollector`).
 *
 * Measured on Node.js 20 (V8 11.3, without Maglev); a later Node.js may tier up differently.
 *
 * Every flag must be one the running Node.js accepts, or the fronts cannot start (a test checks).
 */
export const FRONT_NODE_FLAGS: readonly string[] = ["--interrupt-budget=16384", "--expose-gc"];
