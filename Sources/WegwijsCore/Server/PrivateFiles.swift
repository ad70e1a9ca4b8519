import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Who may touch the files that hold names, scores and secrets (SPEC §9, §10): records are
/// written only where no other account can write, and a secret is used only when no other
/// account can read it (as `ssh` refuses a private key with loose permissions).
public enum PrivateFiles {
    /// Where the folder layout is explained, for the messages below.
    public static let serverDocs = "docs/server.md"

    /// Refuses a records folder that another account can change: one owned by another
    /// account, or writable by its group or by others. `following` says whether a symbolic
    /// link at `path` is followed (the records root may be one; folders below it never are,
    /// `RecordStore.makeFolder` refuses those).
    public static func checkNoOtherWriter(_ path: String, following: Bool) throws(FileProblem) {
        var info = stat()
        guard (following ? stat(path, &info) : lstat(path, &info)) == 0 else {
            throw FileProblem(path: path, reason: "cannot be read (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return }
        let mode = String(info.st_mode & 0o7777, radix: 8)
        var who: String?
        if info.st_uid != geteuid() {
            who = "it belongs to another account (\(accountName(info.st_uid)))"
        } else if info.st_mode & 0o002 != 0 {
            who = "every account can write to it (mode \(mode))"
        } else if info.st_mode & 0o020 != 0 {
            who = "its group \(groupName(info.st_gid)) can write to it (mode \(mode))"
        }
        guard let who else { return }
        throw FileProblem(path: path, reason: "\(who); records are never written into a folder another account can change. Give each account a records folder of its own (chmod g-w,o-w, owned by the account that runs wegwijs), or serve the course from one account over ssh: see \(serverDocs)", kind: .sharedFolder)
    }

    /// Refuses a secret (the signing key, the LRS credentials) that its group or others can
    /// read or write, naming the `chmod` that fixes it. `what` names the secret for the message.
    public static func checkSecret(_ path: String, what: String) throws(FileProblem) {
        var info = stat()
        // A missing or unreadable file is left to the reader's own message.
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return }
        guard info.st_mode & 0o077 != 0 else { return }
        let mode = String(format: "%04o", info.st_mode & 0o7777)
        throw FileProblem(path: path, reason: "permissions \(mode) are too open: other accounts can read the \(what), and it is not used. Make it private to the account that runs wegwijs: chmod 600 \(path)")
    }

    private static func accountName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return "\(String(cString: name)), uid \(uid)"
    }

    private static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid), let name = entry.pointee.gr_name else { return "\(gid)" }
        return String(cString: name)
    }
}
