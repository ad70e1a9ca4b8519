#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Finding and reading record files with plain system calls: a report walks tens of thousands
/// of them, and `FileManager` costs more per file than the parsing does.
public enum RecordFiles {
    /// Record files larger than this are refused without reading (a record is a few kB).
    public static let maximumFileSize = 4 * 1024 * 1024

    /// What is at a path.
    public enum Kind: Sendable {
        case file
        case folder
        case missing(String)
    }

    /// Whether `path` is a file or a folder (following symbolic links), or why it is neither.
    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing(String(cString: strerror(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return .missing("not a regular file or folder")
        }
    }

    /// Calls `found` with the path of every record file below `root`, depth first, in no
    /// particular order, and `problem` for every folder that cannot be read. Hidden folders
    /// and symbolic links to folders are not entered (so a link cannot make the walk loop);
    /// with `descending: false` no folder is. A record file is a regular file (or a link to
    /// one) whose name `RecordsLayout.isRecordName` takes. Throws when `root` itself cannot
    /// be read. The one walker of records folders: `report`, `stats`, `verify`, `export`,
    /// `sync --rescan` and the session's look at earlier attempts all go through it.
    public static func walk(_ root: String, descending: Bool = true, found: (String) -> Void,
                            problem: (FileProblem) -> Void) throws(FileProblem) {
        var pending = [root]
        var isRoot = true
        while let folder = pending.popLast() {
            guard let directory = opendir(folder) else {
                let failure = FileProblem(path: folder, reason: "cannot be read (\(String(cString: strerror(errno))))")
                if isRoot { throw failure }
                problem(failure)
                continue
            }
            isRoot = false
            defer { closedir(directory) }
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            while let entry = readdir(directory) {
                let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                    pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                // Hidden entries are the record store's own files (and hidden folders are not entered).
                if name.hasPrefix(".") { continue }
                var type = entry.pointee.d_type
                var info = stat()
                if type == UInt8(DT_UNKNOWN), lstat(prefix + name, &info) == 0 {
                    switch info.st_mode & S_IFMT {
                    case S_IFDIR: type = UInt8(DT_DIR)
                    case S_IFREG: type = UInt8(DT_REG)
                    case S_IFLNK: type = UInt8(DT_LNK)
                    default: break
                    }
                }
                if type == UInt8(DT_DIR) {
                    if descending { pending.append(prefix + name) }
                } else if RecordsLayout.isRecordName(name) {
                    // Links to folders are never followed. A record-named link is handed on, and the
                    // reader (SafeFile.openRegular) refuses it by name; a named pipe, device or socket
                    // with a record's name is named here, never opened.
                    if type == UInt8(DT_REG) || type == UInt8(DT_LNK) {
                        found(prefix + name)
                    } else {
                        let kind = lstat(prefix + name, &info) == 0 ? SafeFile.kindName(info.st_mode & S_IFMT) : "is not a regular file"
                        problem(FileProblem(path: prefix + name, reason: "\(kind), not a regular file; not read"))
                    }
                }
            }
        }
    }

    /// A record file's bytes and parsed JSON; a syntax error is a problem located at its line
    /// and column (`PATH:LINE:COLUMN`), so `report`, `stats` and the like say it the same way.
    public static func parsed(_ path: String) throws(FileProblem) -> (bytes: [UInt8], root: JSONNode) {
        try parsed(contents(of: path), path: path)
    }

    /// A record's bytes, read from `path`, and their parsed JSON (a syntax error located as above).
    /// `keepingLastOf`: see `JSONParser.parse(_:keepingLastOf:)`.
    public static func parsed(_ bytes: [UInt8], path: String, keepingLastOf condensed: String? = nil,
                              leavingUnbuilt unbuilt: String? = nil) throws(FileProblem) -> (bytes: [UInt8], root: JSONNode) {
        do {
            return (bytes, try JSONParser.parse(bytes, keepingLastOf: condensed, leavingUnbuilt: unbuilt))
        } catch {
            let position = SourceText(bytes: bytes).position(of: error.offset)
            throw FileProblem(path: "\(path):\(position.line):\(position.column)", reason: "not valid JSON: \(error.message)")
        }
    }

    /// The bytes of a file, read with as few system calls as possible: open, one read into a
    /// buffer larger than a record usually is, close. A regular file that returns fewer bytes
    /// than asked for is at its end; a larger file gets more reads into a growing buffer.
    /// Opened with `SafeFile.openRegular`: a symbolic link, named pipe or device is refused
    /// with its path, never followed or waited on. `namedByUser` (a roster given on the command
    /// line) opens whatever the path names, a link or a pipe (`--roster <(…)`) included.
    /// `limit`: the most bytes read (a record's `maximumFileSize`; a roster may be larger).
    public static func contents(of path: String, namedByUser: Bool = false, limit: Int = maximumFileSize) throws(FileProblem) -> [UInt8] {
        let descriptor = namedByUser ? open(path, O_RDONLY | O_CLOEXEC) : try SafeFile.openRegular(path)
        guard descriptor >= 0 else { throw FileProblem(path: path, reason: "cannot be opened (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        var failure: Int32 = 0
        var bytes: [UInt8] = []
        var capacity = 16 * 1024
        var atEnd = false
        while !atEnd, failure == 0, bytes.count <= limit {
            let start = bytes.count
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity - start) { buffer, count in
                count = 0
                while let base = buffer.baseAddress {
                    let result = read(descriptor, base, buffer.count)
                    if result < 0, errno == EINTR { continue }
                    if result < 0 { failure = errno } else { count = result }
                    break
                }
            }
            atEnd = chunk.count < capacity - start
            if start == 0 { bytes = chunk } else { bytes += chunk }
            capacity *= 4
        }
        guard failure == 0 else {
            let reason = failure == EISDIR ? "is a folder, not a record file" : "cannot be read (\(String(cString: strerror(failure))))"
            throw FileProblem(path: path, reason: reason)
        }
        guard bytes.count <= limit else {
            let what = limit == maximumFileSize ? "not a record file" : "too large to read"
            throw FileProblem(path: path, reason: "is larger than \(limit / 1024 / 1024) MB; \(what)")
        }
        return bytes
    }
}
