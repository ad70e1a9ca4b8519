import Crypto
import Foundation

/// A course ready to run, with what identifies the exact file it came from.
public struct LoadedCourse: Sendable {
    public var course: Course
    /// Hex SHA-256 of the file's bytes: records name the exact course version they were earned on.
    public var sha256: String
    /// Hex SHA-256 of what decides routes and scores (`CourseStructure`): the same across
    /// wording-only edits.
    public var structure: String
    /// The path as the user gave it (or the bundled file's path).
    public var path: String
    /// Warnings found while loading; errors make the load fail instead.
    public var warnings: [Diagnostic]
    /// Per language of `course.incompleteLanguages`: every text it lacks, one located error
    /// each, for the command that refuses a session in that language.
    public var missingTexts: [String: [Diagnostic]] = [:]
}

/// Why a course could not be loaded.
public struct CourseLoadError: Error, Sendable {
    public enum Kind: Sendable {
        /// The file could not be read (exit 74).
        case unreadable
        /// The file was read but is not a valid course (exit 65).
        case invalid
    }

    public var kind: Kind
    /// Errors first, then warnings, each located.
    public var diagnostics: [Diagnostic]
}

/// The only place that reads course files: parse, decode, validate, locate every problem.
public enum CourseLoader {
    /// Course files larger than this are refused before parsing.
    public static let maximumFileSize = 32 * 1024 * 1024

    /// Loads and validates a course file.
    public static func load(path: String) throws(CourseLoadError) -> LoadedCourse {
        let bytes = try read(path: path)
        let result = checked(bytes: bytes, file: path, refusingUnpassable: false)
        guard let course = result.course, let structure = result.structure,
              !result.diagnostics.contains(where: { $0.severity == .error }) else {
            throw CourseLoadError(kind: .invalid, diagnostics: result.diagnostics)
        }
        return LoadedCourse(course: course, sha256: sha256Hex(bytes), structure: structure, path: path,
                            warnings: result.diagnostics, missingTexts: result.missingTexts)
    }

