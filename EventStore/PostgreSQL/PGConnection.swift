import CLibPQ
import EventStore
import Foundation

/// One PostgreSQL connection (`PGconn *`), used by one thread at a time.
///
/// Opening fails fast: `connect_timeout` defaults to 5 seconds when the URL names none, and a
/// failed `PQconnectdbParams` handle is released with `PQfinish` before throwing. Every query
/// is parameterized (`PQexecParams`, binary parameters and results) and every result status
/// goes through a `switch` whose default throws ``EventStoreError/postgres(message:)``.
/// `deinit` closes the connection.
final class PGConnection {
    private var handle: OpaquePointer?
    /// True between our BEGIN and its COMMIT or ROLLBACK. Tracked here rather than asked of
    /// libpq, which reports "unknown" once the connection is lost: a lost connection inside a
    /// transaction must fail the transaction, never be reset and carry on in autocommit.
    var isTransactionOpen = false
    /// Incremented at every reconnect: session state (LISTEN) must then be set up again.
    private(set) var generation = 0
    /// A configuration step re-run after a reconnect (the session's `search_path`).
    var onConnect: ((PGConnection) throws -> Void)?

    /// Seconds libpq waits for a server before giving up, unless the URL says otherwise.
    static let connectTimeoutSecondsDefault = 5

    /// Connects to `url` (a `postgres://` or `postgresql://` URI or a key=value string).
    /// - Throws: ``EventStoreError/postgres(message:)`` with libpq's reason on one line.
    init(url: String) throws {
        // Keywords are processed in order and the last value wins, so the defaults go before
        // the URL (which may override them) and `client_encoding` after it (we always talk
        // UTF-8). postgresql.org/docs/current/libpq-connect.html, PQconnectdbParams.
        // Keepalives notice a server that vanished mid-query within about a minute instead of
        // the operating system's two hours.
        let pairs: [(String, String)] = [
            ("connect_timeout", String(Self.connectTimeoutSecondsDefault)),
            ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
            ("fallback_application_name", "loanledger"),
            ("dbname", url),
            ("client_encoding", "UTF8"),
        ]
        let opened = Self.connect(pairs)
        guard let opened else {
            throw EventStoreError.postgres(message: "libpq could not allocate a connection")
        }
        switch PQstatus(opened) {
        case CONNECTION_OK:
            // libpq's default notice processor prints NOTICEs ("drop cascades to …") to
            // stderr; a library must not write to its host's stderr.
            PQsetNoticeProcessor(opened, { _, _ in }, nil)
            handle = opened
        default:
            let message = Self.oneLine(PQerrorMessage(opened).map { String(cString: $0) })
            PQfinish(opened)
            throw EventStoreError.postgres(message: "cannot connect: " + message)
        }
    }

    private static func connect(_ pairs: [(String, String)]) -> OpaquePointer? {
        let keywords = pairs.map { strdup($0.0) }
        let values = pairs.map { strdup($0.1) }
        defer {
            keywords.forEach { free($0) }
            values.forEach { free($0) }
        }
        var keywordPointers = keywords.map { UnsafePointer<CChar>($0) } + [nil]
        var valuePointers = values.map { UnsafePointer<CChar>($0) } + [nil]
        return keywordPointers.withUnsafeMutableBufferPointer { keywordBuffer in
            valuePointers.withUnsafeMutableBufferPointer { valueBuffer in
                // expand_dbname = 1: the "dbname" value may be a URI or key=value string.
                PQconnectdbParams(keywordBuffer.baseAddress, valueBuffer.baseAddress, 1)
            }
        }
    }

    deinit { close() }

    /// Closes the connection. Idempotent.
    func close() {
        guard let handle else { return }
        PQfinish(handle)
        self.handle = nil
    }

    var openHandle: OpaquePointer {
        guard let handle else { preconditionFailure("PostgreSQL connection used after close()") }
        return handle
    }

    /// True inside an explicit transaction, also one an error has aborted. A lost connection
    /// has none (its status is unknown).
    var isInTransaction: Bool {
        switch PQtransactionStatus(openHandle) {
        case PQTRANS_INTRANS, PQTRANS_INERROR, PQTRANS_ACTIVE: return true
        default: return false
        }
    }

    /// True inside a transaction that an error has aborted.
    var isInFailedTransaction: Bool { PQtransactionStatus(openHandle) == PQTRANS_INERROR }

    /// `host:port/database` without user or password, for messages.
    var location: String {
        let host = PQhost(openHandle).map { String(cString: $0) } ?? "?"
        let port = PQport(openHandle).map { String(cString: $0) } ?? "?"
        let database = PQdb(openHandle).map { String(cString: $0) } ?? "?"
        return "\(host):\(port)/\(database)"
    }

    /// False once ``close()`` ran.
    var isOpen: Bool { handle != nil }

    /// Reconnects once when the server closed the connection outside a transaction (restart,
    /// idle timeout), then re-runs ``onConnect``. Every query outside a transaction calls it.
    /// - Throws: ``EventStoreError/postgres(message:)`` when the server is still unreachable.
    func reconnectIfBroken() throws {
        guard PQstatus(openHandle) == CONNECTION_BAD, !isTransactionOpen else { return }
        PQreset(openHandle)
        generation += 1
        guard PQstatus(openHandle) == CONNECTION_OK else {
            throw EventStoreError.postgres(
                message: "connection lost: " + Self.oneLine(lastErrorMessage))
        }
        try onConnect?(self)
    }

