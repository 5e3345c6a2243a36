/// Reads `CacheEncoder`'s binary form back into a `Decodable` value. A damaged entry throws; the cache
/// then makes the page again.
enum CacheDecoder {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = CacheReader(bytes: bytes)
        return try reader.value(T.self, at: 0, path: [])
    }
}

struct CacheDamage: Error {}

/// The bytes of one entry, read where each value's tag is.
final class CacheReader {
    let bytes: [UInt8]
    init(bytes: [UInt8]) { self.bytes = bytes }

    func tag(at offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw CacheDamage() }
        return bytes[offset]
    }

    func uint32(at offset: Int) throws -> Int {
        guard offset >= 0, offset + 4 <= bytes.count else { throw CacheDamage() }
        return Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
    }

    func int64(at offset: Int) throws -> Int64 {
        guard offset >= 0, offset + 8 <= bytes.count else { throw CacheDamage() }
        var n: UInt64 = 0
        for i in (0..<8).reversed() { n = n << 8 | UInt64(bytes[offset + i]) }
        return Int64(bitPattern: n)
    }

    /// Where the value at `offset` ends.
    func end(at offset: Int) throws -> Int {
        switch try tag(at: offset) {
        case CacheTag.null, CacheTag.no, CacheTag.yes: return offset + 1
        case CacheTag.string: return offset + 5 + (try uint32(at: offset + 1))
        case CacheTag.integer, CacheTag.double: return offset + 9
        case CacheTag.array, CacheTag.object: return offset + 5 + (try uint32(at: offset + 1))
        default: throw CacheDamage()
        }
    }

    func string(at offset: Int) throws -> String {
        guard try tag(at: offset) == CacheTag.string else { throw CacheDamage() }
        let length = try uint32(at: offset + 1)
        guard offset + 5 + length <= bytes.count else { throw CacheDamage() }
        return String(decoding: bytes[(offset + 5)..<(offset + 5 + length)], as: UTF8.self)
    }

    func integer(at offset: Int) throws -> Int64 {
        guard try tag(at: offset) == CacheTag.integer else { throw CacheDamage() }
        return try int64(at: offset + 1)
    }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case CacheTag.yes: return true
        case CacheTag.no: return false
        default: throw CacheDamage()
        }
    }

    func double(at offset: Int) throws -> Double {
        guard try tag(at: offset) == CacheTag.double else { throw CacheDamage() }
        return Double(bitPattern: UInt64(bitPattern: try int64(at: offset + 1)))
    }

    /// The offsets of an array's values.
    func elements(at offset: Int) throws -> [Int] {
        guard try tag(at: offset) == CacheTag.array else { throw CacheDamage() }
        let count = try uint32(at: offset + 5)
        var at = offset + 9, offsets: [Int] = []
        offsets.reserveCapacity(count)
        for _ in 0..<count { offsets.append(at); at = try end(at: at) }
        return offsets
    }

    /// Where an object's key is in the bytes, and where its value starts.
    struct Member {
        var key: Range<Int>
        var at: Int
    }

    /// An object's keys and the offsets of their values, in the order written. The keys stay bytes:
    /// a container compares them with the names it is asked for (`CacheKeyed`).
    func members(at offset: Int) throws -> [Member] {
        guard try tag(at: offset) == CacheTag.object else { throw CacheDamage() }
        let count = try uint32(at: offset + 5)
        var at = offset + 9, members: [Member] = []
        members.reserveCapacity(count)
        for _ in 0..<count {
            let length = try uint32(at: at)
            guard at + 4 + length <= bytes.count else { throw CacheDamage() }
            let key = (at + 4)..<(at + 4 + length)
            at += 4 + length
            members.append(Member(key: key, at: at))
            at = try end(at: at)
        }
        return members
    }

    /// The value's offset of the member named `name`.
    func member(_ name: String, in members: [Member]) -> Int? {
        var name = name
        return name.withUTF8 { wanted in
            members.first { member in
                member.key.count == wanted.count && bytes[member.key].elementsEqual(wanted)
            }?.at
        }
    }

    func value<T: Decodable>(_ type: T.Type, at offset: Int, path: [CodingKey]) throws -> T {
        if T.self == String.self { return try string(at: offset) as! T }
        if T.self == Int.self { return Int(truncatingIfNeeded: try integer(at: offset)) as! T }
        if T.self == Bool.self { return try bool(at: offset) as! T }
        return try T(from: CacheValueDecoder(reader: self, offset: offset, codingPath: path))
    }
}

