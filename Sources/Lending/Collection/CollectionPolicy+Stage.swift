extension CollectionPolicy {
    /// The collection stage of a loan with `dpd` days past due and `overdueAmount` overdue.
    ///
    /// A pure function of the day's facts, so the stage goes down as well as up. In order:
    /// DPD 0 is `current`; DPD 1 … `graceDays` is `grace` whatever the amount (the grace days are
    /// contractual: nothing is overdue yet); from ``lateStartDPD`` `late`; from ``midStartDPD``,
    /// or from ``largeDebtMidStartDPD`` when `overdueAmount` ≥ ``largeDebtThreshold``, `mid`;
    /// otherwise `early`. With the standard policy and 3 grace days: 0 current, 1–3 grace,
    /// 4–30 early (4–15 for large debts), 31–90 mid (16–90 for large debts), 91+ late. When
    /// grace is 15 a large debt goes from grace straight to mid at DPD 16.
    ///
    /// - Parameters:
    ///   - dpd: Days past due on the day (0 when nothing is past due).
    ///   - overdueAmount: Unpaid principal, interest and penalty of every installment past its
    ///     due date (within grace or not) on the day.
    ///   - graceDays: The loan's contractual grace days.
    /// - Returns: The stage.
    /// - Precondition: `dpd` ≥ 0 and `graceDays` ≥ 0 (the caller computes them).
    public func stage(dpd: Int64, overdueAmount: Money, graceDays: Int64) -> CollectionStage {
        precondition(dpd >= 0, "days past due are never negative")
        precondition(graceDays >= 0, "grace days are never negative")
        if dpd == 0 { return .current }
        if dpd <= graceDays { return .grace }
        if dpd >= lateStartDPD { return .late }
        if dpd >= midStartDPD(overdueAmount: overdueAmount) { return .mid }
        if dpd >= earlyStartDPD(graceDays: graceDays) { return .early }
        // earlyStartDPDAfterGrace > 1 leaves days between grace and early: still grace then.
        return .grace
    }

    /// The first DPD of the mid stage for a loan with this overdue amount.
    public func midStartDPD(overdueAmount: Money) -> Int64 {
        isLargeDebt(overdueAmount) ? largeDebtMidStartDPD : midStartDPD
    }

    /// The first DPD of the early stage for a loan with these grace days.
    public func earlyStartDPD(graceDays: Int64) -> Int64 {
        graceDays + earlyStartDPDAfterGrace
    }

    /// True when `overdueAmount` is at least ``largeDebtThreshold``.
    public func isLargeDebt(_ overdueAmount: Money) -> Bool {
        overdueAmount >= largeDebtThreshold
    }

    /// The next DPD above `dpd` at which the stage could change while no new fact arrives.
    ///
    /// DPD grows by one a day while nothing is paid, so end of day can skip a loan until its DPD
    /// reaches this. The candidates are 1 (current → grace, only once a due date passes), the
    /// day after grace (grace + 1), the early start (grace + ``earlyStartDPDAfterGrace``, the
    /// same day in the standard policy), ``largeDebtMidStartDPD``, ``midStartDPD`` and
    /// ``lateStartDPD``; thresholds inside the grace days are skipped (grace wins there).
    ///
    /// The overdue amount also grows without a new fact (penalty accrues, another installment
    /// falls due), so while ``isAmountSensitive(dpd:graceDays:)`` is true a loan below
    /// ``largeDebtThreshold`` can turn `mid` on any day: revisit such loans daily.
    ///
    /// - Parameters:
    ///   - dpd: Today's days past due.
    ///   - graceDays: The loan's contractual grace days.
    /// - Returns: The next threshold, or nil from ``lateStartDPD`` on (late is final for DPD).
    public func nextThresholdDPD(after dpd: Int64, graceDays: Int64) -> Int64? {
        // The day after grace is a candidate of its own: a threshold that falls inside the
        // grace days (a short largeDebtMidStartDPD, a long grace) takes effect only then.
        let candidates: [Int64] = [
            1, graceDays + 1, earlyStartDPD(graceDays: graceDays), largeDebtMidStartDPD,
            midStartDPD, lateStartDPD,
        ]
        return candidates.filter { $0 > dpd && ($0 == 1 || $0 > graceDays) }.min()
    }

    /// True when, at this DPD, the stage depends on the overdue amount (early for an ordinary
    /// debt, mid for a large one): DPD after grace, from ``largeDebtMidStartDPD`` and before
    /// ``midStartDPD``.
    public func isAmountSensitive(dpd: Int64, graceDays: Int64) -> Bool {
        dpd > graceDays && dpd >= largeDebtMidStartDPD && dpd < midStartDPD && dpd < lateStartDPD
    }
}
