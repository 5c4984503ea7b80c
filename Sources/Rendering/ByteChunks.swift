/// A large file made a piece at a time as UTF-8 bytes and handed on as text about 64 KB at a time
/// (the exports and the search index: handing on a string per row or line cost more than making
/// the rows).
struct ByteChunks {
    /// The bytes gathered and not yet handed on; rows are appended here.
    var bytes: [UInt8]
    private static let size = 1 << 16

    init(starting text: String = "") {
        bytes = Array(text.utf8)
        bytes.reserveCapacity(2 * Self.size)
    }

    /// Hands the bytes on once a chunk's worth have gathered (call after each whole row, so that no
    /// character is split).
    mutating func handOnIfFull(_ emit: (String) -> Void) {
        if bytes.count >= Self.size { handOn(emit) }
    }

    /// Hands on whatever has gathered.
    mutating func handOn(_ emit: (String) -> Void) {
        emit(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }
}
