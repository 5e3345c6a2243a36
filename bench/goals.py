#!/usr/bin/env python3
"""The speed goals (issue 18, and issue 17's for search and highlighting), each with its measured ratio
and PASS or MISS, read from bench/results.json as the other benchmarks of one `make bench` left it.

    bench/goals.py [RESULTS]

A goal whose numbers are missing (its benchmark was not run) is shown as "not measured", never PASS.
"""
import json
import os
import sys

import report

HERE = os.path.dirname(os.path.abspath(__file__))


def goals(r):
    """(goal, measured text, passed or None) rows."""
    build, serve, search, hostile = r.get("build", {}), r.get("serve", {}), r.get("search", []), r.get("hostile", {})
    rows = []

    def add(goal, value, passed, fmt="{:.2f}"):
        rows.append((goal, "not measured" if value is None else fmt.format(value), None if value is None else passed(value)))

    for n in ("1000", "10000"):
        b = build.get(n, {})
        add(f"{n} pages: build ≤ 1.5× one cmark-gfm", b.get("build_vs_cmark"), lambda v: v <= 1.5, "{:.2f}×")
        add(f"{n} pages: Hugo ≥ 5× slower than build", b.get("hugo_vs_build"), lambda v: v >= 5, "{:.2f}×")
        cold = b.get("build_s")
        add(f"{n} pages: --cache, nothing changed ≤ 0.2× cold", b.get("cached_build_s") and cold and b["cached_build_s"] / cold,
            lambda v: v <= 0.2, "{:.2f}×")
        add(f"{n} pages: --cache, one page edited ≤ 0.25× cold", b.get("cached_build_after_edit_s") and cold and b["cached_build_after_edit_s"] / cold,
            lambda v: v <= 0.25, "{:.2f}×")
    add("10000 pages: build peak RSS ≤ 100 MB", build.get("10000", {}).get("peak_rss_mb"), lambda v: v <= 100, "{} MB")
    add("100 tenants × one 30-section runbook ≤ 2 s", build.get("tenants", {}).get("runbooks_s"), lambda v: v <= 2, "{:.2f} s")
    cold_start = next((v for k, v in serve.get("cold_start_cached_s", {}).items() if k.startswith("10000")), None)
    add("serve: cold start at 10,000 pages from --cache ≤ 3 s", cold_start, lambda v: v <= 3, "{:.2f} s")
    add("serve: peak RSS at 10,000 pages, 100 tenants ≤ 300 MB", serve.get("memory_mb", {}).get("peak"), lambda v: v <= 300, "{} MB")
    add("serve: include used by 1,000 pages → reload ≤ 300 ms", serve.get("edit_include_1000_pages_ms", {}).get("median"),
        lambda v: v <= 300, "{:.0f} ms")
    for name, h in hostile.items():
        add(f"hostile: {name}, largest size ≤ 0.5 s", h["seconds"][-1], lambda v: v <= 0.5, "{:.2f} s")
        add(f"hostile: {name}, doubling ≤ 2× the time", max(h["doubling_ratios"]), lambda v: v <= 2, "{:.2f}×")
    for s in search:
        n = s["pages"]
        add(f"{n} pages: search index stage ≤ 10% of the build", s.get("search_share"), lambda v: v <= 0.10, "{:.1%}")
        first = max((q["bytes"] for q in s.get("first_query", {}).values()), default=None)
        add(f"{n} pages: a first query loads ≤ 300 KB", first and first / 1024, lambda v: v <= 300, "{:.0f} KB")
        add(f"{n} pages: highlighting ≤ 10% of the build", s.get("highlight", {}).get("share"), lambda v: v <= 0.10, "{:.1%}")
    return rows


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "results.json")
    with open(path) as f:
        rows = goals(json.load(f))
    verdict = {True: "PASS", False: "MISS", None: "—"}
    report.table([(goal, f"{value}  {verdict[passed]}") for goal, value, passed in rows], "Goals (issues 17 and 18)")
    passed = sum(1 for _, _, p in rows if p)
    print(f"{passed} of {len(rows)} goals met; {sum(1 for _, _, p in rows if p is None)} not measured")


if __name__ == "__main__":
    main()
