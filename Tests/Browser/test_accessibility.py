"""axe-core (the engine behind Lighthouse's accessibility audit) over every page of the example site,
content/: its docs, each tenant's home, runbooks and checklists, and the overview — in light and dark,
at a laptop's width and a phone's. No serious or critical violation may be left.

axe-core comes from PyPI's `axe-playwright-python` (pinned; installed without Playwright, which is not
used: only its copy of axe.min.js is), injected into each page by Selenium.
"""
import importlib.util
import os
import shutil
import subprocess
import tempfile
import unittest

from browser import RUNSMITH, chromium, viewport

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def axe_source():
    spec = importlib.util.find_spec("axe_playwright_python")
    with open(os.path.join(spec.submodule_search_locations[0], "axe.min.js"), encoding="utf-8") as f:
        return f.read()


class AccessibilityOfTheExample(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="runsmith-axe-")
        out = subprocess.run([RUNSMITH, "build", os.path.join(REPOSITORY, "content"), "--out", os.path.join(cls.work, "_site"),
                              "--tenants-out", os.path.join(cls.work, "_tenants")], capture_output=True, text=True)
        if out.returncode != 0:
            raise AssertionError("runsmith build failed:\n" + out.stderr)
        cls.pages = sorted(os.path.relpath(os.path.join(root, name), cls.work)
                           for root, _, names in os.walk(cls.work) for name in names if name.endswith(".html"))
        cls.axe = axe_source()
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.work, ignore_errors=True)

    def violations(self, page, scheme, width):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        viewport(self.driver, width)
        self.driver.get("file://" + os.path.join(self.work, page))
        self.driver.execute_script(self.axe)
        result = self.driver.execute_async_script("var done = arguments[0]; axe.run(document).then(done);")
        return [f"{page} ({scheme}, {width} px): {v['id']} ({v['impact']}) at {n['target']}: {n['failureSummary']}"
                for v in result["violations"] if v["impact"] in ("serious", "critical") for n in v["nodes"]]

    def test_every_page_of_the_example_in_both_themes(self):
        self.assertGreater(len(self.pages), 30, self.pages)
        self.assertIn("_tenants/contoso/azure-devops-setup/checklist.html", self.pages)
        found = []
        for scheme in ("light", "dark"):
            for page in self.pages:
                found += self.violations(page, scheme, 1366)
        self.assertEqual(found, [], "\n".join(found))

    def test_the_pages_a_phone_opens(self):
        found = []
        for page in ["_site/index.html", "_site/getting-started/quickstart.html", "_tenants/contoso/index.html",
                     "_tenants/contoso/azure-devops-setup/index.html", "_tenants/contoso/azure-devops-setup/checklist.html"]:
            found += self.violations(page, "light", 390)
        self.assertEqual(found, [], "\n".join(found))


if __name__ == "__main__":
    unittest.main()
