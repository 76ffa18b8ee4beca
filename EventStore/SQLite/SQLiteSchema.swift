import CSQLite

/// The store's own tables and their versioned migrations.
///
/// `PRAGMA application_id` marks the file as a LoanLedger store and `PRAGMA user_version` holds
/// the schema version; `loanledger_meta` repeats both in readable form and keeps the chain mode.
enum SQLiteSchema {
    /// "LLGR" in ASCII.
    static let applicationId: Int64 = 0x4C4C_4752
    /// The newest schema version this code knows.
    static let currentVersion = 1

    /// Migration n brings a store from version n-1 to n. Never edit a shipped migration:
    /// append a new one.
    static let migrations: [String] = [
        """
        CREATE TABLE loanledger_meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE events (
            position INTEGER PRIMARY KEY,
            stream_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            event_id TEXT NOT NULL UNIQUE,
            type TEXT NOT NULL,
            schema_version INTEGER NOT NULL,
            effective_date TEXT NOT NULL,
            recorded_at INTEGER NOT NULL,
            data TEXT NOT NULL,
            metadata TEXT NOT NULL,
            hash BLOB NOT NULL,
            UNIQUE (stream_id, version)
        );
        CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
        CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
        CREATE TABLE checkpoints (
            name TEXT PRIMARY KEY NOT NULL,
            position INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE unique_keys (
            namespace TEXT NOT NULL,
            key TEXT NOT NULL,
            owner TEXT NOT NULL,
            PRIMARY KEY (namespace, key)
        ) WITHOUT ROWID;
        """
    ]

    /// What the file header and catalogue say before anything is changed.
    struct Inspection {
        var applicationId: Int64
        var userVersion: Int
        var objectCount: Int64

        var isEmptyDatabase: Bool { applicationId == 0 && userVersion == 0 && objectCount == 0 }
    }

    /// Reads the header pragmas and counts schema objects; writes nothing.
    /// - Throws: ``EventStoreError/notAStore(path:)`` when SQLite says the file is not a
    ///   database (SQLITE_NOTADB), or ``EventStoreError/sqlite(code:message:sql:)``.
    static func inspect(_ connection: Connection) throws -> Inspection {
        do {
            let applicationId = try integer(connection, "PRAGMA application_id")
            let userVersion = try integer(connection, "PRAGMA user_version")
            let objects = try integer(connection, "SELECT count(*) FROM sqlite_master")
            return Inspection(
                applicationId: applicationId, userVersion: Int(clamping: userVersion),
                objectCount: objects)
        } catch EventStoreError.sqlite(let code, _, _) where code == SQLITE_NOTADB {
            throw EventStoreError.notAStore(path: connection.path)
        }
    }

    /// Applies the missing migrations and records the chain mode, in one write transaction.
    ///
    /// Re-inspects inside the transaction: another process may have initialised the file
    /// between the first look and the write lock.
    static func migrate(_ connection: Connection, keyCheck: String?) throws {
        try connection.inTransaction(.immediate) {
            let found = try inspect(connection)
            guard found.isEmptyDatabase || found.applicationId == applicationId else {
                throw EventStoreError.notAStore(path: connection.path)
            }
            guard found.userVersion <= currentVersion else {
                throw EventStoreError.schemaTooNew(
                    found: found.userVersion, supported: currentVersion)
            }
            guard found.userVersion < currentVersion else { return }
            for version in (found.userVersion + 1)...currentVersion {
                try connection.execute(migrations[version - 1])
            }
            if found.userVersion == 0 {
                try writeInitialMeta(connection, keyCheck: keyCheck)
            }
            try connection.cachedStatement(
                "INSERT OR REPLACE INTO loanledger_meta (key, value) VALUES ('schema_version', ?)"
            ).run([.string(String(currentVersion))])
            try connection.execute("PRAGMA application_id = \(applicationId)")
            try connection.execute("PRAGMA user_version = \(currentVersion)")
        }
    }

    private static func writeInitialMeta(_ connection: Connection, keyCheck: String?) throws {
        let insert = try connection.cachedStatement(
            "INSERT INTO loanledger_meta (key, value) VALUES (?, ?)")
        try insert.run([.string("application"), .string("LoanLedger")])
        try insert.run([.string("chain"), .string(keyCheck == nil ? "sha256" : "hmac-sha256")])
        if let keyCheck {
            try insert.run([.string("chain_key_check"), .string(keyCheck)])
        }
    }

    /// The value of a `loanledger_meta` key, or nil.
    static func meta(_ connection: Connection, _ key: String) throws -> String? {
        var value: String?
        try connection.cachedStatement("SELECT value FROM loanledger_meta WHERE key = ?")
            .forEachRow([.string(key)]) {
                value = String(decoding: try $0.textBytes(0), as: UTF8.self)
            }
        return value
    }

    static func integer(_ connection: Connection, _ sql: String) throws -> Int64 {
        var value: Int64 = 0
        try connection.cachedStatement(sql).forEachRow([]) { value = $0.int64(0) }
        return value
    }
}
