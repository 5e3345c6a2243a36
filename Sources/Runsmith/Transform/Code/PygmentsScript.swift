extension PygmentsHighlighter {
    /// What the `python3` process runs: it says `pygments <version> <its interpreter>`, then answers each request (a block
    /// count, then per block its language and its code's byte length on lines, then the code) with the
    /// answer's byte length on a line and the answer (`PygmentsAnswer`). Token types are reduced to the
    /// nearest of Pygments' standard short classes, the ones the theme colours; neighbours of one class merge.
    /// A request `X <language>` asks instead for the lexer's own rules (`LexerTable`, as JSON), which
    /// `NativeLexer` runs without Python, with the rules of the lexers they hand text to (`using`): `U` for
    /// an unknown language, `N` for a lexer that is more than its rules (its own `get_tokens_unprocessed`,
    /// callbacks other than `bygroups` and `using`, filters).
    static let script = #"""
    import json
    import sys
    import pygments
    from pygments.lexer import Lexer, RegexLexer, this
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

    class Unexportable(Exception):
        pass

    def rules_of(cls, lexers):
        """Exports `cls`'s states into `lexers` under its dotted name, and the lexers its rules hand text to."""
        key = cls.__module__ + "." + cls.__qualname__
        if key in lexers:
            return key
        if (not issubclass(cls, RegexLexer) or cls.get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed
                or cls.get_tokens is not Lexer.get_tokens or cls._preprocess_lexer_input is not Lexer._preprocess_lexer_input):
            raise Unexportable()
        lx = cls(stripnl=False, ensurenl=False)
        if lx.filters:
            raise Unexportable()
        lexers[key] = None
        states = {}
        for state, rules in lx._tokens.items():
            out = []
            for rexmatch, action, new in rules:
                rx = getattr(rexmatch, "__self__", None)
                if rx is None or not isinstance(rx.pattern, str):
                    raise Unexportable()
                if not (new is None or isinstance(new, (int, tuple)) or new == "#push"):
                    raise Unexportable()
                out.append([rx.pattern, int(rx.flags), action_of(action, cls, lexers),
                            list(new) if isinstance(new, tuple) else new])
            states[state] = out
        lexers[key] = states
        return key

    def action_of(action, cls, lexers):
        """None, a short class, {"groups": [...]} (bygroups) or {"using": lexer, "stack": [...]} (using)."""
        if action is None:
            return None
        if type(action) is _TokenType:
            return short(action)
        code = getattr(action, "__code__", None)
        cells = dict(zip(code.co_freevars, (c.cell_contents for c in action.__closure__ or ()))) if code else {}
        name = getattr(action, "__qualname__", "")
        if name == "bygroups.<locals>.callback" and isinstance(cells.get("args"), tuple):
            return {"groups": [action_of(g, cls, lexers) for g in cells["args"]]}
        if name == "using.<locals>.callback" and isinstance(cells.get("gt_kwargs"), dict):
            other = cells.get("_other", this)
            stack = cells["gt_kwargs"].get("stack", ("root",))
            return {"using": rules_of(cls if other is this else other, lexers), "stack": list(stack)}
        raise Unexportable()

    def table(name):
        lx = lexer(name.lower())
        if lx is None:
            return b"U"
        lexers = {}
        try:
            main = rules_of(type(lx), lexers)
        except Exception:
            # Unexportable, or a lexer that would not even start with these options: Python lexes it.
            return b"N"
        return json.dumps({"main": main, "lexers": lexers, "error": short(Error), "newline": short(Whitespace)}).encode()

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
