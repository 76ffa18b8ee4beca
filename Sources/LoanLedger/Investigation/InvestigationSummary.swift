import Lending

/// The few sentences that open a dispute file.
enum InvestigationSummary {
    static func sentences(_ story: Investigation, record: LoanRecord, asOf: BusinessDate?)
        -> [String]
    {
        let c = story.contract
        var lines = [
            "Loan \(story.loan) of customer \(story.customer): \(c.principal) disbursed on "
                + "\(c.disbursedOn), \(c.method) over \(c.termMonths) months at \(c.dailyRate) "
                + "a day, grace \(c.graceDays) days.",
        ]
        if let asOf, asOf >= c.disbursedOn {
            let now = record.statement(asOf: asOf)
            lines.append("As of \(asOf) (last closed day) it is \(now.status.rawValue): "
                         + "outstanding principal \(now.outstandingPrincipal), DPD \(now.dpd).")
        }
        let backdated = story.entries.filter(\.isBackdated).count
        lines.append("\(story.entries.count) events; \(backdated) recorded after the close of "
                     + "the day they correct or take effect on.")
        if !story.collectionActions.isEmpty {
            lines.append("\(story.collectionActions.count) collection actions: "
                         + channelCounts(story.collectionActions) + ".")
        }
        lines += differenceSentences(story)
        lines += disputeSentences(story)
        return lines
    }

    private static func channelCounts(_ actions: [Investigation.Entry]) -> String {
        var counts: [(String, Int)] = []
        for channel in ContactChannel.allCases {
            let count = actions.filter { $0.sentence.hasPrefix("Collection \(channel) ") }.count
            if count > 0 { counts.append((channel.rawValue, count)) }
        }
        return counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
    }

    private static func differenceSentences(_ story: Investigation) -> [String] {
        guard !story.timeline.isEmpty else {
            return ["No business day of this loan has been closed yet: nothing to compare."]
        }
        guard !story.differences.isEmpty else {
            return ["What we knew at each day's close matches what we know now."]
        }
        let days = story.differences.map(\.days.count).reduce(0, +)
        let runs = story.differences.map { run in
            let span = run.from == run.through ? "\(run.from)" : "\(run.from) – \(run.through)"
            return "\(span) (\(run.fields.joined(separator: ", ")))"
        }
        var lines = ["What we knew then differs from what we know now on "
            + (days == 1 ? "1 day: " : "\(days) days: ")
            + runs.joined(separator: "; ") + "."]
        for run in story.differences {
            let thenDPD = run.days.map(\.knownThen.dpd).max() ?? 0
            let nowDPD = run.days.map(\.knownNow.dpd).max() ?? 0
            let thenPenalty = run.days.last?.knownThen.penaltyAccrued ?? .zero
            let nowPenalty = run.days.last?.knownNow.penaltyAccrued ?? .zero
            var sentence = "From \(run.from) to \(run.through) we knew DPD up to \(thenDPD) and "
                + "penalty \(thenPenalty); we now know DPD up to \(nowDPD) and penalty "
                + "\(nowPenalty)"
            if let fact = run.explanations.first {
                sentence += ", because of a fact recorded on \(fact.recordedAtText) effective "
                    + "\(fact.effectiveDate): \(fact.sentence)"
            } else {
                sentence += "."
            }
            lines.append(sentence)
        }
        let closedAt91 = story.entries.contains {
            $0.type == "CreditLineClosed" && $0.sentence.contains("\(story.loan) reached 91")
        }
        let maxNow = story.timeline.map(\.knownNow.dpd).max() ?? 0
        if closedAt91, maxNow < 91 {
            lines.append("The line was closed automatically at DPD 91, but as known now this loan "
                         + "never reached DPD 91: the line stays closed until reopened by hand.")
        }
        return lines
    }

    private static func disputeSentences(_ story: Investigation) -> [String] {
        story.entries.compactMap { entry in
            switch entry.type {
            case "DisputeOpened":
                let why = entry.reason.map { ": \($0)" } ?? ""
                return "Dispute opened on \(entry.effectiveDate) by \(entry.actor)\(why)."
            case "DisputeResolved":
                return "On \(entry.effectiveDate): " + entry.sentence
            default:
                return nil
            }
        }
    }
}
