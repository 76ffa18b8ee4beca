import CSQLite

/// SQLite's fundamental datatype codes (sqlite.org/c3ref/c_blob.html), for `switch` patterns.
enum SQLiteTypes {
    static let integer = SQLITE_INTEGER
    static let text = SQLITE_TEXT
    static let null = SQLITE_NULL
}
