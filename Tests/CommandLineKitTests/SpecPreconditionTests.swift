import CommandLineKit
import Testing

/// Mistakes in a command tree are programmer errors: they trap at once rather than parse oddly.
@Suite struct SpecPreconditionTests {
    @Test("An option name that is not kebab-case traps")
    func optionNameNotKebabCase() async {
        await #expect(processExitsWith: .failure) {
            _ = OptionSpec.flag("asOf", help: "Bad name.")
        }
    }

    @Test("'--help' cannot be declared")
    func helpIsReserved() async {
        await #expect(processExitsWith: .failure) {
            _ = OptionSpec.flag("help", help: "Reserved.")
        }
    }

    @Test("A required option with a default traps")
    func requiredWithDefault() async {
        await #expect(processExitsWith: .failure) {
            _ = OptionSpec.value("on", valueName: "D", help: "Date.", isRequired: true,
                                 defaultValue: "2026-01-01")
        }
    }

    @Test("A required argument after an optional one traps")
    func requiredAfterOptional() async {
        await #expect(processExitsWith: .failure) {
            _ = CommandSpec(name: "x", abstract: "X.", arguments: [
                ArgumentSpec(name: "A", help: "A.", isOptional: true),
                ArgumentSpec(name: "B", help: "B."),
            ])
        }
    }

    @Test("A command redeclaring an inherited option traps when parsed")
    func redeclaredInheritedOption() async {
        await #expect(processExitsWith: .failure) {
            let child = CommandSpec(name: "child", abstract: "Child.",
                                    options: [.flag("json", help: "Again.")])
            let root = CommandSpec(name: "tool", abstract: "Tool.",
                                   options: [.flag("json", help: "Once.")], subcommands: [child])
            _ = try? CommandLineParser.parse(["child"], root: root, environment: [:])
        }
    }

    @Test("A well-formed tree builds and parses")
    func wellFormed() throws {
        let root = CommandSpec(name: "tool", abstract: "Tool.", arguments: [
            ArgumentSpec(name: "A", help: "A."),
            ArgumentSpec(name: "B", help: "B.", isOptional: true),
        ])
        let outcome = try CommandLineParser.parse(["a"], root: root, environment: [:])
        guard case let .command(parsed) = outcome else {
            Issue.record("expected a command, got \(outcome)")
            return
        }
        #expect(parsed.positionals == ["A": "a"])
    }
}
