import Foundation
import TestSupport
import Testing

/// The result of running the built `wegwijs` binary.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `wegwijs` binary built next to the test bundle, as a user would from a shell.
enum Wegwijs {
    /// `.build/<config>/wegwijs`, beside the test bundle.
    static var executable: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The bundle is `wegwijsPackageTests.xctest` (a file on Linux); walk up to the build folder.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("wegwijs").path),
              folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("wegwijs")
    }

    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file under `Tests/Fixtures`.
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    }

    /// A bundled course file under `courses/`.
    static func course(_ name: String) -> String {
        packageRoot.appendingPathComponent("courses/\(name)").path
    }

    /// Runs `wegwijs arguments…` with `input` on standard input (closed after writing) and
    /// waits for it. The environment is the test's, without colour or records settings,
    /// plus `environment`.
    @discardableResult
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> ProcessResult {
        try run(arguments, inputData: Data(input.utf8), environment: environment, currentDirectory: currentDirectory)
    }

    /// The environment the binary runs in under test: this process's, without any Wegwijs
    /// setting, without the machine's settings files (a test that wants one names it), 80
    /// columns, plus `environment`.
    static func testEnvironment(_ environment: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for key in ["WEGWIJS_RECORDS", "WEGWIJS_SIGNING_KEY_FILE", "WEGWIJS_COURSES", "WEGWIJS_LANGUAGE", "WEGWIJS_LRS_URL",
                    "WEGWIJS_LRS_CREDENTIALS_FILE", "WEGWIJS_ACTOR_HOMEPAGE", "WEGWIJS_ACTIVITY_BASE", "NO_COLOR"] { env[key] = nil }
        env["XDG_CONFIG_HOME"] = "/nonexistent/wegwijs-test-config"
        env["WEGWIJS_SYSTEM_CONFIG_FILE"] = "/nonexistent/wegwijs-test-config/system.json"
        env["COLUMNS"] = "80"
        // A locale that decides no language, so the course's own language is the default.
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        env["LANG"] = "C.UTF-8"
        env.merge(environment) { $1 }
        return env
    }

    static func run(_ arguments: [String], inputData: Data, environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = testEnvironment(environment)
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let (outData, errData) = collectOutput(of: process, stdout: stdout, stderr: stderr) {
            // The process may exit before reading all input; ignore a broken pipe then.
            signal(SIGPIPE, SIG_IGN)
            try? stdin.fileHandleForWriting.write(contentsOf: inputData)
            try? stdin.fileHandleForWriting.close()
        }
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    /// How long one run of a program under test may take before it is killed: far more than
    /// any run needs on a slow machine, so only a hang reaches it.
    static let runLimit: Double = 300

    /// Reads a started process's standard output and error to their ends, both at once so a
    /// chatty process never blocks on a full pipe, runs `meanwhile` (feeding its input, say),
    /// and waits for the process to exit. A process still running after `limit` seconds hangs:
    /// it is killed and the test fails, so a loop in the program cannot stop the suite or
    /// outlive it.
    static func collectOutput(of process: Process, stdout: Pipe, stderr: Pipe, limit: Double = runLimit,
                              meanwhile: () -> Void = {}) -> (stdout: Data, stderr: Data) {
        let command = ([process.executableURL?.lastPathComponent ?? "process"] + (process.arguments ?? []).prefix(3)).joined(separator: " ")
        // Weakly: a cancelled work item stays queued until its deadline, and holding the process
        // (with its pipes) that long would keep six descriptors open per run.
        let watchdog = DispatchWorkItem { [weak process] in
            guard let process, process.isRunning else { return }
            kill(process.processIdentifier, SIGKILL)
            Issue.record("\(command) was still running after \(Int(limit)) s and was killed")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        defer { watchdog.cancel() }
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        meanwhile()
        group.wait()
        process.waitUntilExit()
        return (outData, errData)
    }

    /// Runs an outside program (a browser, LibreOffice) to its end with no input, and returns
    /// its status and output. A program still running after `limit` seconds is killed and
    /// the test fails, so a hanging tool cannot stop the suite.
    static func runTool(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                        limit: Double) throws -> (status: Int32, stdout: Data, stderr: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let (outData, errData) = collectOutput(of: process, stdout: stdout, stderr: stderr, limit: limit)
        return (process.terminationStatus, outData, errData)
    }

    /// A fresh empty folder under the system temp folder.
    static func temporaryFolder(_ name: String = "wegwijs-test") throws -> URL {
        let url = TestFolders.path("\(name)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every visible file below a folder (no lock or temp files), relative paths sorted.
    static func files(under folder: URL, includingHidden: Bool = false) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { path in
            if !includingHidden, (path as NSString).lastPathComponent.hasPrefix(".") { return false }
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }
}

