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

  /// Imports one input; `onReject` hears about each bad line as it is found.
  func run(
    _ input: InputFile, progress: inout Progress, onReject: (Rejection) -> Void
  ) throws -> Summary {
    var reader = LineReader(fd: input.fd)
    var summary = Summary()
    var batch: [Transition] = []
    batch.reserveCapacity(batchSize)
    var done = 0
    while let bytes = try reader.next() {
      let n = reader.lineNumber
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      guard let line = String(validating: bytes, as: UTF8.self) else {
        let r = Rejection(line: n, reason: "not valid UTF-8")
        summary.rejected.append(r)
        onReject(r)
        continue
      }
      do {
        batch.append(try TransitionRecord.decode(line: line, ordinal: n, defaultSource: input.name))
      } catch {
        let r = Rejection(line: n, reason: error.reason)
        summary.rejected.append(r)
        onReject(r)
      }
      if batch.count >= batchSize {
        summary.result = summary.result + (try store.append(batch))
        done += batch.count
        batch.removeAll(keepingCapacity: true)
        progress.update(records: done, bytes: reader.bytesRead)
      }
    }
    if !batch.isEmpty { summary.result = summary.result + (try store.append(batch)) }
    progress.finish()
    return summary
  }
}
