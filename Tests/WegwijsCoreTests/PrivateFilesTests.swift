import Foundation
import Testing
import TestSupport
@testable import WegwijsCore

@Suite("Records only where no other account writes; secrets only when no other account reads")
struct PrivateFilesTests {
    static func folder(mode: Int) throws -> URL {
        let url = TestFolders.path("private")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: url.path)
        return url
    }

    @Test("folder modes: no group or other write passes, setgid included", arguments: [0o700, 0o750, 0o755, 0o2750, 0o1755])
    func privateFolder(mode: Int) throws {
        let url = try Self.folder(mode: mode)
        try PrivateFiles.checkNoOtherWriter(url.path, following: false)
    }

    @Test("folder modes: group or other write is refused, pointing to docs/server.md", arguments: [0o770, 0o2770, 0o3770, 0o757, 0o777, 0o1777, 0o720, 0o702])
    func writableFolder(mode: Int) throws {
        let url = try Self.folder(mode: mode)
        do {
            try PrivateFiles.checkNoOtherWriter(url.path, following: false)
            Issue.record("mode \(String(mode, radix: 8)) accepted")
        } catch {
            #expect(error.path == url.path)
            #expect(error.reason.contains("can write to it (mode \(String(mode, radix: 8)))"), "\(error.reason)")
            #expect(error.reason.contains("docs/server.md"))
        }
    }

    @Test("a folder of another account is refused")
    func otherOwner() throws {
        let url = try Self.folder(mode: 0o755)
        // Only root can give a folder away; as another user the folder is made by that user.
        guard geteuid() == 0 else { return }
        #expect(chown(url.path, 65534, 65534) == 0)
        #expect(throws: FileProblem.self) { try PrivateFiles.checkNoOtherWriter(url.path, following: false) }
    }

    @Test("a records store refuses a group-writable course folder instead of taking the bit away")
    func storeRefuses() throws {
        let root = try Self.folder(mode: 0o750)
        let course = root.appendingPathComponent("cursus")
        try FileManager.default.createDirectory(at: course, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o2770])
        #expect(throws: FileProblem.self) { try RecordStore(root: root.path).prepare(course: "cursus", learner: "1") }
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: course.path)[.posixPermissions] as? Int)
        #expect(mode == 0o2770, "the folder is left as it was")
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent("1").path))
    }

    @Test("secret files: 0600 and 0400 pass; any group or other bit is refused with the chmod that fixes it",
          arguments: [(0o600, true), (0o400, true), (0o640, false), (0o604, false), (0o644, false), (0o660, false), (0o610, false), (0o601, false)])
    func secret(mode: Int, passes: Bool) throws {
        let folder = try Self.folder(mode: 0o700)
        let file = folder.appendingPathComponent("key")
        try Data("wegwijs:0123456789abcdef".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file.path)
        do {
            try PrivateFiles.checkSecret(file.path, what: "signing key")
            #expect(passes, "mode \(String(mode, radix: 8)) accepted")
        } catch {
            #expect(!passes)
            #expect(error.reason == "permissions \(String(format: "%04o", mode)) are too open: other accounts can read the signing key, and it is not used. Make it private to the account that runs wegwijs: chmod 600 \(file.path)")
        }
        // The signer and the LRS settings refuse it the same way.
        #expect(((try? RecordSigner(keyFile: file.path)) != nil) == passes)
        #expect(((try? LRSEndpoint.make(url: "http://127.0.0.1:9/xAPI", credentialsFile: file.path)) != nil) == passes)
    }
}
