// The console namespace (WHATWG Console Standard, with Node's output conventions). log, info,
// debug, dir, table, count, time* write to stdout; warn, error, trace, assert to stderr; all
// through core/ops.js `print`, or through a writer installed with the internal hook below.
import {
  ArrayFrom,
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeUnshift,
  DateNow,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  MathFloor,
  NumberPrototypeToFixed,
  ObjectAssign,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectValues,
  SafeMap,
  SafeNumber,
  SafeString,
  SafeTypeError,
  StringPrototypeIncludes,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  SymbolFor,
  SymbolIterator,
} from "../primordials/index.js";
import { print } from "../core/ops.js";
import { formatList } from "./format.js";
import { inspect } from "./inspect.js";
import { isMap, isSet } from "./types.js";
import { renderTable } from "./table.js";

/**
 * Internal hook (not a web API): `console[kSetWriter](fn)` makes the console call
 * `fn(text, toStderr)` instead of printing, and returns the previous writer; `fn === null`
 * restores the default. Tests use it to capture output.
 */
export const kSetWriter = SymbolFor("snapgen.internal.console.setWriter");

function defaultWriter(text, toStderr) {
  print(text, toStderr);
}

let writer = defaultWriter;
let groupIndent = "";
const counts = new SafeMap();
const timers = new SafeMap();

function write(toStderr, text) {
  if (groupIndent !== "") {
    text = groupIndent + StringPrototypeReplace(text, /\n/g, `\n${groupIndent}`);
  }
  FunctionPrototypeCall(writer, undefined, `${text}\n`, toStderr);
}

function now() {
  const perf = globalThis.performance;
  if (perf !== undefined && perf !== null && typeof perf.now === "function") return perf.now();
  return DateNow();
}

