import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// What in an outbox cannot be delivered, and setting it aside. Anyone who can write to a
/// shared `pending/` folder can put anything there, so nothing read from it names a file or
/// reaches the LRS before it is checked: a file must be a regular file named
/// `<attempt id>.ndjson`, each line a statement this outbox wrote with a UUID as its id.
extension Outbox {
    /// Whether `id` is a UUID as statements carry them (`8-4-4-4-12` hexadecimal digits): the
    /// only statement ids that may name a file in `rejected/`.
    public static func isStatementID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else {
                let isHex = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
                guard isHex else { return false }
            }
        }
        return true
    }

    /// Every entry of `pending/` that cannot be delivered, or that has lines that are not
    /// statements, with the reason (one problem per file, naming its first bad line). Reads only.
    public func unusable() -> [FileProblem] {
        var problems: [FileProblem] = []
        for entry in pendingEntries() {
            let path = "\(pendingFolder)/\(entry)"
            if let reason = Self.unusableName(entry) {
                problems.append(FileProblem(path: path, reason: reason))
                continue
            }
            do {
                let bad = try pendingLines(attemptID: String(entry.dropLast(7))).bad
                if !bad.isEmpty { problems.append(FileProblem(path: path, reason: Self.badLinesReason(bad))) }
            } catch {
                problems.append(error)
            }
        }
        return problems
    }

    /// Moves what cannot be delivered out of `pending/` into `unusable/` (a whole file, or the
    /// bad lines of a pending file), each with a `.reason` file beside it, and removes temp
    /// files that a killed process left in the outbox. Held under the outbox lock, so no
    /// writer is half-way. Returns what was set aside (or could not be, with why).
    public func setAsideUnusable() throws(FileProblem) -> [FileProblem] {
        try prepare()
        return try locked { () throws(FileProblem) -> [FileProblem] in
            removeStaleTemps()
            var problems: [FileProblem] = []
            for entry in pendingEntries() {
                let path = "\(pendingFolder)/\(entry)"
                if let reason = Self.unusableName(entry) {
                    problems.append(setAside(entry: entry, reason: reason))
                    continue
                }
                let attemptID = String(entry.dropLast(7))
                let read: (statements: [XAPIStatement], bad: [(line: Int, text: [UInt8])])
                do throws(FileProblem) {
                    read = try pendingLines(attemptID: attemptID)
                } catch {
                    problems.append(setAside(entry: entry, reason: error.reason))
                    continue
                }
                guard !read.bad.isEmpty else { continue }
                if read.statements.isEmpty {
                    problems.append(setAside(entry: entry, reason: Self.badLinesReason(read.bad)))
                    continue
                }
                var lines = Data()
                var reasons = ""
                for line in read.bad {
                    lines.append(contentsOf: line.text + [UInt8(ascii: "\n")])
                    reasons += "\(path):\(line.line): \(Self.lineReason(line.text))\n"
                }
                problems.append(FileProblem(path: path, reason: Self.badLinesReason(read.bad) + "; those lines are set aside in \(unusableFolder)"))
                let kept = "\(unusableFolder)/\(attemptID).ndjson"
                let earlier = (try? RecordFiles.contents(of: kept)) ?? []
                let earlierReasons = (try? RecordFiles.contents(of: kept + ".reason")) ?? []
                try RecordStore.writeAtomically(Data(earlier) + lines, to: kept, replacing: true, syncingFolder: false)
                try RecordStore.writeAtomically(Data(earlierReasons) + Data(reasons.utf8), to: kept + ".reason", replacing: true,
                                                syncingFolder: false)
                try writePending(attemptID: attemptID, statements: read.statements)
            }
            return problems
        }
    }

    /// Visible entries of `pending/`, sorted.
    private func pendingEntries() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: pendingFolder) else { return [] }
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Why an entry of `pending/` is not a file this outbox wrote, judged without opening it.
    private static func unusableName(_ entry: String) -> String? {
        guard entry.hasSuffix(".ndjson") else { return "not a pending file (<attempt id>.ndjson)" }
        guard isSafeName(String(entry.dropLast(7))) else { return "the file name is not an attempt id" }
        return nil
    }

    private static func badLinesReason(_ bad: [(line: Int, text: [UInt8])]) -> String {
        guard let first = bad.first else { return "" }
        let count = bad.count == 1 ? "1 line is" : "\(bad.count) lines are"
        return "\(count) not a statement to deliver (line \(first.line): \(lineReason(first.text)))"
    }

    private static func lineReason(_ line: [UInt8]) -> String {
        if String(validating: line, as: UTF8.self) == nil { return "not text (invalid UTF-8)" }
        let head = Array("{\"id\":\"".utf8)
        guard line.starts(with: head), line.count > head.count + 36 else { return "not a statement line this outbox wrote" }
        return "the statement id is not a UUID, or the line is cut"
    }

    /// Renames one entry (whatever it is: a link is moved, not followed) into `unusable/`.
    private func setAside(entry: String, reason: String) -> FileProblem {
        let from = "\(pendingFolder)/\(entry)"
        let to = "\(unusableFolder)/\(entry)"
        guard rename(from, to) == 0 else {
            return FileProblem(path: from, reason: "\(reason); not delivered, and cannot be set aside (\(String(cString: strerror(errno))))")
        }
        try? RecordStore.writeAtomically(Data("\(from): \(reason)\n".utf8), to: to + ".reason", replacing: true, syncingFolder: false)
        return FileProblem(path: from, reason: "\(reason); set aside in \(unusableFolder)")
    }

    /// Writes a file through a temp file of the store's naming (`.<name>.<hex>.tmp`, which
    /// `removeStaleTemps` knows) and a rename, without fsync: for the ledger of sent ids, which
    /// only saves work. A failure leaves the old file (and removes the temp file).
    static func writeWithoutSync(_ bytes: [UInt8], to path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let temp = folder + "/" + RecordsLayout.tempName(for: (path as NSString).lastPathComponent, hex: RecordStore.randomHex())
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o640)
        guard fd >= 0 else { return }
        fchmod(fd, 0o640)
        let written = bytes.withUnsafeBytes { FileDescriptorWrite.all($0, to: fd) } == 0
        if close(fd) != 0 || !written || rename(temp, path) != 0 { unlink(temp) }
    }

    /// Hidden `.tmp` files in the outbox's folders. Every writer writes under the outbox lock,
    /// which the caller holds, so any temp file found is one a killed process left.
    private func removeStaleTemps() {
        for folder in [pendingFolder, sentFolder, rejectedFolder, unusableFolder] {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names where RecordsLayout.isTempName(name) && SafeFile.isRegularFile("\(folder)/\(name)") {
                unlink("\(folder)/\(name)")
            }
        }
    }
}
