// A tiny test runner for snapgen's JS tests (ES module, no dependencies).
//   test(name, fn, { timeout })  register a sync or async test (timeout in ms, default 5000;
//                                only enforced when globalThis.setTimeout exists)
//   run()                        run all registered tests, print failures and a final
//                                "N passed, N failed" line; resolves to the failed count
// plus assert, assertEquals (deep), assertNotEquals, assertThrows, assertRejects.

const tests = [];

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = "AssertionError";
  }
}

function output(text) {
  if (globalThis.console && typeof globalThis.console.log === "function") globalThis.console.log(text);
  else if (typeof globalThis.print === "function") globalThis.print(text);
}

function describe(value) {
  try {
    if (typeof value === "string") return JSON.stringify(value);
    if (typeof value === "bigint") return `${value}n`;
    if (typeof value === "symbol") return value.toString();
    if (Object.is(value, -0)) return "-0";
    if (typeof value === "function") return `[function ${value.name}]`;
    if (value instanceof Map) return `Map(${JSON.stringify([...value])})`;
    if (value instanceof Set) return `Set(${JSON.stringify([...value])})`;
    if (ArrayBuffer.isView(value)) return `${value.constructor.name}[${Array.from(value).join(", ")}]`;
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}

export function test(name, fn, options = {}) {
  tests.push({ name, fn, timeout: options.timeout ?? 5000 });
}

export function assert(condition, message = "assertion failed") {
  if (!condition) throw new AssertionError(message);
}

function deepEqual(a, b, seen) {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  for (const [x, y] of seen) if (x === a && y === b) return true;
  seen.push([a, b]);
  if (a instanceof Date) return Object.is(a.getTime(), b.getTime());
  if (a instanceof RegExp) return a.source === b.source && a.flags === b.flags;
  if (a instanceof Number || a instanceof String || a instanceof Boolean || a instanceof BigInt) {
    return Object.is(a.valueOf(), b.valueOf());
  }
  if (a instanceof ArrayBuffer) return deepEqual(new Uint8Array(a), new Uint8Array(b), seen);
  if (ArrayBuffer.isView(a) && !(a instanceof DataView)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return false;
    const bEntries = [...b];
    let i = 0;
    for (const [k, v] of a) {
      if (!deepEqual(k, bEntries[i][0], seen) || !deepEqual(v, bEntries[i][1], seen)) return false;
      i++;
    }
    return true;
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    const bValues = [...b];
    let i = 0;
    for (const v of a) if (!deepEqual(v, bValues[i++], seen)) return false;
    return true;
  }
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  const keysA = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
  const keysB = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!deepEqual(a[key], b[key], seen)) return false;
  }
  return true;
}

export function equals(actual, expected) {
  return deepEqual(actual, expected, []);
}

export function assertEquals(actual, expected, message = undefined) {
  if (!deepEqual(actual, expected, [])) {
    throw new AssertionError(`${message ? message + ": " : ""}expected ${describe(expected)}, got ${describe(actual)}`);
  }
}

export function assertNotEquals(actual, expected, message = undefined) {
  if (deepEqual(actual, expected, [])) {
    throw new AssertionError(`${message ? message + ": " : ""}expected a value different from ${describe(expected)}`);
  }
}

function checkError(error, ErrorClass, messageIncludes, what) {
  if (ErrorClass !== undefined && !(error instanceof ErrorClass)) {
    throw new AssertionError(
      `${what} ${error?.constructor?.name ?? typeof error} (${error?.message ?? error}), expected ${ErrorClass.name}`,
    );
  }
  if (messageIncludes !== undefined && !String(error?.message).includes(messageIncludes)) {
    throw new AssertionError(`${what} message ${JSON.stringify(error?.message)}, expected it to include ${JSON.stringify(messageIncludes)}`);
  }
  return error;
}

/** Asserts that fn() throws (an ErrorClass whose message includes messageIncludes); returns it. */
export function assertThrows(fn, ErrorClass = undefined, messageIncludes = undefined) {
  try {
    fn();
  } catch (error) {
    return checkError(error, ErrorClass, messageIncludes, "threw");
  }
  throw new AssertionError(`expected ${ErrorClass ? ErrorClass.name : "an error"} to be thrown`);
}

/** Async variant of assertThrows for functions returning promises. */
export async function assertRejects(fn, ErrorClass = undefined, messageIncludes = undefined) {
  try {
    await fn();
  } catch (error) {
    return checkError(error, ErrorClass, messageIncludes, "rejected with");
  }
  throw new AssertionError(`expected ${ErrorClass ? ErrorClass.name : "an error"} to be thrown`);
}

function withTimeout(promise, ms, name) {
  const setTimeout = globalThis.setTimeout;
  const clearTimeout = globalThis.clearTimeout;
  if (typeof setTimeout !== "function" || !(ms > 0)) return promise;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`test "${name}" timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (typeof clearTimeout === "function") clearTimeout(timer);
  });
}

function formatError(error) {
  if (error instanceof Error || (error && typeof error.stack === "string")) return error.stack || String(error);
  return String(error);
}

/** Runs every registered test once; returns (a promise of) the number of failures. */
export async function run() {
  let passed = 0;
  let failed = 0;
  const toRun = tests.splice(0, tests.length);
  for (const t of toRun) {
    try {
      const result = t.fn();
      if (result && typeof result.then === "function") await withTimeout(result, t.timeout, t.name);
      passed++;
    } catch (error) {
      failed++;
      output(`FAIL ${t.name}\n  ${formatError(error).split("\n").join("\n  ")}`);
    }
  }
  output(`${passed} passed, ${failed} failed`);
  return failed;
}
