import { SpecwrightError } from "../../core/errors.js";

/**
 * Checks that a job payload is plain JSON data and returns a deep copy of it, so the in-process
 * queue behaves like a distributed one (jobs never share objects with the code that enqueued
 * them). Allowed: null, strings, booleans, finite numbers, arrays and plain objects of those;
 * `undefined` only as an object property (dropped, as JSON does). Anything else (functions,
 * `Date`, `Map`, class instances, bigint, NaN, cycles) throws, naming where it is. The copy equals
 * `JSON.parse(JSON.stringify(payload))`, made in the same single pass as the check (it runs for
 * every delivery, while the webhook is being answered).
 */
export function copyJsonPayload<P>(payload: P): P {
  return copyValue(payload, "payload", new Set()) as P;
}

function fail(where: string, what: string): never {
  throw new SpecwrightError(
    `The job payload is not JSON data: ${where} is ${what}`,
    "Put only plain data (strings, numbers, booleans, null, arrays, plain objects) in job payloads; pass ids instead of clients or class instances.",
  );
}

function copyValue(value: unknown, where: string, ancestors: Set<object>): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(where, String(value));
    return Object.is(value, -0) ? 0 : value;
  }
  if (typeof value !== "object")
    fail(where, typeof value === "undefined" ? "undefined" : `a ${typeof value}`);
  if (ancestors.has(value)) fail(where, "a circular reference");
  ancestors.add(value);
  const proto: unknown = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (isArray ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name;
    fail(where, name === undefined ? "an object with a custom prototype" : `an instance of ${name}`);
  }
  let copy: unknown[] | Record<string, unknown>;
  if (isArray) {
    const array = value as readonly unknown[];
    copy = new Array<unknown>(array.length);
    // Indices, not `map`: a hole is refused like an explicit `undefined` (JSON would write null).
    for (let index = 0; index < array.length; index++) {
      const item = array[index];
      if (item === undefined) fail(`${where}[${index}]`, index in array ? "undefined" : "a hole");
      copy[index] = copyValue(item, `${where}[${index}]`, ancestors);
    }
  } else {
    const object: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const itemCopy = copyValue(item, `${where}.${key}`, ancestors);
      // `__proto__` as a key is data in JSON; assigning it would set the prototype instead.
      if (key === "__proto__") {
        Object.defineProperty(object, key, {
          value: itemCopy,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        object[key] = itemCopy;
      }
    }
    copy = object;
  }
  ancestors.delete(value);
  return copy;
}