    var lastErrorMessage: String? {
        PQerrorMessage(openHandle).map { String(cString: $0) }
    }

    /// libpq messages span lines ("connection to server … failed: …\n\tIs the server
    /// running…"); loanctl prints one line.
    static func oneLine(_ message: String?) -> String {
        let parts = (message ?? "unknown error").split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return parts.isEmpty ? "unknown error" : parts.joined(separator: " ")
    }
}

// MARK: - Queries

extension PGConnection {
    /// Runs one parameterized statement and returns its rows (binary format).
    ///
    /// Outside a transaction, a statement that fails because the connection was lost (a server
    /// restart, an idle timeout) is sent once more on a fresh connection: every such statement
    /// of the store is a read or session setup, safe to repeat.
    /// - Throws: ``EventStoreError/postgres(message:)`` with the server's message and SQLSTATE.
    @discardableResult
    func query(_ sql: String, _ parameters: [PGValue] = []) throws -> PGResult {
        precondition(parameters.count <= Int(Int16.max), "too many parameters")
        try reconnectIfBroken()
        let wire = try Self.encode(parameters)
        var raw = execute(sql, parameters, wire)
        if !isTransactionOpen, PQstatus(openHandle) == CONNECTION_BAD {
            if let raw { PQclear(raw) }
            try reconnectIfBroken()
            raw = execute(sql, parameters, wire)
        }
        guard let raw else {
            throw EventStoreError.postgres(
                message: "query failed: " + Self.oneLine(lastErrorMessage))
        }
        let result = PGResult(handle: raw, sql: sql)
        switch PQresultStatus(raw) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return result
        default:
            throw error(from: raw)
        }
    }

    /// All parameter bytes in one buffer, and where each value starts (nil: NULL).
    private static func encode(
        _ parameters: [PGValue]
    ) throws -> (buffer: [UInt8], offsets: [(start: Int, length: Int32)?]) {
        var buffer = [UInt8]()
        var offsets = [(start: Int, length: Int32)?]()
        offsets.reserveCapacity(parameters.count)
        for parameter in parameters {
            guard let bytes = parameter.binary else {
                offsets.append(nil)
                continue
            }
            guard let length = Int32(exactly: bytes.count) else {
                throw EventStoreError.postgres(message: "a parameter exceeds 2 GiB")
            }
            offsets.append((buffer.count, length))
            buffer += bytes
        }
        // A zero-length value needs a non-NULL pointer (NULL means SQL NULL).
        buffer.append(0)
        return (buffer, offsets)
    }

    /// `PQexecParams` with binary parameters and binary results; nil when libpq could not
    /// even build a result (out of memory, no connection).
    private func execute(
        _ sql: String, _ parameters: [PGValue],
        _ wire: (buffer: [UInt8], offsets: [(start: Int, length: Int32)?])
    ) -> OpaquePointer? {
        let types = parameters.map { Oid($0.type.rawValue) }
        let lengths = wire.offsets.map { $0?.length ?? 0 }
        let formats = [Int32](repeating: 1, count: parameters.count)
        return wire.buffer.withUnsafeBufferPointer { storage in
            let base = UnsafeRawPointer(storage.baseAddress!)
            let values: [UnsafePointer<CChar>?] = wire.offsets.map { entry in
                entry.map { (base + $0.start).assumingMemoryBound(to: CChar.self) }
            }
            return PQexecParams(
                openHandle, sql, Int32(parameters.count), types, values, lengths, formats, 1)
        }
    }

    /// The store error for a failed result: primary message and SQLSTATE, on one line.
    private func error(from result: OpaquePointer) -> EventStoreError {
        let field = { (code: UInt8) -> String? in
            PQresultErrorField(result, Int32(code)).map { String(cString: $0) }
        }
        let primary = field(UInt8(ascii: "M")) ?? PQresultErrorMessage(result).map {
            String(cString: $0)
        }
        let state = field(UInt8(ascii: "C")).map { " (SQLSTATE \($0))" } ?? ""
        return .postgres(message: Self.oneLine(primary) + state)
    }
}

// MARK: - Notifications

extension PGConnection {
    /// Reads what the server sent without blocking and frees the notifications received.
    /// - Returns: How many notifications arrived.
    /// - Throws: ``EventStoreError/postgres(message:)`` when the connection is broken.
    func drainNotifications() throws -> Int {
        // "PQconsumeInput normally returns 1 indicating 'no error', but returns 0 if there was
        // some kind of trouble" (postgresql.org/docs/current/libpq-async.html).
        guard PQconsumeInput(openHandle) == 1 else {
            throw EventStoreError.postgres(
                message: "connection lost: " + Self.oneLine(lastErrorMessage))
        }
        var count = 0
        while let notification = PQnotifies(openHandle) {
            PQfreemem(notification)
            count += 1
        }
        return count
    }

    /// Waits until the server sends something or `milliseconds` pass.
    /// - Returns: True when the socket became readable.
    func waitForInput(milliseconds: Int32) -> Bool {
        let socket = PQsocket(openHandle)
        guard socket >= 0 else { return false }
        var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
        // EINTR or a timeout both mean "look again"; the caller loops with a deadline.
        return poll(&descriptor, 1, milliseconds) > 0
    }
}

// A connection is used by one thread at a time.
@available(*, unavailable)
extension PGConnection: Sendable {}
