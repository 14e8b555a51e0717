// Timers, microtasks, performance and the runtime namespace: the parts of internal-js that
// reach the event loop and the default ops. These need a snapgen runtime (not node).
import { assert, assertEquals, assertRejects, assertThrows, test } from "./harness.js";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

test("setTimeout passes extra arguments and returns distinct positive ids", async () => {
  const seen = [];
  const a = setTimeout((x, y) => seen.push(x + y), 0, 1, 2);
  const b = setTimeout(() => seen.push("b"), 0);
  assert(a > 0 && b > 0 && a !== b);
  await sleep(5);
  assertEquals(seen, [3, "b"]);
});

test("timers with equal delays run in creation order, shorter delays first", async () => {
  const order = [];
  setTimeout(() => order.push("20"), 20);
  setTimeout(() => order.push("5a"), 5);
  setTimeout(() => order.push("5b"), 5);
  setTimeout(() => order.push("0"), 0);
  await sleep(40);
  assertEquals(order, ["0", "5a", "5b", "20"]);
});

test("clearTimeout stops a pending timer; clearing unknown ids is harmless", async () => {
  let ran = false;
  const id = setTimeout(() => { ran = true; }, 1);
  clearTimeout(id);
  clearTimeout(123456);
  clearTimeout(undefined);
  await sleep(10);
  assertEquals(ran, false);
});

test("setInterval repeats until cleared, also from inside its own callback", async () => {
  let count = 0;
  const id = setInterval(() => {
    count += 1;
    if (count === 3) clearInterval(id);
  }, 1);
  await sleep(60);
  assertEquals(count, 3);
});

test("a negative, NaN or string delay counts as zero; a string callback is evaluated", async () => {
  const order = [];
  globalThis.__timerStringCallback = () => order.push("string");
  setTimeout(() => order.push("negative"), -50);
  setTimeout(() => order.push("nan"), NaN);
  setTimeout("__timerStringCallback()", "0");
  await sleep(5);
  delete globalThis.__timerStringCallback;
  assertEquals(order, ["negative", "nan", "string"]);
});

test("microtasks run before timers, in queue order", async () => {
  const order = [];
  setTimeout(() => order.push("timer"), 0);
  queueMicrotask(() => order.push("micro 1"));
  Promise.resolve().then(() => order.push("promise"));
  queueMicrotask(() => order.push("micro 2"));
  await sleep(5);
  assertEquals(order, ["micro 1", "promise", "micro 2", "timer"]);
});

test("queueMicrotask rejects a non-function", () => {
  assertThrows(() => queueMicrotask("nope"), TypeError);
});

test("performance.now() is monotonic and measures timer delays", async () => {
  const start = performance.now();
  await sleep(15);
  const elapsed = performance.now() - start;
  assert(elapsed >= 14, `elapsed ${elapsed}`);
  assert(performance.now() >= start);
});

test("performance.timeOrigin is close to Date.now() minus performance.now()", () => {
  const estimate = Date.now() - performance.now();
  assert(Math.abs(performance.timeOrigin - estimate) < 50, `${performance.timeOrigin} vs ${estimate}`);
  assertEquals(Object.prototype.toString.call(performance), "[object Performance]");
  assertEquals(performance.toJSON().timeOrigin, performance.timeOrigin);
});

test("AbortSignal.timeout aborts through a real timer", async () => {
  const signal = AbortSignal.timeout(5);
  assertEquals(signal.aborted, false);
  await sleep(20);
  assertEquals(signal.aborted, true);
  assertEquals(signal.reason.name, "TimeoutError");
});

test("runtime.env reads environment variables", () => {
  assertEquals(typeof runtime.env.get("PATH"), "string");
  assertEquals(runtime.env.get("SNAPGEN_SURELY_UNSET_VARIABLE"), undefined);
  assertEquals(runtime.env.has("PATH"), true);
  assertEquals(runtime.env.toObject().PATH, runtime.env.get("PATH"));
});

test("runtime.args is an array of strings", () => {
  assert(Array.isArray(runtime.args));
  assert(runtime.args.every((argument) => typeof argument === "string"));
});

test("files round-trip as text and as bytes", async () => {
  const path = `${runtime.env.get("TMPDIR") ?? "/tmp"}/snapgen-js-test-${Date.now()}-${Math.random()}.txt`;
  await runtime.writeFile(path, "héllo\n");
  assertEquals(await runtime.readTextFile(path), "héllo\n");
  const bytes = await runtime.readFile(path);
  assert(bytes instanceof Uint8Array);
  assertEquals(Array.from(bytes), [104, 195, 169, 108, 108, 111, 10]);
  await runtime.writeFile(path, new Uint8Array([1, 2, 3]));
  assertEquals(Array.from(await runtime.readFile(path)), [1, 2, 3]);
});

test("file errors reject with the path and reason; bad arguments are TypeErrors", async () => {
  await assertRejects(() => runtime.readTextFile("/surely/not/here.txt"), Error, "no such file");
  await assertRejects(() => runtime.readFile(""), TypeError, "non-empty string");
  assertThrows(() => runtime.writeFile("unused.txt", 42), TypeError, "string, an ArrayBuffer or a view");
});

test("runtime.exit rejects codes outside 0–255 without exiting", () => {
  assertThrows(() => runtime.exit(256), RangeError, "0 to 255");
  assertThrows(() => runtime.exit(1.5), RangeError);
});

test("the ops bridge is not reachable from user code", () => {
  assertEquals(typeof globalThis.core, "undefined");
  assertEquals(Object.isFrozen(runtime), true);
});
