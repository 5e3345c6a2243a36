#!/usr/bin/env python3
"""`runsmith serve` numbers: cold start, edit → reload event, memory held.

    bench/serve.py RUNSMITH [--fixtures DIR] [--pages 10000] [--tenants 100] [--repeat 5]

Cold start: from starting the process to the first page answered, on the two fixture trees and on the
generated tree. Edit → reload: the time from writing a file to the `data:` event on /_runsmith/events,
for a plain page and for an include used by 1,000 pages (median of --repeat edits). Memory: the
server's resident set after start and after the edits (VmRSS), and its peak (VmHWM).
Prints a table and merges the numbers into bench/results.json under "serve".
"""
import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time

import report

HERE = os.path.dirname(os.path.abspath(__file__))


def memory(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                key, value = line.split(":")
                values[key] = int(value.split()[0]) // 1024
    return values


class Server:
    def __init__(self, runsmith, root, extra=()):
        self.started = time.monotonic()
        self.process = subprocess.Popen([runsmith, "serve", root, "--port", "0", *extra], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True)
        self.port = None
        for line in self.process.stderr:
            found = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
            if found:
                self.port = int(found.group(1))
                break
        if self.port is None:
            raise SystemExit(f"runsmith serve {root} did not start")
        # Keep reading stderr so the server never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()
        self.get("/")
        self.cold_start = time.monotonic() - self.started

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        return response.status, body

    def events(self):
        """Yields the monotonic time of each `data:` line of the event stream (in a thread)."""
        stamps = []
        ready = threading.Event()

        def listen():
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            connection.request("GET", "/_runsmith/events")
            response = connection.getresponse()
            ready.set()
            while True:
                line = response.fp.readline()
                if not line:
                    return
                if line.startswith(b"data:"):
                    stamps.append(time.monotonic())

        threading.Thread(target=listen, daemon=True).start()
        ready.wait(10)
        time.sleep(0.2)
        return stamps

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


def edit_latency(server, stamps, path, repeat):
    times = []
    for k in range(repeat):
        before = len(stamps)
        with open(path, "a") as f:
            started = time.monotonic()
            f.write(f"\nEdited {k}.\n")
        deadline = started + 120
        while len(stamps) == before and time.monotonic() < deadline:
            time.sleep(0.001)
        if len(stamps) == before:
            raise SystemExit(f"no reload event after editing {path}")
        times.append((stamps[before] - started) * 1000)
        time.sleep(0.3)
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("runsmith")
    parser.add_argument("--fixtures", default=os.path.join(HERE, "..", "..", "shared", "fixtures"))
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--tenants", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--work", default="/tmp/runsmith-bench-serve")
    args = parser.parse_args()

    results = {"cold_start_s": {}}
    rows = []
    for name, root in [("gitbook-mariadb", os.path.join(args.fixtures, "gitbook-mariadb", "server")),
                       ("docusaurus-ory", os.path.join(args.fixtures, "docusaurus-ory"))]:
        if not os.path.isdir(root):
            print(f"skipping {name}: {root} is missing", file=sys.stderr)
            continue
        server = Server(args.runsmith, root)
        results["cold_start_s"][name] = round(server.cold_start, 3)
        rows.append((f"cold start, {name}", f"{server.cold_start:.2f} s"))
        server.stop()

    tree = os.path.join(args.work, f"n{args.pages}")
    subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), tree, "--pages", str(args.pages),
                    "--tenants", str(args.tenants)], check=True, stdout=subprocess.DEVNULL)
    server = Server(args.runsmith, tree)
    label = f"{args.pages} pages, {args.tenants} tenants"
    results["cold_start_s"][label] = round(server.cold_start, 3)
    rows.append((f"cold start, {label}", f"{server.cold_start:.2f} s"))
    after_start = memory(server.process.pid)
    stamps = server.events()
    # A page no include, runbook step or link list singles out: the last one.
    plain = os.path.join(tree, f"area-{(args.pages - 1) // 40:03d}", f"page-{args.pages - 1:05d}.md")
    median, all_times = edit_latency(server, stamps, plain, args.repeat)
    results["edit_plain_page_ms"] = {"median": round(median, 1), "runs": [round(t, 1) for t in all_times]}
    rows.append(("edit → reload, plain page", f"{median:.0f} ms"))
    include = os.path.join(tree, ".gitbook", "includes", "_common.md")
    median, all_times = edit_latency(server, stamps, include, args.repeat)
    results["edit_include_1000_pages_ms"] = {"median": round(median, 1), "runs": [round(t, 1) for t in all_times]}
    rows.append(("edit → reload, include used by 1,000 pages", f"{median:.0f} ms"))
    after_edits = memory(server.process.pid)
    server.stop()
    results["memory_mb"] = {"after_start": after_start["VmRSS"], "after_edits": after_edits["VmRSS"], "peak": after_edits["VmHWM"]}
    # The cold start is with `--cache`: a first preview fills it, the second starts from it.
    cache = os.path.join(args.work, "cache")
    Server(args.runsmith, tree, ["--cache", cache]).stop()
    cached = Server(args.runsmith, tree, ["--cache", cache])
    cached.stop()
    results["cold_start_cached_s"] = {label: round(cached.cold_start, 3)}
    rows.append((f"cold start from --cache, {label}", f"{cached.cold_start:.2f} s"))
    rows.append(("memory held after start / after edits", f"{after_start['VmRSS']} / {after_edits['VmRSS']} MB"))
    rows.append(("peak memory", f"{after_edits['VmHWM']} MB"))

    report.table(rows, f"runsmith serve ({label})")
    report.save("serve", results)
    shutil.rmtree(args.work, ignore_errors=True)


if __name__ == "__main__":
    main()
