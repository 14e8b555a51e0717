import "./dep.js";
export const main = 1;
