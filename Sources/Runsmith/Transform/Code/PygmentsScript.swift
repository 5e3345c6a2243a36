extension PygmentsHighlighter {
    /// What the `python3` process runs: it says `pygments <version> <its interpreter>`, then answers each request (a block
    /// count, then per block its language and its code's byte length on lines, then the code) with the
    /// answer's byte length on a line and the answer (`PygmentsAnswer`). Token types are reduced to the
    /// nearest of Pygments' standard short classes, the ones the theme colours; neighbours of one class merge.
    static let script = #"""
    import sys
    import pygments
    from pygments.lexers import get_lexer_by_name
    from pygments.token import STANDARD_TYPES
    from pygments.util import ClassNotFound

    # Fence names Pygments does not know by that name, and the lexer that reads them best.
    NEAREST = {"json5": "javascript", "jsonc": "javascript", "mdx": "markdown", "shell-session": "console",
               "sh-session": "console", "conf": "ini", "env": "bash", "dotenv": "bash", "proto": "protobuf",
               "vue": "html", "svelte": "html", "gql": "graphql", "tf": "terraform", "zsh": "bash", "ps": "powershell"}
    PLAIN = {"": "-", "w": "-", "x": "-"}
    lexers, classes = {}, {}

    def lexer(name):
        if name not in lexers:
            found = None
            for candidate in (name, NEAREST.get(name)):
                if candidate:
                    try:
                        found = get_lexer_by_name(candidate, stripnl=False, ensurenl=False)
                        break
                    except ClassNotFound:
                        pass
            lexers[name] = found
        return lexers[name]

    def short(ttype):
        c = classes.get(ttype)
        if c is None:
            t = ttype
            while t not in STANDARD_TYPES:
                t = t.parent
            c = STANDARD_TYPES[t]
            c = PLAIN.get(c, c)
            classes[ttype] = c
        return c

    def answer(name, code):
        lx = lexer(name.lower())
        if lx is None:
            return b"U\n"
        runs, last, texts = [], None, []
        for ttype, text in lx.get_tokens(code):
            c = short(ttype)
            if c != last and texts:
                runs.append((last, "".join(texts)))
                texts = []
            last = c
            texts.append(text)
        if texts:
            runs.append((last, "".join(texts)))
        out = [b"B %d\n" % len(runs)]
        for c, text in runs:
            data = text.encode("utf-8")
            out.append(b"%s %d\n" % (c.encode(), len(data)))
            out.append(data)
        return b"".join(out)

    def main():
        read, out = sys.stdin.buffer, sys.stdout.buffer
        out.write(b"pygments " + pygments.__version__.encode() + b" " + sys.executable.encode() + b"\n")
        out.flush()
        while True:
            head = read.readline()
            if not head:
                return
            parts = []
            for _ in range(int(head)):
                name = read.readline().decode("utf-8").strip()
                code = read.read(int(read.readline())).decode("utf-8")
                try:
                    parts.append(answer(name, code))
                except Exception:
                    parts.append(b"U\n")
            payload = b"".join(parts)
            out.write(b"%d\n" % len(payload))
            out.write(payload)
            out.flush()

    main()
    """#
}
