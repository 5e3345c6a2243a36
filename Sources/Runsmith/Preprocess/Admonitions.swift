/// A Docusaurus admonition fence: `:::note`, `:::tip Title`, `:::info[Title]` open one, `:::` closes it;
/// more colons on the outer one allow nesting (`::::note` … `:::tip` … `:::` … `::::`).
struct AdmonitionFence: Equatable {
    static let types: Set<String> = ["note", "tip", "info", "warning", "caution", "danger", "important", "success", "secondary"]

    let colons: Int
    /// nil for a closer.
    let type: String?
    let title: String?
    /// 1-based byte column of the first colon.
    let column: Int

    init?(_ line: ArraySlice<UInt8>) {
        let start = line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.endIndex
        var i = start
        while i < line.endIndex, line[i] == UInt8(ascii: ":") { i += 1 }
        guard i - start >= 3 else { return nil }
        colons = i - start
        column = start - line.startIndex + 1
        // The common lines, ASCII to their end, are read as bytes: `:::` alone, `:::note` alone.
        var end = i
        while end < line.endIndex, Self.isNameByte(line[end]) { end += 1 }
        if line[end...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            type = end == i ? nil : String(decoding: line[i..<end], as: UTF8.self)
            title = nil
            return
        }
        let rest = String(decoding: line[i...], as: UTF8.self)
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        var tail = rest.dropFirst(name.count)
        if name.isEmpty {
            guard tail.allSatisfy(\.isWhitespace) else { return nil }
            type = nil
            title = nil
            return
        }
        type = String(name)
        if tail.hasPrefix("["), let close = tail.firstIndex(of: "]") {
            title = String(tail[tail.index(after: tail.startIndex)..<close])
            tail = tail[tail.index(after: close)...]
        } else {
            let words = tail.trimmingWhitespace()
            title = words.isEmpty || words.hasPrefix("{") ? nil : String(words)
        }
    }

    /// An ASCII byte of a type's name: a letter, a digit, `-` or `_`.
    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }
}

extension PreprocessRun {
    mutating func admonitionLine(_ fence: AdmonitionFence, context: LineContext) {
        let text = String(decoding: context.lead, as: UTF8.self) + String(repeating: ":", count: fence.colons) + (fence.type ?? "")
        let location = context.location(fence.column)
        guard let type = fence.type else {
            // A closer ends the innermost admonition, if it is the innermost open block.
            guard let top = stack.last, page.directives[top].name == "admonition",
                  let colons = Int(page.directives[top].tag.arguments["colons"] ?? ""), fence.colons >= colons else {
                let open = stack.last.map { page.directives[$0] }
                diagnostics.append(.warning(.strayCloser, "':::' closes no admonition here; it was left out",
                                            at: location, includeChain: page.chains[context.chain],
                                            note: open.map { "the innermost open block is \($0.displayName) at line \($0.location.line)" }))
                return
            }
            // The closer's marker goes where its opener's went: Prettier indents `:::` under a list's last
            // item, and Docusaurus still reads it as closing the admonition, not as part of the item.
            let opener = LineContext(file: context.file, number: context.number, indent: context.indent,
                                     lead: ArraySlice(page.directives[top].tag.arguments["lead"]?.utf8 ?? "".utf8),
                                     origin: context.origin, chain: context.chain, active: context.active)
            closeTop(DirectiveInstance(name: "admonition", role: .close, tag: DirectiveTag(name: "admonition", arguments: [:], positional: [], rest: ""),
                                       location: location, chain: context.chain, partner: nil, parent: nil, source: text,
                                       syntax: .admonition), context: opener)
            return
        }
        guard AdmonitionFence.types.contains(type) else {
            diagnostics.append(.error(.unknownAdmonition, "unknown admonition type ':::\(type)'", at: location,
                                      includeChain: page.chains[context.chain],
                                      note: "known types: \(AdmonitionFence.types.sorted().joined(separator: ", "))"))
            return
        }
        var arguments = ["type": type, "colons": String(fence.colons), "lead": String(decoding: context.lead, as: UTF8.self)]
        arguments["title"] = fence.title
        open(DirectiveInstance(name: "admonition", role: .open,
                               tag: DirectiveTag(name: "admonition", arguments: arguments, positional: [], rest: ""),
                               location: location, chain: context.chain, partner: nil, parent: nil, source: text,
                               syntax: .admonition), context: context)
    }
}
