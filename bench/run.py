#!/usr/bin/env python3
"""Build numbers: Runsmith against one cmark-gfm process and against Hugo, on the same generated docs.

    bench/run.py RUNSMITH [--sizes 1000,10000] [--tenants 100] [--repeat 3]

For each size N: `runsmith build` and `runsmith check` of a generated GitBook space of N pages;
`cmark-gfm -e table -e tasklist` over all its markdown bytes in one process (the floor for parsing and
rendering alone); `hugo` building the same markdown with a one-line layout. Then the same space with
T tenants and a 30-section runbook: how long the runbooks take (from RUNSMITH_TRACE). And `build --cache`
as CI runs it: with nothing changed since the build that filled the cache, and after one page was edited.
Every build writes into a folder that does not exist yet, as on a fresh CI runner (the last output is moved
aside), except one more with nothing changed and the last output kept, as a local rebuild. Wall times are
medians of --repeat runs; peak memory is the largest resident set of the runs.
Prints a table, ratios first, and merges the numbers into bench/results.json under "build".
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import report

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(command, repeat, stdin=None, env=None, cwd=None, before=None):
    """Median wall time (s), peak RSS (MB) of the children, and the last run's stderr. `before` runs
    before each repetition, untimed."""
    times, peak, err = [], 0, ""
    report = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".time-report")
    for _ in range(repeat):
        if before:
            before()
        started = time.monotonic()
        with open(stdin, "rb") if stdin else open(os.devnull, "rb") as feed:
            # GNU time reports the peak resident set of exactly this command.
            done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report] + command, stdin=feed, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, env=env, cwd=cwd, text=True)
        times.append(time.monotonic() - started)
        err = done.stderr
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{err[-2000:]}")
        with open(report) as f:
            peak = max(peak, int(f.read().split()[-1]))
        os.remove(report)
    return statistics.median(times), peak // 1024, err


def hugo_site(tree, work):
    site = os.path.join(work, "hugo")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "layouts", "_default"))
    for name in ("single.html", "list.html"):
        with open(os.path.join(site, "layouts", "_default", name), "w") as f:
            f.write("<!DOCTYPE html><title>{{ .Title }}</title>{{ .Content }}\n")
    with open(os.path.join(site, "hugo.toml"), "w") as f:
        f.write(f'baseURL = "https://example.org/"\ncontentDir = "{tree}"\n'
                'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n')
    return site


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runsmith")
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", default="/tmp/runsmith-bench")
    args = parser.parse_args()
    runsmith = os.path.abspath(args.runsmith)
    os.makedirs(args.work, exist_ok=True)
    results = {}
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        tree = os.path.join(args.work, f"n{n}")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), tree, "--pages", str(n)], check=True, stdout=subprocess.DEVNULL)
        markdown = os.path.join(args.work, f"n{n}.all.md")
        with open(markdown, "wb") as out:
            for folder, dirs, files in sorted(os.walk(tree)):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".md"):
                        with open(os.path.join(folder, name), "rb") as f:
                            out.write(f.read())
        out_dir = os.path.join(args.work, f"n{n}-site")
        repeat = args.repeat if n <= 1000 else 1
        # As on a fresh CI runner, each build below writes into a folder that does not exist: the last
        # output is moved aside (not deleted: thousands of files just deleted slow the next file creation
        # on ext4, which a fresh runner does not have), so no build links files from it.
        aside = []
        def fresh_output():
            if os.path.exists(out_dir):
                aside.append(f"{out_dir}.old{len(aside)}")
                os.rename(out_dir, aside[-1])
        cmark, _, _ = timed(["cmark-gfm", "-e", "table", "-e", "tasklist"], repeat, stdin=markdown)
        check, _, _ = timed([runsmith, "check", tree], repeat)
        build, rss, _ = timed([runsmith, "build", tree, "--out", out_dir], repeat, before=fresh_output)
        # CI with `--cache`: a first build fills it, then a build with nothing changed, then one after an edit.
        cache = os.path.join(args.work, f"n{n}-cache")
        shutil.rmtree(cache, ignore_errors=True)
        timed([runsmith, "build", tree, "--out", out_dir, "--cache", cache], 1, before=fresh_output)
        warm, _, _ = timed([runsmith, "build", tree, "--out", out_dir, "--cache", cache], repeat, before=fresh_output)
        # A local rebuild: the last output is still there, and its unchanged files are linked.
        kept, _, _ = timed([runsmith, "build", tree, "--out", out_dir, "--cache", cache], repeat)
        edited = next(os.path.join(folder, name) for folder, _, files in sorted(os.walk(tree)) for name in sorted(files)
                      if name.endswith(".md") and name != "SUMMARY.md")
        with open(edited, "a") as f:
            f.write("\nOne more paragraph.\n")
        after_edit, _, _ = timed([runsmith, "build", tree, "--out", out_dir, "--cache", cache], 1, before=fresh_output)
        shutil.rmtree(cache, ignore_errors=True)
        for folder in aside:
            shutil.rmtree(folder, ignore_errors=True)
        hugo, hugo_rss, _ = timed(["hugo", "--quiet", "-d", os.path.join(args.work, "hugo-out")], 1, cwd=hugo_site(tree, args.work))
        results[str(n)] = {"pages": n, "markdown_mb": round(os.path.getsize(markdown) / 1e6, 1), "build_s": round(build, 3),
                           "check_s": round(check, 3), "cmark_gfm_s": round(cmark, 3), "hugo_s": round(hugo, 3),
                           "build_vs_cmark": round(build / cmark, 2), "hugo_vs_build": round(hugo / build, 2),
                           "peak_rss_mb": rss, "hugo_peak_rss_mb": hugo_rss,
                           "cached_build_s": round(warm, 3), "cached_build_after_edit_s": round(after_edit, 3),
                           "cached_build_output_kept_s": round(kept, 3)}
        rows += [(f"{n} pages ({results[str(n)]['markdown_mb']} MB): build / one cmark-gfm", f"{build / cmark:.2f}×"),
                 (f"{n} pages: hugo / build", f"{hugo / build:.2f}×"),
                 (f"{n} pages: build, check, cmark-gfm, hugo", f"{build:.2f} s, {check:.2f} s, {cmark:.2f} s, {hugo:.2f} s"),
                 (f"{n} pages: peak memory, runsmith / hugo", f"{rss} MB / {hugo_rss} MB"),
                 (f"{n} pages: build --cache, nothing changed / one page edited", f"{warm:.2f} s / {after_edit:.2f} s"),
                 (f"{n} pages: build --cache, nothing changed, last output kept", f"{kept:.2f} s")]
        shutil.rmtree(out_dir, ignore_errors=True)
    sizes = sorted(int(k) for k in results)
    if len(sizes) >= 2:
        ratio = results[str(sizes[-1])]["build_s"] / results[str(sizes[0])]["build_s"]
        results["scaling"] = round(ratio, 2)
        rows.insert(0, (f"scaling: build({sizes[-1]}) / build({sizes[0]})", f"{ratio:.2f}"))
    if args.tenants:
        n = sizes[-1]
        tree = os.path.join(args.work, f"n{n}-tenants")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), tree, "--pages", str(n), "--tenants", str(args.tenants)],
                       check=True, stdout=subprocess.DEVNULL)
        _, _, err = timed([runsmith, "check", tree], 1, env=dict(os.environ, RUNSMITH_TRACE="1"))
        found = re.search(r"runbooks (\d+(?:\.\d+)?) ms", err)
        runbooks = float(found.group(1)) / 1000 if found else float("nan")
        results["tenants"] = {"tenants": args.tenants, "sections": 30, "pages": n, "runbooks_s": round(runbooks, 3)}
        rows.append((f"{args.tenants} tenants × one 30-section runbook ({n} pages)", f"{runbooks:.2f} s"))
    report.table(rows)
    report.save("build", results)
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
