/// A front matter value Broadsheet does not know, kept as it was written and handed to templates
/// under `params`, as Hugo does.
public indirect enum ParamValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([ParamValue])
    case map([String: ParamValue])
    case null
}
