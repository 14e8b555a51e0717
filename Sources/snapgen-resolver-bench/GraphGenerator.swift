import Foundation

/// Writes a synthetic module tree shaped like a real runtime's JS: folders of modules, each
/// importing a handful of others (a spanning tree keeps everything reachable, extra forward
/// edges give realistic fan-out, a few back edges make cycles), and some imports of packages
/// in node_modules that use package.json `exports` with subpath patterns.
struct GraphGenerator {
  var moduleCount: Int
  var packageCount = 20
  var filesPerPackage = 10
  var seed: UInt64 = 0x5eed

  /// The numbers of what was written.
  struct Summary {
    var modules: Int
    var imports: Int
  }

  private struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  static func modulePath(_ index: Int) -> String { "src/d\(index / 50)/m\(index).js" }

  func write(into root: String) throws -> Summary {
    var random = Random(state: seed)
    var imports = 0
    var files: [String: String] = [:]
    for package in 0..<packageCount {
      let folder = "node_modules/pkg\(package)"
      files[folder + "/package.json"] = """
        {"name": "pkg\(package)", "type": "module", "exports": {".": {"import": "./lib/index.js", "default": "./lib/index.cjs"}, "./feature/*": "./lib/feature/*.js"}}
        """
      files[folder + "/lib/index.js"] = "export const name = 'pkg\(package)';\n"
      for file in 0..<filesPerPackage {
        files[folder + "/lib/feature/f\(file).js"] = "import { name } from '../index.js';\nexport const f\(file) = () => name + \(file);\n"
      }
    }
    for index in 0..<moduleCount {
      var specifiers: [String] = []
      let directory = "src/d\(index / 50)"
      func relative(_ target: Int) -> String {
        let targetDirectory = "src/d\(target / 50)"
        return targetDirectory == directory ? "./m\(target).js" : "../d\(target / 50)/m\(target).js"
      }
      // Spanning tree: each module imports its children, so every module is reachable.
      for child in (index * 4 + 1)...(index * 4 + 4) where child < moduleCount { specifiers.append(relative(child)) }
      // Extra forward edges (fan-in) and, rarely, a back edge (a cycle).
      for _ in 0..<2 where index + 1 < moduleCount {
        specifiers.append(relative(index + 1 + random.next(moduleCount - index - 1)))
      }
      if index > 0 && random.next(50) == 0 { specifiers.append(relative(random.next(index))) }
      if random.next(10) == 0 {
        let package = random.next(packageCount)
        specifiers.append(random.next(2) == 0 ? "pkg\(package)" : "pkg\(package)/feature/f\(random.next(filesPerPackage))")
      }
      let unique = Array(NSOrderedSet(array: specifiers)) as! [String]
      imports += unique.count
      var text = unique.enumerated().map { "import * as i\($0.offset) from '\($0.element)';" }.joined(separator: "\n")
      text += """

        // Module \(index): a little real code so parsing costs what it would.
        export function compute\(index)(input) {
          let total = 0;
          for (const value of input) total += typeof value === 'number' ? value : String(value).length;
          return { id: \(index), total, deps: [\(unique.indices.map { "typeof i\($0)" }.joined(separator: ", "))] };
        }
        export class Thing\(index) {
          #state = new Map();
          get(key) { return this.#state.get(key) ?? null; }
          set(key, value) { this.#state.set(key, value); return this; }
        }

        """
      files[Self.modulePath(index)] = text
    }
    for (path, contents) in files {
      let full = root + "/" + path
      try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try contents.write(toFile: full, atomically: false, encoding: .utf8)
    }
    return Summary(modules: moduleCount + packageCount * (filesPerPackage + 1), imports: imports)
  }
}
