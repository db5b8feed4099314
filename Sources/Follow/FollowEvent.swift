/// Something a followed path produced, in the order it happened.
public enum FollowEvent: Sendable, Equatable {
  /// A report file (text or feed) that is complete: new, or changed since it was last read.
  case report(path: String, bytes: [UInt8])
  /// Complete lines appended to a JSON Lines file; `firstLine` is the 1-based number of the first.
  case lines(path: String, firstLine: Int, lines: [String])
  /// A blank-line-separated block read from standard input.
  case block(source: String, text: String)
  /// A followed path can no longer be read; it is retried.
  case lost(path: String, reason: String)
  /// A lost path is readable again.
  case restored(path: String)
  /// Standard input reached its end.
  case endOfInput(source: String)
}

/// How a file is read: whole once settled, or line by line as it grows.
public enum FollowMode: Sendable, Equatable {
  case report
  case lines

  /// JSON Lines files are tailed; everything else is a report read whole.
  public static func forPath(_ path: String) -> FollowMode {
    let lower = path.lowercased()
    return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .lines : .report
  }

  /// Hidden files, editor swap files and partial downloads are never read.
  public static func isIgnored(name: String) -> Bool {
    name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp")
      || name.hasSuffix(".part") || name.hasSuffix(".crdownload")
  }
}
