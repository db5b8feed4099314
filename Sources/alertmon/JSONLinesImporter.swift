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
    /// Lines per decode job: small, so the writer starts early and decoding keeps ahead of it.
    var batchSize = 4_096
    /// Decode jobs queued ahead of the writer (bounded, so memory stays a few batches).
    var ahead = 6

    /// Imports one input; `onReject` hears about each bad line, in line order.
    ///
    /// A reader thread gathers lines into batches of bytes, each decoded on another thread, up to `ahead`
    /// batches ahead of the store, which pulls them in line order (into an empty store, as one transaction).
    func run(
        _ input: InputFile, progress: inout Progress, onReject: (Rejection) -> Void
    ) throws -> Summary {
        var summary = Summary()
        var done = 0
        let pipeline = DecodePipeline(input: input, batchSize: batchSize, ahead: ahead)
        defer { pipeline.close() }
        /// The next decoded batch, its rejections reported and progress drawn.
        func next() throws -> [Transition]? {
            var batch: [Transition] = []
            while batch.isEmpty {
                guard let job = try pipeline.next() else { return nil }
                batch.reserveCapacity(job.lines.count)
                for k in 0..<job.lines.count {
                    switch job.results[k] {
                    case .record(let t): batch.append(t)
                    case .blank: break
                    case .rejected(let reason):
                        let rej = Rejection(line: job.lines.numbers[k], reason: reason)
                        summary.rejected.append(rej)
                        onReject(rej)
                    }
                }
                done += job.lines.count
                progress.update(records: done, bytes: job.bytesRead)
            }
            return batch
        }
        summary.result = try store.appendAll(next)
        progress.finish()
        return summary
    }
}

/// Lines kept as one byte buffer with end offsets: a batch costs three arrays, not a String per line.
struct LineBatch: Sendable {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var numbers: [Int] = []

    var count: Int { ends.count }

    init(capacity lines: Int = 0, bytes size: Int = 0) {
        bytes.reserveCapacity(size)
        ends.reserveCapacity(lines)
        numbers.reserveCapacity(lines)
    }

    mutating func append(_ line: ArraySlice<UInt8>, number: Int) {
        bytes.append(contentsOf: line)
        ends.append(bytes.count)
        numbers.append(number)
    }
}

/// What became of one line.
enum DecodedLine: Sendable {
    case record(Transition)
    case rejected(String)
    case blank
}

/// One batch being decoded on another thread; `wait()` before reading `results`.
final class DecodeJob: @unchecked Sendable {
    let lines: LineBatch
    let bytesRead: Int64
    private let group = DispatchGroup()
    private let slots: Slots<DecodedLine>
    private(set) lazy var results: [DecodedLine] = slots.values()

    init(lines: LineBatch, defaultSource: String, bytesRead: Int64) {
        self.lines = lines
        self.bytesRead = bytesRead
        let slots = Slots<DecodedLine>(count: lines.count)
        self.slots = slots
        DispatchQueue.global().async(group: group) {
            BatchDecode.decode(lines, into: slots, defaultSource: defaultSource)
        }
    }

    func wait() { group.wait() }
}

/// Decodes a batch of lines on one thread: batches are small and several are decoded at once.
enum BatchDecode {
    static func decode(_ lines: LineBatch, into slots: Slots<DecodedLine>, defaultSource: String) {
        var decoder = RecordDecoder()
        lines.bytes.withUnsafeBufferPointer { all in
            for i in 0..<lines.count {
                let start = i == 0 ? 0 : lines.ends[i - 1]
                let line = UnsafeBufferPointer(rebasing: all[start..<lines.ends[i]])
                slots.set(i, decodeLine(line, number: lines.numbers[i], defaultSource, &decoder))
            }
        }
    }
    /// Blank lines are skipped; bytes that are not UTF-8 are named as such before any JSON is looked at.
    static func decodeLine(
        _ line: UnsafeBufferPointer<UInt8>, number: Int, _ defaultSource: String, _ decoder: inout RecordDecoder
    ) -> DecodedLine {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return .blank }
        guard UTF8Check.isValid(line) else { return .rejected("not valid UTF-8") }
        do throws(RecordError) {
            return .record(try decoder.decode(line, ordinal: number, defaultSource: defaultSource))
        } catch {
            return .rejected(error.reason)
        }
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