    /// Reads a file's bytes, turning every failure into a one-line located message. Reading
    /// stops after `maximumFileSize` bytes, so a device or pipe that never ends (`/dev/zero`)
    /// is refused like an oversized file.
    public static func read(path: String) throws(CourseLoadError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw unreadable(path, CourseMessages.noSuchFile)
        }
        if isDirectory.boolValue { throw unreadable(path, CourseMessages.isFolder) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw unreadable(path, CourseMessages.cannotOpen)
        }
        defer { try? handle.close() }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > maximumFileSize { throw tooLarge(path, size: size) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
                if bytes.count > maximumFileSize { throw tooLarge(path, size: nil) }
            }
        } catch let error as CourseLoadError {
            throw error
        } catch {
            throw unreadable(path, CourseMessages.cannotRead(error.localizedDescription))
        }
        return bytes
    }

    private static func tooLarge(_ path: String, size: Int?) -> CourseLoadError {
        let limit = maximumFileSize / 1_048_576
        let message = size.map { CourseMessages.fileTooLarge(bytes: $0, limit: limit) } ?? CourseMessages.inputTooLong(limit: limit)
        return CourseLoadError(kind: .invalid, diagnostics: [Diagnostic(.error, file: path, position: nil, message: message)])
    }

    private static func unreadable(_ path: String, _ reason: LocalizedMessage) -> CourseLoadError {
        CourseLoadError(kind: .unreadable, diagnostics: [Diagnostic(.error, file: path, position: nil, message: reason)])
    }

    /// Every problem in a course file's bytes, errors before warnings, each in source order,
    /// as `validate` judges them: a course no route can pass is an error. The course is
    /// returned when it decoded far enough to be checked.
    public static func check(bytes: [UInt8], file: String) -> (Course?, [Diagnostic]) {
        let result = checked(bytes: bytes, file: file, refusingUnpassable: true)
        return (result.course, result.diagnostics)
    }

    /// What `checked` finds in a file.
    private struct Checked {
        var course: Course?
        var diagnostics: [Diagnostic]
        /// The structure hash of a document that parsed.
        var structure: String?
        var missingTexts: [String: [Diagnostic]] = [:]
    }

    /// `check`, with the structure hash and the missing texts per incomplete language. Loading
    /// a course to use it (`paths`, `preview`, `verify` of records made on it) only warns that
    /// no route can pass.
    private static func checked(bytes: [UInt8], file: String, refusingUnpassable: Bool) -> Checked {
        let source = SourceText(bytes: bytes)
        let (parsed, syntax) = document(bytes: bytes, file: file)
        guard let root = parsed else { return Checked(course: nil, diagnostics: syntax) }
        var decoder = CourseDecoder()
        let model = decoder.decodeModel(root)
        var problems = decoder.problems.map { contextual($0, in: root) }
        problems += MissingTexts.warnings(decoder.missingTexts, in: root)
        // The semantic rules run on whatever decoded; those that depend on a part a structural
        // problem left out are skipped, so the trainer sees both kinds without bogus follow-ups.
        if let model {
            problems += CourseValidator.problems(in: model, gaps: decoder.gaps, unpassable: refusingUnpassable ? .error : .warning)
        }
        let all = TextCourseFormat.limited(syntax + located(problems, in: root, source: source, file: file), file: file)
        var missing: [String: [Diagnostic]] = [:]
        for language in model?.incompleteLanguages ?? [] {
            let errors = MissingTexts.errors(decoder.missingTexts, language: language).map { contextual($0, in: root) }
            missing[language] = located(errors, in: root, source: source, file: file)
        }
        return Checked(course: decoder.isComplete ? model : nil, diagnostics: all,
                       structure: decoder.isComplete ? CourseStructure.hash(of: root) : nil, missingTexts: missing)
    }

    /// A decoder problem with the ids involved put in front of its message.
    private static func contextual(_ problem: CourseProblem, in root: JSONNode) -> CourseProblem {
        var problem = problem
        problem.wording = context(of: problem.pointer, in: root) + problem.wording
        return problem
    }

    /// Problems located in the file: errors first, then warnings, each in source order.
    private static func located(_ problems: [CourseProblem], in root: JSONNode, source: SourceText, file: String) -> [Diagnostic] {
        let diagnostics = problems.map { problem -> (Diagnostic, Int) in
            let offset = problem.key.flatMap { root.keyOffset(at: problem.pointer, key: $0) }
                ?? root.nearestNode(at: problem.pointer).offset
            let pointer = problem.key.map { JSONPointer.appending(problem.pointer, $0) } ?? problem.pointer
            return (Diagnostic(problem.severity, file: file, position: source.position(of: offset),
                               message: problem.wording, pointer: pointer), offset)
        }
        return diagnostics.enumerated().sorted { a, b in
            let (left, right) = (a.element, b.element)
            if left.0.severity != right.0.severity { return left.0.severity == .error }
            if left.1 != right.1 { return left.1 < right.1 }
            return a.offset < b.offset
        }.map(\.element.0)
    }

    /// The course document of a file's bytes, JSON or (for `.md`) the text format, with the
    /// located syntax problems; no document when the JSON does not parse.
    public static func document(bytes: [UInt8], file: String) -> (JSONNode?, [Diagnostic]) {
        let source = SourceText(bytes: bytes)
        if TextCourseFormat.isText(file) {
            let (root, problems) = TextCourseReader.parse(bytes)
            return (root, problems.map { Diagnostic(.error, file: file, position: source.position(of: $0.offset), message: $0.wording) })
        }
        do {
            return (try JSONParser.parse(bytes), [])
        } catch {
            // A second, recovering pass finds the later problems too (only for a file that failed).
            let found = JSONParser.problems(in: bytes, limit: TextCourseReader.maximumProblems)
            var diagnostics = (found.problems.isEmpty ? [error] : found.problems).map {
                Diagnostic(.error, file: file, position: source.position(of: $0.offset), message: $0.wording)
            }
            if found.more > 0 {
                diagnostics.append(.notShown(found.more, severity: .error, file: file))
            }
            return (nil, diagnostics)
        }
    }

    /// "scenario 'x', option 'y': " for a pointer inside a scenario (or a guideline or a pool),
    /// so structural problems name the ids involved.
    static func context(of pointer: String, in root: JSONNode) -> LocalizedMessage {
        let tokens = JSONPointer.tokens(of: pointer)
        var parts: [LocalizedMessage] = []
        func id(_ path: String) -> String? { root.nearestNode(at: path)["id"]?.string }
        /// The place in its list, counted from 1.
        func number(_ token: String) -> Int { (Int(token) ?? 0) + 1 }
        if tokens.count >= 2, tokens[0] == "scenarios" {
            let scenario = "/scenarios/\(tokens[1])"
            parts.append(id(scenario).map(CourseMessages.scenario) ?? CourseMessages.scenario(number: number(tokens[1])))
            if tokens.count >= 4, tokens[2] == "options" {
                let option = "\(scenario)/options/\(tokens[3])"
                parts.append(id(option).map(CourseMessages.option) ?? CourseMessages.option(number: number(tokens[3])))
            }
        } else if tokens.count >= 2, tokens[0] == "pools" {
            let pool = "/pools/\(tokens[1])"
            parts.append(id(pool).map(CourseMessages.pool) ?? CourseMessages.pool(number: number(tokens[1])))
        } else if tokens.count >= 2, tokens[0] == "guidelines" {
            let guideline = "/guidelines/\(tokens[1])"
            parts.append(id(guideline).map(CourseMessages.guideline) ?? CourseMessages.guideline(number: number(tokens[1])))
        }
        return CourseMessages.context(parts)
    }

    /// Lower-case hex SHA-256 of some bytes.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
