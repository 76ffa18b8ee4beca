/// Greedy word wrapping, measured in Unicode scalars.
enum TextWrapper {
    /// Wraps one line at `width` columns; continuation lines keep the line's own indentation.
    /// A word longer than the width stands alone on its line rather than being cut.
    static func wrap(_ line: String, width: Int) -> [String] {
        let indentCount = line.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount)
        let words = line.split(separator: " ")
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = indent
        var currentWidth = indentCount
        for word in words {
            let wordWidth = word.unicodeScalars.count
            if currentWidth > indentCount && currentWidth + 1 + wordWidth > width {
                lines.append(current)
                current = indent
                currentWidth = indentCount
            }
            if currentWidth > indentCount {
                current += " "
                currentWidth += 1
            }
            current += word
            currentWidth += wordWidth
        }
        lines.append(current)
        return lines
    }

    /// Pads `text` with spaces on the right to `width` scalars.
    static func padded(_ text: String, to width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : text + String(repeating: " ", count: width - count)
    }
}
