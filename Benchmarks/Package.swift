// swift-tools-version: 6.1
// In-process benchmarks for alertmon (seek, replay steps, render), kept out of the main build.
// Run through `make bench` / `make bench-quick`, or `swift package benchmark` here.
import PackageDescription

let package = Package(
    name: "alertmon-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "alertmon", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "AlertBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "AlertCore", package: "alertmon"),
                .product(name: "AlertUI", package: "alertmon"),
            ],
            path: "Benchmarks/AlertBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
