/// The cache's own binary form of a `Codable` value (`PageCache` entries): a build that finds every page
/// in its cache spent a fifth of its time reading JSON. Each value is a tag and its payload, little-endian:
/// - 0 nil; 1 a string (UInt32 length, UTF-8); 2 an integer (Int64); 3 false; 4 true; 7 a Double's bits;
/// - 5 an array, 6 an object: UInt32 byte length of what follows, UInt32 count, then the values (an
///   object's each after its key, UInt32 length and UTF-8), so that a reader can step over either.
/// Only this binary reads it back (the cache key holds the binary's identity).
enum CacheEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var out: [UInt8] = []
        try CacheNode.make(value).write(into: &out)
        return out
    }
}

enum CacheTag {
    static let null: UInt8 = 0, string: UInt8 = 1, integer: UInt8 = 2, no: UInt8 = 3, yes: UInt8 = 4
    static let array: UInt8 = 5, object: UInt8 = 6, double: UInt8 = 7
}

/// A value on its way to the binary form: written bytes, or a container still being filled.
enum CacheNode {
    case bytes([UInt8])
    case array(CacheArray)
    case object(CacheObject)

    static func make<T: Encodable>(_ value: T) throws -> CacheNode {
        switch value {
        case let text as String: return .bytes(string(text))
        case let flag as Bool: return .bytes([flag ? CacheTag.yes : CacheTag.no])
        case let number as Int: return .bytes(integer(Int64(number)))
        default:
            let encoder = CacheNodeEncoder()
            try value.encode(to: encoder)
            return encoder.node ?? .object(CacheObject())
        }
    }

    static func string(_ text: String) -> [UInt8] {
        var out: [UInt8] = [CacheTag.string]
        out.reserveCapacity(text.utf8.count + 5)
        append(UInt32(text.utf8.count), to: &out)
        out += text.utf8
        return out
    }

    static func integer(_ number: Int64) -> [UInt8] {
        var out: [UInt8] = [CacheTag.integer]
        withUnsafeBytes(of: number.littleEndian) { out += $0 }
        return out
    }

    static func append(_ n: UInt32, to out: inout [UInt8]) { withUnsafeBytes(of: n.littleEndian) { out += $0 } }

    func write(into out: inout [UInt8]) throws {
        switch self {
        case .bytes(let bytes): out += bytes
        case .array(let array):
            try Self.container(CacheTag.array, count: array.items.count, into: &out) { out in
                for item in array.items { try item.write(into: &out) }
            }
        case .object(let object):
            try Self.container(CacheTag.object, count: object.items.count, into: &out) { out in
                for (key, value) in object.items {
                    Self.append(UInt32(key.utf8.count), to: &out)
                    out += key.utf8
                    try value.write(into: &out)
                }
            }
        }
    }

    private static func container(_ tag: UInt8, count: Int, into out: inout [UInt8], _ body: (inout [UInt8]) throws -> Void) throws {
        out.append(tag)
        let lengthAt = out.count
        append(0, to: &out)
        append(UInt32(count), to: &out)
        try body(&out)
        let length = UInt32(out.count - lengthAt - 4).littleEndian
        withUnsafeBytes(of: length) { for (i, byte) in $0.enumerated() { out[lengthAt + i] = byte } }
    }
}

final class CacheArray { var items: [CacheNode] = [] }
final class CacheObject { var items: [(key: String, value: CacheNode)] = [] }

/// The `Encoder` behind `CacheEncoder`.
final class CacheNodeEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var node: CacheNode?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let existing) = node { return KeyedEncodingContainer(Keyed(object: existing)) }
        let object = CacheObject()
        node = .object(object)
        return KeyedEncodingContainer(Keyed(object: object))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let existing) = node { return Unkeyed(array: existing) }
        let array = CacheArray()
        node = .array(array)
        return Unkeyed(array: array)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

    static func double(_ value: Double) -> CacheNode {
        var out: [UInt8] = [CacheTag.double]
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out += $0 }
        return .bytes(out)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: CacheObject
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { object.items.append((key.stringValue, .bytes([CacheTag.null]))) }
        mutating func encode(_ value: Double, forKey key: Key) throws { object.items.append((key.stringValue, double(value))) }
        mutating func encode(_ value: Float, forKey key: Key) throws { object.items.append((key.stringValue, double(Double(value)))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.items.append((key.stringValue, try CacheNode.make(value)))
        }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            let nested = CacheObject()
            object.items.append((key.stringValue, .object(nested)))
            return KeyedEncodingContainer(Keyed<N>(object: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = CacheArray()
            object.items.append((key.stringValue, .array(nested)))
            return Unkeyed(array: nested)
        }
        mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            let encoder = CacheNodeEncoder(), nested = CacheObject()
            encoder.node = .object(nested)
            object.items.append((key.stringValue, .object(nested)))
            return encoder
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let array: CacheArray
        var codingPath: [CodingKey] { [] }
        var count: Int { array.items.count }
        mutating func encodeNil() throws { array.items.append(.bytes([CacheTag.null])) }
        mutating func encode(_ value: Double) throws { array.items.append(double(value)) }
        mutating func encode(_ value: Float) throws { array.items.append(double(Double(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try CacheNode.make(value)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            let nested = CacheObject()
            array.items.append(.object(nested))
            return KeyedEncodingContainer(Keyed<N>(object: nested))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = CacheArray()
            array.items.append(.array(nested))
            return Unkeyed(array: nested)
        }
        mutating func superEncoder() -> Encoder {
            let encoder = CacheNodeEncoder(), nested = CacheObject()
            encoder.node = .object(nested)
            array.items.append(.object(nested))
            return encoder
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: CacheNodeEncoder
        var codingPath: [CodingKey] { [] }
        func encodeNil() throws { encoder.node = .bytes([CacheTag.null]) }
        func encode(_ value: Double) throws { encoder.node = double(value) }
        func encode(_ value: Float) throws { encoder.node = double(Double(value)) }
        func encode<T: Encodable>(_ value: T) throws {
            if let number = value as? any BinaryInteger {
                encoder.node = .bytes(CacheNode.integer(Int64(truncatingIfNeeded: number)))
            } else {
                encoder.node = try CacheNode.make(value)
            }
        }
    }
}