// Node's duration format: 12.345ms, 1.500s, 1:02.500 (m:ss.mmm), 1:01:02.500 (h:mm:ss.mmm).
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = MathFloor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = MathFloor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const parts = StringPrototypeSplit(NumberPrototypeToFixed(seconds, 3), ".");
    const pad = (n) => StringPrototypePadStart(`${n}`, 2, "0");
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(parts[0])}.${parts[1]} (${hours !== 0 ? "h:m" : ""}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${NumberPrototypeToFixed(seconds, 3)}s`;
  return `${SafeNumber(NumberPrototypeToFixed(ms, 3))}ms`;
}

function tableInspect(v) {
  const depth = v !== null && typeof v === "object" && !ArrayIsArray(v) && ObjectKeys(v).length > 2 ? -1 : 0;
  return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity });
}

const console = {
  log(...args) {
    write(false, formatList(undefined, args));
  },
  info(...args) {
    write(false, formatList(undefined, args));
  },
  debug(...args) {
    write(false, formatList(undefined, args));
  },
  warn(...args) {
    write(true, formatList(undefined, args));
  },
  error(...args) {
    write(true, formatList(undefined, args));
  },
  dir(item, options = undefined) {
    write(false, inspect(item, ObjectAssign({ customInspect: false }, options)));
  },
  dirxml(...args) {
    write(false, formatList(undefined, args));
  },
  trace(...args) {
    const err = { name: "Trace", message: formatList(undefined, args) };
    if (ErrorCaptureStackTrace !== undefined) ErrorCaptureStackTrace(err, console.trace);
    write(true, typeof err.stack === "string" ? err.stack : `Trace: ${err.message}`);
  },
  assert(condition, ...args) {
    if (condition) return;
    if (args.length > 0 && typeof args[0] === "string") args[0] = `Assertion failed: ${args[0]}`;
    else ArrayPrototypeUnshift(args, "Assertion failed");
    write(true, formatList(undefined, args));
  },
  clear() {},
  count(label = "default") {
    label = `${label}`;
    const count = (counts.has(label) ? counts.get(label) : 0) + 1;
    counts.set(label, count);
    write(false, `${label}: ${count}`);
  },
  countReset(label = "default") {
    label = `${label}`;
    if (!counts.has(label)) {
      write(true, `Warning: Count for '${label}' does not exist`);
      return;
    }
    counts.delete(label);
  },
  group(...data) {
    if (data.length > 0) write(false, formatList(undefined, data));
    groupIndent += "  ";
  },
  groupCollapsed(...data) {
    if (data.length > 0) write(false, formatList(undefined, data));
    groupIndent += "  ";
  },
  groupEnd() {
    groupIndent = StringPrototypeSlice(groupIndent, 0, groupIndent.length >= 2 ? -2 : 0);
  },
  time(label = "default") {
    label = `${label}`;
    if (timers.has(label)) {
      write(true, `Warning: Label '${label}' already exists for console.time()`);
      return;
    }
    timers.set(label, now());
  },
  timeLog(label = "default", ...data) {
    label = `${label}`;
    if (!timers.has(label)) {
      write(true, `Warning: No such label '${label}' for console.timeLog()`);
      return;
    }
    const elapsed = now() - timers.get(label);
    ArrayPrototypeUnshift(data, `${label}: ${formatTime(elapsed)}`);
    write(false, formatList(undefined, data));
  },
  timeEnd(label = "default") {
    label = `${label}`;
    if (!timers.has(label)) {
      write(true, `Warning: No such label '${label}' for console.timeEnd()`);
      return;
    }
    const elapsed = now() - timers.get(label);
    timers.delete(label);
    write(false, `${label}: ${formatTime(elapsed)}`);
  },
  table(tabularData, properties = undefined) {
    if (properties !== undefined && !ArrayIsArray(properties)) {
      throw new SafeTypeError('The "properties" argument must be an instance of Array');
    }
    if (tabularData === null || typeof tabularData !== "object") {
      console.log(tabularData);
      return;
    }
    const indexColumn = (length) => ArrayFrom({ length }, (_, i) => tableInspect(i));
    if (isMap(tabularData)) {
      const keys = [];
      const values = [];
      for (const [k, v] of tabularData) {
        ArrayPrototypePush(keys, tableInspect(k));
        ArrayPrototypePush(values, tableInspect(v));
      }
      write(false, renderTable(["(iteration index)", "Key", "Values"], [indexColumn(keys.length), keys, values]));
      return;
    }
    if (isSet(tabularData)) {
      const values = [];
      for (const v of tabularData) ArrayPrototypePush(values, tableInspect(v));
      write(false, renderTable(["(iteration index)", "Values"], [indexColumn(values.length), values]));
      return;
    }
    const map = ObjectCreate(null);
    let hasPrimitives = false;
    const valuesColumn = [];
    const indexKeys = ObjectKeys(tabularData);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = tabularData[indexKeys[i]];
      const primitive = item === null || (typeof item !== "function" && typeof item !== "object");
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesColumn[i] = tableInspect(item);
      } else {
        const keys = properties || ObjectKeys(item);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k];
          if (map[key] === undefined) map[key] = [];
          if ((primitive && properties) || !ObjectPrototypeHasOwnProperty(item, key)) map[key][i] = "";
          else map[key][i] = tableInspect(item[key]);
        }
      }
    }
    const head = ObjectKeys(map);
    const columns = ObjectValues(map);
    if (hasPrimitives) {
      ArrayPrototypePush(head, "Values");
      ArrayPrototypePush(columns, valuesColumn);
    }
    ArrayPrototypeUnshift(head, "(index)");
    ArrayPrototypeUnshift(columns, indexKeys);
    write(false, renderTable(head, columns));
  },
};

// Console methods are plain functions: they work detached (const { log } = console).
const names = ObjectKeys(console);
for (let i = 0; i < names.length; i++) {
  ObjectDefineProperty(console, names[i], { enumerable: true, writable: true, configurable: true });
}
ObjectDefineProperty(console, kSetWriter, {
  value(fn) {
    const previous = writer === defaultWriter ? null : writer;
    writer = typeof fn === "function" ? fn : defaultWriter;
    if (fn === null) groupIndent = "";
    return previous;
  },
  enumerable: false,
  writable: false,
  configurable: false,
});
ObjectDefineProperty(console, Symbol.toStringTag, { value: "console", configurable: true });

export { console };
