export function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}
export const tau = 2 * Math.PI;
