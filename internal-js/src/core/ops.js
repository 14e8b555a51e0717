// The bridge to native code. The runtime installs `core.ops` on the global object before any
// internal module runs; this module captures it once and removes the global, so that user code
// reaches native code only through the APIs internal-js chooses to expose.
const core = globalThis.core;
if (core === undefined || core.ops === undefined) {
  throw new Error("internal-js must be evaluated by a snapgen runtime (core.ops is missing)");
}
delete globalThis.core;

/** The op functions by name, e.g. ops.op_print(text, toStderr). */
export const ops = Object.freeze(Object.assign(Object.create(null), core.ops));

/** Writes text to stdout, or to stderr when toStderr is true. */
export function print(text, toStderr = false) {
  ops.op_print(String(text), toStderr === true);
}
