import ArchiveModel

/// What the server knows of the last rebuild: the errors of a failed one (empty after a good one)
/// and a version that changes with every rebuild, for ETags of pages whose overlay may change.
actor PreviewState {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var version = 0

    func record(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
        version += 1
    }
}
