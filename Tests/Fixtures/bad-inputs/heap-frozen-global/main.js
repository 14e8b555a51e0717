import "./lib.js";
export const ready = true;
