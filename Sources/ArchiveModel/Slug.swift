import Foundation

/// URL-safe names for articles and tags: lowercase ASCII letters, digits and single hyphens.
public enum Slug {
    /// Turns any text into a slug: letters are lowercased and folded to ASCII where they have a
    /// plain form (é → e), apostrophes vanish ("Britain’s" → "britains"), every other run of
    /// characters becomes one hyphen. Returns "" when nothing is left.
    public static func make(from text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            guard let folded = fold(scalar) else {
                pendingHyphen = !out.isEmpty
                continue
            }
            if folded.isEmpty { continue }
            if pendingHyphen {
                out.append("-")
                pendingHyphen = false
            }
            out.append(folded)
        }
        return out
    }

    /// Whether `text` is already a valid slug (what `make` would produce from it).
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && make(from: text) == text
    }

    /// The ASCII form of one scalar: nil for a separator, "" for a character that is dropped.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(scalar).lowercased()
        case 0x27, 0x2019: return ""
        case 0...0x7F: return nil
        default:
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return nil }
            let ascii = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil)
            }
            return ascii.isEmpty ? nil : String(String.UnicodeScalarView(ascii)).lowercased()
        }
    }
}
