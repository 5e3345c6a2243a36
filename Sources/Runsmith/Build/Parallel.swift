import Dispatch
import Foundation
import Synchronization

/// Maps over `count` items on all cores, keeping the order of the results. `RUNSMITH_JOBS=1` runs
/// everything on one thread, in order: what the reproducibility test compares the parallel build with.
enum Parallel {
    static let serial = ProcessInfo.processInfo.environment["RUNSMITH_JOBS"] == "1"

    /// `body` runs on several threads at once: `@Sendable`, so the compiler checks that what it captures
    /// may be shared, and the results are `Sendable` because they are made on other threads.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if serial { return (0..<count).map(body) }
        // Taken once per item, after its work: the lock costs nothing beside a page's compile, and it is
        // what lets the compiler check the writes rather than a comment promise one writer per index.
        let results = Mutex<[T?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let value = body(i)
            results.withLock { $0[i] = value }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// Values handed out once each, by index, to the iterations of `map`: whoever takes one holds the last
    /// reference, so it is released on that iteration's thread.
    final class Slots<T: Sendable>: Sendable {
        // A Mutex rather than a buffer trusted to one taker per index: the lock is held only to move a
        // value out, so the (large) value is still released by the taker, outside the lock.
        private let values: Mutex<[T?]>

        init(_ values: [T]) { self.values = Mutex(values.map(Optional.some)) }

        func take(_ i: Int) -> T { values.withLock { $0[i].take()! } }
    }
}
