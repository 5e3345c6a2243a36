/// How a Liquid tag nests.
public enum DirectiveShape: Sendable, Equatable {
    /// Needs `{% endNAME %}`; `parent`, when set, is the tag it must sit directly inside.
    case block(parent: String?)
    /// `{% endNAME %}` is optional (`embed`, `file`): without it the tag stands alone.
    case optionalBlock
    /// Never closed (`include`, `@vendor/name` integrations).
    case standalone
    /// Splits an open `if`/`unless` into branches (`elsif`, `else`).
    case branch
}

/// The Liquid tags Runsmith knows and how each one nests, from the blocks (`DirectiveBlocks`). A name
/// not listed here is a typo: an error.
public enum DirectiveCatalog {
    public static var shapes: [String: DirectiveShape] { DirectiveBlocks.shapes }

    /// `@marketo/form`, `@github-files/github-code-block`: GitBook integration blocks.
    public static func isIntegration(_ name: String) -> Bool { name.hasPrefix("@") }

    /// The tag `endNAME` closes, if `name` is a closer of a block tag.
    public static func closed(by name: String) -> String? {
        guard name.hasPrefix("end") else { return nil }
        let opener = String(name.dropFirst(3))
        switch shapes[opener] {
        case .block, .optionalBlock: return opener
        default: return nil
        }
    }
}

/// One directive tag found by the preprocessor, referenced from the marker it left in the markdown.
public struct DirectiveInstance: Sendable {
    public enum Role: Sendable, Equatable { case open, close, standalone }
    public var name: String
    public var role: Role
    public var tag: DirectiveTag
    public var location: SourceLocation
    public var chain: Int
    /// For an opener its closer's index; for a closer its opener's.
    public var partner: Int?
    /// The directive this one sits in (`tabs` for a `tab`).
    public var parent: Int?
    /// Position among the parent's children of the same name (the tab number).
    public var index = 0
    /// The tag exactly as written, to restore it where a marker landed in code.
    public var source: String
    /// Which syntax wrote it: names in messages follow it.
    public var syntax: Syntax = .liquid

    public enum Syntax: Sendable { case liquid, admonition, jsx }

    /// How the opener reads in a message: `'{% hint %}'`, `':::note'`, `'<TabItem>'`.
    public var displayName: String {
        switch syntax {
        case .liquid: return "'{% \(name == "branch" ? tag.name : name) %}'"
        case .admonition: return "':::\(tag.arguments["type"] ?? "")'"
        case .jsx: return "'<\(tag.name)>'"
        }
    }

    /// What closes it: `'{% endhint %}'`, `':::'`, `'</TabItem>'`.
    public var expectedCloser: String {
        switch syntax {
        case .liquid: return "'{% end\(name == "branch" ? "if" : name) %}'"
        case .admonition: return "'\(String(repeating: ":", count: Int(tag.arguments["colons"] ?? "3") ?? 3))'"
        case .jsx: return "'</\(tag.name)>'"
        }
    }
}
