/// Every bound the event store enforces, in one place (TIGER_STYLE: a limit on everything).
///
/// Inputs beyond a limit are refused with ``EventStoreError/invalidInput(field:rule:)``
/// before anything is written. `EventStoreTests.LimitsTests` asserts the relations between them.
public enum EventStoreLimits {
    /// Most events one ``EventStore/append(to:expectedVersion:events:inSameTransaction:)`` takes.
    public static let eventsPerAppendMax = 10_000
    /// Most bytes of one event's `data` (JSON, stored verbatim).
    public static let dataBytesMax = 1 << 20
    /// Most bytes of one event's `metadata`.
    public static let metadataBytesMax = 64 << 10
    /// Most bytes of `data` plus `metadata` over a whole append batch.
    public static let appendBytesMax = 64 << 20
    /// Most UTF-8 bytes of a stream id.
    public static let streamIdBytesMax = 256
    /// Most UTF-8 bytes of an event type name.
    public static let typeBytesMax = 128
    /// Largest `schemaVersion` an event may carry.
    public static let schemaVersionMax = 1_000_000
    /// Largest `limit` ``EventStore/readAll(afterPosition:limit:)`` accepts.
    public static let readBatchMax = 10_000
    /// Events ``EventStore/verify(expectHead:progress:)`` reads per batch.
    public static let verifyBatchCount = 1_000
    /// Most UTF-8 bytes of a read-model table or column name.
    public static let nameBytesMax = 64
    /// Most columns of a read-model table.
    public static let columnCountMax = 64
    /// Most UTF-8 bytes of a unique-key namespace, key, owner or checkpoint name.
    public static let keyBytesMax = 256
    /// Most prepared statements one SQLite connection keeps cached.
    public static let statementCacheCountMax = 512
    /// Default time a SQLite writer waits for another writer's lock, in milliseconds.
    public static let busyTimeoutMillisecondsDefault = 5_000
    /// Longest export line ``EventLogExport/parse(line:)`` reads: `data` and `metadata` may
    /// grow sixfold when escaped (`\u00XX`), plus room for the other fields.
    public static let exportLineBytesMax = 6 * (dataBytesMax + metadataBytesMax) + 4_096
}
