import ArgumentParser
import Logging

/// The `broadsheet` command: thin commands over the SiteBuilder and ContentReader modules.
@main
struct Broadsheet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broadsheet",
        abstract: "Build a browsable website from an archive of news articles.",
        subcommands: [BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, ExtractCommand.self],
        defaultSubcommand: BuildCommand.self)

    /// ArgumentParser's entry point, after the allocator is set up (`HeapTuning`).
    static func main() async {
        HeapTuning.growHeapsInLargeSteps()
        await main(nil)
    }
}
