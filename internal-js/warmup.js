// Warm-up for the internal-js snapshot (snapgen.json "warmup"). It runs once at build time,
// after the modules, and calls the code paths a program is likely to use first, so that V8
// compiles them now and the snapshot keeps their bytecode: first calls after boot then skip
// lazy compilation. It must not call ops (they cannot run at build time) and must not leave
// state behind: console output goes to a writer that drops it, and nothing is stored.
(() => {
  const setWriter = Symbol.for("snapgen.internal.console.setWriter");
  const previous = console[setWriter](() => {});
  try {
    const url = new URL("https://user:pw@example.org:8080/a/./b/../c?x=1&y=%20two#frag");
    url.searchParams.append("z", "3");
    url.pathname = "/d";
    void String(url) + url.origin + url.host;
    void new URL("../up?q", "http://example.com/a/b/c").href;
    void new URL("file:///srv/data.txt").pathname;
    void new URLSearchParams("a=1&b=2&a=3").getAll("a");

    const bytes = new TextEncoder().encode("héllo wörld ✓");
    void new TextDecoder().decode(bytes);
    void new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    void atob(btoa("warm-up"));

    void structuredClone({ a: [1, 2, { b: new Map([[1, new Set([2])]]) }], d: new Date(0), r: /x/g });

    // Events are left cold: constructing one reads the clock (an op) for its timeStamp.
    console.log("%s %d %o", "text", 42, { nested: { deeper: [1, 2, 3] } });
    console.log({ a: 1, b: "two", c: [1, 2, 3], d: new Map([["k", "v"]]), e: new Set([1]) });
    console.error(new Error("warm-up"));
    console.table([{ a: 1, b: 2 }]);
  } finally {
    console[setWriter](previous);
  }
})();
