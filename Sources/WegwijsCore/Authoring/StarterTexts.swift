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
    /// The follow-up: what happened after the general answer.
    public let replyTitle: String
    public let replySituation: String
    public let replyQuestion: String
    public let stillReferText: String
    public let stillReferFeedback: String
    public let explainText: String
    public let explainFeedback: String
    public let askNumberText: String
    public let askNumberFeedback: String
    public let replyExplanation: String
    public let screenshotTitle: String
    public let screenshotSituation: String
    public let screenshotQuestion: String
    public let askDeleteText: String
    public let askDeleteFeedback: String
    public let keepOutText: String
    public let keepOutFeedback: String
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
        introduction: "Je krijgt een paar situaties. Kies steeds wat jij zou doen; daarna lees je wat goed is en waarom.",
        closing: "Vragen over deze cursus? Vraag het je leidinggevende.",
        publicTitle: "Wat je online zet, is openbaar",
        publicSummary: "Ga ervan uit dat iedereen kan lezen wat je schrijft, ook in besloten groepen.",
        clientDataTitle: "Klantgegevens blijven binnen",
        clientDataSummary: "Deel nooit gegevens van klanten, ook niet als iemand erom vraagt.",
        linkedInTitle: "Een vraag op LinkedIn",
        linkedInSituation: "Een klant reageert onder een bericht van jou op LinkedIn. Hij vraagt waarom zijn uitkering te laat is.",
        linkedInQuestion: "Wat doe je?",
        referText: "Je antwoordt vriendelijk dat hij via de officiële kanalen snel antwoord krijgt.",
        referFeedback: "Zo blijft zijn vraag waar ze hoort, en zijn gegevens ook.",
        generalText: "Je legt onder het bericht uit wanneer uitkeringen meestal worden betaald.",
        generalFeedback: "Niet fout, maar zo begint een gesprek over zijn zaak in het openbaar.",
        lookUpText: "Je zoekt zijn dossier op en schrijft eronder wat erin staat.",
        lookUpFeedback: "Zo zet je klantgegevens op LinkedIn, voor iedereen zichtbaar.",
        linkedInExplanation: "Persoonlijke zaken van klanten bespreek je nooit via sociale media; de officiële kanalen helpen hem verder.",
        replyTitle: "Hij reageert",
        replySituation: "Hij bedankt je onder het bericht en vraagt meteen verder: 'Maar waarom krijg ík het dan niet? Mijn burgerservicenummer is …'",
        replyQuestion: "Wat doe je nu?",
        stillReferText: "Je schrijft dat je zijn persoonlijke situatie niet online bespreekt en verwijst hem naar de officiële kanalen.",
        stillReferFeedback: "Zo stop je het gesprek op tijd, vriendelijk en duidelijk.",
        explainText: "Je legt uit welke redenen er kunnen zijn dat een betaling later komt.",
        explainFeedback: "Goed bedoeld, maar zo gaat het gesprek over zijn zaak in het openbaar verder.",
        askNumberText: "Je vraagt hem zijn burgerservicenummer in een bericht te sturen, zodat je kunt kijken.",
        askNumberFeedback: "Zo haal je klantgegevens via sociale media binnen: dat is een ernstige overtreding.",
        replyExplanation: "Wie eenmaal online antwoordt, krijgt vaak een vervolgvraag. Verwijs dan alsnog door.",
        screenshotTitle: "Een screenshot in de groepsapp",
        screenshotSituation: "Een collega deelt een screenshot van een klantgesprek in een groepsapp met vrienden. De naam van de klant staat erop.",
        screenshotQuestion: "Wat doe je? Kies alles wat klopt.",
        askDeleteText: "Je vraagt je collega het screenshot uit de groep te verwijderen.",
        askDeleteFeedback: "Hoe minder het rondgaat, hoe beter.",
        keepOutText: "Je stuurt het screenshot nergens heen, ook niet om te laten zien hoe het niet moet.",
        keepOutFeedback: "Zo verspreid jij de gegevens in elk geval niet verder.",
        forwardText: "Je stuurt het door naar een andere groep om te vragen wat je moet doen.",
        forwardFeedback: "Zo komt de naam van de klant bij nog meer mensen.",
        screenshotExplanation: "Een gedeeld screenshot is niet meer terug te halen. Beperk de schade en verspreid het niet verder."
    )

    public static let english = StarterTexts(
        language: "en",
        title: "My new course",
        introduction: "You will meet a few situations. Each time, choose what you would do; then you'll see what is right and why.",
        closing: "Questions about this course? Ask your manager.",
        publicTitle: "What you post online is public",
        publicSummary: "Assume anyone can read what you write, even in closed groups.",
        clientDataTitle: "Client data stays inside",
        clientDataSummary: "Never share client data, not even when someone asks for it.",
        linkedInTitle: "A question on LinkedIn",
        linkedInSituation: "A client comments under one of your posts on LinkedIn. He asks why his benefit is late.",
        linkedInQuestion: "What do you do?",
        referText: "You reply kindly that the official channels will answer him quickly.",
        referFeedback: "That keeps his question where it belongs, and his data too.",
        generalText: "You explain under the post when benefits are usually paid.",
        generalFeedback: "Not wrong, but it starts a public conversation about his case.",
        lookUpText: "You look up his file and write under the post what it says.",
        lookUpFeedback: "That puts client data on LinkedIn, for everyone to see.",
        linkedInExplanation: "Never discuss a client's personal matters through social media; the official channels will help him.",
        replyTitle: "He replies",
        replySituation: "He thanks you under the post and asks straight away: 'But why don't I get mine? My citizen service number is …'",
        replyQuestion: "What do you do now?",
        stillReferText: "You write that you do not discuss his personal situation online and refer him to the official channels.",
        stillReferFeedback: "That ends the conversation in time, kindly and clearly.",
        explainText: "You explain the reasons why a payment can come later.",
        explainFeedback: "Well meant, but the conversation about his case goes on in public.",
        askNumberText: "You ask him to send you his citizen service number in a message, so you can check.",
        askNumberFeedback: "That collects client data through social media: a serious breach.",
        replyExplanation: "Once you answer online, a follow-up question often comes. Refer him on even then.",
        screenshotTitle: "A screenshot in the group chat",
        screenshotSituation: "A colleague shares a screenshot of a client conversation in a group chat with friends. The client's name is on it.",
        screenshotQuestion: "What do you do? Choose everything that applies.",
        askDeleteText: "You ask your colleague to remove the screenshot from the group.",
        askDeleteFeedback: "The less it spreads, the better.",
        keepOutText: "You send the screenshot nowhere, not even to show how not to do it.",
        keepOutFeedback: "That way you at least do not spread the data further.",
        forwardText: "You forward it to another group to ask what you should do.",
        forwardFeedback: "That brings the client's name to even more people.",
        screenshotExplanation: "A shared screenshot cannot be taken back. Limit the damage and do not spread it further."
    )
}
