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
        // `make docs`: the library's documentation (DocC), a plugin only — nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The system ICU library, for CICU only: pkg-config gives CICU.c ICU's include path
        // and every product that links CICU the flags for libicuuc and libicui18n. Its module
        // map lists no header and no Swift code imports it.
        .systemLibrary(
            name: "SystemICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // The ICU functions Termbridge uses, behind an opaque C API: the public header
        // `CICU.h` includes no ICU header (only <stdint.h> types and pointers to incomplete
        // structs); `CICU.c` includes ICU's headers and calls ICU (whose C names are
        // version-renamed macros: `ubrk_open` is `ubrk_open_72`).
        .target(name: "CICU", dependencies: ["SystemICU"]),
        // Snowball stemmers (libstemmer), for English term matching.
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // The only Swift code that touches ICU, Foundation-free (the project's layout rule).
        // It imports CICU `internal`ly, yet a module built without library evolution still
        // makes its clients load its imports: CICU's header includes no ICU header, so what a
        // client loads cannot clash with the ICU headers Foundation carries. No target needs
        // unsafe flags, so other packages can depend on Termbridge by version.
        .target(name: "ICU", dependencies: ["CICU"]),
        .target(
            name: "Termbridge",
            dependencies: [
                "ICU",
                "CStemmer",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
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
        .testTarget(
            name: "TermbridgeTests",
            dependencies: [
                "Termbridge",
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Runs the built `termbridge` executable as users do (depending on it builds it).
        .testTarget(name: "termbridgeTests", dependencies: ["termbridge"]),
    ]
)
