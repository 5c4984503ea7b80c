import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket, so tests see exactly what the server sends
/// (no redirect following, no caching) and can read a never-ending event stream with a timeout.
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    /// Sends one request with `Connection: close` and reads the reply until the server closes.
    func send(_ method: String = "GET", _ path: String, headers: [String: String] = [:], timeout: Double = 5) throws
        -> Reply
    {
        let socket = try connect(timeout: timeout)
        defer { close(socket) }
        try write(socket, request(method, path, headers: headers.merging(["Connection": "close"]) { a, _ in a }))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return try parse(String(decoding: data, as: UTF8.self))
    }

    /// Opens an event stream and returns the text received until `marker` appears (or the timeout).
    func readStream(_ path: String, until marker: String, timeout: Double, afterConnect: () throws -> Void = {}) throws
        -> String
    {
        let socket = try connect(timeout: 0.2)
        defer { close(socket) }
        try write(socket, request("GET", path, headers: [:]))
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(timeout)
        var connected = false
        while Date() < deadline {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 { text += String(decoding: buffer[0..<count], as: UTF8.self) }
            if count == 0 { break }
            if !connected && text.contains(": connected") {
                connected = true
                try afterConnect()
            }
            if connected && text.contains(marker) { break }
        }
        return text
    }

    /// Opens an event stream and returns its socket once the server has said it is connected.
    func openStream(_ path: String) throws -> Int32 {
        let socket = try connect(timeout: 2)
        try write(socket, request("GET", path, headers: [:]))
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 1024)
        while !text.contains(": connected") {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return socket
    }

    private func request(_ method: String, _ path: String, headers: [String: String]) -> String {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        return text + "\r\n"
    }

    func connect(timeout: Double) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    func write(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, 0) == bytes.count else { throw POSIXError(.EIO) }
    }

    private func parse(_ text: String) throws -> Reply {
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = Self.dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ text: String) -> String {
        var rest = Substring(text)
        var out = ""
        while let line = rest.range(of: "\r\n"), let size = Int(rest[..<line.lowerBound], radix: 16), size > 0 {
            let start = line.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }
}
