/// Splits a growing byte stream into complete lines, keeping the unfinished tail for later.
public struct LineSplitter: Sendable {
  private var tail: [UInt8] = []
  /// The 1-based number the next complete line will get.
  public private(set) var nextLine = 1

  public init() {}

  /// Feeds bytes; returns the complete lines (without their newline, CR stripped) they finish.
  public mutating func feed(_ bytes: some Sequence<UInt8>) -> (firstLine: Int, lines: [String]) {
    let first = nextLine
    var lines: [String] = []
    for b in bytes {
      if b == 0x0A {
        if tail.last == 0x0D { tail.removeLast() }
        lines.append(String(decoding: tail, as: UTF8.self))
        tail.removeAll(keepingCapacity: true)
        nextLine += 1
      } else {
        tail.append(b)
      }
    }
    return (first, lines)
  }

  /// The unfinished last line, if any (for end of input).
  public mutating func flush() -> String? {
    guard !tail.isEmpty else { return nil }
    defer {
      tail.removeAll()
      nextLine += 1
    }
    return String(decoding: tail, as: UTF8.self)
  }

  /// Starts over (the file was truncated or replaced).
  public mutating func reset() {
    tail.removeAll()
    nextLine = 1
  }
}

/// Groups lines into blocks separated by blank lines (one report or record per block on stdin).
public struct BlockSplitter: Sendable {
  private var current: [String] = []

  public init() {}

  /// Feeds one line; returns a finished block when the line is blank and ends one.
  public mutating func feed(line: String) -> String? {
    if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
      return flush()
    }
    current.append(line)
    return nil
  }

  /// The block in progress, if any.
  public mutating func flush() -> String? {
    guard !current.isEmpty else { return nil }
    defer { current.removeAll() }
    return current.joined(separator: "\n")
  }
}
