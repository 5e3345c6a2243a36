// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "runsmith",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "runsmith", targets: ["runsmith"]),
        .library(name: "Runsmith", targets: ["Runsmith"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Debian's libcmark-gfm (+ extensions), the one C library we parse markdown with.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Debian's libxml2: its HTML parser reads the raw HTML of pages for the sanitizer.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Debian's PCRE2: runs Pygments' own lexer tables natively (its regexes, JIT-compiled), so
        // code in the common languages is coloured without a round trip through Python.
        .systemLibrary(
            name: "CPCRE2",
            path: "Sources/CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // The default templates and assets, shipped as resources so a project can override single files.
        .target(
            name: "RunsmithTemplates",
            path: "templates",
            sources: ["BuiltinTemplates.swift"],
            resources: [.copy("theme")]
        ),
        .target(
            name: "Runsmith",
            dependencies: [
                "CCmarkGFM",
                "CLibXML2",
                "CPCRE2",
                "RunsmithTemplates",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                // SHA-256 for the build cache's keys (`--cache DIR`).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // `runsmith serve`: the preview server, kept apart so that the pipeline does not depend on HTTP.
        .target(
            name: "RunsmithServe",
            dependencies: [
                "Runsmith",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "runsmith",
            dependencies: [
                "Runsmith",
                "RunsmithServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The fuzz target (`make fuzz`); built plainly, a replayer of saved inputs for the tests.
        .executableTarget(
            name: "runsmith-fuzz",
            dependencies: ["Runsmith"],
            path: "Sources/RunsmithFuzz"
        ),
        .testTarget(
            name: "RunsmithTests",
            dependencies: ["Runsmith", "RunsmithServe", "CCmarkGFM"],
            // The corpus tests read their expected diagnostics from here by path.
            exclude: ["Corpus"]
        ),
    ]
)
