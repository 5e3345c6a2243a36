/// What an `Encodable` value says of itself, before it is written out in one of Runsmith's own forms:
/// compact JSON for the search index (`CompactJSONEncoder`), the cache's binary entries (`CacheEncoder`).
/// Containers are boxes, filled as `encode(to:)` goes on.
enum EncodedValue {
    case null
    case bool(Bool)
    case signed(Int64)
    case unsigned(UInt64)
    case double(Double)
    case string(String)
    case array(EncodedArray)
    case object(EncodedObject)

    /// `value`'s tree, straight for the shapes the search index and the cache hold most (text, numbers,
    /// lists of them), else through its `encode(to:)`.
    static func make<T: Encodable>(_ value: T) throws -> EncodedValue {
        switch value {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .signed(Int64(number))
        case let numbers as [Int]: return .array(EncodedArray(numbers.map { .signed(Int64($0)) }))
        case let texts as [String]: return .array(EncodedArray(texts.map { .string($0) }))
        case let map as [String: [Int32]]:
            return .object(EncodedObject(map.map { ($0.key, .array(EncodedArray($0.value.map { .signed(Int64($0)) }))) }))
        default:
            let encoder = EncodedValueEncoder()
            try value.encode(to: encoder)
            return encoder.value ?? .object(EncodedObject())
        }
    }

    /// An integer of any width, kept exactly.
    static func integer(_ number: some BinaryInteger) -> EncodedValue {
        number.signum() < 0 ? .signed(Int64(number)) : .unsigned(UInt64(number))
    }
}

final class EncodedArray {
    var items: [EncodedValue]
    init(_ items: [EncodedValue] = []) { self.items = items }
}

final class EncodedObject {
    /// In the order given.
    var items: [(key: String, value: EncodedValue)]
    init(_ items: [(key: String, value: EncodedValue)] = []) { self.items = items }
}

/// The `Encoder` that makes an `EncodedValue` of what `encode(to:)` asks for.
final class EncodedValueEncoder: Encoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The value, once `encode(to:)` asked for a container or wrote a single value.
    var value: EncodedValue?

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let existing) = value { return KeyedEncodingContainer(Keyed(object: existing)) }
        let object = EncodedObject()
        value = .object(object)
        return KeyedEncodingContainer(Keyed(object: object))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let existing) = value { return Unkeyed(array: existing) }
        let array = EncodedArray()
        value = .array(array)
        return Unkeyed(array: array)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

    /// A nested encoder for `super`, whose value is an object of its own.
    static func nested() -> (EncodedValueEncoder, EncodedObject) {
        let encoder = EncodedValueEncoder(), object = EncodedObject()
        encoder.value = .object(object)
        return (encoder, object)
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: EncodedObject
        var codingPath: [CodingKey] { [] }
        func add(_ value: EncodedValue, _ key: Key) { object.items.append((key.stringValue, value)) }
        mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { add(.double(value), key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { add(.double(Double(value)), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(try EncodedValue.make(value), key) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            let nested = EncodedObject()
            add(.object(nested), key)
            return KeyedEncodingContainer(Keyed<N>(object: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = EncodedArray()
            add(.array(nested), key)
            return Unkeyed(array: nested)
        }
        mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            let (encoder, nested) = EncodedValueEncoder.nested()
            add(.object(nested), key)
            return encoder
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let array: EncodedArray
        var codingPath: [CodingKey] { [] }
        var count: Int { array.items.count }
        mutating func encodeNil() throws { array.items.append(.null) }
        mutating func encode(_ value: Double) throws { array.items.append(.double(value)) }
        mutating func encode(_ value: Float) throws { array.items.append(.double(Double(value))) }
        mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try EncodedValue.make(value)) }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            let nested = EncodedObject()
            array.items.append(.object(nested))
            return KeyedEncodingContainer(Keyed<N>(object: nested))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = EncodedArray()
            array.items.append(.array(nested))
            return Unkeyed(array: nested)
        }
        mutating func superEncoder() -> Encoder {
            let (encoder, nested) = EncodedValueEncoder.nested()
            array.items.append(.object(nested))
            return encoder
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: EncodedValueEncoder
        var codingPath: [CodingKey] { [] }
        func encodeNil() throws { encoder.value = .null }
        func encode(_ value: Double) throws { encoder.value = .double(value) }
        func encode(_ value: Float) throws { encoder.value = .double(Double(value)) }
        func encode<T: Encodable>(_ value: T) throws {
            // Integers of every width end here (their `encode(to:)` asks for a single value).
            if let number = value as? any BinaryInteger { encoder.value = .integer(number) } else { encoder.value = try .make(value) }
        }
    }
}
