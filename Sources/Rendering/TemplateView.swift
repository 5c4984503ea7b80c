import Mustache

/// A value templates look into: `field(_:)` answers `{{name}}`. Strings are handed to Mustache as
/// `TemplateText`, which its renderer recognises at the first of the dynamic casts it tries on
/// every value (see `TemplateText`).
protocol TemplateView: MustacheParent {
    func field(_ name: String) -> Any?
}

extension TemplateView {
    public func child(named name: String) -> Any? {
        let value = field(name)
        // A cast to a concrete type compares metadata; no conformance lookup.
        if let text = value as? String { return TemplateText(text: text) }
        return value
    }
}

/// A string as templates see it. swift-mustache tells what a value is by dynamic casts to its
/// protocols, each a lookup in the runtime's conformance cache: a plain `String` fails three of
/// them before it is printed with `String(describing:)` (a few more), and a section on one
/// (`{{#speaker}}…{{/speaker}}`) puts it on the context stack, where every lookup inside reflects
/// on it with `Mirror`. This stops at the first cast and answers lookups with nil. Rendering
/// quotation and entity lists, which is most of a cold build, is nearly all such lookups.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable {
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    /// `{{uppercased(x)}}` and the rest, as for a String.
    func transform(_ name: String) -> Any? { text.transform(name) }
}
