import Foundation

// The whole program: parse, run, print, exit with the status of CLI.md's table.
let status = LoanCtl.main(arguments: Array(CommandLine.arguments.dropFirst()),
                          environment: ProcessInfo.processInfo.environment)
exit(status.rawValue)
