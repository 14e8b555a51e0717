// Runs the same web-platform-tests data as wpt_data.test.js against Node's or Deno's URL,
// URLSearchParams and atob, for the comparison in the README, from the repository root (reads
// ../shared/data/wpt):  node Tests/js/wpt_node_compare.mjs
//                       "$(python3 -c 'import deno; print(deno.find_deno_bin())')" run -A Tests/js/wpt_node_compare.mjs
import { readFileSync } from "node:fs";

globalThis.runtime = { readTextFile: async (path) => readFileSync(path, "utf8") };
const harness = await import("./harness.js");
const wpt = await import("./wpt_data.test.js");
const load = (name) => JSON.parse(readFileSync(`../shared/data/wpt/${name}`, "utf8"));
const runtimeName = typeof Deno !== "undefined" ? `deno ${Deno.version.deno}` : `node ${process.version}`;
const runs = {
  "urltestdata.json": wpt.runURLTestData,
  "setters_tests.json": wpt.runSetters,
  "toascii.json": wpt.runToASCII,
  "urlencoded-parser-data.json": wpt.runURLEncoded,
  "base64.json": wpt.runBase64,
};
for (const [file, run] of Object.entries(runs)) {
  const results = run(load(file));
  const failed = results.filter((r) => !r.ok);
  console.log(`${runtimeName} ${file}: ${results.length - failed.length}/${results.length} passed`);
  for (const r of failed) console.log(`  FAIL ${JSON.stringify(r.key)}: ${r.why}`);
}
void harness;
