"""`make screenshots`: the example site (content/) built and photographed in headless Chromium: the home
page, a rich page, a runbook and its checklist, at 1366 px (a laptop) and 390 px (a phone), in light
and dark mode (the system's choice, emulated), into docs/screenshots/NAME-WIDTH-THEME.png."""
import os
import shutil
import sys
import tempfile

from browser import RUNSMITH, chromium, viewport
import subprocess

PAGES = {
    "home": "_site/index.html",
    "rich-page": "_site/getting-started/quickstart.html",
    "runbook": "_tenants/contoso/azure-devops-setup/index.html",
    "checklist": "_tenants/contoso/azure-devops-setup/checklist.html",
}


def main(content, out):
    work = tempfile.mkdtemp(prefix="runsmith-screenshots-")
    try:
        built = subprocess.run([RUNSMITH, "build", content, "--out", os.path.join(work, "_site"),
                                "--tenants-out", os.path.join(work, "_tenants")], capture_output=True, text=True)
        if built.returncode != 0:
            sys.exit("runsmith build failed:\n" + built.stdout + built.stderr)
        os.makedirs(out, exist_ok=True)
        driver = chromium()
        try:
            for name, path in PAGES.items():
                for width, height in ((1366, 900), (390, 844)):
                    for theme in ("light", "dark"):
                        viewport(driver, width, height)
                        driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                               {"features": [{"name": "prefers-color-scheme", "value": theme}]})
                        driver.get("file://" + os.path.join(work, path))
                        target = os.path.join(out, "%s-%d-%s.png" % (name, width, theme))
                        driver.save_screenshot(target)
                        print(target)
        finally:
            driver.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "content", sys.argv[2] if len(sys.argv) > 2 else "docs/screenshots")
