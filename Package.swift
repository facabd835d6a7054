// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Termbridge",
    products: [
        .library(name: "Termbridge", targets: ["Termbridge"]),
        .executable(name: "termbridge", targets: ["termbridge"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        // The C surface of the system ICU library: `static inline` wrappers around ICU's
        // version-renamed functions (`ubrk_open` is a macro for `ubrk_open_72`).
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Snowball stemmers (libstemmer), for English term matching.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // The only Swift code that touches ICU. It must not import Foundation: Foundation
        // carries its own ICU headers and the two clang modules clash.
        // Built with library evolution so that its `internal import CICU` stays hidden from
        // clients: a non-resilient module's imports are loaded by every module that imports it.
        .target(
            name: "ICU",
            dependencies: ["CICU"],
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
        .target(
            name: "Termbridge",
            dependencies: [
                "ICU",
                "CStemmer",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .executableTarget(
            name: "termbridge",
            dependencies: [
                "Termbridge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "termbridge-bench",
            dependencies: ["Termbridge", "ICU"],
            path: "Benchmarks/termbridge-bench"
        ),
        .testTarget(name: "ICUTests", dependencies: ["ICU"]),
        .testTarget(name: "TermbridgeTests", dependencies: ["Termbridge"]),
        // Runs the built `termbridge` executable as users do (depending on it builds it).
        .testTarget(name: "termbridgeTests", dependencies: ["termbridge"]),
    ]
)
