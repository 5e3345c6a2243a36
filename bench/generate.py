#!/usr/bin/env python3
"""Writes a deterministic synthetic GitBook space shaped like real product docs, for `make bench`.

    bench/generate.py OUT --pages 10000 [--tenants 100] [--seed 1]

Pages: median about 2.2 KB, p99 about 80 KB (log-normal sizes), in folders of up to 40 pages listed by
SUMMARY.md. Each page has hints, tabs, steppers, tables, code and images (GitBook's `image (N).png`
names), `## Section k` headings and about 7 relative links with anchors that exist. 20 includes under
.gitbook/includes/; `_common.md` is included by exactly 1,000 pages (or all of them, when fewer), the
others by a few pages each. With tenants: tenants/schema.yml, T tenants and runbooks/setup.yml with 30
sections, and conditions on the deployment in one page out of ten.

The same arguments always give the same bytes (a seeded random generator, sorted output).
"""
import argparse
import math
import os
import random
import shutil

WORDS = ("token organization project pipeline connect scope repository group access server service "
         "policy member admin setting webhook secret agent broker network proxy certificate install "
         "configure verify select open create copy paste save enable disable permission user team "
         "branch build release deploy monitor audit log event alert report dashboard the a to of and "
         "in with for on is are your this that when then each every").split()

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def sentence(rng, n=None):
    words = [rng.choice(WORDS) for _ in range(n or rng.randint(6, 16))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def target_size(rng):
    # Log-normal around a target below the 2.2 KB median: headings and the first blocks overshoot it.
    return min(int(1600 * math.exp(rng.gauss(0, 1.7))), 400_000)


class Space:
    def __init__(self, pages, tenants, seed):
        self.rng = random.Random(seed)
        self.n = pages
        self.tenants = tenants
        self.folders = [f"area-{i // 40:03d}" for i in range(pages)]
        self.paths = [f"{self.folders[i]}/page-{i:05d}.md" for i in range(pages)]
        self.sections = {}  # page index -> number of ## sections

    def relative(self, from_index, to_index):
        if self.folders[from_index] == self.folders[to_index]:
            return os.path.basename(self.paths[to_index])
        return "../" + self.paths[to_index]

    def block(self, i, rng):
        kind = rng.choice(["p", "p", "p", "hint", "tabs", "stepper", "table", "code", "image", "list"])
        if kind == "hint":
            style = rng.choice(["info", "warning", "success", "danger"])
            return f'{{% hint style="{style}" %}}\n{paragraph(rng)}\n{{% endhint %}}'
        if kind == "tabs":
            return ("{% tabs %}\n" + "".join(
                f'{{% tab title="{t}" %}}\n{paragraph(rng)}\n{{% endtab %}}\n' for t in ["Services", "Server"]) + "{% endtabs %}")
        if kind == "stepper":
            return ("{% stepper %}\n" + "".join(
                f"{{% step %}}\n### Step {k}\n\n{sentence(rng)}\n{{% endstep %}}\n" for k in range(1, rng.randint(2, 4) + 1))
                + "{% endstepper %}")
        if kind == "table":
            rows = "".join(f"| {rng.choice(WORDS)} | {sentence(rng, 5)} | `{rng.choice(WORDS)}` |\n" for _ in range(rng.randint(2, 6)))
            return "| Setting | Meaning | Value |\n| --- | --- | --- |\n" + rows
        if kind == "code":
            lines = "".join(f"runsmith-cli {rng.choice(WORDS)} --{rng.choice(WORDS)}={rng.randint(1, 999)}\n" for _ in range(rng.randint(2, 8)))
            return f"```bash\n{lines}```"
        if kind == "image":
            up = "../" if "/" in self.paths[i] else ""
            return f'<figure><img src="{up}.gitbook/assets/image ({rng.randint(0, 49)}).png" alt=""><figcaption><p>{sentence(rng, 5)}</p></figcaption></figure>'
        if kind == "list":
            return "".join(f"{k}. {sentence(rng)}\n" for k in range(1, rng.randint(3, 6) + 1))
        return paragraph(rng)

    def page(self, i):
        rng = random.Random(f"{self.rng.random()}-{i}")
        size = target_size(rng)
        up = "../"
        out = [f"---\ndescription: {sentence(rng, 8)}\n---\n", f"# Page {i}\n", paragraph(rng)]
        if i < min(self.n, 1000):
            out.append(f'{{% include "{up}.gitbook/includes/_common.md" %}}')
        elif rng.random() < 0.3:
            out.append(f'{{% include "{up}.gitbook/includes/part-{rng.randint(1, 19):02d}.md" %}}')
        if self.tenants and i % 10 == 3:
            out.append('{% if vars.deployment == "server" %}\n' + paragraph(rng) + "\n{% else %}\n" + paragraph(rng) + "\n{% endif %}")
        links = 0
        section = 0
        body = sum(len(x) for x in out)
        while body < size or section < 1:
            section += 1
            out.append(f"## Section {section}")
            for _ in range(rng.randint(2, 4)):
                block = self.block(i, rng)
                # About 7 links a page, to pages whose first section exists.
                if links < 7 and rng.random() < 0.8:
                    j = rng.randrange(self.n)
                    # A paragraph of its own: written after a code fence's closing line, it would
                    # leave the fence open and the rest of the page would be code.
                    block += f"\n\nSee [page {j}]({self.relative(i, j)}#section-1)."
                    links += 1
                out.append(block)
                body += len(block) + 2
        self.sections[i] = section
        return "\n\n".join(out) + "\n"

    def write(self, root):
        if os.path.exists(root):
            shutil.rmtree(root)
        os.makedirs(os.path.join(root, ".gitbook/includes"))
        os.makedirs(os.path.join(root, ".gitbook/assets"))
        for k in range(50):
            with open(os.path.join(root, f".gitbook/assets/image ({k}).png"), "wb") as f:
                f.write(PNG)
        with open(os.path.join(root, ".gitbook/includes/_common.md"), "w") as f:
            f.write("{% hint style=\"info\" %}\nThis note is shared by a thousand pages.\n{% endhint %}\n")
        for k in range(1, 20):
            with open(os.path.join(root, f".gitbook/includes/part-{k:02d}.md"), "w") as f:
                f.write(paragraph(random.Random(k)) + "\n")
        total = 0
        for i, path in enumerate(self.paths):
            os.makedirs(os.path.join(root, os.path.dirname(path)), exist_ok=True)
            text = self.page(i)
            total += len(text.encode())
            with open(os.path.join(root, path), "w") as f:
                f.write(text)
        with open(os.path.join(root, "README.md"), "w") as f:
            f.write("# Synthetic docs\n\nA generated space for benchmarks.\n")
        summary = ["# Table of contents\n", "* [Synthetic docs](README.md)"]
        for start in range(0, self.n, 40):
            folder = self.folders[start]
            summary.append(f"\n## {folder}\n")
            for i in range(start, min(start + 40, self.n)):
                summary.append(f"* [Page {i}]({self.paths[i]})")
        with open(os.path.join(root, "SUMMARY.md"), "w") as f:
            f.write("\n".join(summary) + "\n")
        if self.tenants:
            self.write_tenants(root)
        return total

    def write_tenants(self, root):
        os.makedirs(os.path.join(root, "tenants"))
        os.makedirs(os.path.join(root, "runbooks"))
        # Runbook steps link to other docs pages, which a tenant's folder does not hold: they go to the
        # published site (without site_url such a link is an error).
        with open(os.path.join(root, "runsmith.yml"), "w") as f:
            f.write("site_url: https://docs.example.com\n")
        with open(os.path.join(root, "tenants/schema.yml"), "w") as f:
            f.write("variables:\n  org: { type: string, required: true }\n"
                    "  deployment: { type: enum, values: [services, server], default: services }\n")
        for t in range(self.tenants):
            with open(os.path.join(root, f"tenants/tenant-{t:03d}.yml"), "w") as f:
                f.write(f"id: tenant-{t:03d}\nname: Customer {t:03d}\nvars:\n  org: org-{t:03d}-corp\n"
                        f"  deployment: {'server' if t % 2 else 'services'}\n")
        rng = random.Random(7)
        lines = ["title: Set up {{ vars.org }}", "sections:"]
        for k, i in enumerate(sorted(rng.sample(range(self.n), min(30, self.n)))):
            lines.append(f"  - page: {self.paths[i]}")
            if k % 2:
                lines.append("    section: section-1")
            lines.append("    step: true")
        with open(os.path.join(root, "runbooks/setup.yml"), "w") as f:
            f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--tenants", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = Space(args.pages, args.tenants, args.seed).write(args.out)
    print(f"{args.out}: {args.pages} pages, {total / 1e6:.1f} MB of markdown, {args.tenants} tenants")


if __name__ == "__main__":
    main()
