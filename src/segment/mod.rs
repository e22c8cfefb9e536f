//! Sentence segmentation for Russian and Kazakh news.
//!
//! (stub: being written)

use std::ops::Range;

/// Split `text` into sentences: byte ranges, in order, not overlapping, each
/// trimmed of surrounding whitespace, together covering every non-space character.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let t = text.trim();
    if t.is_empty() {
        return Vec::new();
    }
    let start = text.len() - text.trim_start().len();
    vec![start..start + t.len()]
}
