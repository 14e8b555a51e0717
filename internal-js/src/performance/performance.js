// performance.now() and performance.timeOrigin (High Resolution Time): milliseconds since the
// runtime started, from the monotonic clock op; the origin is read from the wall clock once,
// on first use after boot (never at snapshot build time).
import { ops } from "../core/ops.js";
import { ObjectDefineProperty, ObjectFreeze } from "../primordials/index.js";

let timeOrigin;

class Performance {
  now() {
    return ops.op_time_monotonic();
  }

  get timeOrigin() {
    if (timeOrigin === undefined) timeOrigin = ops.op_time_wall() - ops.op_time_monotonic();
    return timeOrigin;
  }

  toJSON() {
    return { timeOrigin: this.timeOrigin };
  }
}

ObjectDefineProperty(Performance.prototype, Symbol.toStringTag, { value: "Performance", configurable: true });
ObjectFreeze(Performance.prototype);

export const performance = new Performance();
