const failure = new RangeError('made early');
export function fail() {
  throw failure;
}
fail();
