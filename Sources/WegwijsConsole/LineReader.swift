import CReadline
import Foundation

/// Reads the learner's input a line at a time.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and returns the line typed (without its line break), or nil at end of input.
    func readLine(prompt: String) -> String?
    /// Words Tab completes at the next prompt.
    func setCompletions(_ words: [String])
    /// Words Tab completes at the start of the line, and the letters it offers after the
    /// letters already typed (the question kind decides which remain).
    func setCompletions(_ words: [String], letters: @escaping @Sendable (_ typed: [String]) -> [String])
}

extension LineReader {
    /// Readers without line editing offer every word and letter.
    public func setCompletions(_ words: [String], letters: @escaping @Sendable (_ typed: [String]) -> [String]) {
        setCompletions(letters([]) + words)
    }
}

/// Input through GNU readline: line editing, history with the arrow keys, Tab completion.
public final class ReadlineReader: LineReader {
    public init() {
        wegwijs_rl_set_name("wegwijs")
        // Signals are handled by `SignalTrap`, which cleans up readline's terminal state itself.
        wegwijs_rl_set_catch_signals(0)
        wegwijs_rl_set_completion(completeWord)
    }

    public func setCompletions(_ words: [String]) {
        completionWords = words
        completionLetters = nil
    }

    public func setCompletions(_ words: [String], letters: @escaping @Sendable (_ typed: [String]) -> [String]) {
        completionWords = words
        completionLetters = letters
    }

    public func readLine(prompt: String) -> String? {
        wegwijs_flush_stdout()
        // While readline waits it follows SIGWINCH itself (rl_catch_sigwinch); between prompts
        // nobody listens, so the size is asked again here.
        wegwijs_rl_reset_screen_size()
        guard let buffer = readline(prompt) else {
            // Ctrl-D at an empty line: leave the cursor on a fresh line.
            wegwijs_flush_stdout()
            StandardStreams.writeOutput("\n")
            return nil
        }
        defer { free(buffer) }
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: strlen(buffer)), as: UTF8.self)
        if !line.trimmingCharacters(in: .whitespaces).isEmpty {
            add_history(buffer)
        }
        return line
    }

}

// readline's C callbacks. They run on the thread that called `readline`, the only one that
// touches these two variables.
nonisolated(unsafe) private var completionWords: [String] = []
nonisolated(unsafe) private var completionLetters: (@Sendable ([String]) -> [String])?
/// The candidates of the completion under way.
nonisolated(unsafe) private var completionCandidates: [String] = []
nonisolated(unsafe) private var completionIndex = 0

private func completeWord(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    wegwijs_rl_set_completion_over(1)
    completionCandidates = completionWords
    if let letters = completionLetters {
        // The letters typed before the word being completed.
        let line = wegwijs_rl_line_buffer().map { String(cString: $0) } ?? ""
        let before = String(decoding: Array(line.utf8.prefix(max(0, Int(start)))), as: UTF8.self)
        let typed = before.lowercased().split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        completionCandidates = letters(typed) + (typed.isEmpty ? completionWords : [])
    }
    return rl_completion_matches(text, nextCompletion)
}

private func nextCompletion(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    guard let text else { return nil }
    let prefix = String(cString: text).lowercased()
    if state == 0 { completionIndex = 0 }
    while completionIndex < completionCandidates.count {
        let word = completionCandidates[completionIndex]
        completionIndex += 1
        if word.hasPrefix(prefix) { return strdup(word) }
    }
    return nil
}

/// Input from a pipe or file: one answer per line, exactly as typed. The prompt is printed
/// and the line echoed after it, so the output reads like a session.
public final class PipedReader: LineReader {
    private let output: ConsoleOutput

    public init(output: ConsoleOutput) {
        self.output = output
    }

    public func setCompletions(_ words: [String]) {}

    public func readLine(prompt: String) -> String? {
        output.write(prompt)
        guard var line = Swift.readLine(strippingNewline: true) else {
            output.write("\n")
            return nil
        }
        if line.hasSuffix("\r") { line.removeLast() }
        output.write(TextLayout.inline(line, limit: 80) + "\n")
        return line
    }
}
