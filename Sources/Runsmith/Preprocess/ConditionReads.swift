import Synchronization

/// The tenant values one preprocessing run read to decide its conditions, in order, as it read them.
/// Preprocessing reads nothing else of the tenant, so another tenant that gives the same answers to
/// the same questions gets the same page (`SharedPreprocessing`).
public final class ConditionReads: Sendable {
    public struct Read: Sendable, Equatable {
        /// The name as the tenant was asked for it (`vars.tier`, after the config's claims).
        public var name: [String]
        public var value: ConditionValue?
    }

    private let reads = Mutex<[Read]>([])

    public init() {}

    func note(_ name: [String], _ value: ConditionValue?) {
        reads.withLock { $0.append(Read(name: name, value: value)) }
    }

    public var all: [Read] { reads.withLock { $0 } }

    /// Whether `tenant` answers every question as it was answered here.
    public static func answers(_ reads: [Read], for tenant: Tenant) -> Bool {
        reads.allSatisfy { tenant.value(of: $0.name) == $0.value }
    }
}
