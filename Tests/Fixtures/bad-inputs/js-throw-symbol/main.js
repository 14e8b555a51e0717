export const a = 1;
throw Symbol("thrown symbol");
