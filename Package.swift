// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "rcutop",
    targets: [
        // System ncursesw, with a shim header for the C macros Swift cannot import.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // The simulation: pure Swift, no I/O, no wall clock.
        .target(name: "RCUEngine", path: "Sources/RCUEngine"),
        // Everything a user sees except the tty: cells, widgets, views, themes, keys, headless writers.
        .target(name: "Dashboard", dependencies: ["RCUEngine"], path: "Sources/Dashboard"),
        // The executable: arguments, ncurses backend, frame loop, signals.
        .executableTarget(name: "rcutop", dependencies: ["Dashboard", "RCUEngine", "CNcursesw"], path: "Sources/rcutop"),
        .testTarget(name: "RCUEngineTests", dependencies: ["RCUEngine"], path: "Tests/RCUEngineTests"),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard", "RCUEngine"], path: "Tests/DashboardTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["rcutop", "Dashboard"], path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
