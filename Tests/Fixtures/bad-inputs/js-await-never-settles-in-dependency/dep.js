export const before = 1;
await new Promise(() => {});
