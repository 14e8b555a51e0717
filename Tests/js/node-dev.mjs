// Dev-only loader: runs the internal-js web globals and the JS test suite under Node (v20),
// until the snapgen runtime can run them. Usage: node Tests/js/node-dev.mjs
globalThis.core = {
  ops: {
    op_print: (text, toStderr) => (toStderr ? process.stderr : process.stdout).write(text),
  },
};
const nodeURL = globalThis.URL;
const nodeConsole = globalThis.console;
await import("../../internal-js/src/web_globals.js");
// Make sure the globals under test are ours, not Node's built-ins.
if (globalThis.URL === nodeURL || globalThis.console === nodeConsole) {
  throw new Error("web_globals.js did not replace Node's globals");
}
if (typeof globalThis.core !== "undefined") throw new Error("core.ops should have been removed by core/ops.js");
// The web-API areas only: runtime.test.js needs snapgen's timers, ops and runtime namespace.
const { run } = await import("./harness.js");
for (const area of ["primordials", "events", "encoding", "console", "structured_clone", "url"]) {
  await import(`./${area}.test.js`);
}
const failed = await run();
if (failed > 0) throw new Error(`${failed} JS test(s) failed`);
