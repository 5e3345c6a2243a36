/// Compact JSON from `Encodable`, byte for byte what Foundation's `JSONEncoder` writes with
/// `[.sortedKeys, .withoutEscapingSlashes]` (keys in UTF-8 byte order, `\u00XX` for control characters),
/// several times faster: no boxed values and no `String` in between. The search index is written with it
/// (thousands of files of postings per build). Floating-point values are not written (nothing here has
/// them): encoding one throws.
enum CompactJSONEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        try write(try EncodedValue.make(value), into: &out)
        return out
    }

    private static func write(_ value: EncodedValue, into out: inout [UInt8]) throws {
        switch value {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .signed(let number): out += String(number).utf8
        case .unsigned(let number): out += String(number).utf8
        case .double(let number):
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "CompactJSONEncoder writes no floating-point numbers"))
        case .string(let text): out += JSONText.quoted(text)
        case .array(let array):
            out.append(0x5B)
            for (i, item) in array.items.enumerated() {
                if i > 0 { out.append(0x2C) }
                try write(item, into: &out)
            }
            out.append(0x5D)
        case .object(let object):
            out.append(0x7B)
            let sorted = object.items.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, item) in sorted.enumerated() {
                if i > 0 { out.append(0x2C) }
                out += JSONText.quoted(item.key)
                out.append(0x3A)
                try write(item.value, into: &out)
            }
            out.append(0x7D)
        }
    }
}

/// JSON's string syntax, as `JSONEncoder` writes it.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0x22]
        out.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x08: out += [0x5C, 0x62]
            case 0x0C: out += [0x5C, 0x66]
            case ..<0x20: out += [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return out
    }
}
