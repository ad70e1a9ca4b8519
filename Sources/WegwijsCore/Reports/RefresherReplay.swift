import Foundation

/// `verify`'s check of a refresher record: it was due when it started, and its situations are
/// the ones `RefresherSelection` chooses from its seed and the learner's earlier records, which
/// must lie beside it (the learner's folder) and be all of those ended before it started.
enum RefresherReplay {
    /// What is wrong with a refresher record, in words; empty when its choice replays.
    static func problems(of record: CompletionRecord, mark: CompletionRecord.Refresher, course: Course, path: String) -> [String] {
        guard let rule = course.refresher else {
            return ["the record is a refresher, but course '\(course.id)' declares no refresher"]
        }
        let beside = besideRecords(of: record, path: path)
        let byID = Dictionary(beside.map { ($0.attemptId, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [String] = []
        var earlier: [CompletionRecord] = []
        for id in mark.earlierAttempts {
            if let found = byID[id] {
                earlier.append(found)
            } else {
                problems.append("refresher.earlierAttempts names attempt '\(id.prefix(70))', which is not among the learner's records beside this one, so the choice of situations cannot be replayed")
            }
        }
        let named = Set(mark.earlierAttempts)
        for other in beside where !named.contains(other.attemptId) {
            if let finished = other.finishedAt, finished <= record.startedAt {
                problems.append("the learner's attempt '\(other.attemptId)' ended before the refresher started, but refresher.earlierAttempts leaves it out")
            }
        }
        guard problems.isEmpty else { return problems }

        let day = CalendarDay(secondsSince1970: Int64(record.startedAt.timeIntervalSince1970.rounded(.down)))
        let state = RefresherSchedule(course: course, records: earlier)?.state(on: day)
        if case .outstanding(_, let latest, _)? = state {
            if latest.description != mark.due {
                problems.append("refresher.due is \(mark.due.prefix(20)), but the refresher due when it started (\(day)) fell due on \(latest)")
            }
        } else {
            problems.append("no refresher was due when it started (\(day)): the earlier attempts hold no pass whose refresher had fallen due and was not yet passed")
        }
        let chosen = RefresherSelection.choose(course: course, count: rule.scenarios, earlier: earlier, seed: mark.seed)
        if chosen != mark.scenarios {
            problems.append("refresher.scenarios are \(mark.scenarios.prefix(20).joined(separator: ", ")), but its seed and the earlier attempts choose \(chosen.joined(separator: ", "))")
        }
        return problems
    }

    /// The other ended records of the same learner and course in the record's folder.
    private static func besideRecords(of record: CompletionRecord, path: String) -> [CompletionRecord] {
        let folder = (path as NSString).deletingLastPathComponent
        var files: [String] = []
        try? RecordFiles.walk(folder.isEmpty ? "." : folder, descending: false, found: { file in
            if RecordsLayout.isEndedRecordName((file as NSString).lastPathComponent) { files.append(file) }
        }, problem: { _ in })
        return files.sorted().compactMap { file in
            guard let bytes = try? RecordFiles.contents(of: file), let other = try? CompletionRecord.decode(Data(bytes)) else { return nil }
            guard other.attemptId != record.attemptId, other.course.id == record.course.id,
                  other.learner.id == record.learner.id else { return nil }
            return other
        }
    }
}
