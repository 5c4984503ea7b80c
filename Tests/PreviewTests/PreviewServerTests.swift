import Foundation
import Preview
import SiteBuilder
import TestSupport
import Testing

/// The preview server on an ephemeral port, with real HTTP requests.
@Suite(.serialized)
struct PreviewServerTests {
    /// Starts `serve` for a small site under a sub-path and runs `body` with a client; stops after.
    func withServer(_ body: (RawHTTP, TemporarySite) async throws -> Void) async throws {
        let site = try TemporarySite(siteYAML: "title: Preview\nbase_url: https://example.org/news/\n")
        defer { site.remove() }
        try site.article(
            "2016-07-04-flood.md", "title: Flood review",
            body: "Professor Eleanor Whitcombe said: \"Silence is not a flood defence.\"")
        let options = PreviewOptions(build: BuildOptions(source: site.site), port: 0, quiet: .milliseconds(100))
        let (ready, announce) = AsyncStream<String>.makeStream()
        let server = Task { try await PreviewServer(options: options).run(handleSignals: false) { announce.yield($0) } }
        defer { server.cancel() }
        var iterator = ready.makeAsyncIterator()
        let url = try #require(await iterator.next())
        let port = try #require(Int(url.split(separator: ":").last?.split(separator: "/").first ?? ""))
        #expect(url.hasSuffix("/news/"))
        try await body(RawHTTP(port: port), site)
    }

    /// Polls until `condition` holds (a rebuild runs in the background), at most `seconds`. Sleeps
    /// without blocking its thread: the rebuild it waits for runs on the same small thread pool.
    func eventually(_ seconds: Double = 5, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return try condition()
    }

    @Test func pagesAreServedUnderTheBasePathWithTheLiveReloadScript() async throws {
        try await withServer { http, _ in
            let page = try http.send("GET", "/news/articles/flood/")
            #expect(page.status == 200)
            #expect(page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.body.contains("Silence is not a flood defence."))
            #expect(page.body.contains("data-broadsheet-live-reload"))
            let css = try http.send("GET", "/news/assets/style.css")
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.body.contains("live-reload"))
            let folder = try http.send("GET", "/news/articles/flood")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/news/articles/flood/")
            let missing = try http.send("GET", "/news/no/such/page/")
            #expect(missing.status == 404)
            #expect(missing.body.contains("Page not found"))
        }
    }

    @Test func feedsSitemapAndExportsAreServedWithTheirTypes() async throws {
        try await withServer { http, _ in
            let feed = try http.send("GET", "/news/feed.xml")
            #expect(feed.headers["content-type"] == "application/atom+xml")
            #expect(feed.body.contains("<title>Flood review</title>"))
            #expect(try http.send("GET", "/news/feed.json").headers["content-type"] == "application/feed+json")
            let sitemap = try http.send("GET", "/news/sitemap.xml")
            #expect(sitemap.body.contains("<loc>https://example.org/news/articles/flood/</loc>"))
            // Made on demand by serve: the first request makes it.
            let quotes = try http.send("GET", "/news/data/quotes.json")
            #expect(quotes.status == 200)
            #expect(quotes.headers["content-type"] == "application/json")
            #expect(quotes.body.contains("\"text\":\"Silence is not a flood defence.\""))
            let csv = try http.send("GET", "/news/data/quotes.csv")
            #expect(csv.headers["content-type"] == "text/csv; charset=utf-8")
            #expect(!feed.body.contains("live-reload"))
        }
    }

    @Test func headAndConditionalRequestsFollowHTTP() async throws {
        try await withServer { http, _ in
            let full = try http.send("GET", "/news/assets/style.css")
            let etag = try #require(full.headers["etag"])
            let head = try http.send("HEAD", "/news/assets/style.css")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["content-length"] == full.headers["content-length"])
            #expect(try http.send("GET", "/news/assets/style.css", headers: ["If-None-Match": etag]).status == 304)
            let modified = try #require(full.headers["last-modified"])
            #expect(
                try http.send("GET", "/news/assets/style.css", headers: ["If-Modified-Since": modified]).status == 304)
            #expect(try http.send("POST", "/news/").status == 405)
        }
    }

    @Test func nothingOutsideTheSiteCanBeReached() async throws {
        try await withServer { http, site in
            try "secret".write(to: site.folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
            // Links in Content/static that point outside the site, picked up by the rebuild they cause.
            let statics = site.site.appendingPathComponent("Content/static")
            try FileManager.default.createDirectory(at: statics, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: statics.appendingPathComponent("leak"), withDestinationURL: site.folder)
            try FileManager.default.createSymbolicLink(
                at: statics.appendingPathComponent("passwd.txt"),
                withDestinationURL: URL(fileURLWithPath: "/etc/passwd"))
            try site.article("2016-07-04-flood.md", "title: Flood review", body: "Rebuilt with the links.")
            #expect(
                try await eventually {
                    try http.send("GET", "/news/articles/flood/").body.contains("Rebuilt with the links.")
                })
            for path in [
                "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd", "/news/..%2f..%2fsecret.txt",
                "/news/%2e%2e/%2e%2e/secret.txt", "/news/..\\..\\secret.txt", "/etc/passwd", "/news/%00",
                "/news/leak/secret.txt", "/news/leak/site/Content/site.yml", "/news/passwd.txt",
            ] {
                let reply = try http.send("GET", path)
                #expect(reply.status == 404, "\(path) answered \(reply.status)")
                #expect(!reply.body.contains("root:") && !reply.body.contains("secret"))
            }
        }
    }

    @Test func anEditShowsUpAndTheEventStreamSaysReload() async throws {
        try await withServer { http, site in
            let events = try http.readStream("/__broadsheet/events", until: "event: reload", timeout: 5) {
                try site.article(
                    "2016-07-04-flood.md", "title: Flood review, edited", body: "The walls were good walls.")
            }
            #expect(events.contains("event: reload"))
            let updated = try await eventually {
                try http.send("GET", "/news/articles/flood/").body.contains("The walls were good walls.")
            }
            #expect(updated)
        }
    }

    @Test func aBrokenEditShowsTheOverlayOverTheLastGoodSiteUntilFixed() async throws {
        try await withServer { http, site in
            try site.article("2016-07-04-flood.md", "title: [broken", body: "Never published.")
            let overlaid = try await eventually {
                try http.send("GET", "/news/articles/flood/").body.contains("broadsheet-error-overlay")
            }
            #expect(overlaid)
            let page = try http.send("GET", "/news/articles/flood/")
            #expect(page.body.contains("Silence is not a flood defence."))
            #expect(page.body.contains("Content/articles/2016-07-04-flood.md:3:1: error: malformed YAML"))
            try site.article("2016-07-04-flood.md", "title: Fixed", body: "Back again.")
            let cleared = try await eventually {
                let body = try http.send("GET", "/news/articles/flood/").body
                return body.contains("Back again.") && !body.contains("broadsheet-error-overlay")
            }
            #expect(cleared)
        }
    }
}
