import Foundation
import TestSupport
import Testing

/// Input a build, `extract` or `check` must refuse: each case is written into a site that built
/// well once, the command must exit with status 1 and say what is wrong (and where), and nothing —
/// the output folder, the cache beside it, the site's own files — may change.
@Suite(.serialized)
struct RefusedInputTests {
    /// One hostile input: files written (relative to the site folder; nil bytes delete), the
    /// command's arguments, and a piece of the message it must print.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: [UInt8]?] = [:]
        var arguments = ["build"]
        var message: String
        /// Run as an unprivileged user (for permissions, which root does not have).
        var asNobody = false
        var arrange: (@Sendable (URL) throws -> Void)? = nil
        var testDescription: String { name }
    }

    static func text(_ string: String) -> [UInt8]? { Array(string.utf8) }

    static func article(_ frontMatter: String, body: String = "Plain words.") -> [UInt8]? {
        text("---\n\(frontMatter)\n---\n\n\(body)\n")
    }

    static let bad = "Content/articles/2020-01-01-bad.md"

    /// A front matter alias bomb: each level lists the one before nine times.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...9 {
            let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(previous)]")
        }
        return lines.joined(separator: "\n")
    }()

    static let cases: [Case] = [
        Case(name: "no front matter", files: [bad: text("Just text.\n")], message: "missing front matter"),
        Case(
            name: "front matter never closed", files: [bad: text("---\ntitle: Open\n\nBody.\n")],
            message: "never closed"),
        Case(
            name: "bad indentation", files: [bad: article("title: A\n  date: 2020-01-01\n tags: [x")],
            message: "malformed YAML"),
        Case(
            name: "unclosed quote", files: [bad: article("title: \"Open quote\ndate: 2020-01-01")],
            message: "malformed YAML"),
        Case(name: "front matter alias bomb", files: [bad: article("title: Bomb\n" + aliasBomb)], message: "aliases"),
        Case(name: "date that is not a date", files: [bad: article("title: A\ndate: next Tuesday")], message: "date"),
        Case(name: "impossible day", files: [bad: article("title: A\ndate: 2023-02-30")], message: "2023-02-30"),
        Case(
            name: "title as a list", files: [bad: article("title: [a, b]\ndate: 2020-01-01")],
            message: "`title` must be text"),
        Case(
            name: "draft neither true nor false", files: [bad: article("title: A\ndate: 2020-01-01\ndraft: maybe")],
            message: "true or false"),
        Case(
            name: "slug climbing out", files: [bad: article("title: A\ndate: 2020-01-01\nslug: ../../etc")],
            message: "slug"),
        Case(
            name: "slug with a slash", files: [bad: article("title: A\ndate: 2020-01-01\nslug: a/b")], message: "slug"),
        Case(
            name: "two articles, one slug",
            files: [
                bad: article("title: A\ndate: 2020-01-01\nslug: same"),
                "Content/articles/2020-01-02-other.md": article("title: B\ndate: 2020-01-02\nslug: same"),
            ], message: "already used"),
        Case(
            name: "invalid UTF-8", files: [bad: [0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0xC3, 0x28, 0x0A]],
            message: "not valid UTF-8"),
        Case(
            name: "Latin-1 plain text", files: ["Content/articles/2020-01-01-x.txt": [0x43, 0x61, 0x66, 0xE9, 0x0A]],
            message: "not valid UTF-8"),
        Case(name: "front matter a list", files: [bad: article("- one\n- two")], message: "mapping"),
        Case(
            name: "tags a mapping", files: [bad: article("title: A\ndate: 2020-01-01\ntags: {a: b}")], message: "tags"),
        Case(name: "empty title", files: [bad: article("title: \"\"\ndate: 2020-01-01")], message: "`title` is empty"),
        Case(
            name: "article past the size limit", message: "at most 16 MiB",
            arrange: { site in
                let path = site.appendingPathComponent("Content/articles/2020-01-01-huge.md").path
                _ = FileManager.default.createFile(atPath: path, contents: Data("---\ntitle: Huge\n---\n".utf8))
                // Sparse: 17 MiB that cost no disk.
                #expect(truncate(path, 17 << 20) == 0)
            }),
        Case(
            name: "entities.yml malformed", files: ["Content/entities.yml": text("entities:\n  - id: [x\n")],
            message: "malformed YAML"),
        Case(
            name: "entity website that runs script",
            files: [
                "Content/entities.yml": text(
                    "entities:\n  - name: Ann Lee\n    type: person\n    url: javascript:alert(1)\n")
            ],
            message: "https://"),
        Case(
            name: "entity website hiding a tab",
            files: [
                "Content/entities.yml": text(
                    "entities:\n  - name: Ann Lee\n    type: person\n    url: \"https://x.org/\\tjs\"\n")
            ],
            message: "https://"),
        Case(
            name: "entity ids twice",
            files: [
                "Content/entities.yml": text(
                    "entities:\n  - {id: a, name: A B, type: person}\n  - {id: a, name: C D, type: person}\n")
            ],
            message: "duplicate entity id"),
        Case(
            name: "entity of no known type",
            files: ["Content/entities.yml": text("entities:\n  - {name: A B, type: planet}\n")],
            message: "unknown entity type"),
        Case(
            name: "entities.yml alias bomb",
            files: ["Content/entities.yml": text(aliasBomb + "\nentities: []\n")], message: "aliases"),
        Case(name: "site.yml missing", files: ["Content/site.yml": nil], message: "site settings not found"),
        Case(name: "site.yml a list", files: ["Content/site.yml": text("- title\n")], message: "mapping"),
        Case(
            name: "site.yml base_url not a URL", files: ["Content/site.yml": text("title: T\nbase_url: not a url\n")],
            message: "base_url"),
        Case(
            name: "--base-url not a URL", arguments: ["build", "--base-url", "ftp://x"],
            message: "not an absolute http(s) URL"),
        Case(
            name: "--output an existing file", files: ["notes.txt": text("notes\n")],
            arguments: ["build", "--output", "notes.txt"], message: "is a file"),
        Case(
            name: "--output a symbolic link", arguments: ["build", "--output", "linked"], message: "symbolic link",
            arrange: { site in
                try FileManager.default.createSymbolicLink(
                    at: site.appendingPathComponent("linked"), withDestinationURL: site.appendingPathComponent("Output")
                )
            }),
        Case(name: "--output Content/", arguments: ["build", "--output", "Content/site"], message: "sources"),
        Case(name: "--output Templates/", arguments: ["build", "--output", "Templates"], message: "sources"),
        Case(name: "--output the site folder", arguments: ["build", "--output", "."], message: "sources"),
        Case(name: "--output above the site", arguments: ["build", "--output", ".."], message: "sources"),
        Case(
            name: "--output another program's folder", files: ["theirs/notes.txt": text("keep me\n")],
            arguments: ["build", "--output", "theirs"], message: "not made by Broadsheet"),
        Case(
            name: "--output inside Content/ through a linked --source",
            arguments: ["build", "--source", "../alias", "--output", "Content/out"], message: "sources",
            arrange: { site in
                try FileManager.default.createSymbolicLink(
                    at: site.deletingLastPathComponent().appendingPathComponent("alias"), withDestinationURL: site)
            }),
        Case(
            name: "unreadable article", message: "Permission denied", asNobody: true,
            arrange: { site in
                let path = site.appendingPathComponent("Content/articles/2020-01-01-secret.md").path
                _ = FileManager.default.createFile(atPath: path, contents: Data("---\ntitle: S\n---\nx\n".utf8))
                #expect(chmod(path, 0o200) == 0)
            }),
        Case(
            name: "unreadable folder of articles", message: "cannot read the folder", asNobody: true,
            arrange: { site in
                let folder = site.appendingPathComponent("Content/articles/2019")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(
                    atPath: folder.appendingPathComponent("2019-05-01-a.md").path,
                    contents: Data("---\ntitle: A\n---\nx\n".utf8))
                #expect(chmod(folder.path, 0o300) == 0)
            }),
        Case(
            name: "extract: alias bomb", files: [bad: article("title: Bomb\n" + aliasBomb)],
            arguments: ["extract", bad], message: "aliases"),
        Case(
            name: "extract: no such file", arguments: ["extract", "Content/articles/none.md"], message: "No such file"),
        Case(
            name: "extract: invalid UTF-8", files: [bad: [0xFF, 0xFE, 0x0A]], arguments: ["extract", bad],
            message: "not valid UTF-8"),
        Case(
            name: "extract: past the size limit", arguments: ["extract", "big.md"], message: "at most 16 MiB",
            arrange: { site in
                _ = FileManager.default.createFile(atPath: site.appendingPathComponent("big.md").path, contents: Data())
                #expect(truncate(site.appendingPathComponent("big.md").path, 20 << 20) == 0)
            }),
    ]

    @Test(arguments: cases)
    func isRefusedWithoutChangingAnything(_ hostile: Case) throws {
        let site = try TemporarySite()
        defer { site.remove() }
        try site.article("2016-07-04-flood.md", "title: Flood review\ndate: 2016-07-04", body: "Calm words.")
        #expect(try Broadsheet.run(["build", "--quiet"], in: site.site).status == 0)
        for (path, bytes) in hostile.files {
            let url = site.site.appendingPathComponent(path)
            if let bytes {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: url)
            } else {
                try FileManager.default.removeItem(at: url)
            }
        }
        try hostile.arrange?(site.site)
        if hostile.asNobody { try openToEveryone(site.folder) }
        let ignored: Set<String> = []
        let before = FolderSnapshot(site.folder, ignoringContentOf: ignored)
        let run = try Broadsheet.run(hostile.arguments, in: site.site, asNobody: hostile.asNobody)
        #expect(run.status == 1, "\(run.errors)")
        #expect(run.errors.contains(hostile.message), "\(run.errors)")
        // Compiler style: the file (and, where there is one, line) first, then what to do.
        #expect(run.errors.contains("error: "), "\(run.errors)")
        let after = FolderSnapshot(site.folder, ignoringContentOf: ignored)
        #expect(after == before, "changed: \(Set(after.files.keys).symmetricDifference(before.files.keys))")
    }

    /// Lets `nobody` write the site (the tests create it as whoever runs them).
    private func openToEveryone(_ folder: URL) throws {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        chmod(folder.path, 0o777)
        while let relative = walker?.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFLNK else { continue }
            // Files and folders the case made unreadable stay so.
            let mode = info.st_mode & 0o777
            if mode == 0o200 || mode == 0o300 { continue }
            chmod(path, (info.st_mode & S_IFMT) == S_IFDIR ? 0o777 : 0o666)
        }
    }
}
