import WegwijsCore

/// The words of a reminder e-mail in one language (`wegwijs remind`). Every field is required
/// by the memberwise initialiser, so a phrase missing in one language does not compile.
public struct ReminderPhrases: Sendable {
    /// Subject per situation; the argument is the course title.
    public let subject: @Sendable (_ kind: ReminderKind, _ title: String) -> String
    /// `Beste Anna,` / `Dear Anna,` (`name` may be empty).
    public let greeting: @Sendable (_ name: String) -> String
    /// The situation in one or two sentences: title, deadline (already written out), days.
    public let situation: @Sendable (_ kind: ReminderKind, _ title: String, _ deadline: String, _ days: Int) -> String
    /// Before the way to take the course.
    public let howTo: String
    /// Said when the manager is in Cc.
    public let managerInCopy: String
    /// The last line: the message is automatic.
    public let footer: String

    public static func of(_ language: InterfaceLanguage) -> ReminderPhrases { language == .nl ? nl : en }

    static func days(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }

    public static let nl = ReminderPhrases(
        subject: { kind, title in
            switch kind {
            case .overdue: "Te laat: rond de cursus ‘\(title)’ af"
            case .dueSoon: "Herinnering: doe de cursus ‘\(title)’"
            case .expiring: "Je cursus ‘\(title)’ verloopt binnenkort"
            case .refresher: "Tijd voor je opfrisser: ‘\(title)’"
            }
        },
        greeting: { name in name.isEmpty ? "Hallo," : "Beste \(name)," },
        situation: { kind, title, deadline, count in
            switch kind {
            case .overdue:
                "Je had de cursus ‘\(title)’ uiterlijk op \(deadline) moeten afronden. Dat is \(days(count, "dag", "dagen")) geleden. Rond de cursus zo snel mogelijk af."
            case .dueSoon:
                count == 0 ? "Rond de cursus ‘\(title)’ uiterlijk vandaag (\(deadline)) af."
                    : "Rond de cursus ‘\(title)’ uiterlijk op \(deadline) af. Je hebt daarvoor nog \(days(count, "dag", "dagen"))."
            case .expiring:
                "Je resultaat voor de cursus ‘\(title)’ is geldig tot en met \(deadline). Doe de cursus opnieuw vóór die dag, zodat je resultaat geldig blijft."
            case .refresher:
                "Sinds \(deadline) staat er een korte opfrisser van de cursus ‘\(title)’ voor je klaar: een paar situaties die je nog niet hebt gezien. Start de cursus zoals altijd; zo blijft je resultaat geldig."
            }
        },
        howTo: "Zo doe je de cursus:",
        managerInCopy: "Je leidinggevende krijgt een kopie van dit bericht.",
        footer: "Dit bericht is automatisch verstuurd door Wegwijs."
    )

    public static let en = ReminderPhrases(
        subject: { kind, title in
            switch kind {
            case .overdue: "Overdue: please finish the course ‘\(title)’"
            case .dueSoon: "Reminder: please take the course ‘\(title)’"
            case .expiring: "Your course ‘\(title)’ expires soon"
            case .refresher: "Time for your refresher: ‘\(title)’"
            }
        },
        greeting: { name in name.isEmpty ? "Hello," : "Dear \(name)," },
        situation: { kind, title, deadline, count in
            switch kind {
            case .overdue:
                "You were due to finish the course ‘\(title)’ by \(deadline). That was \(days(count, "day", "days")) ago. Please finish the course as soon as you can."
            case .dueSoon:
                count == 0 ? "Please finish the course ‘\(title)’ today (\(deadline)) at the latest."
                    : "Please finish the course ‘\(title)’ by \(deadline). You have \(days(count, "day", "days")) left."
            case .expiring:
                "Your result for the course ‘\(title)’ is valid up to and including \(deadline). Take the course again before then, so that your result stays valid."
            case .refresher:
                "Since \(deadline) a short refresher of the course ‘\(title)’ has been waiting for you: a few situations you have not seen yet. Start the course as usual; that keeps your result valid."
            }
        },
        howTo: "How to take the course:",
        managerInCopy: "Your manager receives a copy of this message.",
        footer: "This message was sent automatically by Wegwijs."
    )
}

/// A reminder written out: subject, plain text and HTML.
public struct ReminderMail: Sendable {
    public var subject: String
    public var text: String
    public var html: String

    /// `title`: the course title in the reminder's language; `howTo`: the way to take it
    /// (a command, a web address), shown as it is.
    public init(_ reminder: Reminder, title: String, howTo: String) {
        let language: InterfaceLanguage = reminder.language == "nl" ? .nl : .en
        let phrases = ReminderPhrases.of(language)
        let deadline = NumberStyle(language).day(reminder.deadline)
        subject = phrases.subject(reminder.kind, title)
        let situation = phrases.situation(reminder.kind, title, deadline, reminder.days)
        var paragraphs = [phrases.greeting(reminder.name), situation, "\(phrases.howTo)\n\(howTo)"]
        if reminder.cc != nil { paragraphs.append(phrases.managerInCopy) }
        paragraphs.append(phrases.footer)
        text = paragraphs.joined(separator: "\n\n") + "\n"
        var body = "<p>\(HTML.escaped(phrases.greeting(reminder.name)))</p>\n<p>\(HTML.escaped(situation))</p>\n"
        body += "<p>\(HTML.escaped(phrases.howTo))<br>\n<code>\(HTML.escaped(howTo))</code></p>\n"
        if reminder.cc != nil { body += "<p>\(HTML.escaped(phrases.managerInCopy))</p>\n" }
        body += "<p><small>\(HTML.escaped(phrases.footer))</small></p>\n"
        html = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(HTML.escaped(subject))</title></head>\n<body>\n\(body)</body></html>\n"
    }
}
