export const version = "fixture-1.0";
