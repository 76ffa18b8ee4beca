/// What a restructure did, as replayed.
public struct RestructureOutcome: Sendable, Hashable, Codable {
    /// The negotiated date (start of the new schedule).
    public var date: BusinessDate
    /// Unpaid interest of installments due on or before the date, turned into principal.
    public var capitalisedInterest: Money
    /// Penalty accrued through the date and unpaid, waived.
    public var waivedPenalty: Money
    /// Interest accrued in the current period (not yet due), not charged.
    public var droppedInterest: Money
    /// Interest paid in advance on installments due after the date; credited as principal.
    public var advanceInterestCredited: Money
    /// Principal of the new schedule.
    public var newPrincipal: Money
    /// Months of the new schedule.
    public var termMonths: Int64
    /// The new equal-installment schedule.
    public var newSchedule: [ScheduledInstallment]
    /// The replaced installments as they stood on the date, before being closed out.
    public var replacedInstallments: [InstallmentState]

    /// Creates an outcome (replay builds these).
    public init(
        date: BusinessDate, capitalisedInterest: Money, waivedPenalty: Money,
        droppedInterest: Money, advanceInterestCredited: Money, newPrincipal: Money,
        termMonths: Int64, newSchedule: [ScheduledInstallment],
        replacedInstallments: [InstallmentState]
    ) {
        self.date = date
        self.capitalisedInterest = capitalisedInterest
        self.waivedPenalty = waivedPenalty
        self.droppedInterest = droppedInterest
        self.advanceInterestCredited = advanceInterestCredited
        self.newPrincipal = newPrincipal
        self.termMonths = termMonths
        self.newSchedule = newSchedule
        self.replacedInstallments = replacedInstallments
    }
}
