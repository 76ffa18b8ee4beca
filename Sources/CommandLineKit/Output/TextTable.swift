/// A plain-text table: a header row and data rows in aligned columns.
///
/// Columns are separated by two spaces and sized to their widest cell, counted in Unicode
/// scalars (so East Asian wide characters count as one column each). Right-aligned columns
/// suit amounts. No line has trailing spaces, and control characters in cells (a newline in
/// a note, say) are shown as spaces so that one row stays one line.
///
/// ```swift
/// var table = TextTable(columns: [
///     .init("LOAN"), .init("DPD", alignment: .right), .init("OVERDUE", alignment: .right),
/// ])
/// table.append(["L-7", "12", "899.75"])
/// print(table.render(), terminator: "")
/// // LOAN  DPD  OVERDUE
/// // L-7    12   899.75
/// ```
public struct TextTable: Sendable, Equatable {
    /// Where a cell sits in its column.
    public enum Alignment: Sendable, Equatable {
        /// Padded on the right (text).
        case left
        /// Padded on the left (numbers and amounts).
        case right
    }

    /// A column's header and alignment; the header is aligned like the cells.
    public struct Column: Sendable, Equatable {
        /// The header cell.
        public let title: String
        /// The alignment of the header and the cells.
        public let alignment: Alignment

        /// Declares a column.
        ///
        /// - Parameters:
        ///   - title: The header cell.
        ///   - alignment: `.left` by default.
        public init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public let columns: [Column]
    /// The data rows appended so far, each with one cell per column.
    public private(set) var rows: [[String]] = []

    /// Creates an empty table.
    ///
    /// - Parameter columns: At least one column.
    public init(columns: [Column]) {
        precondition(!columns.isEmpty, "a table needs at least one column")
        self.columns = columns
    }

    /// Appends a data row.
    ///
    /// Precondition: `cells` has one cell per column.
    ///
    /// - Parameter cells: The cells, left to right.
    public mutating func append(_ cells: [String]) {
        precondition(cells.count == columns.count,
                     "row has \(cells.count) cells for \(columns.count) columns")
        rows.append(cells.map(TextTable.singleLine))
    }

    /// The table as text: the header, then the rows, each line ending with a newline.
    ///
    /// - Returns: The rendered lines.
    /// - Complexity: O(*n*) in the total size of the cells.
    public func render() -> String {
        let lines = [columns.map(\.title)] + rows
        var widths = [Int](repeating: 0, count: columns.count)
        for line in lines {
            for (index, cell) in line.enumerated() {
                widths[index] = max(widths[index], cell.unicodeScalars.count)
            }
        }
        var output = ""
        for line in lines {
            var text = ""
            for (index, cell) in line.enumerated() {
                let padCount = widths[index] - cell.unicodeScalars.count
                let padding = String(repeating: " ", count: padCount)
                text += index == 0 ? "" : "  "
                text += columns[index].alignment == .left ? cell + padding : padding + cell
            }
            output += TextTable.trimmingTrailingSpaces(text) + "\n"
        }
        return output
    }

    static func singleLine(_ cell: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in cell.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            scalars.append(isControl ? " " : scalar)
        }
        return String(scalars)
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var scalars = line.unicodeScalars
        while scalars.last == " " {
            scalars.removeLast()
        }
        return String(scalars)
    }
}
