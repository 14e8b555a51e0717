export function check() {
  throw new Error('config missing');
}
