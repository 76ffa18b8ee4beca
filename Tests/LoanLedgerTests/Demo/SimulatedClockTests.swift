import Lending
import LoanLedger
import Testing

@Suite struct SimulatedClockTests {
    @Test("A simulated clock answers the instant it was moved to")
    func advances() {
        let day = BusinessDate(year: 2026, month: 3, day: 5)
        let clock = SimulatedClock(start: LocalTime(date: day, minuteOfDay: 9 * 60))
        // 09:00 Shanghai is 01:00 UTC.
        #expect(clock.nowMicroseconds() == (day.daysSinceEpoch * 86_400 + 3_600) * 1_000_000)
        clock.advance(to: LocalTime(date: day, minuteOfDay: 23 * 60))
        #expect(LocalTime(unixSeconds: clock.nowMicroseconds() / 1_000_000).description
                == "2026-03-05T23:00:00+08:00")
        clock.advance(to: clock.nowMicroseconds())
        #expect(clock.nowMicroseconds() == (day.daysSinceEpoch * 86_400 + 15 * 3_600) * 1_000_000)
    }

    @Test("A simulated clock never runs backwards")
    func refusesBackwards() async {
        await #expect(processExitsWith: .failure) {
            let clock = SimulatedClock(microseconds: 1_000_000)
            clock.advance(to: 999_999)
        }
    }
}
