function check() {
  throw 'no config';
}
check();
