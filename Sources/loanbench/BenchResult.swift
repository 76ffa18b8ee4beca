/// One line of the report: a figure (median of repetitions, with spread), its unit, the raw
/// baseline measured in the same run, their ratio and the target, if any.
///
/// `ratio` is always "how fast relative to the baseline" (rate ÷ baseline rate, or baseline
/// time ÷ time), so a higher ratio is better everywhere and a target is a lower bound.
struct BenchResult {
    /// Dotted key naming the figure, e.g. `append.batch100.full`.
    var key: String
    /// What it is, for the table.
    var label: String
    var median: Double
    var min: Double
    var max: Double
    var unit: String
    var repetitions: Int
    var baseline: Double?
    var baselineLabel: String?
    var ratio: Double?
    /// The lower bound the ratio (or, with `targetOnFigure`, the figure) must reach.
    var target: Double?
    /// True when the target bounds the figure from above (a latency), not the ratio.
    var targetIsUpperBoundOnFigure = false
    var note: String?

    init(key: String, label: String, samples: Samples, unit: String, baseline: Samples? = nil,
         baselineLabel: String? = nil, higherIsBetter: Bool = true, target: Double? = nil,
         note: String? = nil)
    {
        self.key = key
        self.label = label
        median = samples.median
        min = samples.min
        max = samples.max
        self.unit = unit
        repetitions = samples.values.count
        self.baselineLabel = baselineLabel
        if let baseline {
            self.baseline = baseline.median
            if higherIsBetter {
                ratio = baseline.median > 0 ? samples.median / baseline.median : nil
            } else {
                ratio = samples.median > 0 ? baseline.median / samples.median : nil
            }
        }
        self.target = target
        self.note = note
    }

    /// Whether the target is met; nil when there is none.
    var targetMet: Bool? {
        guard let target else { return nil }
        if targetIsUpperBoundOnFigure { return median <= target }
        guard let ratio else { return nil }
        return ratio >= target
    }
}
