import EventStore

/// The store's own tables in one PostgreSQL schema, and their versioned migrations.
///
/// `loanledger_meta` marks the schema as a LoanLedger store and holds the schema version and
/// the chain mode, as the SQLite file's `loanledger_meta` does. Text columns use the "C"
/// collation so ordering is by bytes on every server, whatever its locale.
enum PostgresSchema {
    /// The newest schema version this code knows.
    static let currentVersion = 1

    /// The tables the store owns; finding one of them without `loanledger_meta` means the
    /// schema belongs to something else.
    static let ownTables = ["loanledger_meta", "events", "checkpoints", "unique_keys"]

    /// Migration n brings a store from version n-1 to n, one statement per string (libpq's
    /// parameterized calls take one statement). Never edit a shipped migration: append one.
    static let migrations: [[String]] = [
        [
            """
            CREATE TABLE loanledger_meta (
                key text COLLATE "C" PRIMARY KEY,
                value text NOT NULL
            )
            """,
            // data and metadata are bytea: stored and returned byte for byte (jsonb would
            // reorder keys and drop whitespace; text refuses a NUL byte and depends on the
            // database encoding).
            """
            CREATE TABLE events (
                position bigint PRIMARY KEY,
                stream_id text COLLATE "C" NOT NULL,
                version bigint NOT NULL,
                event_id uuid NOT NULL UNIQUE,
                type text COLLATE "C" NOT NULL,
                schema_version bigint NOT NULL,
                effective_date text COLLATE "C" NOT NULL,
                recorded_at bigint NOT NULL,
                data bytea NOT NULL,
                metadata bytea NOT NULL,
                hash bytea NOT NULL,
                UNIQUE (stream_id, version)
            )
            """,
            """
            CREATE FUNCTION loanledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'events are append-only: % refused', TG_OP;
            END
            $$
            """,
            """
            CREATE TRIGGER events_refuse_change BEFORE UPDATE OR DELETE ON events
            FOR EACH ROW EXECUTE FUNCTION loanledger_refuse_change()
            """,
            """
            CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
            FOR EACH STATEMENT EXECUTE FUNCTION loanledger_refuse_change()
            """,
            """
            CREATE TABLE checkpoints (
                name text COLLATE "C" PRIMARY KEY,
                position bigint NOT NULL
            )
            """,
            """
            CREATE TABLE unique_keys (
                namespace text COLLATE "C" NOT NULL,
                key text COLLATE "C" NOT NULL,
                owner text COLLATE "C" NOT NULL,
                PRIMARY KEY (namespace, key)
            )
            """,
        ]
    ]

    /// What the schema holds before anything is changed.
    struct Inspection {
        var schemaExists: Bool
        /// How many of ``ownTables`` exist.
        var ownTableCount: Int
        /// `loanledger_meta`'s `application` and `schema_version`, when the table exists.
        var application: String?
        var version: Int

        var isEmpty: Bool { ownTableCount == 0 }
    }

    /// Looks at the catalogue and, if present, `loanledger_meta`; writes nothing.
    static func inspect(_ connection: PGConnection, schema: String) throws -> Inspection {
        let exists = try connection.query(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)", [.text(schema)])
        let tables = try connection.query(
            "SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename = ANY ("
                + "ARRAY['loanledger_meta', 'events', 'checkpoints', 'unique_keys'])",
            [.text(schema)])
        var found = Inspection(
            schemaExists: try exists.bool(0, 0), ownTableCount: tables.rowCount,
            application: nil, version: 0)
        let names = (0..<tables.rowCount).map { tables.string($0, 0) }
        guard names.contains("loanledger_meta") else { return found }
        found.application = try meta(connection, "application")
        guard let versionText = try meta(connection, "schema_version") else { return found }
        found.version = Int(versionText) ?? Int.max
        return found
    }

    /// Checks an inspection: a foreign schema or a newer version is refused untouched.
    static func check(_ found: Inspection, location: String) throws {
        if found.isEmpty { return }
        guard found.application == "LoanLedger" else {
            throw EventStoreError.notAStore(path: location)
        }
        guard found.version <= currentVersion else {
            throw EventStoreError.schemaTooNew(found: found.version, supported: currentVersion)
        }
    }

    /// Creates the schema if needed and applies the missing migrations, in one transaction
    /// under an advisory lock, re-inspecting inside it: another process may be opening the
    /// same schema at the same moment.
    static func migrate(
        _ connection: PGConnection, schema: String, location: String, keyCheck: String?
    ) throws {
        try connection.inTransaction(.write) {
            try connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended('loanledger schema ' || $1, 0))",
                [.text(schema)])
            let found = try inspect(connection, schema: schema)
            try check(found, location: location)
            guard found.version < currentVersion else { return }
            if !found.schemaExists {
                // An identifier cannot be a parameter; `schema` was checked against
                // [a-z_][a-z0-9_]* and is double-quoted.
                try connection.query("CREATE SCHEMA \"\(schema)\"")
            }
            for version in (found.version + 1)...currentVersion {
                for statement in migrations[version - 1] { try connection.query(statement) }
            }
            if found.version == 0 {
                try writeInitialMeta(connection, keyCheck: keyCheck)
            }
            try setMeta(connection, "schema_version", String(currentVersion))
        }
    }

    private static func writeInitialMeta(_ connection: PGConnection, keyCheck: String?) throws {
        try setMeta(connection, "application", "LoanLedger")
        try setMeta(connection, "chain", keyCheck == nil ? "sha256" : "hmac-sha256")
        if let keyCheck { try setMeta(connection, "chain_key_check", keyCheck) }
    }

    private static func setMeta(_ connection: PGConnection, _ key: String, _ value: String) throws
    {
        try connection.query(
            "INSERT INTO loanledger_meta (key, value) VALUES ($1, $2) "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            [.text(key), .text(value)])
    }

    /// The value of a `loanledger_meta` key, or nil.
    static func meta(_ connection: PGConnection, _ key: String) throws -> String? {
        let result = try connection.query(
            "SELECT value FROM loanledger_meta WHERE key = $1", [.text(key)])
        return result.rowCount == 0 ? nil : result.string(0, 0)
    }
}
