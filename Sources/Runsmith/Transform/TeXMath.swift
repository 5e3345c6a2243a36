/// The TeX that GitBook's `$$…$$` formulas are written in, as MathML, which browsers render natively:
/// scripts, fractions, roots, Greek letters, the common operators and relations, `\text`, `\mathbf`,
/// `\left…\right`. Anything else (environments, macros) throws, and the formula is shown as its source.
struct TeXMath {
    struct Unsupported: Error { var what: String }

    private let chars: [Character]
    private var i = 0
    /// Open `\left`s: a `\right` ends the sequence inside one, and is an error anywhere else.
    private var lefts = 0

    /// `<math>` for `tex`; `display` for a formula on lines of its own.
    static func mathML(_ tex: String, display: Bool) throws(Unsupported) -> String {
        var parser = TeXMath(chars: Array(tex))
        let body = try parser.sequence(until: nil)
        return "<math\(display ? " display=\"block\"" : "") alttext=\"\(HTMLText.escape(tex))\"><mrow>\(body)</mrow></math>"
    }

    private init(chars: [Character]) { self.chars = chars }

    private mutating func sequence(until end: Character?) throws(Unsupported) -> String {
        var out = ""
        while true {
            skipSpaces()
            guard i < chars.count else {
                if let end { throw Unsupported(what: "missing '\(end)'") }
                return out
            }
            if let end, chars[i] == end { i += 1; return out }
            if chars[i] == "^" || chars[i] == "_" { throw Unsupported(what: "'\(chars[i])' with nothing before it") }
            if chars[i] == "\\", peekBackslashRight() {
                guard lefts > 0, end == nil else { throw Unsupported(what: "\\right without \\left") }
                return out
            }
            var base = try atom()
            // Scripts: `x^2`, `x_i`, `x_i^2`, `x^2_i`.
            var sub: String? = nil, sup: String? = nil
            while true {
                skipSpaces()
                guard i < chars.count, chars[i] == "^" || chars[i] == "_" else { break }
                let isSup = chars[i] == "^"
                i += 1
                skipSpaces()
                let script = try atom()
                if isSup { sup = script } else { sub = script }
            }
            switch (sub, sup) {
            case let (b?, p?): base = "<msubsup>\(base)\(b)\(p)</msubsup>"
            case let (b?, nil): base = "<msub>\(base)\(b)</msub>"
            case let (nil, p?): base = "<msup>\(base)\(p)</msup>"
            default: break
            }
            out += base
        }
    }

    private mutating func atom() throws(Unsupported) -> String {
        guard i < chars.count else { throw Unsupported(what: "a script with nothing after it") }
        let c = chars[i]
        if c == "{" { i += 1; return "<mrow>\(try sequence(until: "}"))</mrow>" }
        if c == "\\" { return try command() }
        i += 1
        if c.isNumber {
            var number = String(c)
            while i < chars.count, chars[i].isNumber || (chars[i] == "." && i + 1 < chars.count && chars[i + 1].isNumber) {
                number.append(chars[i]); i += 1
            }
            return "<mn>\(number)</mn>"
        }
        if c.isLetter { return "<mi>\(HTMLText.escape(String(c)))</mi>" }
        if "+-=<>()[]|,;:!/*'.?".contains(c) {
            let symbol = c == "-" ? "−" : c == "*" ? "∗" : c == "'" ? "′" : String(c)
            return "<mo>\(HTMLText.escape(symbol))</mo>"
        }
        throw Unsupported(what: "'\(c)'")
    }

    private mutating func command() throws(Unsupported) -> String {
        i += 1
        guard i < chars.count else { throw Unsupported(what: "a lone '\\'") }
        let name = peekWord()
        if name.isEmpty {
            let c = chars[i]
            i += 1
            switch c {
            case ",", ":", ";", " ": return "<mspace width=\"0.25em\"></mspace>"
            case "!": return ""
            case "{", "}", "|", "%", "$", "#", "&", "_": return "<mo>\(HTMLText.escape(String(c)))</mo>"
            case "\\": throw Unsupported(what: "line breaks")
            default: throw Unsupported(what: "'\\\(c)'")
            }
        }
        i += name.count
        if let symbol = Self.identifiers[name] { return "<mi>\(symbol)</mi>" }
        if let symbol = Self.operators[name] { return "<mo>\(symbol)</mo>" }
        if Self.functions.contains(name) { return "<mi mathvariant=\"normal\">\(name)</mi>" }
        switch name {
        case "frac", "dfrac", "tfrac":
            return "<mfrac>\(try group())\(try group())</mfrac>"
        case "sqrt":
            skipSpaces()
            if i < chars.count, chars[i] == "[" {
                i += 1
                let index = try sequence(until: "]")
                return "<mroot>\(try group())<mrow>\(index)</mrow></mroot>"
            }
            return "<msqrt>\(try group())</msqrt>"
        case "text", "textrm", "mathrm", "operatorname", "mbox":
            return "<mtext>\(HTMLText.escape(try rawGroup()))</mtext>"
        case "mathbf", "boldsymbol":
            return "<mrow mathvariant=\"bold\">\(try group())</mrow>"
        case "left":
            skipSpaces()
            let open = try delimiter()
            lefts += 1
            let inner = try sequence(until: nil)
            lefts -= 1
            guard peekBackslashRight() else { throw Unsupported(what: "\\left without \\right") }
            i += "\\right".count
            skipSpaces()
            return "<mrow>\(open)\(inner)\(try delimiter())</mrow>"
        case "quad", "qquad":
            return "<mspace width=\"\(name == "quad" ? 1 : 2)em\"></mspace>"
        default:
            throw Unsupported(what: "'\\\(name)'")
        }
    }

    /// A braced argument, or the single atom that stands for one (`\frac12`).
    private mutating func group() throws(Unsupported) -> String {
        skipSpaces()
        guard i < chars.count else { throw Unsupported(what: "a missing argument") }
        if chars[i] == "{" { i += 1; return "<mrow>\(try sequence(until: "}"))</mrow>" }
        return try atom()
    }

    private mutating func rawGroup() throws(Unsupported) -> String {
        skipSpaces()
        guard i < chars.count, chars[i] == "{", let close = chars[i...].firstIndex(of: "}") else { throw Unsupported(what: "a missing argument") }
        defer { i = close + 1 }
        return String(chars[(i + 1)..<close])
    }

    private mutating func delimiter() throws(Unsupported) -> String {
        guard i < chars.count else { throw Unsupported(what: "a missing delimiter") }
        if chars[i] == "." { i += 1; return "" }
        if chars[i] == "\\" {
            i += 1
            let name = peekWord()
            if name.isEmpty, i < chars.count, chars[i] == "{" || chars[i] == "}" || chars[i] == "|" {
                i += 1
                return "<mo stretchy=\"true\">\(chars[i - 1] == "|" ? "‖" : String(chars[i - 1]))</mo>"
            }
            i += name.count
            guard let symbol = Self.operators[name] else { throw Unsupported(what: "delimiter '\\\(name)'") }
            return "<mo stretchy=\"true\">\(symbol)</mo>"
        }
        let c = chars[i]
        i += 1
        guard "()[]|/".contains(c) else { throw Unsupported(what: "delimiter '\(c)'") }
        return "<mo stretchy=\"true\">\(c)</mo>"
    }

    private func peekWord() -> String {
        var j = i
        while j < chars.count, chars[j].isASCII, chars[j].isLetter { j += 1 }
        return String(chars[i..<j])
    }

    private func peekBackslashRight() -> Bool {
        chars.count >= i + 6 && String(chars[i..<(i + 6)]) == "\\right" && !(i + 6 < chars.count && chars[i + 6].isLetter)
    }

    private mutating func skipSpaces() { while i < chars.count, chars[i].isWhitespace { i += 1 } }

    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ", "eta": "η",
        "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π",
        "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ",
        "Omega": "Ω", "infty": "∞", "ell": "ℓ", "hbar": "ℏ", "partial": "∂", "nabla": "∇",
    ]
    static let operators: [String: String] = [
        "times": "×", "cdot": "⋅", "div": "÷", "pm": "±", "mp": "∓", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "equiv": "≡", "sim": "∼", "propto": "∝", "in": "∈", "notin": "∉",
        "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "to": "→", "rightarrow": "→", "leftarrow": "←",
        "Rightarrow": "⇒", "Leftarrow": "⇐", "iff": "⟺", "mapsto": "↦", "sum": "∑", "prod": "∏", "int": "∫",
        "oint": "∮", "forall": "∀", "exists": "∃", "neg": "¬", "land": "∧", "lor": "∨", "ldots": "…", "cdots": "⋯",
        "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "vert": "|", "mid": "∣",
        "circ": "∘", "ast": "∗", "star": "⋆", "setminus": "∖", "emptyset": "∅", "lbrace": "{", "rbrace": "}",
    ]
    static let functions: Set = ["sin", "cos", "tan", "log", "ln", "exp", "lim", "max", "min", "sup", "inf", "det", "mod", "arg", "deg", "gcd"]
}
