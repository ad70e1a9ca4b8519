import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// The exit codes of SPEC §1.
enum Exit {
    static let notPassed = ExitCode(2)
    static let stopped = ExitCode(3)
    static let usage = ExitCode(64)
    static let invalidData = ExitCode(65)
    static let ioError = ExitCode(74)
}

/// This binary's own path (`/proc/self/exe`), whatever the current folder or `PATH`.
func ownExecutable() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    return length > 0 ? String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        : CommandLine.arguments[0]
}

/// The bundled-course catalog for this binary, found from the binary's own path.
func bundledCourses() -> CourseCatalog {
    let executable = ownExecutable()
    var environment = ProcessInfo.processInfo.environment
    if let folder = quietSettings()?[.courses] { environment["WEGWIJS_COURSES"] = folder }
    return CourseCatalog.standard(executablePath: executable, environment: environment)
}

/// What every command says when no folder of bundled courses was found.
let noBundledCourses = "no bundled courses found; set WEGWIJS_COURSES to the folder that holds them, or give a course file"

/// Loads a course named by path or bundled id; on failure prints every problem and exits 65
/// (invalid) or 74 (unreadable).
func loadCourse(_ argument: String, catalog: CourseCatalog) throws -> LoadedCourse {
    let path = catalog.resolve(argument)
    do {
        return try CourseLoader.load(path: path)
    } catch {
        let looksLikeID = path == argument && !argument.contains("/") && !argument.hasSuffix(".json")
            && !TextCourseFormat.isText(argument)
        if looksLikeID, catalog.directory == nil, !FileManager.default.fileExists(atPath: path) {
            printError("\(argument): \(noBundledCourses)")
            throw Exit.ioError
        }
        if catalog.isBundledID(argument), !FileManager.default.fileExists(atPath: path) {
            let known = catalog.courseFiles().map { ($0 as NSString).lastPathComponent.replacingOccurrences(of: ".json", with: "") }
            printError("\(argument): no course file and no bundled course of that id\(Suggestion.hint(for: argument, in: known)) (bundled: \(known.joined(separator: ", ")))")
            throw Exit.ioError
        }
        let language = messageLanguage()
        for diagnostic in error.diagnostics { printDiagnostic(diagnostic, in: language) }
        throw error.kind == .unreadable ? Exit.ioError : Exit.invalidData
    }
}

/// Every bundled course that loads, for commands that fall back on them.
func loadBundledCourses(_ catalog: CourseCatalog) -> [LoadedCourse] {
    catalog.courseFiles().compactMap { try? CourseLoader.load(path: $0) }
}


