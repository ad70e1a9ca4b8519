import WegwijsCore

extension CSVStyle {
    /// The CSV of `report --format csv` in a language: English keeps the report's own column
    /// names and status words (tools read them); Dutch uses the page's headers and status words
    /// (`Personeelsnummer`, `Te laat`, `ja`/`nee`). The spreadsheet form follows the delimiter.
    public static func of(_ language: InterfaceLanguage, delimiter: Character) -> CSVStyle {
        guard language == .nl else { return .standard(delimiter: delimiter) }
        let phrases = ReportPhrases.nl
        return CSVStyle(delimiter: delimiter, spreadsheet: delimiter == ";", header: phrases.column, status: phrases.status,
                        yes: phrases.yes, no: phrases.no)
    }
}
