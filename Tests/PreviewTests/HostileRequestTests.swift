import Foundation
import Preview
import SiteBuilder
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Requests that tried to kill, clog or fool `serve`: the server answers them and stays up, and
/// what they held open goes when they go. Inside `PreviewServerTests`, whose tests run one at a
/// time: the raw client blocks its thread, and two suites doing so at once on a 2-core machine
/// would leave no thread for the servers they wait for.
extension PreviewServerTests { @Suite struct HostileRequests {} }

extension PreviewServerTests.HostileRequests {
    func withServer(idleTimeout: Duration = .seconds(15), _ body: (RawHTTP) async throws -> Void) async throws {
        let site = try TemporarySite(siteYAML: "title: Preview\nbase_url: https://example.org/\n")
        defer { site.remove() }
        try site.article("2016-07-04-flood.md", "title: Flood review", body: "Calm words.")
        let options = PreviewOptions(build: BuildOptions(source: site.site), port: 0, idleTimeout: idleTimeout)
        let (ready, announce) = AsyncStream<String>.makeStream()
        let server = Task { try await PreviewServer(options: options).run(handleSignals: false) { announce.yield($0) } }
        defer { server.cancel() }
        var iterator = ready.makeAsyncIterator()
        let url = try #require(await iterator.next())
        let port = try #require(Int(url.split(separator: ":").last?.split(separator: "/").first ?? ""))
        try await body(RawHTTP(port: port))
    }

    @Test(arguments: [
        "Sun, 06 Nov 9223372036854775807 08:49:37 GMT", "Sun, 9223372036854775807 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 9223372036854775807:49:37 GMT", "Sun, 06 Nov 1994 08:49:9223372036854775807 GMT",
        "Sun, 06 Nov -9223372036854775807 08:49:37 GMT", "Sun, 99 Nov 1994 99:99:99 GMT", "Sun, 06 Nov 1994 08::37 GMT",
    ])
    func anOutlandishDateIsIgnoredAndTheServerStaysUp(_ date: String) async throws {
        try await withServer { (http: RawHTTP) async throws in
            #expect(try http.send("GET", "/", headers: ["If-Modified-Since": date]).status == 200)
            #expect(try http.send("GET", "/articles/flood/").status == 200)
        }
    }

    @Test func aListOfEntityTagsIsReadItemByItem() async throws {
        try await withServer { (http: RawHTTP) async throws in
            #expect(try http.send("GET", "/assets/style.css", headers: ["If-None-Match": "\"x\", *"]).status == 304)
            let etag = try #require(try http.send("GET", "/assets/style.css").headers["etag"])
            #expect(
                try http.send("GET", "/assets/style.css", headers: ["If-None-Match": "\"x\",  \(etag)"]).status == 304)
            #expect(try http.send("GET", "/assets/style.css", headers: ["If-None-Match": "\"x\", \"y\""]).status == 200)
        }
    }

    @Test func closedEventStreamsLeaveNoConnectionBehind() async throws {
        try await withServer { (http: RawHTTP) async throws in
            let before = Self.openDescriptors()
            for _ in 0..<300 {
                let socket = try http.openStream("/__broadsheet/events")
                close(socket)
            }
            let settled = await eventually { Self.openDescriptors() <= before + 5 }
            #expect(settled, "\(Self.openDescriptors() - before) descriptors left open")
            #expect(try http.send("GET", "/").status == 200)
        }
    }

    @Test func aRequestWhoseHeadersNeverEndIsClosed() async throws {
        try await withServer(idleTimeout: .milliseconds(500)) { (http: RawHTTP) async throws in
            let socket = try http.connect(timeout: 3)
            defer { close(socket) }
            try http.write(socket, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            var buffer = [UInt8](repeating: 0, count: 256)
            let start = Date()
            // The server closes the connection: recv ends (0) long before the 3 s receive timeout.
            let count = recv(socket, &buffer, buffer.count, 0)
            #expect(count <= 0)
            #expect(Date().timeIntervalSince(start) < 2.5)
            #expect(try http.send("GET", "/").status == 200)
        }
    }

    @Test func anHTTP10ConnectionIsClosedAfterItsReplyUnlessAskedToStay() async throws {
        try await withServer { (http: RawHTTP) async throws in
            func replyThenState(_ request: String) throws -> (reply: String, closed: Bool) {
                let socket = try http.connect(timeout: 1.5)
                defer { close(socket) }
                try http.write(socket, request)
                var text = ""
                var buffer = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let count = recv(socket, &buffer, buffer.count, 0)
                    if count == 0 { return (text, true) }
                    if count < 0 { return (text, false) }  // the receive timeout: still open
                    text += String(decoding: buffer[0..<count], as: UTF8.self)
                }
            }
            let plain = try replyThenState("GET / HTTP/1.0\r\nHost: x\r\n\r\n")
            #expect(plain.reply.hasPrefix("HTTP/1.1 200") && plain.closed)
            let kept = try replyThenState("GET / HTTP/1.0\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.reply.hasPrefix("HTTP/1.1 200") && !kept.closed)
            let modern = try replyThenState("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(modern.reply.hasPrefix("HTTP/1.1 200") && !modern.closed)
        }
    }

    /// This process's open file descriptors (the server runs in it).
    static func openDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }

    func eventually(_ seconds: Double = 5, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }
}
