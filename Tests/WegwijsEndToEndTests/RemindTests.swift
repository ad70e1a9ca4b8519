import Foundation
import Testing
import WegwijsCore

/// `wegwijs remind` against a real SMTP server (aiosmtpd); every message is parsed with
/// Python's `email` package.
@Suite("wegwijs remind, with a real SMTP server", .serialized)
struct RemindTests {
    let course = Wegwijs.fixture("branching.json")

    static func day(_ offset: Int, from base: CalendarDay) -> String { base.adding(days: offset).description }
    static var today: CalendarDay { CalendarDay(secondsSince1970: Int64(Date().timeIntervalSince1970)) }

    /// Records made today: 123 passed, 124 failed.
    func records() throws -> URL {
        let records = try Wegwijs.temporaryFolder()
        for (learner, answers) in [("123", "a\na c\na\n"), ("124", "b\na\nb\n")] {
            let result = try Wegwijs.run(["run", course, "--learner", learner, "--records", records.path], input: answers)
            #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        }
        return records
    }

    /// A roster as of `asOf`: 124 overdue by 10 days (no Cc), 125 overdue by 70 (manager in Cc),
    /// 126 due in 5 days, 129 with a hostile name, 130 without an address.
    func roster(asOf: CalendarDay, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("roster.csv").path
        let text = """
        employee_id;name;email;start_date;taal;manager_email
        123;Piet de Vries;piet@example.org;\(Self.day(-400, from: asOf));nl;boss@example.org
        124;Jan Jansen;jan@example.org;\(Self.day(-40, from: asOf));;boss@example.org
        125;Änne Bäcker;anne@example.org;\(Self.day(-100, from: asOf));en;boss@example.org
        126;Kees;kees@example.org;\(Self.day(-25, from: asOf));en;
        129;"Eve\r\nBcc: spy@evil.org\r\nX-Injected: yes";eve@example.org;\(Self.day(-100, from: asOf));nl;boss@example.org
        130;Zonder Adres;;\(Self.day(-100, from: asOf));nl;

        """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func remind(_ records: URL, roster: String, sink: SMTPSink, asOf: CalendarDay, extra: [String] = []) throws -> ProcessResult {
        try Wegwijs.run(["remind", records.path, "--roster", roster, "--smtp", sink.address, "--from", "hr@example.org",
                         "--course", course, "--as-of", asOf.description] + extra)
    }

    @Test("one message per situation, in the employee's language, manager in Cc only past --escalate-after, both MIME parts, one connection, the hostile row refused")
    func sendsTheRightMessages() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try records()
        // 360 days on, 123's pass (valid for a year) expires within --within 14 days.
        let asOf = Self.today.adding(days: 360)
        let roster = try roster(asOf: asOf, in: records)
        let result = try remind(records, roster: roster, sink: sink, asOf: asOf)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("\(roster):6: employee '129': the name holds a control character (\\x0D)"), "\(result.stderr)")
        #expect(result.stdout.contains("4 reminders sent, 1 without an e-mail address, 1 roster row refused"), "\(result.stdout)")
        let messages = try sink.messages()
        let byRecipient = Dictionary(messages.map { ($0.header("To").first ?? "", $0) }) { first, _ in first }
        #expect(messages.count == 4)
        #expect(Set(byRecipient.keys) == ["Piet de Vries <piet@example.org>", "Jan Jansen <jan@example.org>",
                                          "Änne Bäcker <anne@example.org>", "Kees <kees@example.org>"])
        // One connection for the batch.
        #expect(Set(messages.map(\.peerPort)).count == 1)
        for message in messages {
            #expect(message.defects.isEmpty)
            #expect(message.types == ["multipart/alternative", "text/plain", "text/html"])
            #expect(message.header("From") == ["hr@example.org"])
            #expect(message.header("Bcc").isEmpty && message.header("X-Injected").isEmpty)
            #expect(!message.envelopeTo.contains("spy@evil.org") && !message.envelopeTo.contains("eve@example.org"))
            #expect(!message.plain.isEmpty && message.html.hasPrefix("<!DOCTYPE html>"))
        }
        let piet = try #require(byRecipient["Piet de Vries <piet@example.org>"])
        #expect(piet.header("Subject") == ["Je cursus ‘Testcursus’ verloopt binnenkort"])
        #expect(piet.plain.contains("Beste Piet de Vries,"))
        #expect(piet.plain.contains("geldig tot en met"))
        #expect(piet.header("Cc").isEmpty)
        let jan = try #require(byRecipient["Jan Jansen <jan@example.org>"])
        // No language column value: the course's language (nl); 10 days late, not past 14: no Cc.
        #expect(jan.header("Subject") == ["Te laat: rond de cursus ‘Testcursus’ af"])
        #expect(jan.plain.contains("Dat is 10 dagen geleden."))
        #expect(jan.plain.contains("wegwijs run test-branching --learner 124"))
        #expect(jan.html.contains("<html lang=\"nl\">") && jan.html.contains("Dat is 10 dagen geleden."))
        #expect(jan.header("Cc").isEmpty && jan.envelopeTo == ["jan@example.org"])
        let anne = try #require(byRecipient["Änne Bäcker <anne@example.org>"])
        #expect(anne.header("Subject") == ["Overdue: please finish the course ‘Test course’"])
        #expect(anne.plain.contains("That was 70 days ago."))
        #expect(anne.plain.contains("Your manager receives a copy of this message."))
        #expect(anne.header("Cc") == ["boss@example.org"] && anne.envelopeTo == ["anne@example.org", "boss@example.org"])
        let kees = try #require(byRecipient["Kees <kees@example.org>"])
        #expect(kees.header("Subject") == ["Reminder: please take the course ‘Test course’"])
        #expect(kees.plain.contains("by \(Self.day(5, from: asOf)). You have 5 days left."))
        // The log holds one line per message sent.
        let log = try String(contentsOfFile: records.appendingPathComponent(".reminders.log").path, encoding: .utf8)
        #expect(log.split(separator: "\n").count == 4)
        #expect(log.contains("\(asOf)\t") && log.contains("\ttest-branching\t125\toverdue\tanne@example.org\tboss@example.org\n"))
    }

    @Test("nothing is sent twice within --every days, whatever runs it; after --every days it is sent again")
    func notTwiceWithinEvery() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try records()
        let asOf = Self.today
        let roster = try roster(asOf: asOf, in: records)
        let first = try remind(records, roster: roster, sink: sink, asOf: asOf)
        #expect(first.stdout.contains("3 reminders sent"), "\(first.stdout) \(first.stderr)")
        let again = try remind(records, roster: roster, sink: sink, asOf: asOf.adding(days: 3))
        #expect(again.stdout.contains("0 reminders sent, 3 already sent within the last 7 days"), "\(again.stdout)")
        #expect(try sink.messages().count == 3)
        let week = try remind(records, roster: roster, sink: sink, asOf: asOf.adding(days: 7))
        // 124 and 125 are still overdue; 126 is now overdue too (a new situation, sent at once).
        #expect(week.stdout.contains("3 reminders sent"), "\(week.stdout)")
        let longer = try remind(records, roster: roster, sink: sink, asOf: asOf.adding(days: 14), extra: ["--every", "30"])
        #expect(longer.stdout.contains("0 reminders sent, 3 already sent within the last 30 days"), "\(longer.stdout)")
        #expect(try sink.messages().count == 6)
    }

    @Test("nobody who passed gets a reminder; --dry-run lists and sends nothing and writes no log")
    func passedAndDryRun() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try records()
        let asOf = Self.today
        let roster = try roster(asOf: asOf, in: records)
        let dry = try remind(records, roster: roster, sink: sink, asOf: asOf, extra: ["--dry-run"])
        #expect(dry.stdout.contains("would send overdue to anne@example.org cc boss@example.org (125, test-branching,"), "\(dry.stdout)")
        #expect(dry.stdout.contains("3 reminders would be sent"))
        #expect(!dry.stdout.contains("piet@example.org"))
        #expect(try sink.messages().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: records.appendingPathComponent(".reminders.log").path))
        let sent = try remind(records, roster: roster, sink: sink, asOf: asOf)
        #expect(sent.stdout.contains("3 reminders sent"))
        let recipients = try sink.messages().flatMap(\.envelopeTo)
        #expect(!recipients.contains("piet@example.org"))
        #expect(Set(recipients) == ["jan@example.org", "anne@example.org", "boss@example.org", "kees@example.org"])
    }

    @Test("a refresher that is due gets its own message (since when, how), in the employee's language, logged as refresher and not sent twice")
    func refresherDue() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try Wegwijs.temporaryFolder()
        // The test course with a refresher of one situation every month.
        let source = try String(contentsOfFile: course, encoding: .utf8)
        let withRefresher = source.replacingOccurrences(of: #""validFor": "P1Y","#,
                                                        with: #""validFor": "P1Y", "refresher": {"every": "P1M", "scenarios": 1},"#)
        #expect(withRefresher != source)
        let refresherCourse = records.appendingPathComponent("refresher-course.json").path
        try Data(withRefresher.utf8).write(to: URL(fileURLWithPath: refresherCourse))
        let pass = try Wegwijs.run(["run", refresherCourse, "--learner", "123", "--records", records.path], input: "a\na c\na\n")
        #expect(pass.status == 0, "\(pass.stderr)")
        // 40 days on: 123's refresher fell due a month after the pass; the pass itself is valid for a year.
        let asOf = Self.today.adding(days: 40)
        let roster = try roster(asOf: asOf, in: records)
        func remind() throws -> ProcessResult {
            try Wegwijs.run(["remind", records.path, "--roster", roster, "--smtp", sink.address, "--from", "hr@example.org",
                             "--course", refresherCourse, "--as-of", asOf.description])
        }
        let first = try remind()
        #expect(first.status == 65, "\(first.stderr)")  // the hostile roster row
        let piet = try #require(try sink.messages().first { $0.envelopeTo == ["piet@example.org"] }, "\(first.stdout)")
        #expect(piet.header("Subject") == ["Tijd voor je opfrisser: ‘Testcursus’"])
        #expect(piet.plain.contains("Sinds ") && piet.plain.contains("staat er een korte opfrisser van de cursus ‘Testcursus’ voor je klaar"))
        #expect(piet.plain.contains("Start de cursus zoals altijd; zo blijft je resultaat geldig."))
        #expect(piet.header("Cc").isEmpty)
        let log = try String(contentsOfFile: records.appendingPathComponent(".reminders.log").path, encoding: .utf8)
        #expect(log.contains("\trefresher-course\t123\trefresher\tpiet@example.org\t\n") || log.contains("\t123\trefresher\tpiet@example.org\t\n"), "\(log)")
        let count = try sink.messages().count
        let again = try remind()
        #expect(again.stdout.contains("0 reminders sent"), "\(again.stdout)")
        #expect(try sink.messages().count == count)
    }

    @Test("a mail server that cannot be reached: exit 74, nothing logged")
    func unreachableServer() throws {
        let records = try records()
        let roster = try roster(asOf: Self.today, in: records)
        let port = try RalphServer.freePort()
        let result = try Wegwijs.run(["remind", records.path, "--roster", roster, "--smtp", "127.0.0.1:\(port)", "--from", "hr@example.org",
                                      "--course", course])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("the mail server 127.0.0.1 did not take the message"))
        let log = try String(contentsOfFile: records.appendingPathComponent(".reminders.log").path, encoding: .utf8)
        #expect(log.isEmpty)
    }

    @Test("with credentials, a server that offers no STARTTLS gets no password and no message: exit 74")
    func credentialsNeedTLS() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try records()
        let roster = try roster(asOf: Self.today, in: records)
        let credentials = records.appendingPathComponent("smtp-credentials")
        try Data("hr:geheim\n".utf8).write(to: credentials)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: credentials.path)
        let result = try Wegwijs.run(["remind", records.path, "--roster", roster, "--smtp", sink.address, "--from", "hr@example.org",
                                      "--course", course], environment: ["WEGWIJS_SMTP_CREDENTIALS_FILE": credentials.path])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("0 reminders sent before the mail server stopped"))
        #expect(try sink.messages().isEmpty)
    }

    @Test("with credentials and a server that requires STARTTLS: an untrusted certificate stops the batch before any password is sent (74); with its authority in smtp.caFile every reminder goes over TLS, signed in, on one connection")
    func startTLSWithCredentials() throws {
        let certificates = try TestCertificates.make()
        let sink = try SMTPSink.start(tls: certificates, account: "hr:geheim")
        let records = try records()
        defer {
            sink.stop()
            for folder in [certificates.folder, records] { try? FileManager.default.removeItem(at: folder) }
        }
        let roster = try roster(asOf: Self.today, in: records)
        let credentials = records.appendingPathComponent("smtp-credentials")
        try Data("hr:geheim\n".utf8).write(to: credentials)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: credentials.path)
        let arguments = ["remind", records.path, "--roster", roster, "--smtp", sink.address, "--from", "hr@example.org", "--course", course]

        // The test authority is in no trust store: the TLS handshake fails, nothing is sent.
        let untrusted = try Wegwijs.run(arguments, environment: ["WEGWIJS_SMTP_CREDENTIALS_FILE": credentials.path])
        #expect(untrusted.status == 74, "\(untrusted.stderr)")
        #expect(untrusted.stderr.contains("0 reminders sent before the mail server stopped"), "\(untrusted.stderr)")
        #expect(sink.logins().isEmpty)
        #expect(try sink.messages().isEmpty)

        let missing = try Wegwijs.run(arguments, environment: ["WEGWIJS_SMTP_CREDENTIALS_FILE": credentials.path,
                                                               "WEGWIJS_SMTP_CA_FILE": records.appendingPathComponent("none.pem").path])
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("none.pem: the mail server's certificate authority file (smtp.caFile) cannot be read"), "\(missing.stderr)")

        let trusted = try Wegwijs.run(arguments, environment: ["WEGWIJS_SMTP_CREDENTIALS_FILE": credentials.path,
                                                               "WEGWIJS_SMTP_CA_FILE": certificates.authority])
        // 124 and 125 overdue, 126 due soon; 129's row refused (65), 130 has no address, 123 passed.
        #expect(trusted.status == 65, "\(trusted.stdout)\(trusted.stderr)")
        #expect(trusted.stdout.contains("3 reminders sent"), "\(trusted.stdout)")
        let messages = try sink.messages()
        #expect(messages.count == 3)
        #expect(messages.allSatisfy { $0.tls && $0.authenticated })
        #expect(Set(messages.map(\.peerPort)).count == 1)
        #expect(sink.logins() == [SMTPSink.Login(user: "hr", ok: true, tls: true)])
    }

    @Test("a long non-ASCII name: one encoded word of at most 39 bytes in To, the whole name in the greeting, no header line over 78 characters")
    func longNames() throws {
        let sink = try SMTPSink.start()
        defer { sink.stop() }
        let records = try records()
        let name = String(repeating: "Ünal Çelik-Özdemir ", count: 6).trimmingCharacters(in: .whitespaces)
        let path = records.appendingPathComponent("roster.csv")
        try Data("id;naam;email;startdatum\n200;\(name);u@example.org;1-1-2000\n".utf8).write(to: path)
        let result = try remind(records, roster: path.path, sink: sink, asOf: Self.today)
        #expect(result.status == 0, "\(result.stderr)")
        let message = try #require(try sink.messages().first)
        // The display name is one encoded word (readers disagree about spaces between two); the greeting has it whole.
        #expect(message.header("To") == ["Ünal Çelik-Özdemir Ünal Çelik-Özd <u@example.org>"])
        #expect(message.plain.contains("Beste \(name),"))
        let raw = try String(contentsOf: sink.folder.appendingPathComponent("0001.eml"), encoding: .utf8)
        let headerLines = raw.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headerLines.count >= 8 && headerLines.allSatisfy { $0.utf8.count <= 78 })
        // RFC 2047: the headers are ASCII, the subject and the name encoded words.
        #expect(headerLines.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } })
        #expect(raw.contains("\r\nSubject: =?UTF-8?B?") && raw.hasPrefix("From: hr@example.org\r\nTo: =?UTF-8?B?"))
    }

    @Test("usage errors: a --from that is not a plain address, no --smtp")
    func usage() throws {
        let records = try records()
        let roster = try roster(asOf: Self.today, in: records)
        let bad = try Wegwijs.run(["remind", records.path, "--roster", roster, "--smtp", "127.0.0.1:25", "--from", "hr@example.org\r\nBcc: x@y.z"])
        #expect(bad.status == 64 && bad.stderr.contains("is not a plain address"))
        let noServer = try Wegwijs.run(["remind", records.path, "--roster", roster, "--from", "hr@example.org"])
        #expect(noServer.status == 64 && noServer.stderr.contains("--smtp"))
    }
}
