// A module that keeps a large table alive: about 160 KB of doubles, which snapgen anatomy must
// attribute to this module.
const table = Array.from({ length: 20000 }, (_, index) => index * 1.5);

export function lookup(index) {
  return table[index];
}
