import Foundation

/// How heading text becomes an anchor id. Each preset is pinned by a table of examples in the tests;
/// docs/syntax.md states the GitBook rule.
public enum SlugPreset: String, Sendable, CaseIterable {
    /// GitBook's current rule: text transliterated to ASCII and lowercased; `.` and `_` kept; `&` → `and`,
    /// `<` → `less-than`, `>` → `greater-than`; spaces, `-` and `/` separate words (runs become one `-`);
    /// other punctuation dropped; no leading or trailing `-`/`.`; `id-` before a leading digit:
    /// "1. Install" → `id-1.-install`, "Read/Write Split" → `read-write-split`, "Release 2.19.4" → `release-2.19.4`.
    case gitbook
    /// The rule of older GitBook exports: like `gitbook` but dots dropped, letters kept as written,
    /// `&` and `/` dropped, no `id-` prefix ("Release 2.19.4" → `release-2194`). Pages under the `gitbook`
    /// preset also carry this id as an alias, so links written either way resolve.
    case gitbookLegacy = "gitbook-legacy"
    /// GitHub's heading anchors: lowercase, punctuation dropped, every space becomes `-`.
    case github
    /// Docusaurus (github-slugger): like `github`, duplicates get `-1`, `-2`.
    case docusaurus

    /// A second id a heading carries under this preset, for links written under an earlier rule.
    public var alias: SlugPreset? { self == .gitbook ? .gitbookLegacy : nil }

    public func slug(_ text: String) -> String {
        switch self {
        case .gitbook: return Self.gitbookSlug(text)
        case .gitbookLegacy: return Self.legacySlug(text.lowercased())
        case .github, .docusaurus:
            var out = ""
            for scalar in text.lowercased().unicodeScalars {
                if scalar == " " { out.append("-") }
                else if scalar == "-" || Self.isWordScalar(scalar) { out.unicodeScalars.append(scalar) }
            }
            return out
        }
    }

    private static func legacySlug(_ lower: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in lower.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "\t" {
                pendingDash = !out.isEmpty
            } else if isWordScalar(scalar) {
                if pendingDash { out.append("-"); pendingDash = false }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// ICU's transliteration: accents stripped, Cyrillic and CJK romanised (`安裝步驟` → `an zhuang bu zhou`),
    /// as GitBook does; what has no Latin form (emoji) is dropped below.
    private static let toASCII = StringTransform(rawValue: "Any-Latin; Latin-ASCII")

    private static func gitbookSlug(_ text: String) -> String {
        let ascii = text.utf8.allSatisfy { $0 < 0x80 } ? text : (text.applyingTransform(toASCII, reverse: false) ?? text)
        var out: [UInt8] = []
        var pendingDash = false
        func word<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
            if pendingDash, !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(contentsOf: bytes)
        }
        for byte in ascii.lowercased().utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."):
                word(CollectionOfOne(byte))
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                pendingDash = true
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                pendingDash = true
                word(byte == UInt8(ascii: "&") ? "and".utf8 : byte == UInt8(ascii: "<") ? "less-than".utf8 : "greater-than".utf8)
                pendingDash = true
            default:
                continue
            }
        }
        // A trailing dot is dropped ("Purge Cache By ALL." → `purge-cache-by-all`), and so is a leading one.
        while out.last == UInt8(ascii: ".") || out.last == UInt8(ascii: "-") { out.removeLast() }
        let slug = String(decoding: out.drop { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }, as: UTF8.self)
        return slug.first?.isNumber == true ? "id-" + slug : slug
    }

    /// Letters, marks, digits and `_` (what `\w` keeps in the slug rules of these tools).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// Hands out unique ids within one page: the second "Setup" becomes `setup-1`.
public struct SlugRegistry: Sendable {
    private var used: [String: Int] = [:]
    public init() {}

    /// Marks an id as taken (explicit ids) without renaming it.
    public mutating func reserve(_ id: String) { used[id, default: 0] += 0 }

    public mutating func unique(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        guard used[base] != nil else { used[base] = 0; return base }
        var n = used[base]! + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }
}
