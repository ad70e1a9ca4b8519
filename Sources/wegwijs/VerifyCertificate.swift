import ArgumentParser
import Foundation
import WegwijsConsole
import WegwijsCore

/// `verify` for certificates: `verify CERTIFICATE_FILE…` and `verify --code CODE`.
extension Verify {
    /// Whether a file is a certificate page rather than a record (its head names a code).
    static func isCertificate(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 2048)) ?? Data(), as: UTF8.self)
        return head.hasPrefix("<!DOCTYPE html>") && head.contains("<meta name=\"wegwijs-certificate-code\"")
    }

    /// Checks each certificate (or the code) against the records folder: the record the code
    /// names must be a sound pass, and the page made from it must be the file, byte for byte.
    func verifyCertificates(files: [String]) throws {
        let issuer = CertificateIssuer(courses: try course.map { try loadCourse($0, catalog: bundledCourses()) },
                                       fallback: loadBundledCourses(bundledCourses()),
                                       signer: try SigningKey.configured(), now: Int64(Date().timeIntervalSince1970))
        let search = CertificateSearch(issuer: issuer, records: recordsFolder(records))
        if let code {
            guard let normalised = CertificateCode.normalised(code) else {
                printError("'\(TextLayout.inline(code, limit: 40))' is not a verification code (S- or H- and 16 characters)")
                throw Exit.usage
            }
            let certificate = try CertificateCommand.find(search) { (search) throws(CertificateSearch.Failure) in try search.record(withCode: normalised) }
            printOutput("\(normalised): matches a sound pass: \(Self.summary(certificate))")
            return
        }
        var failures = 0
        var unreadable = false
        for file in files {
            let text: String
            do {
                text = String(decoding: try RecordFiles.contents(of: file, namedByUser: true), as: UTF8.self)
            } catch {
                printError(TextLayout.inline(error.description, limit: 400))
                unreadable = true
                continue
            }
            guard let found = CertificateCode.find(inPage: text) else {
                printError("\(file): no verification code in the page; not a certificate")
                failures += 1
                continue
            }
            let certificate: Certificate
            do {
                certificate = try search.record(withCode: found)
            } catch {
                printError(TextLayout.inline("\(file): does not match: \(error.description)", limit: 800))
                if case .unreadable = error { unreadable = true } else { failures += 1 }
                continue
            }
            guard CertificatePage().render(certificate) == text else {
                printError(TextLayout.inline("\(file): does not match: the page differs from the certificate of \(certificate.recordPath) (edited by hand?)", limit: 800))
                failures += 1
                continue
            }
            printOutput(TextLayout.inline("\(file): matches a sound pass: \(Self.summary(certificate))", limit: 800))
        }
        if unreadable { throw Exit.ioError }
        if failures > 0 { throw Exit.invalidData }
    }

    static func summary(_ certificate: Certificate) -> String {
        "learner \(certificate.learnerID), course \(certificate.courseID) version \(certificate.courseVersion), passed \(certificate.passedOn), record \(certificate.recordPath)"
    }
}
