import Foundation
import Mustache
import Rendering

// What swift-mustache costs per tag, on views built the way Broadsheet's are (Rendering's
// `TemplateView`s answer a lookup at the first protocol cast, strings come back as a type the
// renderer recognises at once, text is escaped by `HTMLEscaping`). Renders a list of 1,000 items 200 times per case and prints the
// time per item and per tag; the best of three rounds.
//
//     swift run -c release broadsheet-template-bench

/// A string as Rendering's `TemplateText` hands it over: printed as it is, no fields.
struct Text: MustacheCustomRenderable, MustacheParent {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
}

/// A list item with two fields, as `LinkView`.
struct Item: MustacheParent {
    let label: String
    let url: String

    func child(named name: String) -> Any? {
        switch name {
        case "label": return Text(text: label)
        case "url": return Text(text: url)
        default: return nil
        }
    }
}

/// The page: the list, and a site-wide value found only at the bottom of the stack.
struct Page: MustacheParent {
    let items: [Item]

    func child(named name: String) -> Any? {
        switch name {
        case "items": return items
        case "siteTitle": return Text(text: "Bench")
        default: return nil
        }
    }
}

/// Escaping as Broadsheet's templates do it (Rendering's `FastHTMLContentType`).
struct Escaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
MustacheContentTypes.register(Escaping(), named: "BENCH_HTML")

let page = Page(items: (0..<1000).map { Item(label: "Label \($0)", url: "/articles/item-\($0)/") })
let rounds = 200
let cases: [(name: String, tags: Int, template: String)] = [
    ("text only (the section's own cost)", 0, "{{#items}}<li>x</li>{{/items}}"),
    ("two fields, escaped", 2, "{{#items}}<li><a href=\"{{url}}\">{{label}}</a></li>{{/items}}"),
    ("two fields, unescaped", 2, "{{#items}}<li><a href=\"{{{url}}}\">{{{label}}}</a></li>{{/items}}"),
    ("a site-wide value (looked up past the item)", 1, "{{#items}}<li>{{siteTitle}}</li>{{/items}}"),
    ("a missing value (every level of the stack)", 1, "{{#items}}<li>{{nothing}}</li>{{/items}}"),
    ("a section on a field, and the field", 2, "{{#items}}<li>{{#url}}{{url}}{{/url}}</li>{{/items}}"),
]
var base = 0.0
print("swift-mustache, \(page.items.count) items × \(rounds) renders, best of 3")
for (number, benchmark) in cases.enumerated() {
    let template = try MustacheTemplate(string: "{{%CONTENT_TYPE:BENCH_HTML}}" + benchmark.template)
    var best = Double.infinity
    var bytes = 0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<rounds { bytes &+= template.render(page).utf8.count }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
    }
    let perItem = best / Double(rounds * page.items.count)
    if number == 0 { base = perItem }
    let perTag =
        benchmark.tags == 0 ? "" : String(format: ", %5.0f ns per tag", (perItem - base) / Double(benchmark.tags))
    let name = benchmark.name.padding(toLength: 46, withPad: " ", startingAt: 0)
    print(name + String(format: "%6.0f ns per item", perItem) + perTag)
    precondition(bytes > 0)
}
