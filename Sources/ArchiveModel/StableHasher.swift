/// FNV-1a, 64 bits: the same digest for the same bytes in every process, unlike Swift's `Hasher`
/// (seeded per process). For what a build keeps on disk: content hashes of article files, the
/// fingerprints of settings and templates.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        // Arrays, slices and buffers go through the loop below, which the compiler sees whole;
        // iterating a generic sequence from another module is not specialised (4 % of a build).
        let contiguous: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            combine(buffer: UnsafeRawBufferPointer(buffer))
        }
        guard contiguous == nil else { return }
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }
    }

    /// Combines raw bytes, the same as `combine(bytes:)`.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var state = self.state
        for byte in buffer {
            state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        self.state = state
    }

    /// Combines the string's UTF-8 bytes and then its length, so that ("ab", "c") and ("a", "bc")
    /// differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(buffer: UnsafeRawBufferPointer($0)) }
        combine(text.utf8.count)
    }

    public mutating func combine(_ value: Int) {
        withUnsafeBytes(of: UInt64(truncatingIfNeeded: value).littleEndian) { combine(buffer: $0) }
    }

    public func finalize() -> UInt64 { state }

    /// The digest of a run of bytes.
    public static func digest<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }
}
