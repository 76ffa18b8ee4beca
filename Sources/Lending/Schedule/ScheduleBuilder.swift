/// Builds contractual schedules for the three repayment methods.
///
/// Every rounding is half-up to the fen at the points named in docs/product-rules.md:
/// the installment A (equal-installment), each month's interest, and round(P / n)
/// (equal-principal). Everything before a rounding point is exact integer arithmetic.
public enum ScheduleBuilder {
    /// The schedule of a loan.
    ///
    /// Installment k is due `start.adding(months: k)` (always counted from `start`, so a
    /// Jan 31 start gives Feb 28/29, Mar 31, Apr 30). The monthly rate is exactly
    /// `daily × 30`. The last installment takes the remaining principal, so the principals
    /// always add up to `principal` exactly.
    ///
    /// ```swift
    /// let rows = ScheduleBuilder.build(
    ///     principal: .yuan(10_000), dailyRate: DailyRate(millionths: 400),
    ///     method: .equalInstallment, termMonths: 12, start: start)
    /// // rows[0].total == 899.75, rows[0].interest == 120.00
    /// ```
    /// - Parameters:
    ///   - principal: The amount lent (positive).
    ///   - dailyRate: The contractual daily rate.
    ///   - method: How principal and interest are spread.
    ///   - termMonths: Number of monthly installments, 1…``LendingLimits/installmentCountMax``.
    ///   - start: Disbursement (or restructure) date.
    /// - Returns: `termMonths` rows numbered from 1.
    /// - Complexity: O(n) plus one exact big-integer power for equal-installment.
    public static func build(
        principal: Money, dailyRate: DailyRate, method: RepaymentMethod, termMonths: Int64,
        start: BusinessDate
    ) -> [ScheduledInstallment] {
        precondition(principal.fen >= 0, "schedule principal must not be negative")
        precondition(termMonths >= 1, "a schedule has at least one installment")
        precondition(termMonths <= LendingLimits.installmentCountMax, "term above maximum")
        precondition(dailyRate.millionths >= 0, "negative rate")
        switch method {
        case .equalInstallment:
            let payment = equalInstallmentPayment(
                principal: principal, dailyRate: dailyRate, termMonths: termMonths)
            return annuity(principal, dailyRate, payment, termMonths, start)
        case .equalPrincipal:
            return equalPrincipal(principal, dailyRate, termMonths, start)
        case .interestFirst:
            return interestFirst(principal, dailyRate, termMonths, start)
        }
    }

    /// The monthly interest on `outstanding`: round(outstanding × daily × 30), half-up.
    public static func monthlyInterest(on outstanding: Money, dailyRate: DailyRate) -> Money {
        Rounding.fen(
            outstanding, times: Int128(dailyRate.millionths * LendingLimits.daysPerMonthForRate),
            over: Int128(DailyRate.scale))
    }

    /// The equal installment A = P·r·(1+r)^n / ((1+r)^n − 1), rounded half-up to the fen.
    ///
    /// Computed exactly: with c = 30 × millionths, D = 10^6 and N = D + c, r = c / D and
    /// A = P·c·N^n / (D·(N^n − D^n)), a ratio of integers evaluated with ``BigUInt``.
    /// A zero rate gives round(P / n).
    public static func equalInstallmentPayment(
        principal: Money, dailyRate: DailyRate, termMonths: Int64
    ) -> Money {
        let monthlyMillionths = UInt64(dailyRate.millionths * LendingLimits.daysPerMonthForRate)
        if monthlyMillionths == 0 {
            return Money(fen: Rounding.halfUp(Int128(principal.fen), over: Int128(termMonths)))
        }
        let scale = UInt64(DailyRate.scale)
        let growth = BigUInt(scale + monthlyMillionths).power(Int(termMonths))
        let base = BigUInt(scale).power(Int(termMonths))
        let numerator = BigUInt(UInt64(principal.fen)) * BigUInt(monthlyMillionths) * growth
        let denominator = BigUInt(scale) * (growth - base)
        let payment = numerator.dividedRoundingHalfUp(by: denominator)
        guard let fen = payment.uint64Value, fen <= UInt64(Int64.max) else {
            preconditionFailure("installment overflows Int64 fen")
        }
        return Money(fen: Int64(fen))
    }

    // MARK: - Methods

    static func annuity(
        _ principal: Money, _ rate: DailyRate, _ payment: Money, _ n: Int64,
        _ start: BusinessDate
    ) -> [ScheduledInstallment] {
        var rows: [ScheduledInstallment] = []
        var outstanding = principal
        for k in 1...n {
            let interest = monthlyInterest(on: outstanding, dailyRate: rate)
            // Clamped so rounding of tiny principals can never push the outstanding below zero.
            let scheduled = Money.max(.zero, payment - interest)
            let share = k == n ? outstanding : Money.min(outstanding, scheduled)
            rows.append(ScheduledInstallment(
                number: k, dueDate: start.adding(months: k), principal: share, interest: interest))
            outstanding -= share
        }
        return rows
    }

    static func equalPrincipal(
        _ principal: Money, _ rate: DailyRate, _ n: Int64, _ start: BusinessDate
    ) -> [ScheduledInstallment] {
        let even = Money(fen: Rounding.halfUp(Int128(principal.fen), over: Int128(n)))
        var rows: [ScheduledInstallment] = []
        var outstanding = principal
        for k in 1...n {
            let interest = monthlyInterest(on: outstanding, dailyRate: rate)
            let share = k == n ? outstanding : Money.min(outstanding, even)
            rows.append(ScheduledInstallment(
                number: k, dueDate: start.adding(months: k), principal: share, interest: interest))
            outstanding -= share
        }
        return rows
    }

    static func interestFirst(
        _ principal: Money, _ rate: DailyRate, _ n: Int64, _ start: BusinessDate
    ) -> [ScheduledInstallment] {
        let interest = monthlyInterest(on: principal, dailyRate: rate)
        return (1...n).map { k in
            ScheduledInstallment(
                number: k, dueDate: start.adding(months: k),
                principal: k == n ? principal : .zero, interest: interest)
        }
    }
}
