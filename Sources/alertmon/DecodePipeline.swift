import Foundation

/// Reads an input on its own thread into batches of lines and starts decoding each, at most `ahead` batches
/// ahead of the consumer, who takes them in line order: reading and decoding go on while the store writes.
final class DecodePipeline: @unchecked Sendable {
    private let lock = NSCondition()
    private var ready: [DecodeJob] = []
    private var finished = false
    private var failure: (any Error)?
    private var closed = false
    private let input: InputFile
    private let batchSize: Int
    private let ahead: Int

    init(input: InputFile, batchSize: Int, ahead: Int) {
        self.input = input
        self.batchSize = batchSize
        self.ahead = ahead
        let t = Thread { self.produce() }
        t.start()
    }

    private func produce() {
        var reader = LineReader(fd: input.fd)
        var lastBytes = 0
        while true {
            let stop = lock.withLock {
                while ready.count >= ahead && !closed { lock.wait() }
                return closed
            }
            if stop { return }
            // Sized from the previous batch, so the bytes are copied once.
            var lines = LineBatch(capacity: batchSize, bytes: lastBytes + lastBytes / 8)
            var error: (any Error)?
            do {
                while lines.count < batchSize, let bytes = try reader.next() {
                    lines.append(bytes, number: reader.lineNumber)
                }
            } catch let e {
                error = e
            }
            lastBytes = lines.bytes.count
            let last = error != nil || lines.count < batchSize
            lock.withLock {
                if lines.count > 0 {
                    ready.append(DecodeJob(lines: lines, defaultSource: input.name, bytesRead: reader.bytesRead))
                }
                failure = error
                finished = last
                lock.broadcast()
            }
            if last { return }
        }
    }

    /// The next batch, decoded; nil at the end of the input. A read error is thrown after the batches before it.
    func next() throws -> DecodeJob? {
        let job: DecodeJob? = try lock.withLock {
            while ready.isEmpty && !finished { lock.wait() }
            guard !ready.isEmpty else {
                if let failure { throw failure }
                return nil
            }
            lock.broadcast()
            return ready.removeFirst()
        }
        job?.wait()
        return job
    }

    /// Stops the reader and waits for the decoding it started.
    func close() {
        let pending = lock.withLock {
            closed = true
            lock.broadcast()
            return ready
        }
        for job in pending { job.wait() }
    }
}
