import Foundation
import WegwijsConsole
import WegwijsCore

extension Report {
    /// The attempts as the configured LRS has them (`report --lrs`), read through the xAPI
    /// statements API with its `more` paging, in the shape a records folder scan gives.
    func scanLRS(courses: Set<String>?, asOf: CalendarDay?, trust: RecordTrust) throws -> RecordScan {
        let settings = try loadSettings()
        guard let endpoint = try lrsEndpoint(settings) else {
            printError("no LRS configured: set wegwijs.lrs.url in a settings file or WEGWIJS_LRS_URL (see wegwijs config)")
            throw Exit.usage
        }
        let client = LRSClient(endpoint: endpoint, timeout: 60)
        var facts = StatementFacts(passingRules: trust.passingRules, now: trust.now)
        do {
            try client.statements(query: [URLQueryItem(name: "limit", value: "500")]) { page in
                for statement in page { facts.add(statement) }
            }
        } catch {
            printError(TextLayout.inline(error.description, limit: 400))
            throw Exit.ioError
        }
        var scan = RecordScan()
        scan.problems = facts.problems
        for var fact in facts.facts() {
            scan.files += 1
            if let courses, !courses.contains(fact.courseID) { continue }
            if let distrust = fact.distrust {
                // As for records (SPEC §5 Trust): listed, counted as an attempt, never as a pass.
                scan.untrusted.append(FileProblem(path: "the LRS", reason: distrust))
                fact.status = .failed
                fact.percent = nil
            }
            scan.add(fact, courses: courses, asOf: asOf)
        }
        return scan
    }
}
