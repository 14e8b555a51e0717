function check() {
  throw null;
}
try {
  check();
} catch (error) {
  throw error;
}
