//! Small string helpers every part of the engine uses.

/// `parts` with `separator` between them. The standard library's `join` is instantiated apart
/// for `String` and `&str` parts and for each separator length, about 0.9 KB of wasm each.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters, for query strings.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
