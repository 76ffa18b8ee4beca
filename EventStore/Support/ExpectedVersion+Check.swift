extension ExpectedVersion {
    /// Throws unless a stream at version `actual` satisfies this expectation.
    ///
    /// `.exact(0)` means the same as `.noStream`: the stream must be empty.
    /// - Throws: ``EventStoreError/versionConflict(stream:expected:actual:)``.
    package func check(stream: String, actual: Int64) throws {
        let satisfied: Bool
        switch self {
        case .any: satisfied = true
        case .noStream: satisfied = actual == 0
        case .exact(let version): satisfied = actual == version
        }
        guard satisfied else {
            throw EventStoreError.versionConflict(stream: stream, expected: self, actual: actual)
        }
    }
}
