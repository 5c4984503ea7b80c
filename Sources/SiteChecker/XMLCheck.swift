import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Well-formedness of an XML file, by libxml2 through Foundation's `XMLParser`.
enum XMLCheck {
    struct Problem: Sendable {
        var line: Int
        var column: Int
        var message: String
    }

    /// The first well-formedness error in `data`, or nil when the document is well-formed.
    static func problem(in data: Data) -> Problem? {
        let parser = XMLParser(data: data)
        let delegate = Delegate()
        parser.delegate = delegate
        if parser.parse() {
            // libxml2 through XMLParser accepts a document cut off before its root element closes.
            guard delegate.depth != 0 || delegate.elements == 0 else { return nil }
            let lines = data.reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
            return Problem(
                line: lines, column: 1,
                message: delegate.elements == 0 ? "no root element" : "the file ends before its root element closes")
        }
        let error = parser.parserError as NSError?
        let reason = delegate.message ?? error?.localizedDescription ?? "the parser stopped"
        return Problem(
            line: delegate.line ?? parser.lineNumber, column: delegate.column ?? parser.columnNumber,
            message: reason.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var message: String?
        var line: Int?
        var column: Int?
        /// Elements open now, and elements seen.
        var depth = 0
        var elements = 0

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            depth += 1
            elements += 1
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            depth -= 1
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard message == nil else { return }
            message = (parseError as NSError).localizedDescription
            line = parser.lineNumber
            column = parser.columnNumber
        }
    }
}
