import Foundation
import TestSupport
import Testing
@testable import WegwijsCore

@Suite("Seeded fuzzing of the course loader and validator")
struct CourseFuzzTests {
    static let sources = ["branching.json"].map { TestCourses.fixture($0) }
        + [URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("courses/voorbeeld.json").path]

    /// One random edit of the kinds that break files in real life: a changed byte, a lost or
    /// repeated stretch, stray brackets or quotes, a truncated end, random bytes.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        guard !bytes.isEmpty else { return [UInt8(ascii: "{")] }
        let position = Int(random.next() % UInt64(bytes.count))
        let length = Int(random.next() % 40)
        switch random.next() % 7 {
        case 0: bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 1: bytes.removeSubrange(position..<min(bytes.count, position + length))
        case 2: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + length)], at: position)
        case 3: bytes.insert(contentsOf: Array(repeating: [UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\"")][Int(random.next() % 3)], count: length), at: position)
        case 4: bytes = Array(bytes[..<position])
        case 5: bytes.insert(contentsOf: (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        default:
            // Swap two ids' worth of text: makes dangling references and duplicates.
            let other = Int(random.next() % UInt64(bytes.count))
            bytes.swapAt(position, other)
        }
        return bytes
    }

    @Test("3,000 mutated course files: never a crash, always located errors or a valid course")
    func mutatedCourses() throws {
        let seed = FuzzSeed.value(default: 3_000)
        var random = SplitMix64(seed: seed)
        let originals = try Self.sources.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        for round in 0..<3_000 {
            var bytes = originals[round % originals.count]
            for _ in 0...(random.next() % 3) { bytes = Self.mutate(bytes, using: &random) }
            let (course, diagnostics) = CourseLoader.check(bytes: bytes, file: "fuzz.json")
            let errors = diagnostics.filter { $0.severity == .error }
            #expect(course != nil || !errors.isEmpty, "round \(round), seed \(seed): no course and no error")
            for diagnostic in diagnostics {
                #expect(!diagnostic.message.isEmpty)
                if let position = diagnostic.position {
                    #expect(position.line >= 1 && position.column >= 1, "round \(round), seed \(seed)")
                }
            }
            // A course that loads must be playable to the end with its first options.
            if let course, errors.isEmpty {
                var attempt = Attempt(course: course)
                var steps = 0
                while let scenario = attempt.currentScenario, steps <= course.scenarios.count {
                    try attempt.answer([scenario.options[0].id], at: Date())
                    steps += 1
                }
                #expect(attempt.isFinished, "round \(round), seed \(seed): a valid course must end")
            }
        }
    }
}
