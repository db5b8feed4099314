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
        func next() throws -> [StoreRecord]? {
            while let job = try pipeline.next() {
                for rej in job.rejections {
                    summary.rejected.append(rej)
                    onReject(rej)
                }
                done += job.lineCount
                progress.update(records: done, bytes: job.bytesRead)
                if !job.records.isEmpty { return job.takeRecords() }
            }
            return nil
        }
        // About 350 bytes a record in the data we know; a guess only sizes the import's tables.
        summary.result = try store.appendAll(records: next, expected: input.size.map { Int($0 / 350) })
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

/// One batch being decoded, and encoded for the store, on another thread; `wait()` before reading the results.
final class DecodeJob: @unchecked Sendable {
    let lineCount: Int
    let bytesRead: Int64
    private let group = DispatchGroup()
    private(set) var records: [StoreRecord] = []
    private(set) var rejections: [JSONLinesImporter.Rejection] = []

    init(lines: LineBatch, defaultSource: String, bytesRead: Int64) {
        lineCount = lines.count
        self.bytesRead = bytesRead
        DispatchQueue.global().async(group: group) { [self] in
            (records, rejections) = BatchDecode.decode(lines, defaultSource: defaultSource)
        }
    }

    func wait() { group.wait() }

    /// The records, handed over without a copy.
    func takeRecords() -> [StoreRecord] {
        defer { records = [] }
        return records
    }
}

/// Decodes a batch of lines on one thread: batches are small and several are decoded at once.
enum BatchDecode {
    static func decode(_ lines: LineBatch, defaultSource: String) -> (
        [StoreRecord], [JSONLinesImporter.Rejection]
    ) {
        var decoder = RecordDecoder()
        var records: [StoreRecord] = []
        var rejections: [JSONLinesImporter.Rejection] = []
        records.reserveCapacity(lines.count)
        lines.bytes.withUnsafeBufferPointer { all in
            for i in 0..<lines.count {
                let start = i == 0 ? 0 : lines.ends[i - 1]
                let line = UnsafeBufferPointer(rebasing: all[start..<lines.ends[i]])
                switch decodeLine(line, number: lines.numbers[i], defaultSource, &decoder) {
                case .record(let t): records.append(StoreRecord(t))
                case .rejected(let reason): rejections.append(.init(line: lines.numbers[i], reason: reason))
                case .blank: break
                }
            }
        }
        return (records, rejections)
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
