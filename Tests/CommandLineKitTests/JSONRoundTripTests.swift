import CommandLineKit
import Testing

@Suite struct JSONRoundTripTests {
    @Test("Parsing what the writer wrote gives back the value, compact and pretty")
    func roundTrip() throws {
        let seed = testSeed(default: 0x5EED_0001)
        let iterations = testIterations(default: 500)
        print("JSON round trip: seed \(seed), \(iterations) values")
        var generator = JSONValueGenerator(seed: seed)
        let parser = JSONParser()
        for _ in 0..<iterations {
            let value = generator.value(depth: 4)
            for pretty in [false, true] {
                let text = JSONWriter.write(value, pretty: pretty)
                #expect(try parser.parse(text) == value, "seed \(seed): \(text)")
            }
        }
    }

    @Test("Mutated documents never crash or hang the parser, and what it accepts round-trips")
    func fuzz() throws {
        let seed = testSeed(default: 0x5EED_0002)
        let iterations = testIterations(default: 3_000)
        print("JSON fuzz: seed \(seed), \(iterations) mutated documents")
        var generator = JSONValueGenerator(seed: seed)
        let parser = JSONParser(depthMax: 8, byteCountMax: 4_096)
        var acceptedCount = 0
        var rejectedCount = 0
        for _ in 0..<iterations {
            let original = generator.value(depth: 4)
            let pretty = Bool.random(using: &generator.random)
            let bytes = generator.mutate(Array(JSONWriter.write(original, pretty: pretty).utf8))
            // Invalid UTF-8 becomes U+FFFD here, as it would when loanctl reads a file.
            let text = String(decoding: bytes, as: UTF8.self)
            do {
                let value = try parser.parse(text)
                acceptedCount += 1
                let rewritten = JSONWriter.write(value, pretty: false)
                #expect(try parser.parse(rewritten) == value, "seed \(seed): \(text)")
            } catch {
                rejectedCount += 1
                #expect(error.offset >= 0 && error.offset <= text.utf8.count, "seed \(seed)")
            }
        }
        print("JSON fuzz: \(acceptedCount) accepted, \(rejectedCount) rejected")
        // Both paths must be exercised, or the mutations are not testing anything.
        #expect(acceptedCount > 0)
        #expect(rejectedCount > 0)
    }

    @Test("Literals build the same values as the cases")
    func literals() {
        let built: JSONValue = ["a": [1, "x", true], "b": [:]]
        let spelled = JSONValue.object([
            ("a", .array([.integer(1), .string("x"), .bool(true)])), ("b", .object([])),
        ])
        #expect(built == spelled)
        #expect(built["a"]?.arrayValue?.first?.integerValue == 1)
        #expect(built["b"]?.objectValue?.isEmpty == true)
        #expect(built["missing"] == nil)
        #expect(JSONValue.string("s").stringValue == "s")
        #expect(JSONValue.bool(false).boolValue == false)
        #expect(JSONValue.null.stringValue == nil)
    }

    @Test("Objects with the same members in another order are different values")
    func orderMatters() {
        let first: JSONValue = ["a": 1, "b": 2]
        let second: JSONValue = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(JSONValue.integer(1) != .string("1"))
    }
}
