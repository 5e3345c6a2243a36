/// Compact JSON from `Encodable`, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (keys in UTF-8 byte order, `\u00XX` for control characters),
/// several times faster: a value is written as bytes as soon as it is given, and only objects wait, to
/// be sorted. The search index is written with it (thousands of files of postings per build).
/// Floating-point values are not written (nothing here has them): encoding one throws.
enum CompactJSONEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        try JSONNode.make(value, at: []).write(into: &out)
        return out
    }
}

/// A value on its way to JSON: written bytes, or a container still being filled.
enum JSONNode {
    case bytes([UInt8])
    case array(JSONArray)
    case object(JSONObject)

    /// `value`'s node, through the fast paths for what the search index holds, else through `Encodable`.
    static func make<T: Encodable>(_ value: T, at path: [CodingKey]) throws -> JSONNode {
        switch value {
        case let text as String: return .bytes(JSONText.quoted(text))
        case let number as Int: return .bytes(Array(String(number).utf8))
        case let flag as Bool: return .bytes(Array((flag ? "true" : "false").utf8))
        case let number as any BinaryInteger: return .bytes(Array("\(number)".utf8))
        case is any BinaryFloatingPoint: throw JSONNodeEncoder.unsupported(value, at: path)
        case let numbers as [Int]:
            var out: [UInt8] = [0x5B]
            for (i, n) in numbers.enumerated() { if i > 0 { out.append(0x2C) }; out += String(n).utf8 }
            return .bytes(out + [0x5D])
        case let texts as [String]:
            var out: [UInt8] = [0x5B]
            for (i, t) in texts.enumerated() { if i > 0 { out.append(0x2C) }; out += JSONText.quoted(t) }
            return .bytes(out + [0x5D])
        case let map as [String: [Int]]:
            let object = JSONObject()
            object.items = try map.map { ($0.key, try make($0.value, at: path)) }
            return .object(object)
        default:
            let encoder = JSONNodeEncoder(codingPath: path)
            try value.encode(to: encoder)
            return encoder.node ?? .bytes(Array("{}".utf8))
        }
    }

    func write(into out: inout [UInt8]) throws {
        switch self {
        case .bytes(let bytes): out += bytes
        case .array(let array):
            out.append(0x5B)
            for (i, item) in array.items.enumerated() {
                if i > 0 { out.append(0x2C) }
                try item.write(into: &out)
            }
            out.append(0x5D)
        case .object(let object):
            out.append(0x7B)
            let sorted = object.items.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, item) in sorted.enumerated() {
                if i > 0 { out.append(0x2C) }
                out += JSONText.quoted(item.key)
                out.append(0x3A)
                try item.value.write(into: &out)
            }
            out.append(0x7D)
        }
    }
}

final class JSONArray { var items: [JSONNode] = [] }
final class JSONObject { var items: [(key: String, value: JSONNode)] = [] }

/// JSON's string syntax, as `JSONEncoder` writes it.
enum JSONText {
    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        let hex = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }
}
