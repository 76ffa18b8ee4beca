import Lending

/// Shared builders for the collection tests (namespaced: the test target is shared).
enum CollectionFixture {
    static let loan = LoanID(validated: "L-7")
    static let wang = ActorID(validated: "ops.wang")
    static let li = ActorID(validated: "ops.li")
    static let zhao = ActorID(validated: "ops.zhao")

    /// A date from `YYYY-MM-DD`.
    static func date(_ text: String) -> BusinessDate {
        do { return try BusinessDate(parsing: text, field: "date") } catch {
            fatalError("bad fixture date \(text): \(error)")
        }
    }

    /// A Shanghai time from RFC 3339.
    static func time(_ text: String) -> LocalTime {
        do { return try LocalTime(rfc3339: text, field: "at") } catch {
            fatalError("bad fixture time \(text): \(error)")
        }
    }

    /// A request on ``loan`` at 10:30 Shanghai on 2026-03-05 by ``wang`` unless told otherwise.
    static func request(
        _ channel: ContactChannel, at: String = "2026-03-05T10:30:00+08:00",
        actors: [ActorID] = [wang]
    ) -> CollectionActionRequest {
        CollectionActionRequest(loanId: loan, channel: channel, at: time(at), actors: actors)
    }

    /// Facts of an open, undisputed loan at `stage` with nothing else against it.
    static func facts(
        stage: CollectionStage = .late, overdueAmount: Money = .yuan(30_000),
        loanIsClosed: Bool = false, disputeOpen: Bool = false, calls: Int = 0,
        endedEpisodes: Int = 0, dpd: Int64? = nil
    ) -> ComplianceFacts {
        ComplianceFacts(
            stage: stage, overdueAmount: overdueAmount, loanIsClosed: loanIsClosed,
            disputeOpen: disputeOpen, callsOnSameShanghaiDay: calls,
            endedOverdueEpisodes: endedEpisodes, dpd: dpd)
    }

    /// The rule `check` refuses with, or nil when it allows the request.
    static func refusedRule(
        _ request: CollectionActionRequest, _ facts: ComplianceFacts,
        policy: CollectionPolicy = .standard
    ) -> String? {
        do {
            try Compliance.check(request, facts: facts, policy: policy)
            return nil
        } catch {
            guard case .refused(let rule, _) = error else { return "unexpected \(error)" }
            return rule
        }
    }

    /// The full description of the refusal, or nil when allowed.
    static func refusal(
        _ request: CollectionActionRequest, _ facts: ComplianceFacts,
        policy: CollectionPolicy = .standard
    ) -> String? {
        do {
            try Compliance.check(request, facts: facts, policy: policy)
            return nil
        } catch {
            return error.description
        }
    }
}
