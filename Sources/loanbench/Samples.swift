/// Repeated measurements of one figure: the median is reported, min and max give the spread.
struct Samples {
    private(set) var values: [Double] = []

    mutating func add(_ value: Double) { values.append(value) }

    var median: Double {
        precondition(!values.isEmpty, "a figure needs at least one sample")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var min: Double { values.min() ?? 0 }
    var max: Double { values.max() ?? 0 }

    /// The value at `fraction` (0…1) of the sorted samples, nearest rank.
    func percentile(_ fraction: Double) -> Double {
        precondition(!values.isEmpty, "a percentile needs at least one sample")
        let sorted = values.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[Swift.max(0, Swift.min(sorted.count - 1, rank))]
    }
}
