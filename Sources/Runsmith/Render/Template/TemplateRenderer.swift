import Mustache

/// Renders parsed templates (`TemplateSyntax`) into bytes. Names are looked for from the innermost
/// context outwards, in a view's `child(named:)` (`MustacheParent`), a `[String: Any]`, or else a value's
/// stored properties; a nil optional is absent, so `{{name}}` then looks further out. A section renders
/// once for `true` and for any other value there (pushed as the context), once per element for a
/// non-empty array, and not at all for `false`, an empty array or nothing; an inverted section the other
/// way round. `{{name}}` is escaped scalar by scalar (`HTMLText.escape`).
struct TemplateRenderer: Sendable {
    let templates: [String: [TemplateNode]]

    /// Template `name` with `root` as its context; nil without such a template.
    func render(_ name: String, _ root: Any) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        var stack = [Frame(root)]
        render(nodes, &stack, into: &out)
        return out
    }

    /// A context on the stack, told apart once when it is pushed rather than at every name looked up in it
    /// (a cast from `Any` to a protocol is the dearest step of a lookup).
    private enum Frame {
        case view(MustacheParent)
        case map([String: Any])
        case other(Any)

        init(_ value: Any) {
            if let view = value as? MustacheParent { self = .view(view) } else if let map = value as? [String: Any] { self = .map(map) } else { self = .other(value) }
        }

        var value: Any {
            switch self {
            case .view(let view): view
            case .map(let map): map
            case .other(let value): value
            }
        }
    }

    private func render(_ nodes: [TemplateNode], _ stack: inout [Frame], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes): out += bytes
            case .value(let path, let escaped):
                guard let value = Self.lookup(path, stack) else { continue }
                let text = value as? String ?? String(describing: value)
                out += escaped ? HTMLText.escape(text).utf8 : text.utf8
            case .section(let path, let inverted, let body):
                let value = Self.lookup(path, stack)
                // The cheap casts first: a flag, text, then what repeats.
                if let flag = value as? Bool {
                    if flag != inverted { render(body, &stack, into: &out) }
                } else if !(value is String), let items = value as? TemplateSequence {
                    if inverted { if items.isEmptySequence { render(body, &stack, into: &out) }; continue }
                    items.forEachItem { item in
                        stack.append(Frame(item))
                        render(body, &stack, into: &out)
                        stack.removeLast()
                    }
                } else if let value {
                    guard !inverted else { continue }
                    stack.append(Frame(value))
                    render(body, &stack, into: &out)
                    stack.removeLast()
                } else if inverted {
                    render(body, &stack, into: &out)
                }
            case .partial(let name, let indent):
                guard let nodes = templates[name] else { continue }
                if indent.isEmpty { render(nodes, &stack, into: &out); continue }
                var inner: [UInt8] = []
                render(nodes, &stack, into: &inner)
                var atLineStart = true
                for byte in inner {
                    if atLineStart { out += indent }
                    out.append(byte)
                    atLineStart = byte == 0x0A
                }
            }
        }
    }

    private static func lookup(_ path: [String], _ stack: [Frame]) -> Any? {
        if path.count == 1, path[0] == "." { return stack.last?.value }
        var value: Any? = nil
        // By index, innermost first: iterating `reversed()` copied each frame (a retain and a release).
        var i = stack.count - 1
        while i >= 0 {
            if let found = child(stack[i], path[0]) { value = found; break }
            i -= 1
        }
        for name in path.dropFirst() {
            guard let object = value else { return nil }
            value = child(Frame(object), name)
        }
        return value
    }

    private static func child(_ frame: Frame, _ name: String) -> Any? {
        let found: Any?
        switch frame {
        // A view's optional property comes out of `child(named:)` as nil or as its value itself.
        case .view(let parent): return parent.child(named: name)
        case .map(let map): found = map[name]
        case .other(let object): found = Mirror(reflecting: object).children.first { $0.label == name }?.value
        }
        return found.flatMap(unwrapped)
    }

    /// An optional inside an `Any`, opened; nil when it holds nothing.
    private static func unwrapped(_ value: Any) -> Any? {
        guard let optional = value as? TemplateOptional else { return value }
        return optional.wrappedValue.flatMap(unwrapped)
    }
}

/// What a section repeats over.
protocol TemplateSequence {
    var isEmptySequence: Bool { get }
    func forEachItem(_ body: (Any) -> Void)
}

extension Array: TemplateSequence {
    var isEmptySequence: Bool { isEmpty }
    func forEachItem(_ body: (Any) -> Void) { for item in self { body(item) } }
}

private protocol TemplateOptional {
    var wrappedValue: Any? { get }
}

extension Optional: TemplateOptional {
    fileprivate var wrappedValue: Any? { self }
}
