import ArchiveModel
import Foundation
import Hummingbird
import SiteBuilder

/// Serves the built site (held in memory) as a static host would: index.html for folders (with a redirect that adds
/// the trailing slash), the site's 404.html with status 404, media types by extension, ETag and
/// Last-Modified with 304 answers, HEAD. HTML pages get the live-reload script and, after a failed
/// rebuild, the error overlay.
struct StaticSiteResponder: Sendable {
    let site: MemorySite
    let basePath: String
    let state: PreviewState
    static let eventsPath = "/__broadsheet/events"

    func respond(to request: Request) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        switch SitePath.resolve(request.uri.path, basePath: basePath, site: site) {
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Response(status: .movedPermanently, headers: [.location: location + query])
        case .notFound:
            if site.file("404.html") != nil { return await file("404.html", request: request, status: .notFound) }
            return Response(
                status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "Not found\n")))
        case .file(let path):
            return await file(path, request: request, status: .ok)
        }
    }

    private func file(_ path: String, request: Request, status: HTTPResponse.Status) async -> Response {
        let (version, diagnostics) = state.current
        let answer: PreviewState.Answer
        if let kept = state.answer(for: path) {
            answer = kept
        } else {
            guard let made = make(path, version: version, diagnostics: diagnostics) else {
                return Response(status: .notFound)
            }
            answer = made
            state.keep(answer, for: path, madeAt: version)
        }
        var headers: HTTPFields = [
            .contentType: answer.type, .eTag: answer.etag, .lastModified: HTTPDate.format(answer.modified),
            .cacheControl: "no-cache",
        ]
        if status == .ok,
            isNotModified(request, etag: answer.etag, modified: Int(answer.modified.timeIntervalSince1970))
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(answer.body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    /// A file's answer: its bytes (rendered now for a page) with, for HTML, the live-reload script
    /// and the overlay of a failed rebuild.
    private func make(_ path: String, version: Int, diagnostics: [Diagnostic]) -> PreviewState.Answer? {
        guard let stored = site.file(path) else { return nil }
        let data = stored.data
        let type = ContentTypes.forFile(path)
        let isHTML = type.hasPrefix("text/html")
        let seconds = Int(stored.modified.timeIntervalSince1970)
        let etag = "\"\(String(data.count, radix: 16))-\(String(seconds, radix: 16))\(isHTML ? "-v\(version)" : "")\""
        let body = isHTML ? injected(data, diagnostics: diagnostics) : data
        return PreviewState.Answer(body: body, type: type, etag: etag, modified: stored.modified)
    }

    private func isNotModified(_ request: Request, etag: String, modified: Int) -> Bool {
        if let match = request.headers[.ifNoneMatch] {
            return match.split(separator: ",").contains {
                let tag = $0.trimmingCharacters(in: .whitespaces)
                return tag == etag || tag == "W/" + etag || tag == "*"
            }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(HTTPDate.parse) {
            return modified <= Int(since.timeIntervalSince1970)
        }
        return false
    }

    /// The page with the live-reload script (and the overlay after a failed rebuild) before `</body>`.
    private func injected(_ data: Data, diagnostics: [Diagnostic]) -> Data {
        var addition = LiveReload.script(endpoint: Self.eventsPath)
        if diagnostics.containsErrors { addition = LiveReload.overlay(diagnostics) + addition }
        var html = String(decoding: data, as: UTF8.self)
        if let end = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: addition, at: end.lowerBound)
        } else {
            html += addition
        }
        return Data(html.utf8)
    }
}

/// HTTP dates (RFC 9110 IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
enum HTTPDate {
    static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        let time = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return
            "\(weekdays[weekday]), \(two(d)) \(months[m - 1]) \(y) \(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60)) GMT"
    }

    /// The date of an IMF-fixdate, or nil for anything else (a field out of its range included:
    /// a client's header must never reach the arithmetic unchecked).
    static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), (1...31).contains(day),
            let month = months.firstIndex(of: String(parts[2])), let year = Int(parts[3]), (1...9999).contains(year)
        else { return nil }
        let time = parts[4].split(separator: ":", omittingEmptySubsequences: false).compactMap { Int($0) }
        guard time.count == 3, (0...23).contains(time[0]), (0...59).contains(time[1]), (0...60).contains(time[2])
        else { return nil }
        let days = CivilCalendar.days(year: year, month: month + 1, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + time[0] * 3600 + time[1] * 60 + time[2]))
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
