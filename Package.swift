// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "wegwijs",
    products: [
        // The core is a target of this package only; nothing outside it builds on it.
        .executable(name: "wegwijs", targets: ["wegwijs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
    ],
    targets: [
        // GNU readline, from Debian's libreadline-dev.
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // libcurl, from Debian's libcurl4-openssl-dev: HTTP(S) to the LRS.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // Courses, attempts, scoring, records and reports: no terminal I/O.
        .target(
            name: "WegwijsCore",
            dependencies: [
                "CCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Configuration", package: "swift-configuration"),
            ]
        ),
        // The terminal: line reading, width, colour, wrapping, interface strings, the interactive runner.
        .target(
            name: "WegwijsConsole",
            dependencies: ["WegwijsCore", "CReadline"]
        ),
        // The thin executable: one file per command.
        .executableTarget(
            name: "wegwijs",
            dependencies: [
                "WegwijsCore",
                "WegwijsConsole",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What both test targets share: temp folders that never outlive the run, fuzz seeds,
        // in-memory records and outbox.
        .target(
            name: "TestSupport",
            dependencies: ["WegwijsCore"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "WegwijsCoreTests",
            dependencies: ["WegwijsCore", "TestSupport"],
            path: "Tests/WegwijsCoreTests"
        ),
        .testTarget(
            name: "WegwijsEndToEndTests",
            dependencies: ["wegwijs", "WegwijsCore", "WegwijsConsole", "TestSupport"],
            path: "Tests/WegwijsEndToEndTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
