import CommandLineKit
import Foundation

/// The loanctl command tree and its one entry point.
enum LoanCtl {
    /// The groups and their leaf commands, in the order help lists them. Computed: metatypes
    /// of a non-Sendable protocol cannot sit in a global constant under Swift 6.
    static var groups: [(spec: CommandSpec, commands: [any LoanCtlCommand.Type])] {
        [
            (CommandSpec(name: "credit", abstract: "Open, change and inspect credit lines."), [
                CreditOpen.self, CreditAdjust.self, CreditFreeze.self, CreditUnfreeze.self,
                CreditClose.self, CreditReopen.self, CreditShow.self, CreditHistory.self,
            ]),
            (CommandSpec(name: "loan", abstract: "Draw, repay, correct and inspect loans."), [
                LoanDisburse.self, LoanRepay.self, LoanPayoff.self, LoanReverse.self,
                LoanRefund.self, LoanWaivePenalty.self, LoanRestructure.self, LoanWriteOff.self,
                LoanShow.self, LoanHistory.self,
            ]),
            (CommandSpec(name: "collection",
                         abstract: "Record collection actions and list loans to work."), [
                CollectionRecord.self, CollectionQueue.self,
            ]),
            (CommandSpec(name: "dispute", abstract: "Open and resolve disputes on loans."), [
                DisputeOpen.self, DisputeResolve.self,
            ]),
            (CommandSpec(name: "day", abstract: "Run and inspect end-of-day processing."), [
                DayClose.self, DayStatusCommand.self,
            ]),
        ]
    }

    /// Commands that sit directly under the root.
    static var topLevel: [any LoanCtlCommand.Type] {
        [
            Portfolio.self, Investigate.self, Rebuild.self, Verify.self, Export.self,
            Import.self, Demo.self,
        ]
    }

    /// The root of the command tree.
    static let root = CommandSpec(
        name: "loanctl",
        abstract: "Operate a LoanLedger store: credit lines, loans, collection and end of day.",
        discussion: "Exit status: 0 done, 64 bad usage or malformed value, 65 refused by a rule, "
            + "66 not found, 70 bug, 74 storage failure, 75 conflict worth retrying.",
        examples: ["loanctl --db book.sqlite credit show C-1 --json"],
        options: GlobalOptions.all,
        subcommands: groups.map { group in
            CommandSpec(name: group.spec.name, abstract: group.spec.abstract,
                        subcommands: group.commands.map { $0.configuration })
        } + topLevel.map { $0.configuration }
    )

    /// Leaf commands by their path below the root, `loan repay`.
    static var commandsByPath: [String: any LoanCtlCommand.Type] {
        var table: [String: any LoanCtlCommand.Type] = [:]
        for group in groups {
            for command in group.commands {
                table[group.spec.name + " " + command.configuration.name] = command
            }
        }
        for command in topLevel {
            table[command.configuration.name] = command
        }
        return table
    }

    /// Parses the command line, runs the command, prints, and returns the exit status.
    static func main(arguments: [String], environment: [String: String]) -> ExitCode {
        let outcome: ParseOutcome
        do {
            outcome = try CommandLineParser.parse(arguments, root: root, environment: environment)
        } catch {
            return report(CommandFailure(error, usage: error.usage))
        }
        switch outcome {
        case .help(let text):
            do {
                try Output.standardOutput(text)
            } catch {
                return report(CommandFailure(error, usage: nil))
            }
            return .success
        case .usageError(let help):
            Output.standardError("loanctl: missing command — choose one of the commands below\n"
                                 + help)
            return .usage
        case .command(let parsed):
            return execute(parsed, environment: environment)
        }
    }

    private static func execute(
        _ parsed: ParsedCommand, environment: [String: String]
    ) -> ExitCode {
        guard let command = commandsByPath[parsed.path.joined(separator: " ")] else {
            preconditionFailure("no command registered for '\(parsed.commandName)'")
        }
        do {
            let invocation = try Invocation(parsed: parsed, environment: environment)
            let validated = try command.init(validating: invocation)
            let output = try validated.run(invocation)
            if output.isAlreadyWritten {
                // Streamed by the command.
            } else if invocation.isJSON {
                let document = JSONWriter.write(output.json, pretty: true)
                try Output.standardOutput(document.hasSuffix("\n") ? document : document + "\n")
            } else {
                try Output.standardOutput(output.text)
            }
            if let failure = output.failure {
                return report(failure)
            }
            return .success
        } catch {
            return report(CommandFailure(error, usage: parsed.usage))
        }
    }

    private static func report(_ failure: CommandFailure) -> ExitCode {
        var text = "loanctl: \(failure.message)\n"
        if failure.exitCode == .usage, let usage = failure.usage {
            text += usage + "\n"
        }
        Output.standardError(text)
        return failure.exitCode
    }
}