/// The `Decoder` behind `CacheDecoder`: one value of the entry.
struct CacheValueDecoder: Decoder {
    let reader: CacheReader
    let offset: Int
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(CacheKeyed<Key>(reader: reader, members: try reader.members(at: offset), codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        CacheUnkeyed(reader: reader, offsets: try reader.elements(at: offset), codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { CacheSingle(decoder: self) }
}

/// Its coding path is the entry's (empty): a damaged entry is made again, never reported field by field,
/// and a path grown per field cost an array per value read.
private struct CacheKeyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: CacheReader
    /// Few members each (a page's fields): found by comparing bytes, with no table made per object.
    let members: [CacheReader.Member]
    let codingPath: [CodingKey]
    var allKeys: [Key] { members.compactMap { Key(stringValue: String(decoding: reader.bytes[$0.key], as: UTF8.self)) } }

    func at(_ key: Key) throws -> Int {
        guard let offset = reader.member(key.stringValue, in: members) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "not in the cache entry"))
        }
        return offset
    }
    func contains(_ key: Key) -> Bool { reader.member(key.stringValue, in: members) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try reader.tag(at: try at(key)) == CacheTag.null }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try reader.double(at: try at(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { Float(try reader.double(at: try at(key))) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.value(T.self, at: try at(key), path: codingPath)
    }
    func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
        try CacheValueDecoder(reader: reader, offset: try at(key), codingPath: codingPath).container(keyedBy: N.self)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try CacheValueDecoder(reader: reader, offset: try at(key), codingPath: codingPath).unkeyedContainer()
    }
    func superDecoder() throws -> Decoder { try superDecoder(forKey: Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> Decoder {
        CacheValueDecoder(reader: reader, offset: try at(key), codingPath: codingPath)
    }
}

private struct CacheUnkeyed: UnkeyedDecodingContainer {
    let reader: CacheReader
    let offsets: [Int]
    let codingPath: [CodingKey]
    var currentIndex = 0
    var count: Int? { offsets.count }
    var isAtEnd: Bool { currentIndex >= offsets.count }

    init(reader: CacheReader, offsets: [Int], codingPath: [CodingKey]) {
        (self.reader, self.offsets, self.codingPath) = (reader, offsets, codingPath)
    }

    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw CacheDamage() }
        defer { currentIndex += 1 }
        return offsets[currentIndex]
    }
    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.tag(at: offsets[currentIndex]) == CacheTag.null else { return false }
        currentIndex += 1
        return true
    }
    mutating func decode(_ type: Double.Type) throws -> Double { try reader.double(at: try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { Float(try reader.double(at: try next())) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.value(T.self, at: try next(), path: codingPath) }
    mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
        try CacheValueDecoder(reader: reader, offset: try next(), codingPath: codingPath).container(keyedBy: N.self)
    }
    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try CacheValueDecoder(reader: reader, offset: try next(), codingPath: codingPath).unkeyedContainer()
    }
    mutating func superDecoder() throws -> Decoder { CacheValueDecoder(reader: reader, offset: try next(), codingPath: codingPath) }
}

private struct CacheSingle: SingleValueDecodingContainer {
    let decoder: CacheValueDecoder
    var codingPath: [CodingKey] { decoder.codingPath }
    func decodeNil() -> Bool { (try? decoder.reader.tag(at: decoder.offset)) == CacheTag.null }
    func decode(_ type: Double.Type) throws -> Double { try decoder.reader.double(at: decoder.offset) }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoder.reader.double(at: decoder.offset)) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let integer = T.self as? any FixedWidthInteger.Type {
            return integer.init(truncatingIfNeeded: try decoder.reader.integer(at: decoder.offset)) as! T
        }
        return try decoder.reader.value(T.self, at: decoder.offset, path: codingPath)
    }
}
