/// The cache's own binary form of a `Codable` value (`PageCache` entries): a build that finds every page
/// in its cache spent a fifth of its time reading JSON. Each value is a tag and its payload, little-endian:
/// - 0 nil; 1 a string (UInt32 length, UTF-8); 2 an integer (Int64, an unsigned one's bits); 3 false;
///   4 true; 7 a Double's bits;
/// - 5 an array, 6 an object: UInt32 byte length of what follows, UInt32 count, then the values (an
///   object's each after its key, UInt32 length and UTF-8), so that a reader can step over either.
/// Only this binary reads it back (the cache key holds the binary's identity).
enum CacheEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        write(try EncodedValue.make(value), into: &out)
        return out
    }

    private static func write(_ value: EncodedValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(CacheTag.null)
        case .bool(let flag): out.append(flag ? CacheTag.yes : CacheTag.no)
        case .signed(let number): integer(number, into: &out)
        case .unsigned(let number): integer(Int64(bitPattern: number), into: &out)
        case .double(let number):
            out.append(CacheTag.double)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { out += $0 }
        case .string(let text):
            out.append(CacheTag.string)
            append(UInt32(text.utf8.count), to: &out)
            out += text.utf8
        case .array(let array):
            container(CacheTag.array, count: array.items.count, into: &out) { out in
                for item in array.items { write(item, into: &out) }
            }
        case .object(let object):
            container(CacheTag.object, count: object.items.count, into: &out) { out in
                for (key, value) in object.items {
                    append(UInt32(key.utf8.count), to: &out)
                    out += key.utf8
                    write(value, into: &out)
                }
            }
        }
    }

    private static func integer(_ number: Int64, into out: inout [UInt8]) {
        out.append(CacheTag.integer)
        withUnsafeBytes(of: number.littleEndian) { out += $0 }
    }

    private static func append(_ n: UInt32, to out: inout [UInt8]) { withUnsafeBytes(of: n.littleEndian) { out += $0 } }

    /// A container's tag, byte length (filled in once its values are written), count and values.
    private static func container(_ tag: UInt8, count: Int, into out: inout [UInt8], _ body: (inout [UInt8]) -> Void) {
        out.append(tag)
        let lengthAt = out.count
        append(0, to: &out)
        append(UInt32(count), to: &out)
        body(&out)
        withUnsafeBytes(of: UInt32(out.count - lengthAt - 4).littleEndian) { for (i, byte) in $0.enumerated() { out[lengthAt + i] = byte } }
    }
}

enum CacheTag {
    static let null: UInt8 = 0, string: UInt8 = 1, integer: UInt8 = 2, no: UInt8 = 3, yes: UInt8 = 4
    static let array: UInt8 = 5, object: UInt8 = 6, double: UInt8 = 7
}
