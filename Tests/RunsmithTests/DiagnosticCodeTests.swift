import Foundation
import XCTest
@testable import Runsmith

final class DiagnosticCodeTests: XCTestCase {
    /// Every code written in the sources is listed in `DiagnosticCode.all`, and nothing listed is unused.
    func testTheCodeListMatchesTheSources() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources/Runsmith")
        var text = ""
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" && url.lastPathComponent != "DiagnosticCode.swift" {
            text += try String(contentsOf: url, encoding: .utf8)
        }
        let patterns = [
            #"(?:\.error|\.warning|fail|Diagnostic)\(\s*(?:\.[a-z]+,\s*)?"([a-z0-9]+(?:-[a-z0-9]+)+)""#,
            #"code: "([a-z0-9]+(?:-[a-z0-9]+)+)""#,
            #"return "([a-z0-9]+(?:-[a-z0-9]+)+)""#,
            #"report\(\.[a-z]+, "([a-z0-9]+(?:-[a-z0-9]+)+)""#,
        ]
        var used: Set<String> = []
        for pattern in patterns {
            let regex = try NSRegularExpression(pattern: pattern)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        XCTAssertEqual(used.subtracting(DiagnosticCode.all.keys).sorted(), [], "codes missing from DiagnosticCode.all")
        XCTAssertEqual(Set(DiagnosticCode.all.keys).subtracting(used).sorted(), [], "codes listed but never emitted")
    }

    func testSeverityRejectsUnknownCodes() {
        XCTAssertEqual(lines(SiteConfig.decode("severity:\n  missing-anchr: warning\n").1),
                       ["runsmith.yml:2:3: error: severity: unknown diagnostic code 'missing-anchr'"])
    }
}
