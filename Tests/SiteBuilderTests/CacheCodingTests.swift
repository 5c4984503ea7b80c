import Foundation
import Testing

@testable import SiteBuilder

/// The cache file's reader, which reads a megabyte at a time, gives back what the writer wrote
/// across chunk boundaries, and refuses a file with a byte changed.
struct CacheCodingTests {
    /// Writes like `BuildCacheFile.save`: chunks of a multiple of eight bytes, then the checksum.
    func file(_ write: (inout CacheWriter) -> Void) throws -> URL {
        var writer = CacheWriter()
        write(&writer)
        var checksum = Checksum()
        var bytes: [UInt8] = []
        while writer.bytes.count > 1000 {
            let chunk = writer.drain(keepingAlignment: true)
            checksum.combine(chunk)
            bytes += chunk
        }
        let last = writer.drain(keepingAlignment: false)
        checksum.combine(last)
        bytes += last
        var trailer = CacheWriter()
        trailer.uint64(checksum.value)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cache-\(UUID().uuidString)")
        try Data(bytes + trailer.bytes).write(to: url)
        return url
    }

    func read<Value>(_ url: URL, _ body: (inout CacheReader) throws(CacheReader.Corrupt) -> Value) throws -> Value {
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int
        var reader = try CacheReader(descriptor: descriptor, size: size)
        let value = try body(&reader)
        try reader.finish()
        return value
    }

    let strings =
        (0..<3000).map { String(repeating: "é", count: $0 % 37) + "\($0)" } + [
            String(repeating: "a long string across chunks ", count: 90_000) + "!"
        ]

    @Test func whatWasWrittenIsReadBackAcrossChunks() throws {
        let url = try file { writer in
            writer.array(strings) { $0.string($1) }
            writer.int(-42)
            writer.bool(true)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        let (read, number, flag) = try read(url) { reader throws(CacheReader.Corrupt) in
            (
                try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() }, try reader.int(),
                try reader.bool()
            )
        }
        #expect(read == strings)
        #expect(number == -42 && flag)
    }

    @Test(arguments: [0, 9, 1_000_003, 2_520_000])
    func aChangedByteIsRefused(offset: Int) throws {
        let url = try file { writer in writer.array(strings) { $0.string($1) } }
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = try [UInt8](Data(contentsOf: url))
        bytes[min(offset, bytes.count - 1)] ^= 0x01
        try Data(bytes).write(to: url)
        #expect(throws: CacheReader.Corrupt.self) {
            try read(url) { reader throws(CacheReader.Corrupt) in
                try reader.array { reader throws(CacheReader.Corrupt) in try reader.string() }
            }
        }
    }
}
