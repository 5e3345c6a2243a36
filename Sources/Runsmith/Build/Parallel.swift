import Dispatch
import Foundation

/// Maps over `count` items on all cores, keeping the order of the results. `RUNSMITH_JOBS=1` runs
/// everything on one thread, in order: what the reproducibility test compares the parallel build with.
enum Parallel {
    static let serial = ProcessInfo.processInfo.environment["RUNSMITH_JOBS"] == "1"

    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        if serial { return (0..<count).map(body) }
        let box = Box<T>(count)
        withoutActuallyEscaping(body) { body in
            let b = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: count) { i in box.set(i, b.value(i)) }
        }
        return box.buffer.map { $0! }
    }

    /// Values handed out once each, by index, to the iterations of `map`: whoever takes one holds the last
    /// reference, so it is released on that iteration's thread.
    final class Slots<T>: @unchecked Sendable {
        private let box: Box<T>
        init(_ values: [T]) {
            box = Box(values.count)
            for (i, value) in values.enumerated() { box.set(i, value) }
        }
        func take(_ i: Int) -> T {
            let value = box.buffer[i]!
            box.buffer[i] = nil
            return value
        }
    }

    private final class Box<T>: @unchecked Sendable {
        // Each index is written by exactly one iteration, so slots never race.
        let buffer: UnsafeMutableBufferPointer<T?>
        init(_ count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
        func set(_ i: Int, _ v: T) { buffer[i] = v }
    }

    private struct UncheckedSendable<V>: @unchecked Sendable {
        let value: V
        init(_ value: V) { self.value = value }
    }
}
