import EventStore
import StoreConformance
import Testing

/// The store conformance suite (Tests/StoreConformance) on the embedded backends.
///
/// One test per rule, each run on every backend; the PostgreSQL target runs the same checks.
@Suite("Event store conformance: in-memory and SQLite")
struct StoreConformanceTests {
    static let backends: [StoreFactory] = [.inMemory, .sqlite]
    /// The differential checks compare a backend with the in-memory reference, so they run on
    /// the other backends only.
    static let comparedWithReference: [StoreFactory] = [.sqlite]
    /// Backends whose stored rows a test can change behind the store's back.
    static let tamperable: [StoreFactory] = [.sqlite]

    // MARK: - Appends

    @Test("noStream accepts a new stream and refuses an existing one", arguments: backends)
    func noStream(_ factory: StoreFactory) throws { try AppendConformance.noStream(factory) }

    @Test("exact version must match; exact(0) means an empty stream", arguments: backends)
    func exact(_ factory: StoreFactory) throws { try AppendConformance.exact(factory) }

    @Test("any appends whatever the version", arguments: backends)
    func any(_ factory: StoreFactory) throws { try AppendConformance.any(factory) }

    @Test("positions are global, gap-free and in commit order", arguments: backends)
    func positions(_ factory: StoreFactory) throws { try AppendConformance.positions(factory) }

    @Test(
        "invalid input is refused before anything is written",
        arguments: backends, ConformanceFixtures.invalidInputCases)
    func invalidInput(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.InvalidInputCase
    ) throws {
        try AppendConformance.invalidInput(factory, testCase)
    }

    @Test("a duplicate id inside one batch is refused", arguments: backends)
    func duplicateInBatch(_ factory: StoreFactory) throws {
        try AppendConformance.duplicateInBatch(factory)
    }

    @Test("recordedAt never decreases even when the clock goes back", arguments: backends)
    func recordedAtMonotonic(_ factory: StoreFactory) throws {
        try AppendConformance.recordedAtMonotonic(factory)
    }

    @Test("an event over the data limit is refused", arguments: backends)
    func dataLimit(_ factory: StoreFactory) throws { try AppendConformance.dataLimit(factory) }

    // MARK: - Idempotency

    @Test("an identical retry writes nothing and returns the original result", arguments: backends)
    func identicalRetry(_ factory: StoreFactory) throws {
        try IdempotencyConformance.identicalRetry(factory)
    }

    @Test("a stored id with other content is refused", arguments: backends)
    func differentContent(_ factory: StoreFactory) throws {
        try IdempotencyConformance.differentContent(factory)
    }

    @Test("a stored id in another stream is refused", arguments: backends)
    func otherStream(_ factory: StoreFactory) throws {
        try IdempotencyConformance.otherStream(factory)
    }

    @Test("a batch mixing stored and new ids is refused", arguments: backends)
    func mixedBatch(_ factory: StoreFactory) throws {
        try IdempotencyConformance.mixedBatch(factory)
    }

    @Test("derived ids make a retried request a no-op", arguments: backends)
    func derivedIds(_ factory: StoreFactory) throws {
        try IdempotencyConformance.derivedIds(factory)
    }

    // MARK: - Atomicity and read models

    @Test(
        "a throwing closure rolls back events, rows, checkpoints and unique keys",
        arguments: backends)
    func rollback(_ factory: StoreFactory) throws { try ReadModelConformance.rollback(factory) }

    @Test("write() commits rows and rolls them back on a throw", arguments: backends)
    func writeTransaction(_ factory: StoreFactory) throws {
        try ReadModelConformance.writeTransaction(factory)
    }

    @Test(
        "rows filter, order (NULL first, ties by key) and limit the same way",
        arguments: backends)
    func rowsQuery(_ factory: StoreFactory) throws { try ReadModelConformance.rowsQuery(factory) }

    @Test("undeclared tables, columns and wrong kinds are refused", arguments: backends)
    func schemaChecks(_ factory: StoreFactory) throws {
        try ReadModelConformance.schemaChecks(factory)
    }

    @Test("a unique key is held by its first owner", arguments: backends)
    func uniqueKeys(_ factory: StoreFactory) throws { try ReadModelConformance.uniqueKeys(factory) }

    @Test(
        "reads, verify and ensureTables inside an append closure join its transaction",
        arguments: backends)
    func nestedReads(_ factory: StoreFactory) throws {
        try ReadModelConformance.nestedReads(factory)
    }

    // MARK: - Reads

    @Test("readAll pages through positions in batches", arguments: backends)
    func readAllBatches(_ factory: StoreFactory) throws {
        try ReadConformance.readAllBatches(factory)
    }

    @Test(
        "readStream reads forwards from a version and backwards from the end",
        arguments: backends)
    func readStream(_ factory: StoreFactory) throws { try ReadConformance.readStream(factory) }

    @Test(
        "delivers the backlog in batches, then new events, then stops when cancelled",
        arguments: backends)
    func subscriptionCatchUp(_ factory: StoreFactory) throws {
        try ReadConformance.subscriptionCatchUp(factory)
    }

    @Test("a cancel from another thread ends a waiting run", arguments: backends)
    func cancelEndsWaitingRun(_ factory: StoreFactory) throws {
        try ReadConformance.cancelEndsWaitingRun(factory)
    }

    // MARK: - Integrity

    @Test("an intact chain verifies, also against its own head as anchor", arguments: backends)
    func verifyIntact(_ factory: StoreFactory) throws {
        try IntegrityConformance.verifyIntact(factory)
    }

    @Test("restore copies a log into an empty store, keeping times and hashes", arguments: backends)
    func restore(_ factory: StoreFactory) throws { try IntegrityConformance.restore(factory) }

    @Test("restore rejects a bad hash and keeps nothing", arguments: backends)
    func restoreRejects(_ factory: StoreFactory) throws {
        try IntegrityConformance.restoreRejects(factory)
    }

    @Test(
        "every backend stores the golden hash",
        arguments: backends, ConformanceFixtures.goldenHashCases)
    func goldenHash(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.GoldenHashCase
    ) throws {
        try IntegrityConformance.goldenHash(factory, testCase)
    }

    @Test(
        "export, import into an empty store, export again: the same bytes", arguments: backends)
    func exportRoundTrip(_ factory: StoreFactory) throws {
        try IntegrityConformance.exportRoundTrip(factory)
    }

    @Test(
        "verify against the kept head names the first tampered position",
        arguments: tamperable, ConformanceFixtures.tamperCases)
    func tamperDetected(
        _ factory: StoreFactory, _ testCase: ConformanceFixtures.TamperCase
    ) throws {
        try IntegrityConformance.tamperDetected(factory, testCase)
    }

    // MARK: - Agreement with the in-memory reference

    @Test(
        "200 random appends give the same results, rows and hashes as in memory",
        arguments: comparedWithReference)
    func randomAppendsAgree(_ factory: StoreFactory) throws {
        try DifferentialConformance.randomAppendsAgree(factory)
    }

    @Test(
        "rows sort as in memory: NULL first, then integers, text by UTF-8 bytes, ties by key",
        arguments: comparedWithReference)
    func rowOrderAgrees(_ factory: StoreFactory) throws {
        try DifferentialConformance.rowOrderAgrees(factory)
    }

    @Test(
        "the same appends give the same events and hashes as in memory",
        arguments: comparedWithReference)
    func sameAppendsAsReference(_ factory: StoreFactory) throws {
        try DifferentialConformance.sameAppendsAsReference(factory)
    }
}
