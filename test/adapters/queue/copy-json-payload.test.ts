import { describe, expect, it } from "vitest";
import { copyJsonPayload } from "../../../src/adapters/queue/copy-json-payload.js";
import { SpecwrightError } from "../../../src/core/errors.js";

class Client {
  token = "x";
}
class Stack extends Array<number> {}

describe("copyJsonPayload", () => {
  it.each<{ what: string; payload: unknown }>([
    {
      what: "a job payload",
      payload: { kind: "issue-labeled", repo: { owner: "o", id: 7 }, labels: ["a", "b"] },
    },
    { what: "nested arrays and nulls", payload: [[1, [2, null]], { a: [] }, true, "s"] },
    { what: "undefined properties (dropped)", payload: { a: undefined, b: { c: undefined, d: 1 } } },
    { what: "negative zero", payload: { n: -0, m: [-0] } },
    { what: "a null-prototype object", payload: Object.assign(Object.create(null) as object, { a: 1 }) },
    { what: "a __proto__ key", payload: JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as unknown },
    { what: "a shared (not circular) object", payload: ((x) => ({ a: x, b: x }))({ v: 1 }) },
    { what: "unicode", payload: { title: "Ünïcode ✓ \u2028" } },
  ])("copies $what exactly as a JSON round trip would", ({ payload }) => {
    const copy = copyJsonPayload(payload);
    expect(copy).toStrictEqual(JSON.parse(JSON.stringify(payload)));
    expect(JSON.stringify(copy)).toBe(JSON.stringify(payload));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("shares no object with the original", () => {
    const payload = { repo: { owner: "o" }, labels: [{ name: "x" }] };
    const copy = copyJsonPayload(payload);
    copy.repo.owner = "changed";
    (copy.labels[0] as { name: string }).name = "changed";
    expect(payload).toEqual({ repo: { owner: "o" }, labels: [{ name: "x" }] });
  });

  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  it.each<{ what: string; payload: unknown; message: string }>([
    { what: "a function", payload: { run: () => 1 }, message: "payload.run is a function" },
    { what: "a Date", payload: { at: new Date(0) }, message: "payload.at is an instance of Date" },
    { what: "a Map", payload: [new Map()], message: "payload[0] is an instance of Map" },
    {
      what: "a class instance",
      payload: { client: new Client() },
      message: "payload.client is an instance of Client",
    },
    { what: "a bigint", payload: { n: 1n }, message: "payload.n is a bigint" },
    { what: "NaN", payload: { n: Number.NaN }, message: "payload.n is NaN" },
    { what: "Infinity", payload: { n: [Infinity] }, message: "payload.n[0] is Infinity" },
    { what: "undefined in an array", payload: { a: [1, undefined] }, message: "payload.a[1] is undefined" },
    { what: "a circular reference", payload: circular, message: "payload.self is a circular reference" },
    { what: "a symbol", payload: { s: Symbol("x") }, message: "payload.s is a symbol" },
    // eslint-disable-next-line no-sparse-arrays
    { what: "a hole in an array", payload: { a: [1, , 3] }, message: "payload.a[1] is a hole" },
    {
      what: "an Array subclass",
      payload: { a: Stack.from([1]) },
      message: "payload.a is an instance of Stack",
    },
    {
      what: "an array without the Array prototype",
      payload: { a: Object.setPrototypeOf([1], null) as unknown },
      message: "payload.a is an object with a custom prototype",
    },
    { what: "undefined itself", payload: undefined, message: "payload is undefined" },
  ])("refuses $what, naming where it is", ({ payload, message }) => {
    expect(() => copyJsonPayload(payload)).toThrow(SpecwrightError);
    expect(() => copyJsonPayload(payload)).toThrow(message);
  });
});
