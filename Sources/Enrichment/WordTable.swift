/// An open-addressing hash table from `WordHash` values to small integers. The keys are already
/// well-mixed 64-bit hashes, so lookups skip the standard library's per-lookup SipHash: word lookups
/// are most of what enrichment does.
struct WordTable: Sendable {
    /// Key and value side by side, so a probe touches one cache line.
    private struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: capacity)
        mask = capacity - 1
    }

    /// 0 marks an empty slot, so the (astronomically unlikely) key 0 is stored as 1.
    @inline(__always)
    private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 31)) & mask }

    /// The value for `key`, if present.
    @inline(__always)
    func value(for key: UInt64) -> Int32? {
        let key = Self.stored(key)
        var index = slot(key)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let found = slots[index]
                if found.key == key { return found.value }
                if found.key == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > slots.count { grow() }
        let key = Self.stored(key)
        var index = slot(key)
        while slots[index].key != 0 && slots[index].key != key { index = (index + 1) & mask }
        if slots[index].key == 0 { count += 1 }
        slots[index] = Slot(key: key, value: value)
    }

    private mutating func grow() {
        let old = slots.filter { $0.key != 0 }
        let capacity = slots.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: capacity)
        mask = capacity - 1
        count = 0
        for slot in old { set(slot.value, for: slot.key) }
    }
}

/// A set of `WordHash` values on a `WordTable`.
struct WordSet: Sendable {
    private var table: WordTable

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        table = WordTable()
        for hash in hashes { table.set(1, for: hash) }
    }

    /// The set of the hashes of `words`.
    init(words: [String]) {
        self.init(words.map(WordHash.hash))
    }

    @inline(__always)
    func contains(_ hash: UInt64) -> Bool { table.value(for: hash) != nil }
}

/// A fixed-size bit filter over `WordHash` values: "certainly absent" in one cache-friendly probe,
/// before a lookup in a large table.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1 << 15)  // 2^21 bits, 256 KiB

    mutating func insert(_ hash: UInt64) {
        let bit = Int(truncatingIfNeeded: (hash ^ (hash >> 37)) & 0x1F_FFFF)
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Int(truncatingIfNeeded: (hash ^ (hash >> 37)) & 0x1F_FFFF)
        return bits.withUnsafeBufferPointer { $0[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
    }
}
