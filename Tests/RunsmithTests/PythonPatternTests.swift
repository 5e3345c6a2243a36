import Foundation
import XCTest
@testable import Runsmith

/// Python's `re` patterns, rewritten for PCRE2 (`PythonPattern`) and compiled (`CompiledPattern`), match
/// what Python matches: each pattern is tried at each offset of its subjects here and in `python3`, and
/// the two matches' ends are compared.
final class PythonPatternTests: XCTestCase {
    func testTheSpellingsThatDifferAreRewritten() {
        XCTAssertEqual(PythonPattern.pcre2(#"a\Z"#, verbose: false), #"a\z"#)
        XCTAssertEqual(PythonPattern.pcre2(#"\v[\v]"#, verbose: false), #"\x0b[\x0b]"#)
        XCTAssertEqual(PythonPattern.pcre2(#"\u00e9\U0001F600"#, verbose: false), #"\x{e9}\x{1f600}"#)
        XCTAssertEqual(PythonPattern.pcre2("x{,2}y{,}", verbose: false), "x{0,2}y{,}")
        XCTAssertEqual(PythonPattern.pcre2("[[:alpha:]]", verbose: false), #"[\[:alpha:]]"#)
        XCTAssertEqual(PythonPattern.pcre2("[]a][^]b]", verbose: false), #"[\]a][^\]b]"#)
        XCTAssertEqual(PythonPattern.pcre2("a # [ not a class\nb", verbose: true), "a # [ not a class\nb")
        XCTAssertEqual(PythonPattern.pcre2(#"\[\]\\Z"#, verbose: false), #"\[\]\\Z"#, "escaped brackets and backslash")
        XCTAssertNil(PythonPattern.pcre2(#"\N{BULLET}"#, verbose: false))
    }

    func testPatternsMatchWhatPythonMatches() throws {
        // (pattern, Python flags): MULTILINE (8) as RegexLexer compiles, then the other flags.
        let patterns: [(String, Int)] = [
            (#"a\Z"#, 8), (#"\v+"#, 8), (#"[\v\t]+"#, 8), ("x{,2}", 8), ("[[:alpha:]]+", 8), (#"\u00e9+"#, 8),
            (#"\U0001F600"#, 8), ("a [#] b # comment [\n c", 8 | 64), (#"\w+"#, 8), (#"\bfoo\b"#, 8),
            ("straße", 8 | 2), ("ÉCOLE", 8 | 2), ("a$", 8), ("a$", 0), ("^b", 8), ("^b", 0), (".+", 8), (".+", 8 | 16),
            (#"\s+"#, 8), (#"\d+"#, 8), (#"\d+"#, 8 | 256), (#"\w+"#, 8 | 256), ("[^]a]+", 8),
            (#"(?P<q>['"]).*?(?P=q)"#, 8), (#"(?<=\$)\w+"#, 8), (#"\$\{#?"#, 8), (#"(?s)\$?"(\\.|[^"\\$])*""#, 8),
            (#"<<-?\s*(\'?)\\?(\w+)[\w\W]+?\2"#, 8), ("", 8), (#"\A#!.+\n"#, 8),
        ]
        let subjects = ["a", "a\n", "ba\nb", "\u{0B}\u{0B}\t", "xxx", "héllo 東京_1", "ééé", "😀", "foo bar", "STRASSE straße",
                        "école", "\u{202F} \t\n x", "٣٤ 12", "]]a", "'it' \"x\"", "$name", "${#x}", "$\"a\\\"b\"",
                        "<<EOF\nx\nEOF\n", "#!/bin/sh\n", "a # b c", "a#bc"]
        var cases: [(pattern: Int, subject: Int, offset: Int)] = []
        for p in patterns.indices {
            for s in subjects.indices {
                for offset in Array(subjects[s].utf8).indices.filter({ Array(subjects[s].utf8)[$0] & 0xC0 != 0x80 }) + [subjects[s].utf8.count] {
                    cases.append((p, s, offset))
                }
            }
        }
        let python = try pythonEnds(patterns: patterns, subjects: subjects, cases: cases)
        XCTAssertEqual(python.count, cases.count)
        for (i, c) in cases.enumerated() {
            let (source, flags) = patterns[c.pattern]
            let options = try XCTUnwrap(PatternOptions(pythonFlags: flags))
            let compiled = try XCTUnwrap(PythonPattern.pcre2(source, verbose: options.verbose).flatMap { CompiledPattern($0, options: options) },
                                         "PCRE2 rejects \(source)")
            var subject = subjects[c.subject]
            let end: Int? = subject.withUTF8 { text in
                let match = PatternMatch(groups: compiled.groups)
                return compiled.match(text, at: c.offset, into: match) == .matched ? match.range(0)!.upperBound : nil
            }
            XCTAssertEqual(end, python[i], "\(source.debugDescription) at byte \(c.offset) of \(subjects[c.subject].debugDescription)")
        }
    }

    /// Where Python's `pattern.match(subject, pos)` ends each case (in bytes), or nil.
    private func pythonEnds(patterns: [(String, Int)], subjects: [String], cases: [(pattern: Int, subject: Int, offset: Int)]) throws -> [Int?] {
        let script = """
        import json, re, sys
        q = json.load(sys.stdin)
        out = []
        for p, s, offset in q["cases"]:
            source, flags = q["patterns"][p]
            raw = q["subjects"][s].encode("utf-8")
            pos = len(raw[:offset].decode("utf-8"))
            m = re.compile(source, flags).match(q["subjects"][s], pos)
            out.append(None if m is None else len(q["subjects"][s][:m.end()].encode("utf-8")))
        json.dump(out, sys.stdout)
        """
        let question: [String: Any] = ["patterns": patterns.map { [$0.0, $0.1] as [Any] }, "subjects": subjects,
                                       "cases": cases.map { [$0.pattern, $0.subject, $0.offset] }]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: question))
        try input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let ends = try XCTUnwrap(JSONSerialization.jsonObject(with: answer) as? [Any])
        return ends.map { $0 as? Int }
    }
}
