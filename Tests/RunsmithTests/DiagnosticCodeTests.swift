import Foundation
import XCTest
@testable import Runsmith

final class DiagnosticCodeTests: XCTestCase {
    /// Every code is reported somewhere in the sources: `DiagnosticCode` lists nothing that cannot happen.
    func testEveryCodeIsReportedSomewhere() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources/Runsmith")
        var text = ""
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let unused = DiagnosticCode.allCases.filter { code in
            let words = code.rawValue.split(separator: "-")
            let name = words[0] + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            return text.range(of: #"\.\#(name)\b"#, options: .regularExpression) == nil
        }
        XCTAssertEqual(unused.map(\.rawValue), [], "codes listed but never reported")
    }

    /// docs/diagnostics.md has one row per code, in the section its `documentation` link names, with its severity.
    func testEveryCodeIsDocumentedWhereItsLinkPoints() throws {
        let docs = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var section = "", inCodes = false, rows: [String: (section: String, severity: String)] = [:]
        for line in docs.split(separator: "\n") {
            if line.hasPrefix("## ") { inCodes = line == "## Codes" }
            if line.hasPrefix("### ") {
                // GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens.
                section = String(line.dropFirst(4)).lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
                    .replacingOccurrences(of: " ", with: "-")
            }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard inCodes, line.hasPrefix("| `"), cells.count >= 2, cells[0].hasPrefix("`") else { continue }
            rows[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = (section, cells[1])
        }
        for code in DiagnosticCode.allCases {
            guard let row = rows[code.rawValue] else { XCTFail("\(code.rawValue) has no row in docs/diagnostics.md"); continue }
            XCTAssertEqual("docs/diagnostics.md#" + row.section, code.documentation, code.rawValue)
            XCTAssertTrue(row.severity.hasPrefix(code.severity.rawValue), "\(code.rawValue): documented as \(row.severity)")
        }
        XCTAssertEqual(Set(rows.keys).subtracting(DiagnosticCode.allCases.map(\.rawValue)).sorted(), [], "rows for codes that do not exist")
    }

    func testSeverityRejectsUnknownCodes() {
        XCTAssertEqual(lines(SiteConfig.decode("severity:\n  missing-anchr: warning\n").1),
                       ["runsmith.yml:2:3: error: severity: unknown diagnostic code 'missing-anchr'"])
        XCTAssertEqual(SiteConfig.decode("severity:\n  missing-anchor: warning\n").0.severity[.missingAnchor], .some(.warning))
    }
}
