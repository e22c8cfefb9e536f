//! Month names (stub: being written).

/// Month number from a month name in any case (stub).
pub fn month(_s: &str) -> Option<u32> {
    None
}

/// Season code from a season noun (stub).
pub fn season(_s: &str) -> Option<&'static str> {
    None
}
