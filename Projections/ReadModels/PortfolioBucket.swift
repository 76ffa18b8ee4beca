import Lending

/// Aging buckets of the portfolio: current (within grace included), 1–30, 31–60, 61–90, 91+.
public enum PortfolioBucket: String, Sendable, Hashable, CaseIterable, Codable {
    case current
    case dpd1to30 = "1-30"
    case dpd31to60 = "31-60"
    case dpd61to90 = "61-90"
    case dpd91plus = "91+"

    /// The bucket of a loan: current while nothing is overdue beyond grace, else by DPD.
    public static func of(dpd: Int64, isOverdue: Bool) -> PortfolioBucket {
        guard isOverdue, dpd > 0 else { return .current }
        switch dpd {
        case ...30: return .dpd1to30
        case 31...60: return .dpd31to60
        case 61...90: return .dpd61to90
        default: return .dpd91plus
        }
    }

    /// DPD values at which a loan moves to the next bucket.
    public static let thresholdsDPD: [Int64] = [31, 61, 91]
}
