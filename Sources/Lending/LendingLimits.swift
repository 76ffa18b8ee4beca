/// Every bound of the product, named once (STYLE.md: limits, qualifier last).
public enum LendingLimits {
    /// Smallest disbursement: 10.00 yuan.
    public static let principalMin = Money(fen: 1_000)
    /// Largest disbursement: 200,000.00 yuan.
    public static let principalMax = Money(fen: 20_000_000)
    /// Allowed disbursement terms, in months.
    public static let disbursementTermsMonths: Set<Int64> = [3, 6, 9, 12]
    /// Restructure terms: 3…36 months.
    public static let restructureTermMonthsMin: Int64 = 3
    public static let restructureTermMonthsMax: Int64 = 36
    /// Credit limit: 0.00 … 1,000,000.00 yuan.
    public static let creditLimitMax = Money(fen: 100_000_000)
    /// Grace days: contractual, 0…15, default 3.
    public static let graceDaysMin: Int64 = 0
    public static let graceDaysMax: Int64 = 15
    public static let graceDaysDefault: Int64 = 3
    /// Days in a month for the monthly rate (monthly = daily × 30).
    public static let daysPerMonthForRate: Int64 = 30
    /// Days in a year for the annualised rate.
    public static let daysPerYearForRate: Int64 = 365
    /// Days past due at which a line is closed automatically and write-off becomes allowed.
    public static let dpdLineClose: Int64 = 91
    /// DPD at which a loan moves to the next portfolio aging bucket (31–60, 61–90, 91+).
    public static let agingThresholdsDPD: [Int64] = [31, 61, 91]
    /// Most installments a schedule can hold (restructure maximum).
    public static let installmentCountMax: Int64 = 36
    /// Most money facts (repayments, reversals, waivers…) a single loan may carry; bounds replay.
    public static let moneyFactsPerLoanMax = 100_000
}
