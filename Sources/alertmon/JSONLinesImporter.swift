import AlertCore
import AlertStore
import Foundation

/// Reads JSON Lines records into a store in batches; bad lines are named and skipped, good ones all kept.
struct JSONLinesImporter {
    /// One refused line.
    struct Rejection: Sendable, Equatable {
        var line: Int
        var reason: String
    }

    /// What an import did.
    struct Summary: Sendable {
        var result = AppendResult()
        var rejected: [Rejection] = []

        /// "3 added, 1 already present, 1 rejected".
        var text: String {
            "\(result.added) added, \(result.present) already present, \(rejected.count) rejected"
        }
    }

    let store: any AlertStoring
    /// Records per transaction: big enough that commits are rare, small enough to show progress.
    var batchSize = 10_000

    /// Imports one input; `onReject` hears about each bad line, in line order.
    func run(
        _ input: InputFile, progress: inout Progress, onReject: (Rejection) -> Void
    ) throws -> Summary {
        var reader = LineReader(fd: input.fd)
        var summary = Summary()
        var lines: [String] = []
        var numbers: [Int] = []
        lines.reserveCapacity(batchSize)
        numbers.reserveCapacity(batchSize)
        var done = 0
        func flush() throws {
            var batch: [Transition] = []
            batch.reserveCapacity(lines.count)
            for (i, r) in ParallelDecode.decode(lines, numbers: numbers, defaultSource: input.name).enumerated() {
                switch r {
                case .success(let t): batch.append(t)
                case .failure(let e):
                    let rej = Rejection(line: numbers[i], reason: e.reason)
                    summary.rejected.append(rej)
                    onReject(rej)
                }
            }
            if !batch.isEmpty { summary.result = summary.result + (try store.append(batch)) }
            done += lines.count
            lines.removeAll(keepingCapacity: true)
            numbers.removeAll(keepingCapacity: true)
        }
        while let bytes = try reader.next() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard let line = String(validating: bytes, as: UTF8.self) else {
                // Flush first so rejections stay in line order.
                try flush()
                let r = Rejection(line: reader.lineNumber, reason: "not valid UTF-8")
                summary.rejected.append(r)
                onReject(r)
                continue
            }
            lines.append(line)
            numbers.append(reader.lineNumber)
            if lines.count >= batchSize {
                try flush()
                progress.update(records: done, bytes: reader.bytesRead)
            }
        }
        try flush()
        progress.finish()
        return summary
    }
}

/// Decodes a batch of lines on every core: JSON parsing is most of an import's CPU time.
enum ParallelDecode {
    /// One result per line, in input order.
    static func decode(_ lines: [String], numbers: [Int], defaultSource: String) -> [Result<Transition, RecordError>] {
        let n = lines.count
        guard n > 0 else { return [] }
        let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 8, max(n / 256, 1))
        let slots = Slots<Result<Transition, RecordError>>(count: n)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            let lo = n * w / workers
            let hi = n * (w + 1) / workers
            for i in lo..<hi {
                do throws(RecordError) {
                    slots.set(
                        i,
                        .success(try TransitionRecord.decode(line: lines[i], ordinal: numbers[i], defaultSource: defaultSource)))
                } catch {
                    slots.set(i, .failure(error))
                }
            }
        }
        return slots.values()
    }
}

/// Write-once result slots shared by decode workers; each index is written by exactly one worker.
final class Slots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    let count: Int

    init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func set(_ i: Int, _ v: T) { base[i] = v }

    func values() -> [T] { (0..<count).map { base[$0]! } }
}
