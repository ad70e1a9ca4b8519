import Foundation

/// The courses shipped with Wegwijs, found beside the binary or in the checkout it was built in.
public struct CourseCatalog: Sendable {
    /// The course `wegwijs` runs without arguments.
    public static let defaultCourseID = "uwv-sociale-media"

    /// The folder the bundled courses are read from, if one was found.
    public let directory: String?

    public init(directory: String?) {
        self.directory = directory
    }

    /// Looks, in order, at `$WEGWIJS_COURSES`, `<bin>/../share/wegwijs/courses` (an installed
    /// binary), the `courses/` folder of a checkout above the binary (`swift run`), and the
    /// checkout the binary was compiled from.
    public static func standard(executablePath: String, environment: [String: String],
                                sourceFile: String = #filePath) -> CourseCatalog {
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
        // Sources/WegwijsCore/Course/CourseCatalog.swift → the package root.
        let packageRoot = URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent("courses").path)

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
        if FileManager.default.fileExists(atPath: argument) || argument.contains("/") || argument.hasSuffix(".json") {
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
