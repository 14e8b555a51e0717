// A module with one small function and nothing else of size.
export function twice(value) {
  return value * 2;
}
