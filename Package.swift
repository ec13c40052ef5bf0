// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Intiqal",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "intiqal", targets: ["intiqal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Pure value types: no I/O, no framework imports beyond Foundation.
        .target(name: "IntiqalDomain"),
        // Scenario files (YAML/JSON) -> validated domain values, with diagnostics.
        .target(
            name: "IntiqalScenario",
            dependencies: ["IntiqalDomain", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Examples")]
        ),
        // Gates, conditions-first and deadline-first planners, independent verifier.
        .target(name: "IntiqalPlanning", dependencies: ["IntiqalDomain"]),
        // The one gazetteer of Iraq (data file): governorates, districts, towns, the Kurdistan Region,
        // the Syria border zone; scenario region maps. The reader and the dataset imports both use it.
        .target(name: "IntiqalPlaces", dependencies: ["IntiqalDomain"], resources: [.copy("Resources")]),
        // Text -> dated events, numbers, entities (Arabic and English).
        .target(name: "IntiqalEvidence", dependencies: ["IntiqalDomain", "IntiqalPlaces"], resources: [.copy("Resources")]),
        // Hawkes fitting, simulation, Monte Carlo risk of plans.
        .target(name: "IntiqalRisk", dependencies: ["IntiqalDomain", "IntiqalPlaces"]),
        // Plans → risk: exposures, the fitted model, one joint Monte Carlo of both modes and no change.
        .target(name: "IntiqalPlanRisk", dependencies: ["IntiqalDomain", "IntiqalPlanning", "IntiqalRisk"]),
        // Canonical encoding, SHA-256 hash chain, Ed25519 signatures of decisions.
        .target(name: "IntiqalLedger", dependencies: ["IntiqalDomain", .product(name: "Crypto", package: "swift-crypto")]),
        // The workspace: stores behind protocols; SQLite (GRDB) by default.
        .target(
            name: "IntiqalStorage",
            dependencies: [
                "IntiqalDomain", "IntiqalLedger", "IntiqalScenario", "IntiqalPlanning",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The same workspace on a PostgreSQL server (deployments): named migrations, row-level security.
        .target(
            name: "IntiqalPostgres",
            dependencies: [
                "IntiqalDomain", "IntiqalLedger", "IntiqalScenario", "IntiqalStorage",
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        // The commission's rules as use cases that take the acting user; CLI and server both call them.
        .target(
            name: "IntiqalCommission",
            dependencies: [
                "IntiqalDomain", "IntiqalLedger", "IntiqalScenario", "IntiqalPlanning", "IntiqalEvidence", "IntiqalStorage",
                "IntiqalPlaces", "IntiqalRisk", "IntiqalPlanRisk",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The web application under / (server-rendered HTML, Arabic and English, every asset embedded).
        .target(
            name: "IntiqalWeb",
            dependencies: [
                "IntiqalCommission", "IntiqalStorage", "IntiqalDomain", "IntiqalPlanning", "IntiqalLedger",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Resources")]
        ),
        // The HTTP server (Hummingbird 2): JSON API under /api/v1, sign-in, sessions, problem documents.
        .target(
            name: "IntiqalServer",
            dependencies: [
                "IntiqalWeb", "IntiqalCommission", "IntiqalStorage", "IntiqalDomain", "IntiqalScenario", "IntiqalPlanning", "IntiqalLedger",
                "IntiqalPlanRisk", "IntiqalRisk",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Resources")]
        ),
        // The CLI: wiring only.
        .executableTarget(
            name: "intiqal",
            dependencies: [
                "IntiqalDomain", "IntiqalScenario", "IntiqalPlanning", "IntiqalEvidence", "IntiqalRisk", "IntiqalPlanRisk",
                "IntiqalStorage", "IntiqalPostgres", "IntiqalLedger", "IntiqalCommission", "IntiqalServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "intiqal-bench",
            dependencies: ["IntiqalDomain", "IntiqalScenario", "IntiqalPlanning"],
            path: "Benchmarks/intiqal-bench"
        ),
        .executableTarget(
            name: "risk-bench",
            dependencies: ["IntiqalRisk", "IntiqalPlanRisk", "IntiqalPlanning", "IntiqalScenario"],
            path: "Benchmarks/risk-bench"
        ),
        .testTarget(name: "IntiqalDomainTests", dependencies: ["IntiqalDomain"]),
        .testTarget(name: "IntiqalPlacesTests", dependencies: ["IntiqalPlaces", "IntiqalDomain"]),
        .testTarget(
            name: "IntiqalPlanningTests",
            dependencies: ["IntiqalDomain", "IntiqalScenario", "IntiqalPlanning"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "IntiqalCLITests", dependencies: ["IntiqalScenario"]),
        .testTarget(name: "IntiqalEvidenceTests", dependencies: ["IntiqalEvidence"], resources: [.copy("Fixtures")]),
        .executableTarget(name: "evidence-bench", dependencies: ["IntiqalEvidence"], path: "Benchmarks/evidence-bench"),
        .testTarget(name: "IntiqalRiskTests", dependencies: ["IntiqalRisk"]),
        .testTarget(
            name: "IntiqalPlanRiskTests",
            dependencies: ["IntiqalPlanRisk", "IntiqalRisk", "IntiqalPlanning", "IntiqalScenario", "IntiqalDomain"]
        ),
        .testTarget(name: "IntiqalLedgerTests", dependencies: ["IntiqalLedger", "IntiqalDomain"]),
        .testTarget(
            name: "IntiqalStorageTests",
            dependencies: ["IntiqalStorage", "IntiqalPostgres", "IntiqalLedger", "IntiqalDomain", "IntiqalScenario", "IntiqalPlanning"]
        ),
        .testTarget(
            name: "IntiqalCommissionTests",
            dependencies: ["IntiqalCommission", "IntiqalPostgres", "IntiqalStorage", "IntiqalDomain", "IntiqalScenario", "IntiqalLedger", "IntiqalPlaces",
                           "IntiqalPlanRisk", "IntiqalRisk", "IntiqalPlanning"]
        ),
        .testTarget(
            name: "IntiqalWebTests",
            dependencies: [
                "IntiqalWeb", "IntiqalServer", "IntiqalCommission", "IntiqalStorage", "IntiqalDomain",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "IntiqalServerTests",
            dependencies: [
                "IntiqalServer", "IntiqalCommission", "IntiqalStorage", "IntiqalDomain", "IntiqalLedger", "IntiqalScenario",
                .product(name: "GRDB", package: "GRDB.swift"),   // to rewrite a workspace's ledger behind the server
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "scale-bench",
            dependencies: ["IntiqalDomain", "IntiqalScenario", "IntiqalPlanning", "IntiqalRisk", "IntiqalPlanRisk", "IntiqalStorage"],
            path: "Benchmarks/scale-bench"
        ),
        .executableTarget(
            name: "storage-bench",
            dependencies: ["IntiqalStorage", "IntiqalLedger", "IntiqalDomain", "IntiqalScenario", "IntiqalPlanning"],
            path: "Benchmarks/storage-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
