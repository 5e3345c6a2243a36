"""A customer's checklist in a real browser (Debian's Chromium through Selenium and chromium-driver).

Each test builds a small project with the `runsmith` binary named by $RUNSMITH, opens the tenant's
pages from file:// at a phone's width (390 px, through DevTools' device emulation) or a laptop's, and
acts as a reader would: by keyboard, by clicking, by reloading.
"""
import os
import textwrap
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import BuiltSite, press

PROJECT = {
    "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
    "tenants/acme.yml": "id: acme\nname: Acmé Café 東京\nvars: { org: acme-org-東京 }\n",
    "README.md": "# Home\n",
    "steps.md": textwrap.dedent("""\
        # Steps

        1. Open **Project settings** for `{{ vars.org }}`
        2. Run `az devops configure --defaults organization=https://dev.azure.com/{{ vars.org }}/a-very-long-path-that-does-not-fit`
        3. Paste the token into *Secrets* — 東京 🎉

        | a wide table column | another column | a third column heading | fourth column | fifth column |
        |---|---|---|---|---|
        | x | y | z | w | v |
        """),
    "runbooks/setup.yml": "title: Setup\nsections:\n  - page: steps.md\n    step: true\n"
                          "    owner: Platform team\n    estimate: 10m\n    verify: The pipeline is green\n",
}


