#!/usr/bin/env python3
"""Reader-side numbers: what the search index costs in a build, how big it is, what a first query loads,
and the same site indexed by Pagefind (PyPI `pagefind[bin]`) for comparison; and what highlighting code
with Pygments costs (the same tree built with `highlight: off`, and again with `--cache`).

    bench/search.py RUNSMITH [--sizes 1000,10000]

For each size N: a generated space of N pages built once with RUNSMITH_TRACE (the "search index" stage
next to the whole build), the index's files and bytes, and in headless Chromium (Selenium) the script
files a reader's first query loads, for a few queries, from file://. Then `pagefind --site` over the
built site: wall time, peak memory, output size. Highlighting: the fastest of three builds with and three
without, and a second build with `--cache` (its pages, colours included, come from the cache). Needs the browser tests' virtualenv (`make bench`
makes it). Merges the numbers into bench/results.json under "search".
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

import report

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "Browser"))
from browser import chromium, press  # noqa: E402

QUERIES = ["repository", "token scope", "conf", "pipeline webhook proxy"]


def folder_size(path):
    total, count = 0, 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
            count += 1
    return total, count


def first_query_bytes(driver, site, query):
    """Bytes of the search scripts a fresh page loads to answer `query` (search.js and index parts)."""
    driver.get("file://" + os.path.join(site, "index.html"))
    press(driver, "/")
    press(driver, query)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        status = driver.find_element("css selector", ".rs-search-status")
        if status.get_attribute("data-query") == query:
            break
        time.sleep(0.05)
    # The loader adds each index part as a <script>; the page has search.js itself.
    names = driver.execute_script("return Array.prototype.map.call(document.querySelectorAll('script[src]'), function (s) { return s.src; })")
    paths = [urllib.parse.unquote(n[len("file://"):]) for n in names if "/_runsmith/search" in n]
    return sum(os.path.getsize(p) for p in paths), len(paths)


PAGEFIND_PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>bench</title></head><body></body></html>"

RUNSMITH_QUERY = """
const q = arguments[0], done = arguments[arguments.length - 1];
const input = document.querySelector('.rs-search-input'), status = document.querySelector('.rs-search-status');
document.querySelector('.rs-search-open').click();
const t0 = performance.now();
new MutationObserver(function () {
  if (status.getAttribute('data-query') !== q) return;
  const bytes = performance.getEntriesByType('resource').filter(e => e.name.includes('/_runsmith/search'))
    .reduce((a, e) => a + e.encodedBodySize, 0);
  done([performance.now() - t0 - 100, bytes, status.textContent]);
}).observe(status, {attributes: true});
input.value = q;
input.dispatchEvent(new Event('input'));
"""

PAGEFIND_QUERY = """
const q = arguments[0], done = arguments[arguments.length - 1];
const t0 = performance.now();
import('/pagefind/pagefind.js').then(async function (pf) {
  await pf.init();
  const found = await pf.search(q);
  await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  const bytes = performance.getEntriesByType('resource').reduce((a, e) => a + e.encodedBodySize, 0);
  done([performance.now() - t0, bytes, found.results.length + ' results']);
});
"""


def served_queries(site):
    """Each query's first run on a fresh page, over HTTP (Pagefind's fetch needs it): Runsmith's search
    box (time from the typing's pause, its 100 ms wait taken off) and Pagefind's JS API (import, init,
    search, the first 10 results' data). Milliseconds and bytes loaded."""
    with open(os.path.join(site, "pagefind-bench.html"), "w") as f:
        f.write(PAGEFIND_PAGE)
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", site],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = re.search(r"port (\d+)", server.stdout.readline()).group(1)
        base = f"http://127.0.0.1:{port}/"
        driver = chromium()
        driver.set_script_timeout(30)
        out = {}
        try:
            for q in QUERIES:
                driver.get(base + "index.html")
                ours = driver.execute_async_script(RUNSMITH_QUERY, q)
                driver.get(base + "pagefind-bench.html")
                theirs = driver.execute_async_script(PAGEFIND_QUERY, q)
                out[q] = {"runsmith_ms": round(ours[0]), "runsmith_bytes": ours[1], "runsmith_found": ours[2],
                          "pagefind_ms": round(theirs[0]), "pagefind_bytes": theirs[1], "pagefind_found": theirs[2]}
        finally:
            driver.quit()
        return out
    finally:
        server.terminate()
        server.wait()


def measure(runsmith, pages):
    work = tempfile.mkdtemp(prefix="runsmith-search-bench-")
    tree, out = os.path.join(work, "docs"), os.path.join(work, "site")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), tree, "--pages", str(pages)], check=True, stdout=subprocess.DEVNULL)
    started = time.monotonic()
    done = subprocess.run([runsmith, "build", tree, "--out", out], env=dict(os.environ, RUNSMITH_TRACE="1"),
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.monotonic() - started
    stage = re.search(r"search index (\d+) ms", done.stderr)
    size, files = folder_size(os.path.join(out, "_runsmith", "search"))
    driver = chromium()
    try:
        loads = {q: first_query_bytes(driver, out, q) for q in QUERIES}
    finally:
        driver.quit()
    highlight = highlight_cost(runsmith, tree, work)
    # Into the built site, where its script looks for it (`/pagefind/`).
    pagefind_out = os.path.join(out, "pagefind")
    started = time.monotonic()
    pf = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "pagefind", "--site", out, "--output-path", pagefind_out],
                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    pf_wall = time.monotonic() - started
    pf_rss = int(pf.stderr.strip().splitlines()[-1]) // 1024 if pf.returncode == 0 else None
    pf_size, pf_files = folder_size(pagefind_out) if pf.returncode == 0 else (None, None)
    queries = served_queries(out) if pf.returncode == 0 else {}
    shutil.rmtree(work, ignore_errors=True)
    search_ms = int(stage.group(1)) if stage else None
    return {
        "pages": pages, "build_s": round(wall, 2), "search_index_s": search_ms and round(search_ms / 1000, 2),
        "search_share": search_ms and round(search_ms / 1000 / wall, 3),
        "index_bytes": size, "index_files": files,
        "first_query": {q: {"bytes": b, "files": n} for q, (b, n) in loads.items()},
        "pagefind": {"wall_s": round(pf_wall, 2), "peak_rss_mb": pf_rss, "bytes": pf_size, "files": pf_files},
        "highlight": highlight,
        "served_queries": queries,
    }


