"""Search as a reader uses it, from file:// and under the pages' Content-Security-Policy: `/` or Ctrl-K
opens it, typing shows ranked results with the words marked, arrows and Enter open one. Accents and case
do not matter, a word's start finds it, CJK is found character by character. A tenant's folder searches
its own runbooks, and nothing of another tenant."""
import textwrap
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import BuiltSite, press

PROJECT = {
    "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
    "tenants/acme.yml": "id: acme\nname: Acme\nvars: { org: acme-zeppelin }\n",
    "tenants/beta.yml": "id: beta\nname: Beta\nvars: { org: beta-walrus }\n",
    "README.md": "# Welcome\n\nStart here.\n",
    "guides/setup.md": textwrap.dedent("""\
        # Setup

        Read this first.

        ## Configure the Café connector

        Open the connector settings and configure the proxy for `{{ vars.org }}`.

        ## 東京リージョン

        東京 region notes.
        """),
    "guides/other.md": "# Other\n\nThe café in the lobby has nothing to do with it.\n",
    "runbooks/r.yml": "title: Rollout\nsections:\n  - page: guides/setup.md\n",
}


class SearchInABrowser(BuiltSite):
    PROJECT = PROJECT

    def open(self, path, width=1366):
        self.load(path, width)
        self.driver.get_log("browser")  # what came before this page is not its problem

    def query(self, text, opener="/"):
        """Opens search as a reader would (from the page, not the box), types `text`, and returns the
        status line once the results for `text` are shown."""
        press(self.driver, Keys.ESCAPE)
        if opener == "/":
            press(self.driver, "/")
        else:
            ActionChains(self.driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
        box = self.driver.find_element(By.CSS_SELECTOR, ".rs-search-input")
        WebDriverWait(self.driver, 5).until(lambda d: d.switch_to.active_element == box)
        ActionChains(self.driver).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL).send_keys(Keys.BACKSPACE, text).perform()
        status = self.driver.find_element(By.CSS_SELECTOR, ".rs-search-status")
        WebDriverWait(self.driver, 5).until(lambda d: status.get_attribute("data-query") == text)
        return status.text

    def results(self):
        return [(r.find_element(By.CSS_SELECTOR, ".rs-result-title").text,
                 [m.text for m in r.find_elements(By.TAG_NAME, "mark")])
                for r in self.driver.find_elements(By.CSS_SELECTOR, ".rs-search-results [role=option]")]

    def errors(self):
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]

    def test_slash_finds_a_word_start_in_any_case_and_accent_and_enter_opens_it(self):
        self.open("_site/index.html")
        self.assertEqual(self.query("CONF"), "1 result")
        self.assertEqual(self.results(), [("Setup › Configure the Café connector", ["configure"])])
        self.assertEqual(self.query("cafe", opener="ctrl-k"), "2 results")
        titles = [title for title, _ in self.results()]
        # The heading outweighs the text: the section named after it comes first.
        self.assertEqual(titles, ["Setup › Configure the Café connector", "Other"])
        self.assertEqual(self.results()[1][1], ["café"])
        press(self.driver, Keys.ARROW_DOWN, Keys.ARROW_DOWN)
        selected = self.driver.find_elements(By.CSS_SELECTOR, "[role=option][aria-selected=true]")
        self.assertEqual([s.find_element(By.CSS_SELECTOR, ".rs-result-title").text for s in selected], ["Other"])
        press(self.driver, Keys.ARROW_UP, Keys.ENTER)
        WebDriverWait(self.driver, 5).until(lambda d: "setup.html" in d.current_url)
        self.assertTrue(self.driver.current_url.endswith("/guides/setup.html#configure-the-cafe-connector"), self.driver.current_url)
        self.assertEqual(self.errors(), [], "no script error and nothing the policy blocked")

    def test_every_term_must_match_and_cjk_is_found_by_character(self):
        self.open("_site/guides/other.html")
        self.assertEqual(self.query("café lobby"), "1 result")
        self.assertEqual(self.results()[0][0], "Other")
        self.assertEqual(self.query("東京"), "1 result")
        self.assertEqual(self.results()[0], ("Setup › 東京リージョン", ["東", "京"]))
        self.assertEqual(self.query("nothinghere"), "No results for “nothinghere”")
        self.assertEqual(self.errors(), [])

    def test_the_public_index_has_no_tenant_value_and_each_folder_its_own(self):
        self.open("_site/index.html")
        self.assertEqual(self.query("zeppelin"), "No results for “zeppelin”")
        self.open("_tenants/acme/index.html", width=390)
        self.assertEqual(self.query("zeppelin"), "1 result")
        self.assertEqual(self.results()[0][0], "Rollout › Configure the Café connector")
        self.assertEqual(self.query("walrus"), "No results for “walrus”")
        press(self.driver, Keys.ESCAPE)
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".rs-search-dialog").is_displayed())
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("class"), "rs-search-open", "focus goes back")
        self.open("_tenants/beta/r/index.html")
        self.assertEqual(self.query("walrus"), "1 result")
        self.assertEqual(self.errors(), [])


class SearchFromServe(SearchInABrowser):
    """The same searches in `runsmith serve`'s preview, over HTTP. The tenant folders are files that the
    build writes, which the preview does not serve: their test runs from file:// only."""
    SERVED = True
    test_the_public_index_has_no_tenant_value_and_each_folder_its_own = None


if __name__ == "__main__":
    unittest.main()
