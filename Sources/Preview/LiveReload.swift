import ArchiveModel
import Rendering

/// What a rebuild tells the open pages.
public enum ReloadEvent: String, Sendable {
    /// Reload the page (content, templates or an error changed).
    case reload
    /// Only stylesheets changed: swap them without a reload.
    case css
}

/// Fans out reload events to every page listening on the Server-Sent Events endpoint.
actor LiveReload {
    private var listeners: [Int: AsyncStream<ReloadEvent>.Continuation] = [:]
    private var next = 0

    /// A stream of events for one listener, with its id, removed when the listener goes away.
    func subscribe() -> (Int, AsyncStream<ReloadEvent>) {
        let (stream, continuation) = AsyncStream<ReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = next
        next += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        return (id, stream)
    }

    /// Ends one listener's stream (on shutdown).
    func end(_ id: Int) {
        listeners[id]?.finish()
        listeners[id] = nil
    }

    func send(_ event: ReloadEvent) {
        for listener in listeners.values { listener.yield(event) }
    }

    private func remove(_ id: Int) {
        listeners[id] = nil
    }

    /// The script `serve` adds to every HTML page (never present in `build` output).
    static func script(endpoint: String) -> String {
        """
        <script data-broadsheet-live-reload>
        (() => {
          const source = new EventSource("\(endpoint)");
          source.addEventListener("reload", () => location.reload());
          source.addEventListener("css", () => {
            for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
              const url = new URL(link.href);
              url.searchParams.set("broadsheet", Date.now());
              link.href = url.toString();
            }
          });
        })();
        </script>
        """
    }

    /// The overlay shown on every page while the last rebuild failed.
    static func overlay(_ diagnostics: [Diagnostic]) -> String {
        let lines = diagnostics.map { HTMLEscaping.escape($0.description) }.joined(separator: "\n")
        return """
            <div id="broadsheet-error-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;\
            background:rgba(20,20,24,.94);color:#ffd7d7;font:14px/1.5 ui-monospace,monospace;padding:2rem;overflow:auto">
            <h2 style="color:#fff;font:bold 18px system-ui,sans-serif;margin:0 0 1rem">The last rebuild failed; \
            this is the previous site.</h2><pre style="white-space:pre-wrap">\(lines)</pre>
            <p style="font-family:system-ui,sans-serif;color:#ccc">Fix the file and save: the page reloads \
            by itself.</p></div>
            """
    }
}
