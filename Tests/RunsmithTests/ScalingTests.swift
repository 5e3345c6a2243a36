import Foundation
import XCTest
@testable import Runsmith

/// Hostile inputs grow the work linearly: four times the input takes at most six times as long (four
/// is linear, sixteen quadratic). Ratios, never absolute times, and the fastest of three runs of each
/// size, so that a busy machine slows both sizes alike. The sizes are what a debug build checks in
/// seconds; `make bench` (bench/pathological.py) runs the large sizes of issue 18 on a release build.
final class ScalingTests: XCTestCase {
    static let schema = ["tenants/schema.yml": "variables:\n  org: { type: string }\n",
                         "tenants/a.yml": "id: a\nname: A\nvars: { org: acme }\n"]

    /// The fastest of three checks of the site `page(n)` makes, in seconds.
    func seconds(_ files: [String: String]) throws -> Double {
        let tree = try TempTree(files)
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = tree.check()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    func assertLinear(_ what: String, _ n: Int, maxRatio: Double = 6, _ files: (Int) -> [String: String],
                      file: StaticString = #filePath, line: UInt = #line) throws {
        let small = try seconds(files(n)), large = try seconds(files(4 * n))
        XCTAssertLessThanOrEqual(large / small, maxRatio,
                                 "\(what): \(n) took \(small) s, \(4 * n) took \(large) s", file: file, line: line)
    }

    func testUnclosedHints() throws {
        try assertLinear("unclosed {% hint %}", 2_500) { n in
            ["README.md": "# T\n\n" + String(repeating: "{% hint style=\"info\" %}\n", count: n)]
        }
    }

    func testAdmonitionOpenersOnEveryLine() throws {
        try assertLinear(":::note lines", 5_000) { n in ["README.md": "# T\n\n" + String(repeating: ":::note\n", count: n)] }
    }

    func testUndeclaredVariablesOnOneLine() throws {
        try assertLinear("{{ vars.nope }} on one line", 2_500) { n in
            Self.schema.merging(["README.md": "# T\n\n" + String(repeating: "{{ vars.nope }} ", count: n) + "\n"]) { a, _ in a }
        }
    }

    func testDeclaredVariablesOnOneLine() throws {
        try assertLinear("{{ vars.org }} on one line", 5_000) { n in
            Self.schema.merging(["README.md": "# T\n\n" + String(repeating: "{{ vars.org }} ", count: n) + "\n"]) { a, _ in a }
        }
    }

    /// The substitution itself, on its own: the byte scan that replaced a quadratic `range(of:)` loop.
    func testSubstitutionOfManyReferencesIsLinear() throws {
        let context = TenantContext(tenant: Tenant(id: "a", name: "A", values: ["org": .string("acme")], path: "tenants/a.yml"),
                                    schema: TenantSchema.decode("variables:\n  org: { type: string }\n").0)
        func seconds(_ n: Int) -> Double {
            let text = String(repeating: "{{ vars.org }} {{ vars.nope }} ", count: n)
            var best = Double.infinity
            for _ in 0..<3 {
                let start = DispatchTime.now().uptimeNanoseconds
                let (out, problems) = context.substitute(text, escape: { $0 })
                XCTAssertEqual(problems.count, n)
                XCTAssertTrue(out.hasPrefix("acme ‹vars.nope› acme"))
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let small = seconds(10_000), large = seconds(40_000)
        XCTAssertLessThanOrEqual(large / small, 6, "10,000: \(small) s, 40,000: \(large) s")
    }
}