def fastest_build(runsmith, tree, out, *args, runs=3):
    best = None
    for _ in range(runs):
        started = time.monotonic()
        subprocess.run([runsmith, "build", tree, "--out", out, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.monotonic() - started
        best = wall if best is None else min(best, wall)
    return best


def highlight_cost(runsmith, tree, work):
    """Builds with colours and without (`highlight: off` in runsmith.yml), and with colours from a warm cache."""
    out, cache = os.path.join(work, "hl-site"), os.path.join(work, "hl-cache")
    blocks = 0
    for root, _, files in os.walk(tree):
        for name in files:
            if name.endswith(".md"):
                with open(os.path.join(root, name), encoding="utf-8") as f:
                    blocks += sum(1 for line in f if line.startswith("```") and len(line.strip()) > 3)
    config = os.path.join(tree, "runsmith.yml")
    original = open(config, encoding="utf-8").read() if os.path.exists(config) else None
    # With colours and without in turns, the fastest of three each: three of one then three of the other
    # measured the machine's drift between them as much as the colours (at 10,000 pages, ±0.5 s).
    on = off = None
    try:
        for _ in range(3):
            for colours in (True, False):
                if colours and original is None:
                    if os.path.exists(config):
                        os.remove(config)
                else:
                    with open(config, "w", encoding="utf-8") as f:
                        f.write((original or "") + ("" if colours else "highlight: off\n"))
                wall = fastest_build(runsmith, tree, out, runs=1)
                if colours:
                    on = wall if on is None else min(on, wall)
                else:
                    off = wall if off is None else min(off, wall)
    finally:
        if original is None:
            if os.path.exists(config):
                os.remove(config)
        else:
            with open(config, "w", encoding="utf-8") as f:
                f.write(original)
    fastest_build(runsmith, tree, out, "--cache", cache, runs=1)
    cached = fastest_build(runsmith, tree, out, "--cache", cache)
    return {"code_blocks": blocks, "build_s": round(on, 2), "build_off_s": round(off, 2),
            "cost_s": round(on - off, 2), "share": round((on - off) / on, 3), "cached_build_s": round(cached, 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("runsmith")
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    results = [measure(os.path.abspath(args.runsmith), int(n)) for n in args.sizes.split(",")]
    for r in results:
        rows = [("build (s)", r["build_s"]), ("search index stage (s)", r["search_index_s"]),
                ("search share of the build (goal ≤ 0.10)", r["search_share"]),
                ("index size (KB) / files", f"{r['index_bytes'] // 1024} / {r['index_files']}")]
        rows += [(f"first query '{q}' (KB, files; goal ≤ 300 KB)", f"{v['bytes'] // 1024}, {v['files']}") for q, v in r["first_query"].items()]
        pf = r["pagefind"]
        rows += [("pagefind: index time (s) / peak RSS (MB)", f"{pf['wall_s']} / {pf['peak_rss_mb']}"),
                 ("pagefind: index size (KB) / files", f"{(pf['bytes'] or 0) // 1024} / {pf['files']}")]
        for q, v in r["served_queries"].items():
            rows.append((f"'{q}' over HTTP: Runsmith / Pagefind (ms; KB by Resource Timing)",
                         f"{v['runsmith_ms']} / {v['pagefind_ms']}; {v['runsmith_bytes'] // 1024} / {v['pagefind_bytes'] // 1024}"))
        hl = r["highlight"]
        rows += [(f"highlighting: {hl['code_blocks']} code blocks, build with / without (s)", f"{hl['build_s']} / {hl['build_off_s']}"),
                 ("highlighting: share of the build (aim ≤ 0.10)", hl["share"]),
                 ("highlighting: build with --cache, nothing changed (s)", hl["cached_build_s"])]
        report.table(rows, title=f"Search and highlighting, {r['pages']} pages")
    report.save("search", results)


if __name__ == "__main__":
    main()
