"""What the browser tests share: a project written to a temporary folder and built with the `runsmith`
binary named by $RUNSMITH, and Debian's Chromium driven through Selenium and chromium-driver."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains

RUNSMITH = os.environ.get("RUNSMITH", ".build/debug/runsmith")


def write_project(files):
    """A temporary folder holding `files` (path → text)."""
    root = tempfile.mkdtemp(prefix="runsmith-browser-")
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    return root


def build(root, *args):
    """`runsmith build ROOT` into ROOT/_site and ROOT/_tenants; fails the test when the build fails."""
    out = subprocess.run([RUNSMITH, "build", root, "--out", os.path.join(root, "_site"),
                          "--tenants-out", os.path.join(root, "_tenants"), *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise AssertionError("runsmith build failed:\n" + out.stdout + out.stderr)


def chromium():
    """Headless Chromium with its console kept, for the tests to read."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def viewport(driver, width, height=844):
    """The page laid out at `width` CSS pixels (a phone at 390), through DevTools' device emulation:
    a headless window cannot be narrower than 500 px."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def press(driver, *keys):
    """Keys pressed on whatever has the focus, as a keyboard would (no element is targeted)."""
    chain = ActionChains(driver)
    for key in keys:
        chain.send_keys(key)
    chain.perform()


def serve(root):
    """`runsmith serve ROOT` on a free port: the process and its base URL, once it listens."""
    log = tempfile.NamedTemporaryFile(prefix="runsmith-serve-", suffix=".log", delete=False)
    process = subprocess.Popen([RUNSMITH, "serve", root, "--port", "0"], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        with open(log.name, encoding="utf-8", errors="replace") as f:
            found = re.search(r"serving .* at (http://[^ ]+/)", f.read())
        if found:
            return process, found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    process.kill()
    with open(log.name, encoding="utf-8", errors="replace") as f:
        raise AssertionError("runsmith serve did not start:\n" + f.read())


class BuiltSite(unittest.TestCase):
    """A test class over one built project: `PROJECT` (path → text) built once with `BUILD_ARGS`, and
    one browser for all its tests. With `SERVED`, the docs pages (`_site/…`) come from `runsmith serve`
    over HTTP instead of the built files: the same tests, the preview's way."""
    PROJECT = {}
    BUILD_ARGS = ()
    SERVED = False

    @classmethod
    def setUpClass(cls):
        cls.root = write_project(cls.PROJECT)
        build(cls.root, *cls.BUILD_ARGS)
        cls.server, cls.base = serve(cls.root) if cls.SERVED else (None, None)
        cls.driver = chromium()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        if cls.server:
            cls.server.terminate()
            cls.server.wait(10)
        shutil.rmtree(cls.root, ignore_errors=True)

    def load(self, path, width):
        """`path` under the project at `width` CSS pixels: from file://, or for a served class a docs
        page (`_site/x.html`) from the server."""
        viewport(self.driver, width)
        if self.SERVED:
            assert path.startswith("_site/"), "only the docs are served: " + path
            self.driver.get(self.base + path[len("_site/"):])
        else:
            self.driver.get("file://" + os.path.join(self.root, path))
