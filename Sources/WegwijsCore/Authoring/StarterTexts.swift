/// The words of the starter course in one language: one table per language, each built with
/// the memberwise initialiser, so a text missing in one language does not compile. A new
/// language is one more table in `tables`.
public struct StarterTexts: Sendable {
    /// The course's `language`.
    public let language: String
    public let title: String
    public let introduction: String
    public let closing: String
    public let publicTitle: String
    public let publicSummary: String
    public let clientDataTitle: String
    public let clientDataSummary: String
    public let linkedInTitle: String
    public let linkedInSituation: String
    public let linkedInQuestion: String
    public let referText: String
    public let referFeedback: String
    public let generalText: String
    public let generalFeedback: String
    public let lookUpText: String
    public let lookUpFeedback: String
    public let linkedInExplanation: String
    public let screenshotTitle: String
    public let screenshotSituation: String
    public let screenshotQuestion: String
    public let reportText: String
    public let reportFeedback: String
    public let askDeleteText: String
    public let askDeleteFeedback: String
    public let forwardText: String
    public let forwardFeedback: String
    public let screenshotExplanation: String

    /// Every table; the first is used for a language no table has.
    public static let tables = [dutch, english]

    /// The table for a language code, else the first.
    public static func of(_ language: String) -> StarterTexts {
        tables.first { $0.language == language } ?? tables[0]
    }

    public static let dutch = StarterTexts(
        language: "nl",
        title: "Mijn nieuwe cursus",
        introduction: "Je krijgt twee situaties. Kies steeds wat jij zou doen.",
        closing: "Vragen over deze cursus? Vraag het je leidinggevende.",
        publicTitle: "Wat je online zet, is openbaar",
        publicSummary: "Ga ervan uit dat iedereen kan lezen wat je schrijft, ook in besloten groepen.",
        clientDataTitle: "Klantgegevens blijven binnen",
        clientDataSummary: "Deel nooit gegevens van klanten, ook niet als iemand erom vraagt.",
        linkedInTitle: "Een vraag op LinkedIn",
        linkedInSituation: "Een klant stuurt je op LinkedIn een bericht over zijn uitkering en vraagt waarom die te laat is.",
        linkedInQuestion: "Wat doe je?",
        referText: "Ik verwijs hem vriendelijk naar de officiële kanalen.",
        referFeedback: "Goed: zo blijft het gesprek waar het hoort.",
        generalText: "Ik geef een algemeen antwoord over betaaldata.",
        generalFeedback: "Niet fout, maar verwijs ook naar de officiële kanalen.",
        lookUpText: "Ik zoek zijn dossier op en antwoord via LinkedIn.",
        lookUpFeedback: "Dit mag niet: klantgegevens horen niet op LinkedIn.",
        linkedInExplanation: "Via sociale media bespreek je nooit persoonlijke zaken van klanten.",
        screenshotTitle: "Een screenshot in de groepsapp",
        screenshotSituation: "Een collega deelt een screenshot van jouw antwoord in een groepsapp met vrienden.",
        screenshotQuestion: "Wat doe je? Kies alles wat klopt.",
        reportText: "Ik meld het datalek bij mijn leidinggevende.",
        reportFeedback: "Goed: een datalek moet je altijd melden.",
        askDeleteText: "Ik vraag mijn collega het screenshot te verwijderen.",
        askDeleteFeedback: "Goed: hoe minder het rondgaat, hoe beter.",
        forwardText: "Ik stuur het door naar nog een groep om advies te vragen.",
        forwardFeedback: "Zo verspreid je de gegevens nog verder.",
        screenshotExplanation: "Een gedeeld screenshot is niet meer terug te halen; meld het en beperk de schade."
    )

    public static let english = StarterTexts(
        language: "en",
        title: "My new course",
        introduction: "You will meet two situations. Each time, choose what you would do.",
        closing: "Questions about this course? Ask your manager.",
        publicTitle: "What you post online is public",
        publicSummary: "Assume anyone can read what you write, even in closed groups.",
        clientDataTitle: "Client data stays inside",
        clientDataSummary: "Never share client data, not even when someone asks for it.",
        linkedInTitle: "A question on LinkedIn",
        linkedInSituation: "A client messages you on LinkedIn about his benefit and asks why it is late.",
        linkedInQuestion: "What do you do?",
        referText: "I kindly refer him to the official channels.",
        referFeedback: "Good: that keeps the conversation where it belongs.",
        generalText: "I give a general answer about payment dates.",
        generalFeedback: "Not wrong, but refer to the official channels as well.",
        lookUpText: "I look up his file and answer on LinkedIn.",
        lookUpFeedback: "Not allowed: client data does not belong on LinkedIn.",
        linkedInExplanation: "Never discuss a client's personal matters through social media.",
        screenshotTitle: "A screenshot in the group chat",
        screenshotSituation: "A colleague shares a screenshot of your answer in a group chat with friends.",
        screenshotQuestion: "What do you do? Choose everything that applies.",
        reportText: "I report the data leak to my manager.",
        reportFeedback: "Good: always report a data leak.",
        askDeleteText: "I ask my colleague to delete the screenshot.",
        askDeleteFeedback: "Good: the less it spreads, the better.",
        forwardText: "I forward it to another group to ask for advice.",
        forwardFeedback: "That spreads the data even further.",
        screenshotExplanation: "A shared screenshot cannot be taken back; report it and limit the damage."
    )
}
