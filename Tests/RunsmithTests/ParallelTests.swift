import Synchronization
import XCTest
@testable import Runsmith

/// `Parallel.map` keeps the order of its results, and `Parallel.Slots` hands each value out once.
final class ParallelTests: XCTestCase {
    func testResultsComeBackInTheOrderOfTheirIndexes() {
        XCTAssertEqual(Parallel.map(1000) { i in i * i }, (0..<1000).map { $0 * $0 })
        XCTAssertEqual(Parallel.map(0) { i in i }, [])
    }

    func testEachValueIsTakenFromItsSlotByItsIteration() {
        let slots = Parallel.Slots((0..<500).map { "page \($0)" })
        XCTAssertEqual(Parallel.map(500) { i in slots.take(i) }, (0..<500).map { "page \($0)" })
    }

    /// `mapApart` runs each item once, whatever the count against the cores (fewer, a multiple, one
    /// over), hands neighbours out apart, and gives the results in the items' order.
    func testItemsHandedOutApartComeBackInTheirOrder() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        for count in [0, 1, cores - 1, cores, cores + 1, 7 * cores, 1000, 1001] where count >= 0 {
            let runs = Mutex<[Int]>([])
            let results = Parallel.mapApart(count) { i -> String in
                runs.withLock { $0.append(i) }
                return "item \(i)"
            }
            XCTAssertEqual(results, (0..<count).map { "item \($0)" }, "\(count)")
            XCTAssertEqual(runs.withLock { $0.sorted() }, Array(0..<count), "\(count)")
        }
        // The order: every item once; items handed out one after another are a part apart.
        for (count, ways) in [(0, 2), (1, 2), (10, 2), (11, 2), (100, 4), (7, 8), (5, 1)] {
            let order = Parallel.apart(count, ways: ways)
            XCTAssertEqual(order.sorted(), Array(0..<count), "\(count), \(ways)")
            let part = (count + ways - 1) / ways
            for (a, b) in zip(order, order.dropFirst()) where ways > 1 && count > ways {
                XCTAssertTrue(abs(a - b) >= part - 1, "\(count), \(ways): \(a) then \(b)")
            }
        }
    }
}
