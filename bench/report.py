"""What both benchmarks do with their numbers: a table on stdout, a section of bench/results.json."""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def table(rows, title=None):
    """Prints (what, value) rows, the values lined up."""
    if title:
        print(title)
    width = max(len(r[0]) for r in rows)
    for what, value in rows:
        print(f"  {what.ljust(width)}  {value}")


def save(section, results):
    """Replaces `section` of bench/results.json, keeping the other benchmark's numbers."""
    out = os.path.join(HERE, "results.json")
    merged = json.load(open(out)) if os.path.exists(out) else {}
    merged[section] = results
    with open(out, "w") as f:
        json.dump(merged, f, indent=2, sort_keys=True)
        f.write("\n")
