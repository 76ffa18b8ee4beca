// swift-tools-version:6.0
import PackageDescription

/// LoanLedger: an event-sourced loan lifecycle system.
///
/// Layers point one way: EventStore (knows nothing of loans) and Lending (pure domain)
/// → Projections → LoanLedger → loanctl / loanbench. See docs/architecture.md.
let package = Package(
    name: "LoanLedger",
    products: [
        .library(name: "LoanLedger", targets: ["LoanLedger"]),
        .library(name: "EventStore", targets: ["EventStore"]),
        .library(name: "PostgresEventStore", targets: ["PostgresEventStore"]),
        .library(name: "Lending", targets: ["Lending"]),
        .executable(name: "loanctl", targets: ["loanctl"]),
        .executable(name: "loanbench", targets: ["loanbench"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            path: "Sources/CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CLibPQ",
            path: "Sources/CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "EventStore", dependencies: ["CSQLite", "CCrypto"], path: "EventStore",
            exclude: ["PostgreSQL"]
        ),
        .target(
            name: "PostgresEventStore", dependencies: ["EventStore", "CLibPQ"],
            path: "EventStore/PostgreSQL"
        ),
        .target(name: "Lending", path: "Sources/Lending"),
        .target(name: "Projections", dependencies: ["EventStore", "Lending"], path: "Projections"),
        .target(
            name: "LoanLedger",
            dependencies: ["EventStore", "PostgresEventStore", "Lending", "Projections"]
        ),
        .executableTarget(name: "loanctl", dependencies: ["LoanLedger", "CommandLineKit"]),
        .executableTarget(name: "crashwriter", dependencies: ["EventStore"]),
        .executableTarget(
            name: "loanbench",
            dependencies: ["LoanLedger", "EventStore", "PostgresEventStore", "CSQLite", "CLibPQ"]
        ),
        .target(name: "CommandLineKit"),
        .target(name: "TestSupport", dependencies: ["EventStore"], path: "Tests/TestSupport"),
        .target(
            name: "StoreConformance", dependencies: ["EventStore", "TestSupport"],
            path: "Tests/StoreConformance"
        ),
        .testTarget(
            name: "EventStoreTests", dependencies: ["EventStore", "TestSupport", "StoreConformance"]
        ),
        .testTarget(
            name: "PostgresEventStoreTests",
            dependencies: ["PostgresEventStore", "EventStore", "TestSupport", "StoreConformance"]
        ),
        .testTarget(name: "LendingTests", dependencies: ["Lending"]),
        .testTarget(name: "CommandLineKitTests", dependencies: ["CommandLineKit"]),
        .testTarget(
            name: "ProjectionsTests",
            dependencies: ["Projections", "EventStore", "Lending", "TestSupport"]
        ),
        .testTarget(
            name: "LoanLedgerTests",
            dependencies: [
                "LoanLedger", "EventStore", "PostgresEventStore", "Lending", "Projections",
                "TestSupport",
            ]
        ),
        .testTarget(name: "LoanctlTests", dependencies: ["TestSupport", "EventStore"]),
    ],
    swiftLanguageModes: [.v6]
)
