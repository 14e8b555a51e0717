// An app built on the internal-js runtime snapshot: about 600 KB of third-party ES modules
// (Debian's node-* packages, fetched by scripts/layered-example.sh into vendor/), evaluated
// once at build time. `main` runs after boot: `snapgen run app.snapshot.bin file.js …`.
import * as acorn from "../vendor/acorn/dist/acorn.mjs";
import * as walk from "../vendor/acorn-walk/dist/walk.mjs";
import * as Immutable from "../vendor/immutable/dist/immutable.es.js";
import yaml from "../vendor/js-yaml/dist/js-yaml.mjs";
import { marked } from "../vendor/marked/lib/marked.esm.js";
import * as diff from "../vendor/diff/lib/index.mjs";

const sample = "export function add(a, b) { return a + b; }\nconst x = add(1, 2);\n";

/// Parses JavaScript, counts its node types, and reports them as YAML, Markdown HTML and a
/// diff against the sample.
function analyse(source) {
  const tree = acorn.parse(source, { ecmaVersion: 2022, sourceType: "module" });
  let counts = Immutable.Map();
  walk.full(tree, (node) => { counts = counts.update(node.type, 0, (n) => n + 1); });
  const report = yaml.dump(counts.sortBy((n, type) => type).toJS());
  const html = marked.parse("# Node types\n\n" + counts.keySeq().map((type) => `- \`${type}\``).join("\n"));
  const changes = diff.diffLines(sample, source).filter((part) => part.added || part.removed).length;
  return { report, html, changes };
}

// Warm-up at module top level: in the app snapshot this runs once at build time, so the
// bytecode of the paths main takes is compiled and kept ("functionCode": "keep"); evaluated
// from source it runs at every start, as any module's top-level code does.
analyse(sample);

/// Prints the analysis of the arguments (or of the sample); returns the exit code.
export function main(args) {
  const { report, html, changes } = analyse(args.length > 0 ? args.join("\n") : sample);
  console.log(report.trim());
  console.log(`${html.length} bytes of HTML, ${changes} changed line groups`);
  return 0;
}
