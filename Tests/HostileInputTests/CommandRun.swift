import Foundation
import TestSupport

/// The `broadsheet` binary that `swift test` built beside the tests, run as a user would run it.
enum Broadsheet {
    /// `.build/<triple>/debug/broadsheet`, next to the test bundle.
    static let binary: URL = {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // The test binary is inside `BroadsheetPackageTests.xctest` on some platforms.
        while folder.path != "/"
            && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("broadsheet").path)
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("broadsheet")
    }()

    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `broadsheet` with `arguments` in `folder`; `asNobody` runs it as the unprivileged user
    /// `nobody` when the tests run as root (permissions mean nothing to root).
    @discardableResult
    static func run(_ arguments: [String], in folder: URL, asNobody: Bool = false) throws -> Run {
        let process = Process()
        if asNobody && getuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", binary.path] + arguments
        } else {
            process.executableURL = binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both to their ends before waiting, so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            errors: String(decoding: errData, as: UTF8.self))
    }
}

/// Every file under a folder with its bytes (a link as where it leads), to compare a folder before
/// and after a run.
struct FolderSnapshot: Equatable {
    var files: [String: Data]

    /// `ignoringContentOf`: names whose bytes may change (the lock file holds the last builder's
    /// process id); they must still exist.
    init(_ folder: URL, ignoringContentOf ignored: Set<String> = []) {
        files = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: folder.path) else { return }
        while let relative = walker.nextObject() as? String {
            let path = folder.appendingPathComponent(relative).path
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                files[relative] = Data(("link:" + target).utf8)
                continue
            }
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let name = (relative as NSString).lastPathComponent
            files[relative] =
                ignored.contains(name) ? Data() : manager.contents(atPath: path) ?? Data("unreadable".utf8)
        }
    }
}
