// Frozen copies of the built-ins internal-js relies on, captured when this module is evaluated
// (at snapshot build time, before any user code exists). Import from here rather than reaching
// for Array.prototype.push & co., which user code may replace.
export * from "./uncurry.js";
export * from "./object.js";
export * from "./array.js";
export * from "./string.js";
export * from "./collections.js";
