export const a = 1;
throw { toString() { throw new Error("toString throws"); } };
