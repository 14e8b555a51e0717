// The console area: the console namespace object and the inspector behind it.
export { console, kSetWriter } from "./console.js";
export { inspect, customInspectSymbol } from "./inspect.js";
export { format, formatWithOptions } from "./format.js";
