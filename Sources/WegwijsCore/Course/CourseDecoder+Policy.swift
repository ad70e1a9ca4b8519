/// The policy a course teaches, carried with it (`"policy"`): what the learner can read at any
/// question by typing `beleid` / `policy`, and what the acknowledgement names.
public struct CoursePolicy: Sendable, Hashable {
    /// The policy's own title ("Sociale media: zo doen we dat bij UWV").
    public var title: LocalizedText
    /// Its version or date, as the organisation numbers it ("2024-03", "versie 3").
    public var version: String
    /// Where the organisation publishes the full document (an intranet address, a place).
    public var published: LocalizedText?
    /// What the policy asks, written for the course in its languages: never the policy's own
    /// paragraphs. The guidelines' summaries are shown with it.
    public var summary: LocalizedText

    public init(title: LocalizedText, version: String, published: LocalizedText? = nil, summary: LocalizedText) {
        self.title = title
        self.version = version
        self.published = published
        self.summary = summary
    }
}

extension CourseDecoder {
    static let policyKeys: Set = ["title", "version", "published", "summary"]

    /// Decodes `"policy": {"title": …, "version": "2024", "published": …, "summary": …}`,
    /// reporting each problem at its pointer; nil when the field is absent or broken.
    mutating func decodePolicy(_ node: JSONNode?) -> CoursePolicy? {
        guard let node else { return nil }
        guard let fields = object(node, at: "/policy", keys: Self.policyKeys) else { return nil }
        let title = localized(fields, "title", at: "/policy", required: true)
        let version = string(fields, "version", at: "/policy", required: true)
        // A plain string (an address) is the same in every language, like a scenario's channel.
        let published = fields["published"]?.string.map { place in
            LocalizedText(Dictionary(languages.map { ($0, place) }, uniquingKeysWith: { first, _ in first }))
        } ?? localized(fields, "published", at: "/policy")
        let summary = localized(fields, "summary", at: "/policy", required: true)
        guard let title, let version, let summary else { return nil }
        return CoursePolicy(title: title, version: version, published: published, summary: summary)
    }
}
