export const secret = "TOP-SECRET-TEXT";
