import XCTest
@testable import Runsmith

/// GitBook's `$$…$$` formulas: MathML, or their TeX with a warning, never literal dollars.
final class MathTests: XCTestCase {
    func testTeXToMathML() throws {
        let cases: [(String, String)] = [
            ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
            ("a_i^2", "<msubsup><mi>a</mi><mi>i</mi><mn>2</mn></msubsup>"),
            ("\\frac{1}{2}", "<mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac>"),
            ("\\sqrt{x}", "<msqrt><mrow><mi>x</mi></mrow></msqrt>"),
            ("\\sqrt[3]{8}", "<mroot><mrow><mn>8</mn></mrow><mrow><mn>3</mn></mrow></mroot>"),
            ("\\alpha \\leq 3.5", "<mi>α</mi><mo>≤</mo><mn>3.5</mn>"),
            ("\\sin x - y", "<mi mathvariant=\"normal\">sin</mi><mi>x</mi><mo>−</mo><mi>y</mi>"),
            ("\\text{if } n", "<mtext>if </mtext><mi>n</mi>"),
            ("\\left[ x \\right]", "<mrow><mo stretchy=\"true\">[</mo><mi>x</mi><mo stretchy=\"true\">]</mo></mrow>"),
            ("a \\rightarrow b", "<mi>a</mi><mo>→</mo><mi>b</mi>"),
        ]
        for (tex, inner) in cases {
            XCTAssertEqual(try TeXMath.mathML(tex, display: false),
                           "<math alttext=\"\(HTMLText.escape(tex))\"><mrow>\(inner)</mrow></math>", tex)
        }
    }

    func testUnsupportedTeXThrows() {
        for tex in ["\\begin{matrix}a\\end{matrix}", "\\newcommand", "x^", "{x", "\\right)", "\\left( x", "a \\\\ b"] {
            XCTAssertThrowsError(try TeXMath.mathML(tex, display: false), tex)
        }
    }

    func testGitBookFormulasInAPage() {
        let (html, diagnostics) = fragment("""
        Inline $$a_1 * b_2$$ and `$$code$$` stay apart.

        $$
        E = mc^2
        $$

        Bad $$\\begin{matrix} a \\end{matrix}$$ here, and a lone $$ is text.

        """)
        XCTAssertEqual(html, """
        <p>Inline <math alttext="a_1 * b_2"><mrow><msub><mi>a</mi><mn>1</mn></msub><mo>∗</mo><msub><mi>b</mi><mn>2</mn></msub></mrow></math> and <code>$$code$$</code> stay apart.</p>
        <p class="rs-math"><math display="block" alttext="E = mc^2"><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow></math></p>
        <p>Bad <code class="rs-math-source">\\begin{matrix} a \\end{matrix}</code> here, and a lone $$ is text.</p>

        """)
        XCTAssertEqual(lines(diagnostics), ["page.md:7:6: warning: this formula uses '\\begin', which Runsmith cannot typeset: it is shown as TeX"])
    }

    func testMathInsideFencedCodeIsCode() {
        let (html, _) = fragment("```bash\necho $$ $$x$$\n```\n")
        XCTAssertEqual(html, "<pre><code class=\"language-bash\">echo $$ $$x$$\n</code></pre>\n")
    }

    func testDollarsInIndentedCodeAndCodeSpansStayCode() {
        let (html, _) = fragment("Run:\n\n    kill $$; echo $$x$$\n\nand ``a` $$x$$ `` here.\n")
        XCTAssertEqual(html, "<p>Run:</p>\n<pre><code>kill $$; echo $$x$$\n</code></pre>\n<p>and <code>a` $$x$$ </code> here.</p>\n")
    }

    func testAFormulaInAHeadingGivesItsTeXToTheTitle() {
        let (html, _) = fragment("## Cost $$O(n)$$\n")
        XCTAssertTrue(html.hasPrefix("<h2 id=\"cost-on\">Cost <math alttext=\"O(n)\">"), html)
    }
}
