/// The `Encoder` behind `CompactJSONEncoder`: what a value's `encode(to:)` asks for becomes a `JSONNode`.
final class JSONNodeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The value's node, once `encode(to:)` asked for a container or wrote a single value.
    var node: JSONNode?

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObject
        if case .object(let existing) = node { object = existing } else { object = JSONObject(); node = .object(object) }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(object: object, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let array: JSONArray
        if case .array(let existing) = node { array = existing } else { array = JSONArray(); node = .array(array) }
        return JSONUnkeyedContainer(array: array, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { JSONSingleValue(encoder: self) }

    static func unsupported(_ value: Any, at path: [CodingKey]) -> EncodingError {
        EncodingError.invalidValue(value, .init(codingPath: path, debugDescription: "CompactJSONEncoder writes no floating-point numbers"))
    }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONObject
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.items.append((key.stringValue, .bytes(Array("null".utf8)))) }
    mutating func encode(_ value: Double, forKey key: Key) throws { throw JSONNodeEncoder.unsupported(value, at: codingPath + [key]) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONNodeEncoder.unsupported(value, at: codingPath + [key]) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.items.append((key.stringValue, try JSONNode.make(value, at: codingPath + [key])))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject()
        object.items.append((key.stringValue, .object(nested)))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONArray()
        object.items.append((key.stringValue, .array(nested)))
        return JSONUnkeyedContainer(array: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { superEncoder(forKey: Key(stringValue: "super")!) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let encoder = JSONNodeEncoder(codingPath: codingPath + [key])
        let nested = JSONObject()
        encoder.node = .object(nested)
        object.items.append((key.stringValue, .object(nested)))
        return encoder
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let array: JSONArray
    let codingPath: [CodingKey]
    var count: Int { array.items.count }

    private struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }
    private var here: [CodingKey] { codingPath + [Index(intValue: count)] }

    mutating func encodeNil() throws { array.items.append(.bytes(Array("null".utf8))) }
    mutating func encode(_ value: Double) throws { throw JSONNodeEncoder.unsupported(value, at: here) }
    mutating func encode(_ value: Float) throws { throw JSONNodeEncoder.unsupported(value, at: here) }
    mutating func encode<T: Encodable>(_ value: T) throws { array.items.append(try JSONNode.make(value, at: here)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObject(), path = here
        array.items.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(object: nested, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArray(), path = here
        array.items.append(.array(nested))
        return JSONUnkeyedContainer(array: nested, codingPath: path)
    }

    mutating func superEncoder() -> Encoder {
        let encoder = JSONNodeEncoder(codingPath: here)
        let nested = JSONObject()
        encoder.node = .object(nested)
        array.items.append(.object(nested))
        return encoder
    }
}

private struct JSONSingleValue: SingleValueEncodingContainer {
    let encoder: JSONNodeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    func encodeNil() throws { encoder.node = .bytes(Array("null".utf8)) }
    func encode(_ value: Double) throws { throw JSONNodeEncoder.unsupported(value, at: codingPath) }
    func encode(_ value: Float) throws { throw JSONNodeEncoder.unsupported(value, at: codingPath) }
    func encode<T: Encodable>(_ value: T) throws { encoder.node = try JSONNode.make(value, at: codingPath) }
}
