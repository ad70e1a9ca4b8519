import Foundation
import Testing
import WegwijsConsole
import WegwijsCore

/// The pages' colours against WCAG 2.1 AA: text 4.5:1 on its background, the chart's status
/// fills 3:1 against the white page (non-text contrast).
@Suite("HTML page colours pass WCAG AA")
struct PageColourTests {
    /// Relative luminance of `#rrggbb`.
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test("every text colour in the style sheet reads at 4.5:1 on white, on the heading grey and on the flag's tint")
    func textColours() {
        let colours = Set(StatsPage.style.matches(of: /[\s{;]color: (#[0-9a-f]{6})/).map { String($0.output.1) })
        #expect(colours.count >= 8)
        for colour in colours {
            for background in ["#ffffff", "#e8e8e8", "#fff4f4"] {
                #expect(Self.contrast(colour, background) >= 4.5, "\(colour) on \(background): \(Self.contrast(colour, background))")
            }
        }
    }

    @Test("every status fill stands out 3:1 from the white page, and the counts on it sit on white labels", arguments: ReportStatus.allCases)
    func fills(status: ReportStatus) {
        let fill = HTML.statusFill(status).colour
        #expect(Self.contrast(fill, "#ffffff") >= 3, "\(status) \(fill)")
    }
}
