import WegwijsCore

/// The certificate page's words and the end screen's words about it, in Dutch and English.
/// One stored property per phrase, built with the memberwise initialiser, so a phrase missing
/// in one language does not compile.
public struct CertificatePhrases: Sendable {
    public let language: InterfaceLanguage
    public let title: String
    public let intro: String
    public let passedCourse: String
    public let name: String
    public let employeeNumber: String
    public let course: String
    public let version: String
    public let passedOn: String
    public let validUntil: String
    public let noExpiry: String
    public let acknowledgement: String
    public let acknowledgedOn: @Sendable (String) -> String
    public let notAcknowledged: String
    public let code: String
    public let howToVerify: @Sendable (String) -> String
    public let months: [String]
    /// The end screen after a pass: how to get the certificate (learner id, course id, code).
    public let endScreen: @Sendable (String, String, String) -> String

    public static func of(_ language: InterfaceLanguage) -> CertificatePhrases {
        switch language {
        case .nl: nl
        case .en: en
        }
    }

    /// A day written out: `2 december 2026`, `2 December 2026`.
    public func long(_ day: CalendarDay) -> String {
        let (year, month, dayOfMonth) = day.civil
        return "\(dayOfMonth) \(months[(month - 1) % 12]) \(year)"
    }

    public static let nl = CertificatePhrases(
        language: .nl,
        title: "Certificaat",
        intro: "Hierbij wordt verklaard dat",
        passedCourse: "met goed gevolg de cursus heeft afgerond",
        name: "Naam",
        employeeNumber: "Personeelsnummer",
        course: "Cursus",
        version: "versie",
        passedOn: "Geslaagd op",
        validUntil: "Geldig tot en met",
        noExpiry: "onbeperkt",
        acknowledgement: "Verklaring",
        acknowledgedOn: { "Bevestigd op \($0)." },
        notAcknowledged: "Niet bevestigd.",
        code: "Verificatiecode",
        howToVerify: { "Controleer dit certificaat bij HR met: wegwijs verify --code \($0)" },
        months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        endScreen: { learner, course, code in
            "Je certificaat: HR (of je leidinggevende) maakt het met 'wegwijs certificate --learner \(learner) --course \(course)'. Verificatiecode: \(code)."
        })

    public static let en = CertificatePhrases(
        language: .en,
        title: "Certificate",
        intro: "This is to certify that",
        passedCourse: "has passed the course",
        name: "Name",
        employeeNumber: "Employee number",
        course: "Course",
        version: "version",
        passedOn: "Passed on",
        validUntil: "Valid until",
        noExpiry: "no end date",
        acknowledgement: "Acknowledgement",
        acknowledgedOn: { "Confirmed on \($0)." },
        notAcknowledged: "Not confirmed.",
        code: "Verification code",
        howToVerify: { "HR checks this certificate with: wegwijs verify --code \($0)" },
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        endScreen: { learner, course, code in
            "Your certificate: HR (or your manager) makes it with 'wegwijs certificate --learner \(learner) --course \(course)'. Verification code: \(code)."
        })
}
