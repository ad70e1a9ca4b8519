/// JSON syntax problems (`JSONParser`), in a trainer's words, with the fix in them.
enum SyntaxMessages {
    // MARK: The file as a whole

    static let notUTF8 = LocalizedMessage(
        en: "the file is not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)",
        nl: "het bestand is geen UTF-8: sla het bestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)")

    static let emptyFile = LocalizedMessage(en: "the file is empty", nl: "het bestand is leeg")

    static let onlyWhiteSpace = LocalizedMessage(
        en: "the file holds only white space",
        nl: "het bestand bevat alleen spaties en lege regels")

    /// `unexpected` names what was found: `unexpectedEnd` or `unexpectedCharacter(…)`.
    static func afterDocument(_ unexpected: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "\(unexpected.en) after the end of the JSON document",
                         nl: "\(unexpected.nl) na het einde van het JSON-document")
    }

    static func tooDeep(_ levels: Int) -> LocalizedMessage {
        LocalizedMessage(en: "arrays and objects are nested more than \(levels) levels deep",
                         nl: "lijsten en blokken zitten meer dan \(levels) niveaus diep in elkaar")
    }

    // MARK: What was found where something else was expected

    /// What was found, then what was expected (`unexpectedEnd`, `unexpectedCharacter(…)`).
    static func unexpected(_ found: LocalizedMessage, _ expectation: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "\(found.en): \(expectation.en)", nl: "\(found.nl): \(expectation.nl)")
    }

    static let unexpectedEnd = LocalizedMessage(en: "unexpected end of file", nl: "onverwacht einde van het bestand")

    /// A printable character, `'x'`; or one shown by its code, `'é' (U+00E9)` or `(U+00A0)`.
    static func unexpectedCharacter(_ shown: String) -> LocalizedMessage {
        LocalizedMessage(en: "unexpected character \(shown)", nl: "onverwacht teken \(shown)")
    }

    /// `hex`: the byte in hexadecimal, as `E9`.
    static func unexpectedByte(_ hex: String) -> LocalizedMessage {
        LocalizedMessage(en: "unexpected byte 0x\(hex)", nl: "onverwachte byte 0x\(hex)")
    }

    /// "line 3, column 5".
    static func place(line: Int, column: Int) -> LocalizedMessage {
        LocalizedMessage(en: "line \(line), column \(column)", nl: "regel \(line), kolom \(column)")
    }

    // MARK: Values

    static let expectedValue = LocalizedMessage(en: "expected a value", nl: "hier hoort een waarde")

    static let expectedAnyValue = LocalizedMessage(
        en: "expected a value (object, array, string, number, true, false or null)",
        nl: "hier hoort een waarde (een blok tussen { en }, een lijst, een tekst, een getal, true, false of null)")

    static let textNeedsQuotes = LocalizedMessage(
        en: "a text must stand between straight double quotes \"…\"",
        nl: "een tekst moet tussen rechte dubbele aanhalingstekens \"…\" staan")

    static func expectedLiteral(_ literal: String) -> LocalizedMessage {
        LocalizedMessage(en: "expected '\(literal)'", nl: "hier hoort '\(literal)'")
    }

    static func expectedValueMeaning(_ literal: String) -> LocalizedMessage {
        LocalizedMessage(en: "expected a value (did you mean '\(literal)'?)", nl: "hier hoort een waarde (bedoel je '\(literal)'?)")
    }

    static let expectedDigit = LocalizedMessage(en: "expected a digit", nl: "hier hoort een cijfer")

    static let leadingZero = LocalizedMessage(en: "numbers do not start with 0", nl: "een getal begint niet met 0")

    static let expectedDigitAfterPoint = LocalizedMessage(en: "expected a digit after '.'", nl: "na '.' hoort een cijfer")

    static let expectedDigitInExponent = LocalizedMessage(
        en: "expected a digit in the exponent",
        nl: "hier hoort een cijfer in de exponent")

    // MARK: Objects and keys

    static let expectedKey = LocalizedMessage(
        en: "expected a key in double quotes",
        nl: "hier hoort de naam van een veld tussen dubbele aanhalingstekens")

    static func duplicateKey(_ key: String) -> LocalizedMessage {
        LocalizedMessage(en: "duplicate key \"\(key)\" in the same object",
                         nl: "het veld \"\(key)\" komt twee keer voor in hetzelfde blok")
    }

    static func missingColon(after key: String) -> LocalizedMessage {
        LocalizedMessage(en: "a colon : is missing after the key \"\(key)\"",
                         nl: "er ontbreekt een dubbele punt : na het veld \"\(key)\"")
    }

    static func expectedColon(after key: String) -> LocalizedMessage {
        LocalizedMessage(en: "expected ':' after the key \"\(key)\"", nl: "na het veld \"\(key)\" hoort een ':'")
    }

    static func expectedCommaOrBrace(after key: String) -> LocalizedMessage {
        LocalizedMessage(en: "expected a comma or } after the value of \"\(key)\"",
                         nl: "na de waarde van \"\(key)\" hoort een komma of }")
    }

    static func missingComma(afterValueOf key: String) -> LocalizedMessage {
        LocalizedMessage(en: "a comma is missing after the value of \"\(key)\"",
                         nl: "er ontbreekt een komma na de waarde van \"\(key)\"")
    }

    /// `start`: the object's place, `place(line:column:)`.
    static func objectNotClosed(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a } is missing to close the object that starts at \(start.en)",
                         nl: "er ontbreekt een } om het blok te sluiten dat begint op \(start.nl)")
    }

    static func objectNotClosedBeforeComma(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a } is missing before this comma: the object that starts at \(start.en) is not closed",
                         nl: "er ontbreekt een } voor deze komma: het blok dat begint op \(start.nl) wordt niet gesloten")
    }

    static func objectNotClosedBeforeBracket(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a } is missing: the object that starts at \(start.en) is not closed before this ]",
                         nl: "er ontbreekt een }: het blok dat begint op \(start.nl) wordt niet gesloten voor deze ]")
    }

    static let trailingCommaInObject = LocalizedMessage(
        en: "a trailing comma: nothing follows this comma before the }; remove it",
        nl: "een komma te veel: na deze komma komt niets meer voor de }; haal hem weg")

    // MARK: Lists

    static func listNotClosed(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a ] is missing to close the list that starts at \(start.en)",
                         nl: "er ontbreekt een ] om de lijst te sluiten die begint op \(start.nl)")
    }

    static func listNotClosedBeforeNextKey(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a ] is missing: the list that starts at \(start.en) is not closed before the key that follows",
                         nl: "er ontbreekt een ]: de lijst die begint op \(start.nl) wordt niet gesloten voor het veld dat volgt")
    }

    static func listNotClosedBeforeKey(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a ] is missing: the list that starts at \(start.en) is not closed before this key",
                         nl: "er ontbreekt een ]: de lijst die begint op \(start.nl) wordt niet gesloten voor dit veld")
    }

    static func listNotClosedBeforeBrace(_ start: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a ] is missing: the list that starts at \(start.en) is not closed before this }",
                         nl: "er ontbreekt een ]: de lijst die begint op \(start.nl) wordt niet gesloten voor deze }")
    }

    static let missingCommaInList = LocalizedMessage(
        en: "a comma is missing between two items of the list",
        nl: "er ontbreekt een komma tussen twee onderdelen van de lijst")

    static let expectedCommaOrBracket = LocalizedMessage(
        en: "expected a comma or ] after a list item",
        nl: "na een onderdeel van de lijst hoort een komma of ]")

    static let trailingCommaInList = LocalizedMessage(
        en: "a trailing comma: nothing follows this comma before the ]; remove it",
        nl: "een komma te veel: na deze komma komt niets meer voor de ]; haal hem weg")

    static func missingComma(atEndOfLine line: Int) -> LocalizedMessage {
        LocalizedMessage(en: "a comma is missing at the end of line \(line)",
                         nl: "er ontbreekt een komma aan het eind van regel \(line)")
    }

    // MARK: Texts and quotes

    static let tabInText = LocalizedMessage(
        en: "a tab inside a text: write it as \\t or use spaces",
        nl: "een tab in een tekst: schrijf hem als \\t of gebruik spaties")

    static let lineBreakInText = LocalizedMessage(
        en: "a line break inside a text: end the text with \" on the same line, or write the line break as \\n",
        nl: "een nieuwe regel in een tekst: sluit de tekst af met \" op dezelfde regel, of schrijf de nieuwe regel als \\n")

    /// `code`: four or more hexadecimal digits, as `0007`.
    static func controlCharacter(_ code: String) -> LocalizedMessage {
        LocalizedMessage(en: "an invisible control character (U+\(code)) inside a text: delete it",
                         nl: "een onzichtbaar stuurteken (U+\(code)) in een tekst: haal het weg")
    }

    static let unterminatedText = LocalizedMessage(
        en: "this text has no closing \" (the file ends inside it)",
        nl: "deze tekst heeft geen afsluitende \" (het bestand houdt midden in de tekst op)")

    static let quoteInText = LocalizedMessage(
        en: "a quote inside a text must be written \\\" (or use ‘ ’)",
        nl: "een aanhalingsteken in een tekst schrijf je als \\\" (of gebruik ‘ ’)")

    static func curlyQuote(_ quote: String) -> LocalizedMessage {
        LocalizedMessage(en: "a curly quote \(quote) where a straight quote \" is needed",
                         nl: "een krullend aanhalingsteken \(quote) waar een recht aanhalingsteken \" hoort")
    }

    static let singleQuote = LocalizedMessage(
        en: "a single quote ' where a straight double quote \" is needed",
        nl: "een enkel aanhalingsteken ' waar een recht dubbel aanhalingsteken \" hoort")

    /// `escape`: what follows the backslash (`escapeShown`), or `thisEscape`.
    static func badEscape(_ escape: LocalizedMessage) -> LocalizedMessage {
        LocalizedMessage(en: "a backslash \\ in a text must be written \\\\ (\(escape.en) is not an escape)",
                         nl: "een backslash \\ in een tekst schrijf je als \\\\ (\(escape.nl) is geen geldige code)")
    }

    static let thisEscape = LocalizedMessage(en: "this", nl: "dit")

    static let expectedHexDigits = LocalizedMessage(
        en: "expected four hex digits after \\u",
        nl: "na \\u horen vier hexadecimale cijfers")

    // MARK: Kinds of value

    /// A short name of the kind of value ("expected a string, found an array").
    static func kind(of value: JSONValue) -> LocalizedMessage {
        switch value {
        case .null: .verbatim("null")
        case .bool: LocalizedMessage(en: "a boolean", nl: "true of false")
        case .number: LocalizedMessage(en: "a number", nl: "een getal")
        case .string: LocalizedMessage(en: "a string", nl: "een tekst")
        case .array: LocalizedMessage(en: "an array", nl: "een lijst")
        case .object: LocalizedMessage(en: "an object", nl: "een blok tussen { en }")
        }
    }
}
