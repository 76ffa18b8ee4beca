import CommandLineKit
import Testing

@Suite struct TextTableTests {
    @Test("Columns align left or right with no trailing spaces")
    func alignment() {
        var table = TextTable(columns: [
            .init("LOAN"), .init("STAGE"), .init("DPD", alignment: .right),
            .init("OVERDUE", alignment: .right), .init("NOTE"),
        ])
        table.append(["L-7", "m1", "12", "899.75", ""])
        table.append(["L-1234", "current", "0", "0.00", "called"])
        table.append(["借款-9", "m3", "95", "120000.00", ""])
        let expected = """
            LOAN    STAGE    DPD    OVERDUE  NOTE
            L-7     m1        12     899.75
            L-1234  current    0       0.00  called
            借款-9    m3        95  120000.00

            """
        #expect(table.render() == expected)
    }

    @Test("A header alone renders one line, and a wide header sets the width")
    func headerOnly() {
        let table = TextTable(columns: [.init("A"), .init("AMOUNT", alignment: .right)])
        #expect(table.render() == "A  AMOUNT\n")
        var withRow = table
        withRow.append(["x", "1.00"])
        #expect(withRow.render() == "A  AMOUNT\nx    1.00\n")
    }

    @Test("Control characters in cells become spaces so a row stays one line")
    func controlCharacters() {
        var table = TextTable(columns: [.init("NOTE"), .init("N", alignment: .right)])
        table.append(["two\nlines\tand tab", "1"])
        #expect(table.render() == "NOTE" + String(repeating: " ", count: 15) + "N\n"
                + "two lines and tab  1\n")
    }
}

@Suite struct KeyValueBlockTests {
    @Test("Values align after the widest key")
    func alignment() {
        var block = KeyValueBlock()
        block.append("loan", "L-7")
        block.append("outstandingPrincipal", "899.75")
        block.append("closedOn", "")
        #expect(block.render() == """
            loan:                 L-7
            outstandingPrincipal: 899.75
            closedOn:

            """)
    }

    @Test("An indented block nests under a heading; an empty block renders nothing")
    func indentAndEmpty() {
        var block = KeyValueBlock(indent: 2)
        block.append("principal", "10.00")
        block.append("total", "12.50")
        #expect(block.render() == "  principal: 10.00\n  total:     12.50\n")
        #expect(KeyValueBlock().render() == "")
    }
}
