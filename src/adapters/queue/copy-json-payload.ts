import { SpecwrightError } from "../../core/errors.js";

/**
 * Checks that a job payload is plain JSON data and returns a deep copy of it, so the in-process
 * queue behaves like a distributed one (jobs never share objects with the code that enqueued
 * them). Allowed: null, strings, booleans, finite numbers, arrays and plain objects of those;
 * `undefined` only as an object property (dropped, as JSON does). Anything else (functions,
 * `Date`, `Map`, class instances, bigint, NaN, cycles) throws, naming where it is.
 */
export function copyJsonPayload<P>(payload: P): P {
  checkValue(payload, "payload", new Set());
  return JSON.parse(JSON.stringify(payload)) as P;
}

function fail(where: string, what: string): never {
  throw new SpecwrightError(
    `The job payload is not JSON data: ${where} is ${what}`,
    "Put only plain data (strings, numbers, booleans, null, arrays, plain objects) in job payloads; pass ids instead of clients or class instances.",
  );
}

function checkValue(value: unknown, where: string, ancestors: Set<object>): void {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(where, String(value));
    return;
  }
  if (typeof value !== "object") fail(where, `a ${typeof value}`);
  if (ancestors.has(value)) fail(where, "a circular reference");
  ancestors.add(value);
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      if (item === undefined) fail(`${where}[${index}]`, "undefined");
      checkValue(item, `${where}[${index}]`, ancestors);
    });
  } else {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      fail(
        where,
        `an instance of ${(value as { constructor?: { name?: string } }).constructor?.name ?? "a class"}`,
      );
    }
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) checkValue(item, `${where}.${key}`, ancestors);
    }
  }
  ancestors.delete(value);
}
