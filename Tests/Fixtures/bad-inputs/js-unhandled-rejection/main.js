export const ready = true;
Promise.reject(new Error("lost at build time"));
