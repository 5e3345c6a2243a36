"""Highlighted code as a reader sees it: Pygments' token classes in the page, coloured by the theme in
light and in dark (each token kind its own colour, none the plain text colour), line numbers that are
not part of the text, and highlighted lines."""
import unittest

from selenium.webdriver.common.by import By

from browser import BuiltSite

PROJECT = {
    "README.md": "# Home\n\nSee [code](code.md).\n",
    "code.md": (
        "# Code\n\n"
        "```bash\n# install it\nexport TOKEN=\"abc\"\nfor i in 1 2; do echo $i; done\n```\n\n"
        "```python title=\"app.py\" {2} showLineNumbers\ndef main():\n    return 42\n```\n"
    ),
}


class CodeInABrowser(BuiltSite):
    PROJECT = PROJECT

    def colour(self, selector):
        return self.driver.execute_script(
            "return getComputedStyle(document.querySelector(arguments[0])).color", selector)

    def set_theme(self, theme):
        self.driver.execute_script("document.documentElement.dataset.theme = arguments[0]", theme)

    def test_tokens_have_their_classes_and_colours_in_both_themes(self):
        self.load("_site/code.html", 1366)
        classes = {e.get_attribute("class") for e in self.driver.find_elements(By.CSS_SELECTOR, "pre .rs-line span")}
        # Pygments' standard short names: comment, builtin, string, keyword, number, function.
        for expected in ("c1", "nb", "s2", "k", "mi", "nf"):
            self.assertIn(expected, classes)
        kinds = ["pre .c1", "pre .s2", "pre .k", "pre .mi", "pre .nf"]
        seen = {}
        for theme in ("light", "dark"):
            self.set_theme(theme)
            plain = self.colour("pre code")
            colours = [self.colour(k) for k in kinds]
            self.assertNotIn(plain, colours, theme + ": a token in the plain text colour")
            self.assertEqual(len(set(colours)), len(colours), theme + ": two kinds share a colour")
            seen[theme] = colours
        self.assertTrue(all(a != b for a, b in zip(seen["light"], seen["dark"])), "dark mode has its own colours")

    def test_line_numbers_are_drawn_not_copied_and_a_line_is_highlighted(self):
        self.load("_site/code.html", 1366)
        pre = self.driver.find_elements(By.CSS_SELECTOR, "pre")[1]
        self.assertEqual(pre.get_attribute("data-line-numbers"), "true")
        numbers = self.driver.execute_script(
            "return [...arguments[0].querySelectorAll('.rs-line')].map(l => getComputedStyle(l, '::before').content)", pre)
        self.assertEqual(numbers, ["counter(rs-line)"] * 2)
        self.assertEqual(pre.text.splitlines()[0].strip()[-len("def main():"):], "def main():")
        self.assertEqual(self.driver.execute_script("return arguments[0].querySelector('code').textContent", pre),
                         "def main():\n    return 42\n", "the numbers are not in the text a reader copies")
        marked = pre.find_elements(By.CSS_SELECTOR, ".rs-highlight")
        self.assertEqual([m.text.strip() for m in marked], ["return 42"])


class CodeFromServe(CodeInABrowser):
    """The same from `runsmith serve`."""
    SERVED = True


if __name__ == "__main__":
    unittest.main()
