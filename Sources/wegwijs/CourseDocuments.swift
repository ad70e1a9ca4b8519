import Foundation
import WegwijsConsole
import WegwijsCore

// The commands that work on a course file's tree rather than on the decoded course (`convert`,
// `translate export` and `translate import`) read and write it through these three, so a file
// that one of them refuses, they all refuse in the same words and with the same exit code.

/// A course file's located tree, in either format (the text format for a name ending in `.md`).
/// Exit 74 when the file cannot be read, 65 when it is not a course file or does not parse.
func courseDocument(at path: String) throws -> JSONNode {
    let bytes: [UInt8]
    do {
        bytes = try CourseLoader.read(path: path)
    } catch {
        let language = messageLanguage()
        error.diagnostics.forEach { printDiagnostic($0, in: language) }
        throw error.kind == .unreadable ? Exit.ioError : Exit.invalidData
    }
    let (document, problems) = CourseLoader.document(bytes: bytes, file: path)
    guard let document, problems.isEmpty else {
        let language = messageLanguage()
        problems.forEach { printDiagnostic($0, in: language) }
        throw Exit.invalidData
    }
    return document
}

/// A course tree as text in one of the two formats: canonical pretty JSON or the text format.
func courseText(_ root: JSONNode, asText: Bool, file path: String) throws -> String {
    guard asText else { return JSONWriter.document(root.value) }
    do {
        return try TextCourseWriter.text(of: root)
    } catch {
        printError("\(path): \(error.message)")
        throw Exit.invalidData
    }
}

/// Writes a command's output to standard output, or to a file (atomically, keeping its mode).
func writeOutput(_ text: String, to path: String?) throws {
    guard let path else {
        printOutput(text, terminator: "")
        return
    }
    do {
        try OutputFile.write(Data(text.utf8), to: path)
    } catch {
        printError(error.description)
        throw Exit.ioError
    }
}
