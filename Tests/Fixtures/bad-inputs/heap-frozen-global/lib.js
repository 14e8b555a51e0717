export const x = 1;
Object.freeze(globalThis);
