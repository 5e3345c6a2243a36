"""Getting around a docs site: on a phone the content comes first and the sidebar waits behind a menu
button (opened, used, closed by keyboard); on a laptop the sidebar is simply there; "On this page"
marks the section being read as the reader scrolls."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import BuiltSite, press

LONG = "\n\n".join("Paragraph %d of a long section, with enough words to fill some of the screen." % i for i in range(12))
PROJECT = {
    "SUMMARY.md": "# Summary\n\n* [Home](README.md)\n* [Guide](guide.md)\n  * [Deep](deep.md)\n* [Other](other.md)\n  * [Under](under.md)\n",
    "deep.md": "# Deep\n", "under.md": "# Under\n",
    "runsmith.yml": ("logo: mark.svg\nlinks:\n  - title: Status\n    url: https://status.example.com\n"
                     "  - title: Support\n    url: https://support.example.com\nrepository: https://github.com/acme/docs\n"),
    "mark.svg": "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='#2857c5'/></svg>",
    "README.md": "# Home\n\nWelcome.\n",
    "guide.md": "# Guide\n\nIntro.\n\n" + "".join(f"## Part {n}\n\n{LONG}\n\n" for n in ("one", "two", "three")),
    "other.md": "# Other\n\nMore.\n\n{% hint style=\"warning\" %}\nMind the gap.\n{% endhint %}\n\n{% hint style=\"success\" %}\nDone.\n{% endhint %}\n",
}


class NavigationInABrowser(BuiltSite):
    PROJECT = PROJECT

    def visible(self, selector):
        return self.driver.find_element(By.CSS_SELECTOR, selector).is_displayed()

    def top(self, selector):
        return self.driver.execute_script("return document.querySelector(arguments[0]).getBoundingClientRect().top", selector)

    def test_on_a_phone_the_content_comes_first_and_the_menu_brings_the_sidebar(self):
        self.load("_site/guide.html", 390)
        self.assertTrue(self.visible(".rs-menu"))
        self.assertFalse(self.visible(".rs-sidebar"), "the sidebar waits off the page")
        self.assertLess(self.top(".rs-main"), 120, "the content starts under the header")
        menu = self.driver.find_element(By.CSS_SELECTOR, ".rs-menu")
        self.assertEqual(menu.get_attribute("aria-expanded"), "false")
        menu.click()
        WebDriverWait(self.driver, 5).until(lambda d: self.visible(".rs-sidebar"))
        self.assertEqual(menu.get_attribute("aria-expanded"), "true")
        # The focus lands on the page's own entry, and the keyboard moves on through the sidebar.
        active = self.driver.switch_to.active_element
        self.assertEqual(active.get_attribute("aria-current"), "page")
        self.assertEqual(active.text, "Guide")
        press(self.driver, Keys.ESCAPE)
        WebDriverWait(self.driver, 5).until(lambda d: not self.visible(".rs-sidebar"))
        self.assertEqual(self.driver.switch_to.active_element.get_attribute("class"), "rs-menu")
        # Open again, and a link in it goes to its page.
        press(self.driver, Keys.ENTER)
        WebDriverWait(self.driver, 5).until(lambda d: self.visible(".rs-sidebar"))
        self.driver.find_element(By.CSS_SELECTOR, ".rs-sidebar a[href$='other.html']").click()
        WebDriverWait(self.driver, 5).until(lambda d: d.current_url.endswith("/other.html"))
        self.assertFalse(self.visible(".rs-sidebar"))

    def test_a_click_beside_the_open_sidebar_closes_it(self):
        self.load("_site/guide.html", 390)
        self.driver.find_element(By.CSS_SELECTOR, ".rs-menu").click()
        WebDriverWait(self.driver, 5).until(lambda d: self.visible(".rs-sidebar"))
        self.driver.execute_script("document.elementFromPoint(370, 600).click()")
        WebDriverWait(self.driver, 5).until(lambda d: not self.visible(".rs-sidebar"))

    def test_sidebar_branches_fold_and_the_current_one_is_open(self):
        self.load("_site/deep.html", 1366)
        toggles = self.driver.find_elements(By.CSS_SELECTOR, ".rs-sidebar .rs-nav-toggle")
        self.assertEqual([t.get_attribute("aria-label") for t in toggles], ["Pages under Guide", "Pages under Other"])
        self.assertEqual([t.get_attribute("aria-expanded") for t in toggles], ["true", "false"], "the read page's branch is open")
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, ".rs-sidebar a[href$='deep.html']").is_displayed())
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".rs-sidebar a[href$='under.html']").is_displayed())
        toggles[1].click()
        self.assertEqual(toggles[1].get_attribute("aria-expanded"), "true")
        self.assertTrue(self.driver.find_element(By.CSS_SELECTOR, ".rs-sidebar a[href$='under.html']").is_displayed())
        toggles[0].send_keys(Keys.ENTER)
        self.assertFalse(self.driver.find_element(By.CSS_SELECTOR, ".rs-sidebar a[href$='deep.html']").is_displayed())

    def test_on_a_laptop_the_sidebar_is_there_and_no_menu(self):
        self.load("_site/guide.html", 1366)
        self.assertTrue(self.visible(".rs-sidebar"))
        self.assertFalse(self.visible(".rs-menu"))

    def test_the_theme_button_goes_round_and_is_remembered(self):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "light"}]})
        self.load("_site/guide.html", 1366)
        self.driver.execute_script("localStorage.removeItem('runsmith:theme')")
        self.driver.refresh()
        button = self.driver.find_element(By.CSS_SELECTOR, ".rs-theme")
        background = lambda: self.driver.execute_script("return getComputedStyle(document.documentElement).backgroundColor")
        self.assertEqual((button.text, background()), ("Theme: auto", "rgb(255, 255, 255)"))
        button.click()
        self.assertEqual(button.text, "Theme: light")
        button.click()
        self.assertEqual((button.text, background()), ("Theme: dark", "rgb(18, 21, 27)"))
        # Another page, and a reload: still dark, set before the page is drawn (theme.js is not deferred).
        self.load("_site/other.html", 1366)
        self.assertEqual(self.driver.execute_script("return document.documentElement.getAttribute('data-theme')"), "dark")
        self.assertEqual((self.driver.find_element(By.CSS_SELECTOR, ".rs-theme").text, background()), ("Theme: dark", "rgb(18, 21, 27)"))
        self.driver.find_element(By.CSS_SELECTOR, ".rs-theme").click()
        self.assertEqual(background(), "rgb(255, 255, 255)", "auto: the system's light")
        self.assertIsNone(self.driver.execute_script("return localStorage.getItem('runsmith:theme')"))

    def test_the_header_has_the_logo_links_and_repository_on_a_laptop_and_a_phone(self):
        for width in (1366, 390):
            self.load("_site/guide.html", width)
            logo = self.driver.find_element(By.CSS_SELECTOR, ".rs-logo")
            self.assertTrue(self.driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", logo), "the logo loads")
            links = self.driver.find_elements(By.CSS_SELECTOR, ".rs-header-links a")
            self.assertEqual([a.text for a in links], ["Status", "Support"])
            repo = self.driver.find_element(By.CSS_SELECTOR, ".rs-repo")
            self.assertEqual(repo.accessible_name, "GitHub")
            self.assertEqual(self.driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"),
                             0, "no sideways scroll")
            if width == 1366:
                self.assertEqual(repo.text, "GitHub")
                self.assertLess(abs(self.top(".rs-header-links") - self.top(".rs-site-title")), 10, "one row")
            else:
                self.assertLessEqual(self.driver.execute_script("return arguments[0].querySelector('span').getBoundingClientRect().width", repo),
                                     1, "on a phone the icon only")
                self.assertGreater(self.top(".rs-header-links"), self.top(".rs-site-title") + 20, "the links have a row of their own")

    def test_hints_show_their_kind_and_an_icon(self):
        self.load("_site/other.html", 1366)
        style = self.js_style
        self.assertEqual(style(".rs-hint-warning", "::before", "content"), '"Warning"')
        self.assertEqual(style(".rs-hint-success", "::before", "content"), '"Success"')
        icons = [style(selector, "::after", "mask-image") for selector in (".rs-hint-warning", ".rs-hint-success")]
        self.assertTrue(all(icon.startswith('url("data:image/svg+xml') for icon in icons), icons)
        self.assertNotEqual(icons[0], icons[1], "each kind its own icon")

    def js_style(self, selector, pseudo, name):
        return self.driver.execute_script("return getComputedStyle(document.querySelector(arguments[0]), arguments[1]).getPropertyValue(arguments[2])",
                                          selector, pseudo, name)

    def test_on_this_page_follows_the_scroll(self):
        self.load("_site/guide.html", 1366)
        def active():
            return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, ".rs-toc-list a.rs-toc-active")]
        self.assertEqual(active(), [], "above the first section nothing is marked")
        for part in ("two", "three", "one"):
            self.driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", "part-" + part)
            WebDriverWait(self.driver, 5).until(lambda d: active() == ["Part " + part])
        link = self.driver.find_element(By.CSS_SELECTOR, ".rs-toc-list a.rs-toc-active")
        self.assertEqual(link.get_attribute("aria-current"), "location")


class NavigationFromServe(NavigationInABrowser):
    """The same, in `runsmith serve`'s preview over HTTP (with its reload script on every page)."""
    SERVED = True


if __name__ == "__main__":
    unittest.main()
