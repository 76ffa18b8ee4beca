import Testing
import Lending

@Suite struct ScheduleBuilderTests {
    @Test("Equal-installment worked example: 10,000.00 over 12 at 0.0004 gives A = 899.75")
    func workedExample() {
        let rows = Fixture.contract().schedule
        #expect(rows.count == 12)
        #expect(rows[0].total == Fixture.yuan("899.75"))
        #expect(rows[0].interest == Fixture.yuan("120.00"))
        #expect(rows[0].principal == Fixture.yuan("779.75"))
        #expect(rows.map(\.principal).sum() == Fixture.yuan("10000"))
        for row in rows.dropLast() { #expect(row.total == Fixture.yuan("899.75")) }
    }
}
