import FoundationEssentials
import Glibc

extension AnatomyReport {
  /// A self-contained HTML page: a treemap of modules by heap bytes, a table of every module,
  /// the boot phases as bars and a histogram of boot times. Inline CSS and SVG only (no script,
  /// no fetch), so it works from `file://` and offline.
  public var html: String {
    var page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8">
      <title>snapshot anatomy: \(Self.escape(configuration))</title>
      <style>
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1d2330;background:#fff}
      h1{font-size:20px}h2{font-size:16px;margin-top:28px}
      table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right;border-bottom:1px solid #e3e6ee}
      td:first-child,th:first-child{text-align:left}
      svg text{font:11px system-ui,sans-serif;fill:#1d2330}
      .path{color:#5a6275;font-size:12px}
      </style></head><body>
      <h1>Snapshot anatomy of \(Self.escape(configuration))</h1>
      <p>V8 \(Self.escape(v8Version)) · blob \(Self.bytes(blobBytes)) raw, \(Self.bytes(storedBytes)) stored ·
      heap before serialising \(heapObjects) objects, \(Self.bytes(heapBytes)) ·
      modules \(Self.bytes(modules.reduce(0) { $0 + $1.bytes })) + unattributed \(Self.bytes(unattributed.bytes))\(floorNote)</p>

      """
    page += treemapSection()
    page += tableSection()
    if let boot { page += Self.bootSection(boot) }
    page += serializationSection()
    page += "</body></html>\n"
    return page
  }

  private var floorNote: String {
    guard let floor else { return "" }
    return " · an empty module's snapshot\(floor.base.map { " on the base \(Self.escape($0))" } ?? ""): blob \(Self.bytes(floor.blobBytes)), heap \(Self.bytes(floor.heapBytes))"
  }

  private static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

  private func treemapSection() -> String {
    let width = 960.0, height = 480.0
    let items = modules.map { Double($0.bytes) } + [Double(unattributed.bytes)]
    let cells = Treemap.layout(weights: items, width: width, height: height)
    var svg = "<h2>Heap bytes by module</h2>\n<svg id=\"treemap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\">\n"
    for cell in cells {
      let isModule = cell.item < modules.count
      let name = isModule ? modules[cell.item].name : "(unattributed)"
      let bytes = isModule ? modules[cell.item].bytes : unattributed.bytes
      let colour = isModule ? Self.palette[cell.item % Self.palette.count] : "#d5d8de"
      let attributes = isModule ? "class=\"module\" data-module=\"\(Self.escape(name))\"" : "class=\"remainder\""
      svg += "<g \(attributes)><title>\(Self.escape(name)): \(Self.bytes(bytes))</title>"
      svg += String(
        cFormat: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%@\" stroke=\"#fff\"/>",
        cell.x, cell.y, cell.width, cell.height, colour)
      if cell.width > 70 && cell.height > 28 {
        let label = name.split(separator: "/").last.map(String.init) ?? name
        svg += String(cFormat: "<text x=\"%.1f\" y=\"%.1f\">", cell.x + 4, cell.y + 14) + Self.escape(label) + "</text>"
        svg += String(cFormat: "<text x=\"%.1f\" y=\"%.1f\">", cell.x + 4, cell.y + 26) + Self.bytes(bytes) + "</text>"
      }
      svg += "</g>\n"
    }
    return svg + "</svg>\n"
  }

  private func tableSection() -> String {
    var html = "<h2>Modules</h2>\n<table id=\"modules\"><tr><th>module</th><th>source</th><th>functions</th><th>bytecode</th>"
    html += "<th>objects</th><th>heap</th><th>strings</th><th>~blob</th><th>~boot</th><th>biggest object</th></tr>\n"
    for module in modules.sorted(by: { $0.bytes > $1.bytes }) {
      let biggest = module.biggestObjects.first.map {
        "\(Self.escape($0.type)) \(Self.escape($0.name)) \(Self.bytes($0.retainedBytes))<div class=\"path\">\(Self.escape($0.retainingPath.joined(separator: " → ")))</div>"
      } ?? ""
      html += "<tr class=\"module-row\" data-module=\"\(Self.escape(module.name))\"><td>\(Self.escape(module.name))</td>"
      html += "<td>\(Self.bytes(module.sourceBytes))</td><td>\(module.functions)</td><td>\(Self.bytes(module.bytecodeBytes))</td>"
      html += "<td>\(module.objects)</td><td>\(Self.bytes(module.bytes))</td><td>\(module.strings)</td>"
      html += "<td>\(Self.percent(module.blobShare))</td>"
      html += "<td>\(module.estimatedBootMilliseconds.map { String(cFormat: "%.2f ms", $0) } ?? "–")</td><td>\(biggest)</td></tr>\n"
    }
    let biggest = unattributed.biggestObjects.first.map {
      "\(Self.escape($0.type)) \(Self.escape($0.name)) \(Self.bytes($0.retainedBytes))<div class=\"path\">\(Self.escape($0.retainingPath.joined(separator: " → ")))</div>"
    } ?? ""
    html += "<tr><td>(unattributed)</td><td></td><td></td><td></td><td>\(unattributed.objects)</td>"
    html += "<td>\(Self.bytes(unattributed.bytes))</td><td></td><td></td><td></td><td>\(biggest)</td></tr>\n</table>\n"
    return html
  }

  private static func bootSection(_ boot: BootEstimate) -> String {
    let phases = ["read", "validate", "decompress", "isolate", "context", "firstCall"].filter { boot.phases[$0] != nil }
    let largest = max(0.001, phases.map { max(boot.phases[$0] ?? 0, boot.floor[$0] ?? 0) }.max() ?? 0)
    let barWidth = 640.0
    var svg = "<h2>Boot phases (median ms, \(escape(boot.source)))</h2>\n"
    svg += "<svg id=\"phases\" xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"\(phases.count * 40 + 30)\">\n"
    for (row, phase) in phases.enumerated() {
      let y = Double(row * 40 + 10)
      let value = boot.phases[phase] ?? 0
      svg += "<g class=\"phase\" data-phase=\"\(phase)\">"
      svg += String(cFormat: "<text x=\"0\" y=\"%.0f\">%@</text>", y + 12, phase)
      svg += String(cFormat: "<rect x=\"100\" y=\"%.0f\" width=\"%.1f\" height=\"14\" fill=\"#4e79a7\"/>", y, max(1, value / largest * barWidth))
      svg += String(cFormat: "<text x=\"%.1f\" y=\"%.0f\">%.3f</text>", 106 + value / largest * barWidth, y + 12, value)
      if let floor = boot.floor[phase] {
        svg += String(cFormat: "<rect x=\"100\" y=\"%.0f\" width=\"%.1f\" height=\"8\" fill=\"#bab0ac\"/>", y + 16, max(1, floor / largest * barWidth))
        svg += String(cFormat: "<text x=\"%.1f\" y=\"%.0f\">bare V8 %.3f</text>", 106 + floor / largest * barWidth, y + 24, floor)
      }
      svg += "</g>\n"
    }
    svg += "</svg>\n"
    svg += String(cFormat: "<p>Total median %.2f ms; deserialising this snapshot's own objects ≈ %.2f ms. Per-module ~boot: %@.</p>\n",
      boot.phases["total"] ?? 0, boot.deserializeMilliseconds, escape(boot.method))
    if !boot.totals.isEmpty { svg += histogram(boot.totals) }
    return svg
  }

  private static func histogram(_ totals: [Double]) -> String {
    let low = totals.min() ?? 0, high = totals.max() ?? 0
    let binCount = 20
    let span = max(high - low, 0.001)
    var bins = [Int](repeating: 0, count: binCount)
    for value in totals { bins[min(binCount - 1, Int((value - low) / span * Double(binCount)))] += 1 }
    let tallest = Double(max(1, bins.max() ?? 1))
    var svg = "<h2>Warm boot time histogram (\(totals.count) boots, total ms)</h2>\n"
    svg += "<svg id=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"660\" height=\"200\">\n"
    for (index, count) in bins.enumerated() {
      let height = Double(count) / tallest * 160
      svg += String(cFormat: "<rect class=\"bin\" x=\"%d\" y=\"%.1f\" width=\"30\" height=\"%.1f\" fill=\"#59a14f\"><title>%d boots</title></rect>",
        10 + index * 32, 170 - height, height, count)
    }
    svg += String(cFormat: "<text x=\"10\" y=\"190\">%.2f ms</text><text x=\"590\" y=\"190\">%.2f ms</text>\n</svg>\n", low, high)
    return svg
  }

  private func serializationSection() -> String {
    guard !serialization.isEmpty else { return "" }
    var html = "<h2>V8 serialisation statistics</h2>\n<table id=\"serialization\"><tr><th>blob part</th><th>bytes</th></tr>\n"
    for part in serialization.blobParts { html += "<tr><td>\(Self.escape(part.name))</td><td>\(Self.bytes(part.bytes))</td></tr>\n" }
    html += "</table>\n<table><tr><th>serialiser</th><th>space</th><th>bytes</th></tr>\n"
    for serializer in serialization.serializers {
      for space in serializer.spaces where space.bytes > 0 {
        html += "<tr><td>\(Self.escape(serializer.name))</td><td>\(Self.escape(space.name))</td><td>\(Self.bytes(space.bytes))</td></tr>\n"
      }
    }
    return html + "</table>\n"
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&#39;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
