export function setup() {
  throw 'setup failed';
}
