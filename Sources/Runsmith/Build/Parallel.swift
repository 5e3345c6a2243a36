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

    /// `map`, with the items handed out far apart rather than in their order: threads take items one after
    /// another, so neighbours (the pages of one folder) would run at the same moment and their files queue
    /// for that folder's lock in the kernel. Here the k-th item handed out is from the (k mod cores)-th
    /// part of the list; the results keep the items' order.
    static func mapApart<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let order = apart(count, ways: ProcessInfo.processInfo.activeProcessorCount)
        var results = [T?](repeating: nil, count: count)
        for (k, value) in map(order.count, { body(order[$0]) }).enumerated() { results[order[k]] = value }
        return results.map { $0! }
    }

    /// The order `mapApart` hands `count` items out in, for `ways` threads: the first of each part, then
    /// the second of each part, and so on.
    static func apart(_ count: Int, ways: Int) -> [Int] {
        let ways = max(1, ways), part = (count + ways - 1) / ways
        var order: [Int] = []
        order.reserveCapacity(count)
        for step in 0..<part {
            for way in 0..<ways where way * part + step < count { order.append(way * part + step) }
        }
        return order
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
