import EventStore
import Lending
import Projections

extension Ledger {
    /// The story of a debt: every event of the loan (and its line's freezes, closures and
    /// reopenings) in business order with the balance after each, its collection actions, and
    /// "what we knew then vs what we know now" for every closed business day of its life.
    ///
    /// "Known then" for a business day is the log up to that day's `DayClosed` record; for an
    /// event, the log up to the event itself. "Known now" is the whole log. Money figures are
    /// recomputed from the money facts each side knew; the line's freeze state as known then is
    /// what was recorded, as known now it is the recorded manual and restructure reasons plus
    /// the overdue reason recomputed from every loan of the customer.
    ///
    /// ```swift
    /// let story = try ledger.investigate(LoanID(validated: "L-0001-1"))
    /// print(InvestigationReport.text(story))
    /// ```
    /// - Parameter loan: The loan.
    /// - Returns: Plain data for the text, HTML and JSON renderings.
    /// - Throws: ``LedgerError`` — `.lending(.notFound)` for an unknown loan, `.store` for
    ///   storage failures, `.internalFailure` for an event that cannot be read back.
    /// - Complexity: O(events of the customer + days × (loans of the customer × their facts)):
    ///   one fold of the stream, and one replay per loan per closed day of the loan's life.
    public func investigate(_ loan: LoanID) throws(LedgerError) -> Investigation {
        do {
            let customer = try self.customer(ofLoan: loan)
            let history = try CustomerHistory.load(customer, from: store)
            guard history.state.loans[loan] != nil else {
                throw LendingError.notFound(entity: "loan", id: loan.rawValue)
            }
            // The closed days come from the `DayClosed` records themselves, not the read
            // models: a read-only ledger answers without them.
            let closes = try dayClosePositions()
            let builder = InvestigationBuilder(
                loan: loan, history: history, dayCloses: closes, policies: try policies(),
                lastClosedDay: closes.keys.max(), headPosition: try store.head().position)
            return builder.build()
        } catch {
            throw LedgerError.wrap(error)
        }
    }

    /// The position of each closed day's `DayClosed` record.
    /// - Complexity: O(closed days).
    func dayClosePositions() throws -> [BusinessDate: Int64] {
        var positions: [BusinessDate: Int64] = [:]
        for recorded in try store.readWholeStream(DayClosed.streamId) {
            let day = try BusinessDate(parsing: recorded.effectiveDate, field: "effectiveDate")
            if positions[day] == nil { positions[day] = recorded.position }
        }
        return positions
    }
}
