import XCTest
@testable import Runsmith

/// The condition language of `{% if %}` / `{% unless %}` tags and runbook `when:` fields.
final class ExpressionTests: XCTestCase {
    // MARK: Helpers

    private func n(_ dotted: String) -> Condition { .name(dotted.split(separator: ".").map(String.init)) }
    private func s(_ text: String) -> Condition { .literal(.string(text)) }
    private func num(_ value: Double) -> Condition { .literal(.number(value)) }
    private func b(_ value: Bool) -> Condition { .literal(.bool(value)) }
    private func cmp(_ l: Condition, _ op: ComparisonOperator, _ r: Condition) -> Condition { .compare(l, op, r) }

    private func parse(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> Condition? {
        do {
            return try ConditionParser.parse(source)
        } catch {
            XCTFail("\(source): \(error.message) at \(error.offset)", file: file, line: line)
            return nil
        }
    }

    /// The variables every evaluation test sees, by dotted name.
    private let variables: [String: ConditionValue] = [
        "tenant.id": .string("acme"), "tenant.region": .string("eu-west"), "tenant.seats": .number(25),
        "vars.ado_org": .string("contoso"), "vars.enabled": .bool(true), "vars.disabled": .bool(false),
        "vars.empty": .string(""), "vars.zero": .number(0), "vars.none": .null, "vars.pi": .number(3.5),
        "vars.tags": .list([.string("beta"), .string("internal"), .number(3)]), "vars.nothing": .list([]),
        "visitor.claims.unsigned.deployment": .string("server"), "visitor.claims.unsigned.plan": .string("enterprise"),
        "visitor.claims.unsigned.beta-features": .list([.string("runbooks")]),
    ]

    private func lookup(_ path: [String]) -> ConditionValue? { variables[path.joined(separator: ".")] }

    private func evaluate(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> ConditionValue? {
        do {
            return try ParsedCondition(source).evaluate(lookup)
        } catch {
            XCTFail("\(source): \(error.message) at \(error.offset)", file: file, line: line)
            return nil
        }
    }

    private func parseError(_ source: String) -> ConditionError? {
        do {
            _ = try ConditionParser.parse(source)
            return nil
        } catch {
            return error
        }
    }

    private func evaluationError(_ source: String) -> ConditionError? {
        do {
            _ = try ParsedCondition(source).evaluate(lookup)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Parsing

    func testParsesLiterals() {
        let cases: [(String, Condition)] = [
            ("\"hello\"", s("hello")), ("'hello'", s("hello")), ("\"\"", s("")),
            ("3", num(3)), ("42", num(42)), ("3.25", num(3.25)), ("-7", num(-7)), ("-0.5", num(-0.5)), ("007", num(7)),
            ("true", b(true)), ("false", b(false)), ("null", .literal(.null)), ("nil", .literal(.null)),
            ("[]", .literal(.list([]))),
            ("[1, \"b\", true, null]", .literal(.list([.number(1), .string("b"), .bool(true), .null]))),
            ("[1, [2, 'x'],]", .literal(.list([.number(1), .list([.number(2), .string("x")])]))),
        ]
        for (source, expected) in cases { XCTAssertEqual(parse(source), expected, source) }
    }

    func testParsesNames() {
        let cases: [(String, [String])] = [
            ("a", ["a"]), ("_private", ["_private"]), ("tenant.id", ["tenant", "id"]), ("vars.ado_org", ["vars", "ado_org"]),
            ("visitor.claims.unsigned.plan", ["visitor", "claims", "unsigned", "plan"]),
            ("feature-flag.new-ui", ["feature-flag", "new-ui"]), ("v2.x9", ["v2", "x9"]),
            ("True", ["True"]), ("android", ["android"]), ("order.index", ["order", "index"]), ("notes", ["notes"]),
        ]
        for (source, path) in cases { XCTAssertEqual(parse(source), .name(path), source) }
    }

    func testParsesEveryOperator() {
        let cases: [(String, Condition)] = [
            ("a == 1", cmp(n("a"), .equal, num(1))), ("a != 'x'", cmp(n("a"), .notEqual, s("x"))),
            ("a < 1", cmp(n("a"), .less, num(1))), ("a > 1", cmp(n("a"), .greater, num(1))),
            ("a <= 1", cmp(n("a"), .lessOrEqual, num(1))), ("a >= 1", cmp(n("a"), .greaterOrEqual, num(1))),
            ("a contains 'x'", .contains(n("a"), s("x"))), ("'x' in a", .isIn(s("x"), n("a"))),
            ("a in [1, 2]", .isIn(n("a"), .literal(.list([.number(1), .number(2)])))),
            ("not a", .not(n("a"))), ("!a", .not(n("a"))), ("not not a", .not(.not(n("a")))), ("!!a", .not(.not(n("a")))),
            ("a and b", .and(n("a"), n("b"))), ("a && b", .and(n("a"), n("b"))),
            ("a or b", .or(n("a"), n("b"))), ("a || b", .or(n("a"), n("b"))),
            ("(a)", n("a")), ("((a))", n("a")),
            ("a === 1", cmp(n("a"), .equal, num(1))), ("a !== 'x'", cmp(n("a"), .notEqual, s("x"))),
        ]
        for (source, expected) in cases { XCTAssertEqual(parse(source), expected, source) }
    }

    func testPrecedence() {
        let cases: [(String, Condition)] = [
            ("a or b and not c", .or(n("a"), .and(n("b"), .not(n("c"))))),
            ("a and b or c", .or(.and(n("a"), n("b")), n("c"))),
            ("a or b or c", .or(.or(n("a"), n("b")), n("c"))),
            ("a and b and c", .and(.and(n("a"), n("b")), n("c"))),
            ("(a or b) and c", .and(.or(n("a"), n("b")), n("c"))),
            ("not a == 1", .not(cmp(n("a"), .equal, num(1)))),
            ("!a in b", .not(.isIn(n("a"), n("b")))),
            ("a == 1 and b != 2 or c", .or(.and(cmp(n("a"), .equal, num(1)), cmp(n("b"), .notEqual, num(2))), n("c"))),
            ("not (a or b)", .not(.or(n("a"), n("b")))),
            ("(a == 1) == true", cmp(cmp(n("a"), .equal, num(1)), .equal, b(true))),
            ("a || b && c", .or(n("a"), .and(n("b"), n("c")))),
        ]
        for (source, expected) in cases { XCTAssertEqual(parse(source), expected, source) }
    }

    func testWhitespaceIsFreeForm() {
        let expected = Condition.and(cmp(n("a.b"), .equal, num(1)), .not(n("c")))
        for source in ["a.b==1 and !c", "  a.b  ==  1\tand\n not   c  ", "(a.b==1)and(!c)", "a.b == 1&&!c"] {
            XCTAssertEqual(parse(source), expected, source)
        }
    }

    func testStringEscapes() {
        let cases: [(String, String)] = [
            (#""say \"hi\"""#, "say \"hi\""), (#"'it\'s'"#, "it's"), (#""back\\slash""#, "back\\slash"),
            (#"'double " inside'"#, "double \" inside"), (#""single ' inside""#, "single ' inside"),
            (#""C:\temp""#, "C:\\temp"), (#""ends with \\""#, "ends with \\"), ("\"héllo wörld\"", "héllo wörld"),
        ]
        for (source, value) in cases { XCTAssertEqual(parse(source), s(value), source) }
    }

    func testNamesInSourceOrderWithoutDuplicates() throws {
        let cases: [(String, [[String]])] = [
            ("true", []), ("a", [["a"]]),
            ("tenant.id == 'x' or vars.a and tenant.id != vars.b", [["tenant", "id"], ["vars", "a"], ["vars", "b"]]),
            ("not (z or a) and m contains z", [["z"], ["a"], ["m"]]),
            ("'x' in vars.tags", [["vars", "tags"]]), ("a.b or a or a.b.c", [["a", "b"], ["a"], ["a", "b", "c"]]),
        ]
        for (source, names) in cases {
            XCTAssertEqual(parse(source)?.names, names, source)
            XCTAssertEqual(try ParsedCondition(source).names, names, source)
        }
    }

    func testParsedConditionKeepsSourceAndTree() throws {
        let parsed = try ParsedCondition("a == 1")
        XCTAssertEqual(parsed.source, "a == 1")
        XCTAssertEqual(parsed.condition, cmp(n("a"), .equal, num(1)))
        XCTAssertEqual(try ParsedCondition("a == 1"), parsed)
    }

    // MARK: Evaluation

    func testComparisons() {
        let cases: [(String, Bool)] = [
            ("tenant.id == 'acme'", true), ("tenant.id == \"acme\"", true), ("tenant.id == 'Acme'", false),
            ("tenant.id != 'acme'", false), ("tenant.id != 'other'", true),
            ("tenant.seats == 25", true), ("tenant.seats == 25.0", true), ("3 == 3.0", true), ("tenant.seats == '25'", false),
            ("tenant.seats != '25'", true), ("true == true", true), ("true == 1", false), ("null == nil", true),
            ("vars.none == null", true), ("vars.empty == null", false), ("[1, 'a'] == [1.0, 'a']", true), ("[1] == [1, 2]", false),
            ("tenant.seats < 30", true), ("tenant.seats < 25", false), ("tenant.seats <= 25", true), ("tenant.seats > 24.5", true),
            ("tenant.seats > 25", false), ("tenant.seats >= 25", true), ("tenant.seats >= 26", false), ("-1 < 0", true),
            ("'apple' < 'banana'", true), ("'b' > 'abc'", true), ("'abc' <= 'abc'", true), ("'abc' >= 'abd'", false),
            ("'Z' < 'a'", true), ("'' < 'a'", true),
        ]
        for (source, expected) in cases { XCTAssertEqual(evaluate(source), .bool(expected), source) }
    }

    func testContainsAndIn() {
        let cases: [(String, Bool)] = [
            ("vars.tags contains 'beta'", true), ("vars.tags contains 'gamma'", false), ("vars.tags contains 3", true),
            ("vars.tags contains 3.0", true), ("vars.tags contains '3'", false), ("vars.nothing contains 'x'", false),
            ("tenant.region contains 'west'", true), ("tenant.region contains 'east'", false), ("tenant.region contains ''", true),
            ("'' contains ''", true), ("'' contains 'a'", false), ("[[1], 2] contains [1]", true), ("[null] contains nil", true),
            ("'beta' in vars.tags", true), ("'gamma' in vars.tags", false), ("3 in vars.tags", true),
            ("'west' in tenant.region", true), ("'WEST' in tenant.region", false), ("tenant.id in ['acme', 'globex']", true),
            ("tenant.id in ['initech']", false), ("not 'gamma' in vars.tags", true),
        ]
        for (source, expected) in cases { XCTAssertEqual(evaluate(source), .bool(expected), source) }
    }

    func testLogicYieldsBooleansByTruthiness() {
        let cases: [(String, ConditionValue)] = [
            ("vars.enabled and vars.ado_org", .bool(true)), ("vars.ado_org and vars.empty", .bool(false)),
            ("vars.empty or vars.zero", .bool(false)), ("vars.empty or tenant.seats", .bool(true)),
            ("not vars.enabled", .bool(false)), ("!vars.empty", .bool(true)), ("not not tenant.id", .bool(true)),
            ("vars.disabled or not vars.disabled", .bool(true)), ("true and false", .bool(false)),
            ("false or false or true", .bool(true)),
            // A bare name or literal evaluates to itself; `isTrue` applies truthiness.
            ("tenant.id", .string("acme")), ("vars.tags", variables["vars.tags"]!), ("(tenant.seats)", .number(25)),
            ("'x'", .string("x")), ("null", .null),
        ]
        for (source, expected) in cases { XCTAssertEqual(evaluate(source), expected, source) }
    }

    func testTruthiness() throws {
        let cases: [(ConditionValue, Bool)] = [
            (.bool(true), true), (.bool(false), false), (.string("x"), true), (.string(""), false), (.string("false"), true),
            (.string("0"), true), (.number(1), true), (.number(-0.5), true), (.number(0), false), (.number(-0.0), false),
            (.list([.null]), true), (.list([]), false), (.null, false),
        ]
        for (value, truthy) in cases {
            XCTAssertEqual(value.isTruthy, truthy, value.display)
            XCTAssertEqual(try Condition.literal(value).isTrue { _ in nil }, truthy, value.display)
            XCTAssertEqual(try Condition.not(.literal(value)).isTrue { _ in nil }, !truthy, value.display)
        }
        XCTAssertTrue(try ParsedCondition("vars.ado_org").isTrue(lookup))
        XCTAssertFalse(try ParsedCondition("vars.nothing").isTrue(lookup))
    }

    func testShortCircuitSkipsUndefinedNames() {
        let cases: [(String, Bool)] = [
            ("false and undefined.name", false), ("vars.disabled && undefined.name == 3", false),
            ("true or undefined.name", true), ("vars.enabled || undefined.name < 1", true),
            ("vars.empty and (undefined.a or undefined.b)", false), ("not (vars.zero and undefined.name)", true),
        ]
        for (source, expected) in cases { XCTAssertEqual(evaluate(source), .bool(expected), source) }
    }

    func testLookupSeesEachNeededNameOnce() throws {
        var asked: [[String]] = []
        let result = try ParsedCondition("a == 1 or b and c").evaluate { path in
            asked.append(path)
            return path == ["a"] ? .number(1) : .bool(true)
        }
        XCTAssertEqual(result, .bool(true))
        XCTAssertEqual(asked, [["a"]])
    }

    func testGitBookAdaptiveContentNames() throws {
        let cases: [(String, Bool)] = [
            ("visitor.claims.unsigned.deployment == \"server\"", true),
            ("visitor.claims.unsigned.deployment == \"cloud\"", false),
            ("visitor.claims.unsigned.plan == 'enterprise' && visitor.claims.unsigned.deployment != 'cloud'", true),
            ("'runbooks' in visitor.claims.unsigned.beta-features", true),
            ("visitor.claims.unsigned.beta-features contains 'ai'", false),
            // GitBook's conditions are JavaScript: `===` and `!==` mean `==` and `!=`.
            ("visitor.claims.unsigned.deployment === \"server\"", true),
            ("visitor.claims.unsigned.deployment !== 'server'", false),
            ("visitor.claims.unsigned.plan === 'enterprise' && visitor.claims.unsigned.deployment !== 'cloud'", true),
        ]
        for (source, expected) in cases { XCTAssertEqual(evaluate(source), .bool(expected), source) }
        XCTAssertEqual(try ParsedCondition("visitor.claims.unsigned.deployment == \"server\"").names,
                       [["visitor", "claims", "unsigned", "deployment"]])
    }

    func testHandBuiltConditionsEvaluateWithoutOffsets() {
        let condition = Condition.and(n("tenant.id"), cmp(n("tenant.seats"), .greater, num(10)))
        XCTAssertEqual(try condition.evaluate(lookup), .bool(true))
        XCTAssertThrowsError(try Condition.or(b(false), n("vars.x")).evaluate(lookup)) { error in
            XCTAssertEqual(error as? ConditionError, ConditionError(message: "undefined name 'vars.x'", offset: 0))
        }
    }

    // MARK: Errors

    func testParseErrors() {
        let cases: [(String, String, Int)] = [
            ("", "empty condition", 0), ("   \n ", "empty condition", 0),
            ("a and", "expected an expression after 'and'", 2), ("a and )", "expected an expression after 'and'", 2),
            ("a or", "expected an expression after 'or'", 2), ("a &&", "expected an expression after '&&'", 2),
            ("not", "expected an expression after 'not'", 0), ("!", "expected an expression after '!'", 0),
            ("a ==", "expected an expression after '=='", 2), ("a == and b", "expected an expression after '=='", 2),
            ("x contains", "expected an expression after 'contains'", 2), ("(", "expected an expression after '('", 0),
            ("(a and b", "unclosed '('", 0), ("x == (a or (b)", "unclosed '('", 5), ("[1, 2", "unclosed '['", 0),
            ("\"abc", "unterminated string", 0), ("a == 'abc", "unterminated string", 5), (#"'it\'"#, "unterminated string", 0),
            ("a xyz", "unexpected 'xyz'", 2), ("a b", "unexpected 'b'", 2), ("a)", "unexpected ')'", 1),
            ("and b", "unexpected 'and'", 0), ("== 1", "unexpected '=='", 0), ("3abc", "unexpected 'abc'", 1),
            ("(a b)", "unexpected 'b'", 3), ("a @ b", "unexpected '@'", 2), ("a = 1", "unexpected '='; use '==' to compare", 2),
            ("a & b", "unexpected '&'", 2), ("-x", "unexpected '-'", 0), ("1.", "unexpected '.'", 1),
            ("a == b == c", "comparisons cannot be chained; join them with 'and'", 7),
            ("1 < a < 3", "comparisons cannot be chained; join them with 'and'", 6),
            ("a in b contains c", "comparisons cannot be chained; join them with 'and'", 7),
            ("vars.", "expected a name after '.'", 4), ("vars..x", "expected a name after '.'", 4),
            ("a.1", "expected a name after '.'", 1), ("vars.in", "'in' is a keyword and cannot be part of a name", 5),
            ("x.not.y == 1", "'not' is a keyword and cannot be part of a name", 2),
            ("true.x", "'true' is a keyword and cannot be part of a name", 0),
            ("[a]", "a list can only hold literal values, not the name 'a'", 1),
            ("[1 2]", "expected ',' or ']' in list, found '2'", 3), ("[,]", "unexpected ','", 1),
            // Offsets count characters, not UTF-8 bytes.
            ("\"é\" == x y", "unexpected 'y'", 9),
            // Errors come in source order: the missing operand is reported before the later unterminated string.
            ("a == == \"x", "expected an expression after '=='", 2),
        ]
        for (source, message, offset) in cases {
            XCTAssertEqual(parseError(source), ConditionError(message: message, offset: offset), source)
        }
    }

    func testEvaluationErrorsPointAtTheNameOrOperator() {
        let cases: [(String, String, Int)] = [
            ("vars.x", "undefined name 'vars.x'", 0), ("tenant.id == 'a' or vars.x", "undefined name 'vars.x'", 20),
            ("true and (vars.x)", "undefined name 'vars.x'", 10), ("not missing", "undefined name 'missing'", 4),
            ("tenant.seats > 1 and [1, 2] contains visitor.nope", "undefined name 'visitor.nope'", 37),
            ("\"é\" == x", "undefined name 'x'", 7),
            ("'3' < 4", "cannot compare string with number", 4), ("tenant.seats >= tenant.id", "cannot compare number with string", 13),
            ("true < false", "cannot compare bool with bool", 5), ("vars.tags > []", "cannot compare list with list", 10),
            ("a == 1 or (vars.none <= 3)", "undefined name 'a'", 0), ("vars.zero or (vars.none <= 3)", "cannot compare null with number", 24),
            ("tenant.seats contains 2", "cannot check whether number contains number", 13),
            ("tenant.id contains 3", "cannot check whether string contains number", 10),
            ("3 in tenant.id", "cannot check whether number is in string", 2), ("'a' in vars.none", "cannot check whether string is in null", 4),
            ("vars.enabled and (1 == 1 and 'x' in 5)", "cannot check whether string is in number", 33),
        ]
        for (source, message, offset) in cases {
            XCTAssertEqual(evaluationError(source), ConditionError(message: message, offset: offset), source)
        }
    }

    // MARK: Values

    func testDisplay() {
        let cases: [(ConditionValue, String)] = [
            (.string("x"), "\"x\""), (.string("say \"hi\""), #""say \"hi\"""#), (.string(""), "\"\""),
            (.number(3), "3"), (.number(-2), "-2"), (.number(3.5), "3.5"), (.number(0.25), "0.25"),
            (.bool(true), "true"), (.bool(false), "false"), (.null, "null"), (.list([]), "[]"),
            (.list([.number(1), .string("b"), .list([.null])]), "[1, \"b\", [null]]"),
        ]
        for (value, text) in cases { XCTAssertEqual(value.display, text) }
    }

    func testOperatorRawValues() {
        XCTAssertEqual([ComparisonOperator.equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual].map(\.rawValue),
                       ["==", "!=", "<", ">", "<=", ">="])
    }
}
