import Foundation

/// The courses shipped with Wegwijs, found from where the binary is.
public struct CourseCatalog: Sendable {
    /// The course `wegwijs` runs without arguments.
    public static let defaultCourseID = "uwv-sociale-media"

    /// The folder the bundled courses are read from, if one was found.
    public let directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    /// Looks, in order, at `$WEGWIJS_COURSES`, `<bin>/../share/wegwijs/courses` (an installed
    /// binary, `make install`), and the `courses/` folder of a checkout above the binary
    /// (`.build/debug/wegwijs`, `swift run`). Everything is found from the executable's own
    /// path (`/proc/self/exe`), never from where the source was compiled, so a binary copied
    /// elsewhere finds its courses or says clearly that it has none.
    public static func standard(executablePath: String, environment: [String: String]) -> CourseCatalog {
        var candidates: [String] = []
        if let configured = environment["WEGWIJS_COURSES"], !configured.isEmpty { candidates.append(configured) }
        let binDirectory = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(binDirectory.deletingLastPathComponent().appendingPathComponent("share/wegwijs/courses").path)
        var folder = binDirectory
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                candidates.append(folder.appendingPathComponent("courses").path)
                break
            }
            folder.deleteLastPathComponent()
        }

        let found = candidates.first { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        return CourseCatalog(directory: found)
    }

    /// The bundled course files, sorted by name (the JSON Schema is not a course).
    public func courseFiles() -> [String] {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".json") && !$0.hasSuffix(".schema.json") }.sorted().map { "\(directory)/\($0)" }
    }

    /// A course argument as a file path: an existing file, anything that looks like a path,
    /// or else the id of a bundled course (`<id>.json` in the catalog folder).
    public func resolve(_ argument: String) -> String {
        if FileManager.default.fileExists(atPath: argument) || argument.contains("/") || argument.hasSuffix(".json")
            || TextCourseFormat.isText(argument) {
            return argument
        }
        guard let directory else { return argument }
        return "\(directory)/\(argument).json"
    }

    /// Whether an argument names a bundled course rather than a file.
    public func isBundledID(_ argument: String) -> Bool {
        resolve(argument) != argument
    }
}
