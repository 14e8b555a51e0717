export const last = [1, 2].at(-1);
