// The `runtime` namespace: what a script needs from its host, over the default ops.
import { ops } from "../core/ops.js";
import { ObjectFreeze } from "../primordials/index.js";
import { internalJsVersion, runtimeName } from "../version.js";

const encoder = new TextEncoder();

function toBytes(data) {
  if (typeof data === "string") return encoder.encode(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data;
  throw new TypeError("runtime.writeFile: data must be a string, an ArrayBuffer or a view");
}

const env = ObjectFreeze({
  /** The variable's value, or undefined. */
  get(name) {
    return ops.op_env_get(String(name));
  },
  has(name) {
    return ops.op_env_get(String(name)) !== undefined;
  },
  /** All variables as a plain object. */
  toObject() {
    return ops.op_env_entries();
  },
});

export const runtime = ObjectFreeze({
  name: runtimeName,
  internalJsVersion,
  /** The script's command-line arguments (after the script path). */
  get args() {
    return ops.op_args();
  },
  env,
  /** Reads a file into a Uint8Array. */
  readFile(path) {
    return ops.op_read_file(String(path));
  },
  /** Reads a UTF-8 file into a string. */
  readTextFile(path) {
    return ops.op_read_text_file(String(path));
  },
  /** Writes a string (as UTF-8) or bytes to a file, replacing it. */
  writeFile(path, data) {
    return ops.op_write_file(String(path), toBytes(data));
  },
  /** Stops the program now with the given exit code. */
  exit(code = 0) {
    ops.op_exit(code);
  },
});
