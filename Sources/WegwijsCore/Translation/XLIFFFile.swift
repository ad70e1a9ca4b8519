import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XLIFF 1.2 files: one `<file>` with the course's language as `source-language`, one
/// `<trans-unit>` per text, its `id` the key, `<source>` the text at export and `<target>` the
/// translation (left out when there is none yet).
public enum XLIFFFile {
    static let namespace = "urn:oasis:names:tc:xliff:document:1.2"

    public static func write(_ units: [TranslationUnit], course: String, source: String, target: String) -> String {
        var output = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Translation of a course, written by wegwijs translate export. Keep each trans-unit id and source as they are; write the translation in target. -->
        <xliff version="1.2" xmlns="\(namespace)">
          <file original="\(attribute(course))" source-language="\(attribute(source))" target-language="\(attribute(target))" datatype="plaintext">
            <body>

        """
        for unit in units {
            output += "      <trans-unit id=\"\(attribute(unit.key))\" resname=\"\(attribute(unit.key))\" xml:space=\"preserve\">\n"
            output += "        <source>\(content(unit.source))</source>\n"
            if let text = unit.target, !text.isEmpty {
                output += "        <target state=\"translated\">\(content(text))</target>\n"
            }
            output += "      </trans-unit>\n"
        }
        return output + "    </body>\n  </file>\n</xliff>\n"
    }

    /// The first unit whose source or translation holds a character XML 1.0 cannot carry at all
    /// (a control character other than tab and line breaks, U+FFFE, U+FFFF): such a text can be
    /// exported as PO only.
    public static func unwritable(_ units: [TranslationUnit]) -> TranslationUnit? {
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : ["\t", "\n", "\r"].contains(scalar)
        }
        return units.first { unit in
            !unit.source.unicodeScalars.allSatisfy(allowed) || !(unit.target ?? "").unicodeScalars.allSatisfy(allowed)
        }
    }

    /// Text as element content: `&`, `<`, `>` escaped, and a carriage return as a character
    /// reference (a parser would turn a literal one into a newline).
    static func content(_ text: String) -> String {
        var result = ""
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\r": result += "&#13;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// Text as an attribute value in double quotes; tabs and line breaks as references, since a
    /// parser would turn literal ones into spaces.
    static func attribute(_ text: String) -> String {
        var result = ""
        for character in content(text).unicodeScalars {
            switch character {
            case "\"": result += "&quot;"
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// The languages and entries of an XLIFF 1.2 file. A document type declaration is refused
    /// before parsing: XLIFF needs none, and entities it declares could expand without bound or
    /// reach outside the file.
    public static func read(_ text: String) throws(TranslationFileError) -> TranslationDocument {
        if let range = text.range(of: "<!DOCTYPE") ?? text.range(of: "<!ENTITY") {
            throw TranslationFileError(line: line(of: range.lowerBound, in: text),
                                       message: "the file declares a document type or entities (<!DOCTYPE …>); an XLIFF file needs none, and wegwijs reads none: remove it")
        }
        let reader = XLIFFReader()
        let parser = XMLParser(data: Data(text.utf8))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = true
        parser.delegate = reader
        let parsed = parser.parse()
        if let problem = reader.problem { throw problem }
        guard parsed else {
            throw TranslationFileError(line: max(reader.errorLine ?? reader.lastLine, 1), message: description(of: parser.parserError))
        }
        // The parser on Linux can end a truncated file without an error: count the open elements.
        guard reader.open == 0 else {
            let last = text.lastIndex { !$0.isWhitespace } ?? text.startIndex
            throw TranslationFileError(line: line(of: last, in: text), message: "the file ends before every element is closed")
        }
        guard reader.sawXLIFF else {
            throw TranslationFileError(line: 1, message: "this is XML but not XLIFF 1.2 (no <xliff> element in namespace \(namespace))")
        }
        return TranslationDocument(sourceLanguage: reader.sourceLanguage, targetLanguage: reader.targetLanguage, entries: reader.entries)
    }

    static func line(of index: String.Index, in text: String) -> Int {
        text[..<index].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    /// The parser's complaint in words, for the mistakes a hand edit makes most. The codes are
    /// libxml2's (`xmlParserErrors`), which the parser passes on.
    static func description(of error: Error?) -> String {
        let code = (error as NSError?)?.code ?? 0
        switch code {
        case 73, 74, 76, 77, 85:
            return "an element is closed with another name than it was opened with, or not closed: the XML is not well-formed"
        case 4, 5:
            return "the file ends before every element is closed"
        case 14, 22, 23, 26, 27, 68:
            return "an unknown entity or a lone '&': write & as &amp;, < as &lt;"
        case 38:
            return "a '<' inside an attribute: write it as &lt;"
        case 39, 40, 41, 42, 65:
            return "an attribute is not written name=\"value\", or appears twice"
        case 9:
            return "a character that XML does not allow (a control character)"
        default:
            return "the file is not well-formed XML (parser error \(code))"
        }
    }
}

/// Collects the trans-units of an XLIFF 1.2 document as the parser reports them.
final class XLIFFReader: NSObject, XMLParserDelegate {
    var entries: [TranslationEntry] = []
    var sourceLanguage: String?
    var targetLanguage: String?
    var sawXLIFF = false
    var problem: TranslationFileError?
    /// Elements opened and not yet closed.
    var open = 0
    /// The line of the last element the parser reported: a parse error is on it or just after.
    /// (Text is reported late, so its line is not used.)
    var lastLine = 1
    /// `lastLine` when the parser first reported an error (it may go on reporting elements).
    var errorLine: Int?

    private var unit: (key: String, line: Int)?
    private var source: String?
    private var target: String?
    /// The element whose text is being collected (`source` or `target`) and how deep inside it
    /// the parser is (inline elements such as `<mrk>` keep their text).
    private var collecting: (name: String, depth: Int)?
    private var text = ""

    private func fail(_ parser: XMLParser, _ message: String) {
        guard problem == nil else { return }
        problem = TranslationFileError(line: max(parser.lineNumber, 1), message: message)
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        open += 1
        lastLine = parser.lineNumber
        if var current = collecting {
            current.depth += 1
            collecting = current
            return
        }
        guard namespaceURI == XLIFFFile.namespace else { return }
        switch name {
        case "xliff":
            guard attributes["version"] == "1.2" else {
                return fail(parser, "the <xliff> element has version '\(attributes["version"] ?? "")'; wegwijs reads XLIFF 1.2")
            }
            sawXLIFF = true
        case "file":
            let source = attributes["source-language"], target = attributes["target-language"]
            if sourceLanguage == nil && targetLanguage == nil {
                sourceLanguage = source
                targetLanguage = target
            } else if source != sourceLanguage || target != targetLanguage {
                fail(parser, "a second <file> names other languages than the first")
            }
        case "trans-unit":
            guard let key = attributes["id"] else { return fail(parser, "a <trans-unit> has no id (the key of the text)") }
            unit = (key, parser.lineNumber)
            source = nil
            target = nil
        case "source", "target":
            guard unit != nil else { return }
            collecting = (name, 0)
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open -= 1
        lastLine = parser.lineNumber
        if let current = collecting {
            guard current.depth == 0 else {
                collecting = (current.name, current.depth - 1)
                return
            }
            if current.name == "source" { source = text } else { target = text }
            collecting = nil
            return
        }
        guard namespaceURI == XLIFFFile.namespace, name == "trans-unit", let unit else { return }
        guard let source else { return fail(parser, "the <trans-unit> '\(unit.key)' has no <source>") }
        entries.append(TranslationEntry(key: unit.key, source: source, target: target ?? "", line: unit.line))
        self.unit = nil
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting != nil { text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if errorLine == nil { errorLine = lastLine }
    }

    func parser(_ parser: XMLParser, foundCDATA block: Data) {
        if collecting != nil { text += String(decoding: block, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        fail(parser, "the file declares the entity '\(name)'; an XLIFF file needs none: remove it")
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        fail(parser, "the file declares the external entity '\(name)'; wegwijs never reads one: remove it")
    }
}