class ChecklistInABrowser(BuiltSite):
    PROJECT = PROJECT
    BUILD_ARGS = ("--single-file",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tenant = os.path.join(cls.root, "_tenants", "acme")

    def open(self, page, width=390):
        self.load(os.path.join("_tenants", "acme", page), width)
        self.driver.execute_script("localStorage.clear()")
        self.driver.refresh()

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def progress(self):
        return self.driver.find_element(By.CSS_SELECTOR, ".rs-progress-text").text

    def focused(self):
        return self.js("var e = document.activeElement; return e.className || e.tagName.toLowerCase() + ':' + (e.id || '')")

    def press(self, key):
        press(self.driver, key)

    def tab_to(self, selector, limit=40):
        """Presses Tab until the element matching `selector` has the focus; returns how many presses."""
        for presses in range(1, limit + 1):
            self.press(Keys.TAB)
            if self.js("return document.activeElement.matches(arguments[0])", selector):
                return presses
        self.fail("Tab never reached " + selector + "; last focus: " + self.focused())

    # --- A phone's width: nothing scrolls sideways but what has its own box. ---

    def test_no_page_scrolls_sideways_at_390_px(self):
        for page in ["index.html", "setup/index.html", "setup/checklist.html", "setup.html", "../index.html"]:
            for width in (390, 1366):
                with self.subTest(page=page, width=width):
                    self.open(page, width)
                    widths = self.js("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                    self.assertLessEqual(widths[0], widths[1], f"{page} at {width} px is {widths[0]} px wide")

    def test_the_wide_table_scrolls_in_its_own_box(self):
        self.open("setup/index.html")
        box = self.js("var t = document.querySelector('.rs-runbook-step table');"
                      "return [t.scrollWidth, t.clientWidth, getComputedStyle(t).overflowX]")
        self.assertGreater(box[0], box[1], "the table is wider than the phone")
        self.assertEqual(box[2], "auto")

    def test_on_a_phone_the_owner_and_estimate_stand_under_the_step(self):
        self.open("setup/checklist.html")
        facts = self.driver.find_element(By.CSS_SELECTOR, ".rs-step-row .rs-step-facts")
        self.assertTrue(facts.is_displayed())
        self.assertEqual(facts.text, "Owner: Platform team · Estimate: 10 min")
        owner_column = self.driver.find_elements(By.CSS_SELECTOR, ".rs-signoff thead th")[2]
        self.assertFalse(owner_column.is_displayed())
        self.open("setup/checklist.html", 1366)
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".rs-step-row .rs-step-facts").is_displayed())
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".rs-signoff thead th")[2].is_displayed())

    # --- Items keep their formatting and link to their step. ---

    def test_items_keep_inline_formatting_and_link_to_their_step(self):
        self.open("setup/checklist.html")
        labels = self.driver.find_elements(By.CSS_SELECTOR, ".rs-item label")
        self.assertEqual(labels[0].find_element(By.TAG_NAME, "strong").text, "Project settings")
        self.assertEqual(labels[0].find_element(By.TAG_NAME, "code").text, "acme-org-東京")
        self.assertEqual(labels[2].find_element(By.TAG_NAME, "em").text, "Secrets")
        self.assertIn("東京 🎉", labels[2].text)
        box = self.driver.find_elements(By.CSS_SELECTOR, ".rs-item input")[0]
        self.assertEqual(box.get_attribute("aria-label"), "Done: Open Project settings for acme-org-東京")
        self.driver.find_elements(By.CSS_SELECTOR, ".rs-item .rs-step-link")[1].click()
        self.assertTrue(self.driver.current_url.endswith("/setup/index.html#step-1"), self.driver.current_url)
        self.assertEqual(self.js("return document.querySelector(':target').id"), "step-1")

    # --- Keyboard: every control is reached by Tab and works by Space and Enter. ---

    def test_the_checklist_works_by_keyboard_alone(self):
        self.open("setup/checklist.html")
        self.tab_to(".rs-reset")
        self.assertEqual(self.js("return getComputedStyle(document.activeElement).outlineStyle"), "solid")
        order = [self.focused()]
        for _ in range(2):
            self.press(Keys.TAB)
            order.append(self.focused())
        self.assertEqual(order, ["rs-reset", "rs-export", "rs-import"])
        # Focus shows: the import field is hidden behind its label, which draws the ring.
        ring = self.js("return getComputedStyle(document.querySelector('.rs-import-label')).outlineStyle")
        self.assertEqual(ring, "solid")
        self.tab_to(".rs-item input")
        self.assertEqual(self.js("return getComputedStyle(document.activeElement).outlineStyle"), "solid")
        self.press(Keys.SPACE)
        self.assertEqual(self.progress(), "1 of 3 done")
        self.press(Keys.TAB)  # the item's step link
        self.press(Keys.TAB)  # the next item
        self.press(Keys.SPACE)
        self.assertEqual(self.progress(), "2 of 3 done")
        # Reset by keyboard asks first; dismissing keeps the ticks, accepting clears them.
        self.tab_to(".rs-reset", limit=60)
        self.press(Keys.ENTER)
        alert = WebDriverWait(self.driver, 5).until(lambda d: d.switch_to.alert)
        self.assertIn("Clear all 2 ticks", alert.text)
        alert.dismiss()
        self.assertEqual(self.progress(), "2 of 3 done")
        self.press(Keys.ENTER)
        WebDriverWait(self.driver, 5).until(lambda d: d.switch_to.alert).accept()
        self.assertEqual(self.progress(), "0 of 3 done")

    def test_controls_are_styled_by_the_theme(self):
        self.open("setup/checklist.html")
        for selector in [".rs-reset", ".rs-export", ".rs-import-label"]:
            with self.subTest(control=selector):
                style = self.js("var s = getComputedStyle(document.querySelector(arguments[0]));"
                                "return [s.borderTopLeftRadius, s.borderTopStyle, s.cursor]", selector)
                self.assertEqual(style, ["6px", "solid", "pointer"])
        size = self.js("var r = document.querySelector('.rs-item input').getBoundingClientRect(); return r.width")
        self.assertGreaterEqual(size, 20, "a checkbox big enough to hit on a phone")

    # --- The single file carries an interactive checklist. ---

    def test_the_single_file_has_a_checklist_that_keeps_its_ticks(self):
        self.open("setup.html")
        self.assertEqual(self.js("return document.querySelector('.rs-runbook-nav a').getAttribute('href')"), "#checklist")
        self.assertEqual(self.progress(), "0 of 3 done")
        self.tab_to(".rs-item input")
        self.press(Keys.SPACE)
        self.assertEqual(self.progress(), "1 of 3 done")
        # Chromium hands a page's localStorage writes to its storage process asynchronously: a reload at
        # once may come before they land (seen on a loaded CI machine). Reloaded until they have, 5 s at most.
        deadline = time.monotonic() + 5
        while True:
            self.driver.refresh()
            if self.progress() == "1 of 3 done" or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(self.progress(), "1 of 3 done")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".rs-item input")[0].is_selected())
        # Its step links stay in the file.
        link = self.driver.find_elements(By.CSS_SELECTOR, ".rs-item .rs-step-link")[0]
        self.assertEqual(link.get_attribute("href"), "file://" + os.path.join(self.tenant, "setup.html") + "#step-1")
        # No theme file is fetched: everything it needs is inside it.
        self.assertFalse(self.js("return Array.prototype.some.call(document.querySelectorAll('link[href], script[src]'),"
                                 "function (e) { return !/^data:/.test(e.getAttribute('href') || e.getAttribute('src')); })"))


if __name__ == "__main__":
    unittest.main()
