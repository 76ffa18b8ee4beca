/// Renders help text for any command of a ``CommandSpec`` tree.
///
/// The layout is fixed so that tests can pin it byte for byte:
///
/// ```
/// usage: loanctl loan repay LOAN --amount A --on D --ref REF [--channel C] [options]
///
/// Record a repayment.
///
/// Arguments:
///   LOAN             The loan identifier.
///
/// Options:
///   --amount A       The amount paid, in yuan with two decimals.
///   -h, --help       Show this help.
///
/// Global options:
///   --db PATH        The store to use. (env: LOANCTL_DB; default: loanledger.sqlite)
/// ```
///
/// Sections, each present only when not empty: usage, abstract, discussion, `Arguments:`,
/// `Options:` (the command's own, then `-h, --help`), `Commands:`, `Global options:` (inherited
/// from parent commands), `Examples:`. Labels share one column, at most
/// ``labelWidthMax`` wide (a longer label puts its text on the next line); text wraps at
/// ``lineWidthMax`` columns; the result ends with one newline and has no trailing spaces.
public enum HelpFormatter {
    /// The column at which help text wraps.
    public static let lineWidthMax = 100
    /// The widest label column; longer labels push their text to the next line.
    public static let labelWidthMax = 24

    private struct Row {
        let label: String
        let text: String
    }

    /// The help text of the command at `path` below `root`.
    ///
    /// Precondition: every name in `path` is a subcommand of the one before it.
    ///
    /// - Parameters:
    ///   - path: Command names below the root, such as `["loan", "repay"]`; empty for the root.
    ///   - root: The root of the command tree.
    /// - Returns: The help text, ending with a newline.
    public static func help(path: [String], root: CommandSpec) -> String {
        help(for: CommandChain(root: root, path: path))
    }

    /// The usage line of the command at `path` below `root`, as carried by ``UsageError``.
    ///
    /// - Parameters:
    ///   - path: Command names below the root; empty for the root.
    ///   - root: The root of the command tree.
    /// - Returns: One line starting with `usage: `, without a newline.
    public static func usage(path: [String], root: CommandSpec) -> String {
        CommandChain(root: root, path: path).usageLine
    }

    static func help(for chain: CommandChain) -> String {
        let command = chain.current
        let sections: [(title: String, rows: [Row])] = [
            ("Arguments:", command.arguments.map { Row(label: $0.name, text: $0.help) }),
            ("Options:", command.options.map(row(for:))
                + [Row(label: "-h, --help", text: "Show this help.")]),
            ("Commands:", command.subcommands.map { Row(label: $0.name, text: $0.abstract) }),
            ("Global options:", chain.inheritedOptions.map(row(for:))),
        ].filter { !$0.rows.isEmpty }
        let labelWidth = min(
            labelWidthMax,
            sections.flatMap(\.rows).map(\.label.unicodeScalars.count).max() ?? 0
        )
        var blocks: [[String]] = [TextWrapper.wrap(chain.usageLine, width: lineWidthMax)]
        if !command.abstract.isEmpty {
            blocks.append(TextWrapper.wrap(command.abstract, width: lineWidthMax))
        }
        if !command.discussion.isEmpty {
            let lines = command.discussion.split(separator: "\n", omittingEmptySubsequences: false)
            blocks.append(lines.flatMap { TextWrapper.wrap(String($0), width: lineWidthMax) })
        }
        for section in sections {
            blocks.append([section.title] + section.rows.flatMap { lines(for: $0, labelWidth) })
        }
        if !command.examples.isEmpty {
            blocks.append(["Examples:"] + command.examples.map { "  " + $0 })
        }
        return blocks.map { $0.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    private static func row(for option: OptionSpec) -> Row {
        var notes: [String] = []
        if let variable = option.environmentVariable {
            notes.append("env: \(variable)")
        }
        if let value = option.defaultValue {
            notes.append("default: \(value)")
        }
        let suffix = notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")"
        return Row(label: CommandChain.synopsis(of: option), text: option.help + suffix)
    }

    /// `  LABEL  text…`, the text wrapped in its column; a label wider than the column stands on
    /// its own line.
    private static func lines(for row: Row, _ labelWidth: Int) -> [String] {
        let textIndent = 2 + labelWidth + 2
        let wrapped = TextWrapper.wrap(row.text, width: lineWidthMax - textIndent)
        let pad = String(repeating: " ", count: textIndent)
        let label = "  " + row.label
        if row.text.isEmpty {
            return [label]
        }
        if row.label.unicodeScalars.count > labelWidth {
            return [label] + wrapped.map { pad + $0 }
        }
        let first = TextWrapper.padded(label, to: textIndent) + wrapped[0]
        return [first] + wrapped.dropFirst().map { pad + $0 }
    }
}
