import Foundation
import Testing

/// Whole outputs compared with reference files in `Tests/References/` (as swift-argument-parser's
/// `assertSnapshot` does): a reference that is missing or differs fails with a line diff. Run
/// with `WEGWIJS_RECORD_REFERENCES=1` (`make references`) to write the outputs as the new
/// references instead; then read `git diff Tests/References` before committing them.
enum References {
    static let folder = Wegwijs.packageRoot.appendingPathComponent("Tests/References")

    static var recording: Bool {
        ProcessInfo.processInfo.environment["WEGWIJS_RECORD_REFERENCES"] == "1"
    }

    /// Compares `actual` with the reference file `name` (a path below `Tests/References`).
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file, options: .atomic)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            let message = "no reference file Tests/References/\(name); record it with `make references` and check it by hand:\n"
            Issue.record(Comment(rawValue: message + actual), sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            let message = "output differs from Tests/References/\(name) (- reference, + now; `make references` re-records):\n"
            Issue.record(Comment(rawValue: message + difference(expected: expected, actual: actual)), sourceLocation: sourceLocation)
        }
    }

    /// The lines that differ, `-` for the expected and `+` for the actual, with two lines of
    /// context around each change and `@@ line N` before each stretch.
    static func difference(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n"), new = actual.components(separatedBy: "\n")
        let changes = new.difference(from: old)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in changes {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both sides at once: a line kept in both, or a removal or insertion.
        enum Line { case same(String), minus(String), plus(String) }
        var lines: [(line: Line, number: Int)] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                lines.append((.minus(old[i]), i + 1)); i += 1
            } else if j < new.count, inserted.contains(j) {
                lines.append((.plus(new[j]), i + 1)); j += 1
            } else if i < old.count, j < new.count {
                lines.append((.same(old[i]), i + 1)); i += 1; j += 1
            } else {
                break
            }
        }
        let changed = lines.indices.filter { if case .same = lines[$0].line { return false } else { return true } }
        let shown = Set(changed.flatMap { max($0 - 2, 0)...min($0 + 2, lines.count - 1) })
        var text = ""
        var previous = -2
        for index in shown.sorted() {
            if index != previous + 1 { text += "@@ line \(lines[index].number)\n" }
            switch lines[index].line {
            case .same(let line): text += "  \(line)\n"
            case .minus(let line): text += "- \(line)\n"
            case .plus(let line): text += "+ \(line)\n"
            }
            previous = index
        }
        return text
    }
}
