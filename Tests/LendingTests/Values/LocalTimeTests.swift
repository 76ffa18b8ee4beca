import Testing
import Lending

@Suite struct LocalTimeTests {
    struct OffsetCase: Sendable, CustomTestStringConvertible {
        var text: String
        var shanghai: String
        var testDescription: String { text }
    }

    @Test("Times with any offset convert to Shanghai (UTC+8), across Shanghai midnight",
          arguments: [
              OffsetCase(text: "2026-03-05T10:30:00+08:00", shanghai: "2026-03-05T10:30:00+08:00"),
              OffsetCase(text: "2026-03-05T23:30:00-05:00", shanghai: "2026-03-06T12:30:00+08:00"),
              OffsetCase(text: "2026-03-05T10:59:59-05:00", shanghai: "2026-03-05T23:59:59+08:00"),
              OffsetCase(text: "2026-03-05T11:00:00-05:00", shanghai: "2026-03-06T00:00:00+08:00"),
              OffsetCase(text: "2026-03-05T15:59:59Z", shanghai: "2026-03-05T23:59:59+08:00"),
              OffsetCase(text: "2026-03-05T16:00:00Z", shanghai: "2026-03-06T00:00:00+08:00"),
              OffsetCase(text: "2026-03-06T00:30:00+09:00", shanghai: "2026-03-05T23:30:00+08:00"),
              OffsetCase(text: "2026-02-28T20:00:00.250-05:00",
                         shanghai: "2026-03-01T09:00:00+08:00"),
              OffsetCase(text: "2024-02-28T16:00:00z", shanghai: "2024-02-29T00:00:00+08:00"),
          ])
    func conversion(_ example: OffsetCase) throws {
        let time = try LocalTime(rfc3339: example.text, field: "at")
        #expect(time.description == example.shanghai)
    }

    @Test("Malformed times are rejected", arguments: [
        "2026-03-05T10:30:00", "2026-03-05 10:30:00+08:00", "2026-03-05T24:00:00+08:00",
        "2026-03-05T10:60:00+08:00", "2026-02-30T10:00:00+08:00", "2026-03-05T10:30:00+0800",
        "2026-03-05T10:30:00.+08:00", "", "2026-03-05T10:30:00+24:00",
    ])
    func rejected(text: String) {
        #expect(throws: LendingError.self) { try LocalTime(rfc3339: text, field: "at") }
    }

    @Test("Minute of day and the Shanghai date come from the converted instant")
    func parts() throws {
        let time = try LocalTime(rfc3339: "2026-03-05T13:05:07Z", field: "at")
        #expect(time.date.description == "2026-03-05")
        #expect(time.minuteOfDay == 21 * 60 + 5)
        #expect(time.second == 7)
        #expect(LocalTime(unixSeconds: time.unixSeconds) == time)
    }
}
