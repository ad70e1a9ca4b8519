import Foundation

/// Debian's `chromium`, headless, with the network blocked: loads a page from a file and
/// returns its DOM after the scripts ran, or takes a screenshot. Missing Chromium is an
/// error, so a browser test fails (never skips) on a machine that cannot run it.
struct Chromium {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What one headless run gave: the serialised DOM (for `--dump-dom`) and Chromium's log.
    struct Run {
        var stdout: String
        var log: String
        var status: Int32

        /// Messages the page wrote to the console (errors, CSP refusals, uncaught exceptions).
        var consoleMessages: [String] {
            log.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }
        }
    }

    let executable: String
    /// Chromium's profile, a fresh folder per test so parallel runs never share one.
    let profile: URL

    init(profile: URL) throws {
        let candidates = ["/usr/bin/chromium", "/usr/local/bin/chromium", "/usr/bin/chromium-browser"]
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Failure(description: "Chromium is not installed (make setup installs Debian's chromium); the HTML report cannot be checked")
        }
        executable = found
        self.profile = profile
    }

    /// The DOM of `page` after its scripts ran (virtual time, so no waiting on the clock), in a
    /// window `width` pixels wide when given.
    func dumpDOM(_ page: URL, fragment: String = "", width: Int? = nil) throws -> Run {
        try run((width.map { ["--window-size=\($0),800"] } ?? []) + ["--dump-dom", page.absoluteString + fragment])
    }

    /// `page` printed to `pdf` as Chromium prints (the page's own `@page` size), without the
    /// browser's header and footer.
    func printToPDF(_ page: URL, to pdf: URL) throws -> Run {
        try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    }

    /// A screenshot of `page` at `width`×`height` written to `png`.
    func screenshot(_ page: URL, to png: URL, width: Int = 1280, height: Int = 800) throws -> Run {
        try run(["--window-size=\(width),\(height)", "--screenshot=\(png.path)", page.absoluteString])
    }

    private func run(_ arguments: [String]) throws -> Run {
        let (status, outData, errData) = try Wegwijs.runTool(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=5000",
        ] + arguments, limit: 120)
        let run = Run(stdout: String(decoding: outData, as: UTF8.self), log: String(decoding: errData, as: UTF8.self),
                      status: status)
        guard run.status == 0 else {
            throw Failure(description: "chromium exited \(run.status): \(run.log.suffix(2000))")
        }
        return run
    }

    /// Width and height of a PNG file, from its IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}
