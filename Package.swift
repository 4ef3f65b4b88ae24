// swift-tools-version:6.1
import PackageDescription

/// Reel: a terminal media player. Dependencies point one way:
/// `reel` → `ReelTUI` → `ReelCore` → the C targets (see ../shared/DESIGN.md).
///
/// With `REEL_CORE_ONLY=1` in the environment the package declares only the core, its C targets
/// and its tests: `make test-tsan` builds that much under ThreadSanitizer, not the front end,
/// the command line and their tests, whose threads are the core's.
let coreOnly = Context.environment["REEL_CORE_ONLY"] == "1"

/// With `REEL_OPTIMIZE=1` the core and the front end are compiled optimized in any configuration:
/// `make test` runs the player dozens of times in tmux, and an unoptimized one spends most of the
/// suite's CPU drawing frames.
let optimized: [SwiftSetting] = Context.environment["REEL_OPTIMIZE"] == "1" ? [.unsafeFlags(["-O"])] : []

let package = Package(
    name: "Reel",
    products: [
        .executable(name: "reel", targets: ["reel"]),
        .library(name: "ReelCore", targets: ["ReelCore"]),
        .library(name: "ReelTUI", targets: ["ReelTUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries, each found through pkg-config, each with its Debian package.
        .systemLibrary(
            name: "CNcurses", pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(
            name: "CPNG", pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev"])]),
        .systemLibrary(
            name: "CSndfile", pkgConfig: "sndfile",
            providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(
            name: "CFFTW", pkgConfig: "fftw3f",
            providers: [.apt(["libfftw3-dev"])]),
        .systemLibrary(
            name: "CPortAudio", pkgConfig: "portaudio-2.0",
            providers: [.apt(["portaudio19-dev"])]),
        // FFmpeg's libraries: movie files (containers, decoders, scaling, resampling).
        .systemLibrary(
            name: "CAVUtil", pkgConfig: "libavutil",
            providers: [.apt(["libavutil-dev"])]),
        .systemLibrary(
            name: "CAVCodec", pkgConfig: "libavcodec",
            providers: [.apt(["libavcodec-dev"])]),
        .systemLibrary(
            name: "CAVFormat", pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev"])]),
        .systemLibrary(
            name: "CSwscale", pkgConfig: "libswscale",
            providers: [.apt(["libswscale-dev"])]),
        .systemLibrary(
            name: "CSwresample", pkgConfig: "libswresample",
            providers: [.apt(["libswresample-dev"])]),
        // Image sequences beyond PNG: JPEG (libjpeg-turbo's TurboJPEG API), EXR (OpenEXR's C core), TIFF (libtiff).
        .systemLibrary(
            name: "CTurboJPEG", pkgConfig: "libturbojpeg",
            providers: [.apt(["libturbojpeg0-dev"])]),
        .systemLibrary(
            name: "COpenEXR", pkgConfig: "OpenEXR",
            providers: [.apt(["libopenexr-dev"])]),
        .systemLibrary(
            name: "CTIFF", pkgConfig: "libtiff-4",
            providers: [.apt(["libtiff-dev"])]),
        // zlib: the kitty graphics protocol's compressed payloads.
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        // Reel's own C: routes the C stderr stream so libraries' chatter stays off the terminal.
        .target(name: "CLibraryQuiet"),
        // glibc's <malloc.h>: mallinfo2, malloc_trim, mallopt. Part of libc, so no pkg-config.
        .systemLibrary(name: "CMalloc"),

        .target(
            name: "ReelCore",
            dependencies: ["CPNG", "CSndfile", "CFFTW", "CPortAudio", "CMalloc", "CLibraryQuiet",
                           "CAVUtil", "CAVCodec", "CAVFormat", "CSwscale", "CSwresample", "CTurboJPEG", "CTIFF", "COpenEXR"],
            swiftSettings: [.swiftLanguageMode(.v6)] + optimized),
        .target(
            name: "ReelTUI",
            dependencies: ["ReelCore", "CNcurses", "CZlib"],
            swiftSettings: [.swiftLanguageMode(.v6)] + optimized),
        .executableTarget(
            name: "reel",
            dependencies: [
                "ReelCore", "ReelTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]),

        // Hand-made hostile files (PNG bombs, float WAVs with NaN) for every test target; written
        // byte by byte, not through Reel's own writers, so a bug there cannot hide one here.
        .target(
            name: "ReelTestSupport",
            path: "Tests/Support",
            swiftSettings: [.swiftLanguageMode(.v6)]),
        // A terminal that reads the image protocols (kitty, sixel, iTerm2) back into pixels,
        // written from the protocols, not from Reel's encoders.
        .target(
            name: "GraphicsSupport",
            dependencies: ["ReelCore", "CZlib"],
            path: "Tests/GraphicsSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "ReelCoreTests",
            dependencies: ["ReelCore", "CPNG", "COpenEXR", "ReelTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        .testTarget(
            name: "ReelTUITests",
            dependencies: ["ReelTUI", "ReelCore", "ReelTestSupport", "GraphicsSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
        // Drives the built `reel` binary in tmux; depending on it makes `swift test` build it.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["reel", "ReelCore", "ReelTUI", "ReelTestSupport", "GraphicsSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]),
    ]
)

// The argument parser stays declared, unused: dropping it would make SwiftPM rewrite the
// Package.resolved that the main build beside it reads.
if coreOnly {
    let frontEnd: Set<String> = ["ReelTUI", "reel", "ReelTUITests", "EndToEndTests", "CNcurses", "CZlib", "GraphicsSupport"]
    package.targets.removeAll { frontEnd.contains($0.name) }
    package.products.removeAll { $0.name != "ReelCore" }
}
