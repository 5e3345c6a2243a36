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
        case .signed(let number):
            if number < 0 { out.append(0x2D) }
            digits(number.magnitude, into: &out)
        case .unsigned(let number): digits(number, into: &out)
        case .double(let number):
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "CompactJSONEncoder writes no floating-point numbers"))
        case .string(let text): JSONText.quote(text, into: &out)
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
                JSONText.quote(item.key, into: &out)
                out.append(0x3A)
                try write(item.value, into: &out)
            }
            out.append(0x7D)
        }
    }

    /// A number's decimal digits, written where they go (the search index holds millions of them).
    private static func digits(_ number: UInt64, into out: inout [UInt8]) {
        guard number >= 10 else { return out.append(0x30 + UInt8(number)) }
        var reversed: (UInt64, UInt64, UInt64) = (0, 0, 0), count = 0, rest = number
        withUnsafeMutableBytes(of: &reversed) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
        }
    }
}

/// JSON's string syntax, as `JSONEncoder` writes it.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `text` quoted onto `out`: a text with nothing to escape (nearly every one) copied at once.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out.append(contentsOf: utf8)
        } else {
            for byte in utf8 {
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
        }
        out.append(0x22)
    }
}
