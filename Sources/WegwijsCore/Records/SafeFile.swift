#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one way Wegwijs opens a file it finds in a records folder or its outbox, where another
/// account may have put anything: a symbolic link is not followed, a named pipe or device is
/// never waited on, and only a regular file is read.
public enum SafeFile {
    /// Opens `path` for reading: `O_NOFOLLOW` (a link at the last component is refused),
    /// `O_NONBLOCK` (opening a FIFO or device never waits), then a regular-file check on the
    /// open descriptor, so nothing can be swapped between the check and the read.
    /// With `followingLinks`, a link is followed (for files a user names, such as a roster),
    /// but the target must still be a regular file.
    public static func openRegular(_ path: String, followingLinks: Bool = false) throws(FileProblem) -> Int32 {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW)
        let descriptor = open(path, flags)
        guard descriptor >= 0 else {
            let failure = errno
            if failure == ELOOP { throw FileProblem(path: path, reason: "is a symbolic link; not read") }
            throw FileProblem(path: path, reason: "cannot be opened (\(String(cString: strerror(failure))))")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let failure = errno
            close(descriptor)
            throw FileProblem(path: path, reason: "cannot be read (\(String(cString: strerror(failure))))")
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            throw FileProblem(path: path, reason: "\(kindName(type)), not a regular file; not read")
        }
        return descriptor
    }

    /// Whether what is at `path` itself (not a link's target) is a regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "is a folder"
        case S_IFIFO: "is a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: "is a device"
        case S_IFSOCK: "is a socket"
        case S_IFLNK: "is a symbolic link"
        default: "is not a regular file"
        }
    }
}
