import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Writes a command's output to a file the user named (`report --output`): through symbolic
/// links to their target, atomically into a regular file (temp file, fsync, rename: a reader
/// sees the old report or the new one), and straight into anything else (a device such as
/// `/dev/stdout`, a FIFO), which cannot be replaced and must not be.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws(FileProblem) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Nothing there yet (or a link to nothing yet): create the file the links lead to.
            try RecordStore.writeAtomically(data, to: try resolvedLinks(path), replacing: true)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard let real = realpath(path, nil) else {
                throw FileProblem(path: path, reason: "cannot be resolved (\(String(cString: strerror(errno))))")
            }
            let target = String(cString: real)
            free(real)
            try RecordStore.writeAtomically(data, to: target, replacing: true, mode: info.st_mode & 0o777)
        case S_IFDIR:
            throw FileProblem(path: path, reason: "is a folder; name a file to write to")
        default:
            // A device, FIFO or socket (`/dev/stdout`, a named pipe): written as it is, never replaced.
            try writeDirectly(data, to: path)
        }
    }

    /// The path a chain of symbolic links ends at (which need not exist yet).
    static func resolvedLinks(_ path: String) throws(FileProblem) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let link = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(link)
        }
        throw FileProblem(path: path, reason: "cannot be written (too many levels of symbolic links)")
    }

    private static func writeDirectly(_ data: Data, to path: String) throws(FileProblem) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileProblem(path: path, reason: "cannot be opened for writing (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        let failure = data.withUnsafeBytes { FileDescriptorWrite.all($0, to: fd) }
        guard failure == 0 else { throw FileProblem(path: path, reason: "cannot be written (\(String(cString: strerror(failure))))") }
    }
}

