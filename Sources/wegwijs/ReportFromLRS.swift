import Foundation
import WegwijsConsole
import WegwijsCore

extension Report {
    /// The attempts as the configured LRS has them (`report --lrs`), read through the xAPI
    /// statements API with its `more` paging, in the shape a records folder scan gives.
    func scanLRS(courses: Set<String>?, asOf: CalendarDay?) throws -> RecordScan {
        let settings = try loadSettings()
        guard let endpoint = try lrsEndpoint(settings) else {
            printError("no LRS configured: set wegwijs.lrs.url in a settings file or WEGWIJS_LRS_URL (see wegwijs config)")
            throw Exit.usage
        }
        let client = LRSClient(endpoint: endpoint, timeout: 60)
        var facts = StatementFacts()
        do {
            try client.statements(query: [URLQueryItem(name: "limit", value: "500")]) { page in
                for statement in page { facts.add(statement) }
            }
        } catch {
            printError(TextLayout.inline(error.description, limit: 400))
            throw Exit.ioError
        }
        var scan = RecordScan()
        for fact in facts.facts() {
            scan.files += 1
            scan.add(fact, courses: courses, asOf: asOf)
        }
        return scan
    }
}
