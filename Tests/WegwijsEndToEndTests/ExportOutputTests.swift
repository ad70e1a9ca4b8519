import Foundation
import Testing

/// `export --output` writes the way `report --output` does (OutputFile), not with a rename that
/// replaces whatever the name pointed at.
@Suite("export --output")
struct ExportOutputTests {
    let fixture = Wegwijs.fixture("branching.json")

    @Test("export --output through a symbolic link writes the link's target and keeps the link")
    func throughLink() throws {
        let folder = try Wegwijs.temporaryFolder("export-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = folder.appendingPathComponent("records")
        let started = try Wegwijs.run(["run", fixture, "--learner", "7", "--records", records.path], input: "a\n")
        #expect(started.status == 3, "\(started.stderr)")
        let target = folder.appendingPathComponent("target.ndjson")
        let link = folder.appendingPathComponent("link.ndjson")
        try Data().write(to: target)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let result = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", fixture, "--output", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.split(separator: "\n").count >= 2 && written.contains("\"attempted\""))
        let direct = try Wegwijs.run(["export", records.path, "--format", "xapi", "--course", fixture])
        #expect(direct.stdout == written)
    }

    @Test("export --output into a folder is an I/O error naming it")
    func intoFolder() throws {
        let folder = try Wegwijs.temporaryFolder("export-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Wegwijs.run(["export", folder.path, "--format", "xapi", "--output", folder.path])
        #expect(result.status == 74 && result.stderr.contains(folder.path) && result.stderr.contains("is a folder"), "\(result.stderr)")
    }
}
