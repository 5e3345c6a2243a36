extension PygmentsHighlighter {
    /// What the `python3` process runs: it says `pygments <version> <its interpreter>`, then answers each request (a block
    /// count, then per block its language and its code's byte length on lines, then the code) with the
    /// answer's byte length on a line and the answer (`PygmentsAnswer`). Token types are reduced to the
    /// nearest of Pygments' standard short classes, the ones the theme colours; neighbours of one class merge.
    /// A request `X <language>` asks instead for the lexer's own rules (`LexerTable`, as JSON), which
    /// `NativeLexer` runs without Python: `U` for an unknown language, `N` for a lexer that is more than
    /// its table (its own `get_tokens_unprocessed`, callbacks other than `bygroups` of token types, filters).
    static let script = #"""
    import json
    import sys
    import pygments
    from pygments.lexer import Lexer, RegexLexer
    from pygments.lexers import get_lexer_by_name
    from pygments.token import STANDARD_TYPES, Error, Whitespace, _TokenType
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

    def table(name):
        lx = lexer(name.lower())
        if lx is None:
            return b"U"
        cls = type(lx)
        if (not isinstance(lx, RegexLexer) or lx.filters
                or cls.get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed
                or cls.get_tokens is not Lexer.get_tokens
                or cls._preprocess_lexer_input is not Lexer._preprocess_lexer_input):
            return b"N"
        states = {}
        for state, rules in lx._tokens.items():
            out = []
            for rexmatch, action, new in rules:
                rx = getattr(rexmatch, "__self__", None)
                if rx is None or not isinstance(rx.pattern, str):
                    return b"N"
                if action is None or type(action) is _TokenType:
                    a = None if action is None else short(action)
                else:
                    cells = getattr(action, "__closure__", None) or ()
                    args = cells[0].cell_contents if len(cells) == 1 else None
                    if (getattr(action, "__qualname__", "") != "bygroups.<locals>.callback" or not isinstance(args, tuple)
                            or not all(g is None or type(g) is _TokenType for g in args)):
                        return b"N"
                    a = [None if g is None else short(g) for g in args]
                if not (new is None or isinstance(new, (int, tuple)) or new == "#push"):
                    return b"N"
                out.append([rx.pattern, int(rx.flags), a, list(new) if isinstance(new, tuple) else new])
            states[state] = out
        return json.dumps({"states": states, "error": short(Error), "newline": short(Whitespace)}).encode()

    def main():
        read, out = sys.stdin.buffer, sys.stdout.buffer
        out.write(b"pygments " + pygments.__version__.encode() + b" " + sys.executable.encode() + b"\n")
        out.flush()
        while True:
            head = read.readline()
            if not head:
                return
            if head.startswith(b"X "):
                payload = table(head[2:].decode("utf-8").strip())
                out.write(b"%d\n" % len(payload))
                out.write(payload)
                out.flush()
                continue
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
