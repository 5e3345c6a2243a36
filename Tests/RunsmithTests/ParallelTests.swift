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
}
