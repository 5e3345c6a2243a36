#!/usr/bin/env python3
"""Pathological pages (issue 7): how long `runsmith render` takes on each, against a bound of 1 s; and
issue 18's hostile inputs, each `runsmith check`ed at the sizes the issue gives, against its goals: 0.5 s
at most, and a doubled input taking at most twice as long (PASS/MISS each).

    bench/pathological.py RUNSMITH [--repeat 3]

The same inputs as Tests/RunsmithTests/PathologicalInputTests.swift, which checks their output with a
generous timeout; here the release binary is timed (median of --repeat runs) next to `cmark-gfm` on the
same page where cmark alone can read it. Prints a table and writes bench/results.json under "pathological".
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import report

N = 10_000


def cases():
    """name → (page file, {path: text})"""
    diamond = {"page.md": '{% include "d0.md" %}\n', "d20.md": "leaf\n"}
    for i in range(20):
        diamond[f"d{i}.md"] = f'{{% include "d{i + 1}.md" %}}\n{{% include "d{i + 1}.md" %}}\n'
    return {
        "10,000 nested hints": ("page.md", {"page.md": '{% hint style="info" %}\n' * N + "deep\n" + "{% endhint %}\n" * N}),
        "10,000 nested admonitions": ("page.md", {"page.md": ":::note\n" * N + "deep\n" + ":::\n" * N}),
        "10,000 nested tabs": ("page.md", {"page.md": '{% tabs %}\n{% tab title="T" %}\n' * N + "deep\n" + "{% endtab %}\n{% endtabs %}\n" * N}),
        "10,000 nested block quotes": ("page.md", {"page.md": ">" * N + " deep\n"}),
        "10,000 nested list items": ("page.md", {"page.md": "- " * N + "deep\n"}),
        "a 10 MB line": ("page.md", {"page.md": "word " * 2_097_152 + "\n"}),
        "10,000 nested unclosed <div>": ("page.md", {"page.md": "<div>" * N + "\n\ntext\n"}),
        "100,000 stray </div>": ("page.md", {"page.md": "</div>" * 100_000 + "\n\ntext\n"}),
        "50,000 inline <span> left open": ("page.md", {"page.md": "a <span>" * 50_000 + "\n"}),
        "10 MB in one HTML block": ("page.md", {"page.md": "<div>" + "word " * 2_097_152 + "</div>\n"}),
        "100,000 unclosed {%": ("page.md", {"page.md": "# Title\n\n" + "{% " * 100_000 + "\n"}),
        "an include used 10,000 times": ("page.md", {"page.md": '{% include "one.md" %}\n\n' * N, "one.md": "Included *text*.\n"}),
        "an include diamond 20 levels deep": ("page.md", diamond),
        "a partial importing itself through 3 files": ("a.mdx", {"a.mdx": 'import B from "./b.mdx";\n\n<B />\n',
                                                                 "b.mdx": 'import C from "./c.mdx";\n\n<C />\n',
                                                                 "c.mdx": 'import A from "./a.mdx";\n\n<A />\n'}),
        "100,000 * then 100,000 *": ("page.md", {"page.md": "*" * 100_000 + "a" + "*" * 100_000 + "\n"}),
        "50,000 _a": ("page.md", {"page.md": "_a" * 50_000 + "\n"}),
        "100,000 [": ("page.md", {"page.md": "[" * 100_000 + "a" + "]" * 10 + "\n"}),
        "backtick runs 1..2999": ("page.md", {"page.md": "".join("`" * i + "a" for i in range(1, 3000)) + "\n"}),
        "50,000 [a](": ("page.md", {"page.md": "[a](" * 50_000 + "\n"}),
        "1,000,000 link reference definitions": ("page.md", {"page.md": "".join(f"[r{i}]: /u{i}\n" for i in range(1_000_000))
                                                                        + "\nSee [r999999] and [r5].\n"}),
    }


SCHEMA = {"tenants/schema.yml": "variables:\n  org: { type: string }\n",
          "tenants/a.yml": "id: a\nname: A\nvars: { org: acme }\n"}

# name → (sizes, files for a size): the inputs issue 18 names, at its sizes.
HOSTILE = {
    "unclosed {% hint %}": ([10_000, 20_000, 40_000], lambda n: {"README.md": "# T\n\n" + '{% hint style="info" %}\n' * n}),
    ":::note lines": ([50_000, 100_000], lambda n: {"README.md": "# T\n\n" + ":::note\n" * n}),
    "undeclared {{ }} on one line": ([5_000, 10_000, 20_000, 40_000],
                                     lambda n: dict(SCHEMA, **{"README.md": "# T\n\n" + "{{ vars.nope }} " * n + "\n"})),
    "valid {{ }} on one line": ([20_000, 40_000], lambda n: dict(SCHEMA, **{"README.md": "# T\n\n" + "{{ vars.org }} " * n + "\n"})),
}


def hostile(runsmith, repeat):
    """Each hostile input at each size: the median `runsmith check` time, its goal and the doubling ratio.
    The sizes of one input are timed in turns (small, large, small, large…), at least five times each: a
    ratio of two medians taken minutes apart measured the machine's drift as much as the input's cost."""
    results, rows = {}, []
    for name, (sizes, make) in HOSTILE.items():
        works = []
        try:
            for n in sizes:
                works.append(tempfile.mkdtemp(prefix="runsmith-hostile-"))
                for path, text in make(n).items():
                    os.makedirs(os.path.dirname(os.path.join(works[-1], path)), exist_ok=True)
                    with open(os.path.join(works[-1], path), "w") as f:
                        f.write(text)
            runs = [[] for _ in sizes]
            for _ in range(max(repeat, 5)):
                for work, times in zip(works, runs):
                    times += [timed([runsmith, "check", work], work, 1)]
            times = [statistics.median(t) for t in runs]
        finally:
            for work in works:
                shutil.rmtree(work, ignore_errors=True)
        ratios = [b / a for a, b in zip(times, times[1:])]
        results[name] = {"sizes": sizes, "seconds": [round(t, 3) for t in times], "doubling_ratios": [round(r, 2) for r in ratios]}
        for n, t in zip(sizes, times):
            rows.append((f"{name}, {n:,}", f"{t:.2f} s ({'PASS' if t <= 0.5 else 'MISS'} ≤ 0.5 s)"))
        worst = max(ratios)
        rows.append((f"{name}: doubling ratio, worst", f"{worst:.2f} ({'PASS' if worst <= 2.0 else 'MISS'} ≤ 2)"))
    report.table(rows, "runsmith check on issue 18's hostile inputs")
    return results


def timed(command, cwd, repeat):
    times = []
    for _ in range(repeat):
        started = time.monotonic()
        subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.monotonic() - started)
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runsmith")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runsmith = os.path.abspath(args.runsmith)
    results, rows = {}, []
    for name, (page, files) in cases().items():
        work = tempfile.mkdtemp(prefix="runsmith-patho-")
        try:
            for path, text in files.items():
                with open(os.path.join(work, path), "w") as f:
                    f.write(text)
            seconds = timed([runsmith, "render", page], work, args.repeat)
            cmark = timed(["cmark-gfm", "-e", "table", "-e", "tasklist", page], work, args.repeat) if len(files) == 1 else None
            results[name] = {"runsmith_s": round(seconds, 3), "cmark_gfm_s": round(cmark, 3) if cmark is not None else None}
            verdict = "ok" if seconds < 1 else "OVER 1 s"
            rows.append((name, f"{seconds:.2f} s ({verdict})" + (f", cmark-gfm {cmark:.2f} s" if cmark is not None else "")))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    report.table(rows, "runsmith render on pathological pages (bound: 1 s each)")
    report.save("pathological", results)
    report.save("hostile", hostile(runsmith, args.repeat))


if __name__ == "__main__":
    main()
