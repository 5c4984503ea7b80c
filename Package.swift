// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
        .executable(name: "broadsheet-enrichment-bench", targets: ["EnrichmentBenchmark"]),
        .executable(name: "broadsheet-template-bench", targets: ["TemplateBenchmark"]),
        .executable(name: "broadsheet-fuzz-replay", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Already dependencies of Hummingbird; named so the preview can end its event streams on
        // shutdown and when the page goes away (NIO's channel options), and close HTTP/1.0
        // connections after their reply (a handler that sees the request's HTTP version).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // glibc's mallopt (the command's heap settings) and renameat2 (swapping the output folder).
        .systemLibrary(name: "CLinux"),
        .target(name: "ArchiveModel"),
        .target(
            name: "ContentReader",
            dependencies: ["ArchiveModel", "CCmark", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Enrichment", dependencies: ["ArchiveModel"]),
        .target(
            name: "Knowledge",
            dependencies: ["ArchiveModel", "Enrichment"],
            exclude: ["Generator"],
            resources: [.copy("Resources")]
        ),
        .target(name: "SiteIndex", dependencies: ["ArchiveModel"]),
        .target(
            name: "Rendering",
            dependencies: ["ArchiveModel", "SiteIndex", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "SiteBuilder",
            dependencies: [
                "ArchiveModel", "ContentReader", "Enrichment", "Knowledge", "SiteIndex", "Rendering", "CLinux",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(name: "SiteChecker", dependencies: ["ArchiveModel", "ContentReader"]),
        .target(
            name: "Preview",
            dependencies: [
                "ArchiveModel", "SiteBuilder", "Rendering",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "broadsheet",
            dependencies: [
                "ArchiveModel", "ContentReader", "Enrichment", "Knowledge", "Preview", "Rendering", "SiteBuilder",
                "SiteChecker", "CLinux", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "EnrichmentBenchmark",
            dependencies: ["ArchiveModel", "ContentReader", "Enrichment", "Knowledge"],
            path: "Benchmarks/EnrichmentBenchmark"
        ),
        .executableTarget(
            name: "TemplateBenchmark",
            dependencies: ["Rendering", .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/TemplateBenchmark"
        ),
        // The fuzz targets: built with libFuzzer by Tests/Fuzz/fuzz.sh, or as a replayer.
        .executableTarget(
            name: "FuzzTargets", dependencies: ["ArchiveModel", "ContentReader", "Enrichment", "Knowledge", "Rendering"],
            path: "Tests/Fuzz", exclude: ["fuzz.sh", "corpus", "lld-toolset.json"]),
        .target(name: "TestSupport", dependencies: ["ArchiveModel", "SiteIndex"], path: "Tests/TestSupport"),
        .testTarget(name: "ArchiveModelTests", dependencies: ["ArchiveModel"]),
        .testTarget(name: "ContentReaderTests", dependencies: ["ContentReader", "TestSupport"]),
        .testTarget(name: "SiteIndexTests", dependencies: ["SiteIndex", "TestSupport"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "SiteBuilder", "TestSupport"]),
        .testTarget(
            name: "EnrichmentTests", dependencies: ["Enrichment", "Knowledge", "ContentReader", "Rendering", "TestSupport"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "SiteIndex", "ContentReader", "TestSupport"]),
        .testTarget(
            name: "SiteBuilderTests", dependencies: ["SiteBuilder", "SiteChecker", "ContentReader", "TestSupport"]),
        .testTarget(name: "SiteCheckerTests", dependencies: ["SiteChecker", "SiteBuilder", "TestSupport"]),
        // Runs the `broadsheet` binary (built for it) as a user would, on hostile input.
        .testTarget(name: "HostileInputTests", dependencies: ["broadsheet", "TestSupport"]),
    ]
)
