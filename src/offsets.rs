//! Byte offsets to character offsets (Unicode scalar values), computed once per
//! document so that every span costs one table look-up.

/// Maps byte offsets of one text to character offsets.
pub struct CharIndex {
    /// `chars_before[b]`: number of characters that start before byte `b`, for
    /// every `b` in `0..=len`. Empty when the text is ASCII (then bytes are chars).
    chars_before: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { chars_before: Vec::new() };
        }
        let mut chars_before = Vec::with_capacity(text.len() + 1);
        let mut n = 0u32;
        for &b in text.as_bytes() {
            chars_before.push(n);
            // Every byte that is not a continuation byte starts a character.
            if (b & 0xC0) != 0x80 {
                n += 1;
            }
        }
        chars_before.push(n);
        CharIndex { chars_before }
    }

    /// Character offset of byte offset `b` (a char boundary of the text).
    pub fn char_at(&self, b: usize) -> usize {
        if self.chars_before.is_empty() { b } else { self.chars_before[b] as usize }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn matches_char_indices() {
        for text in ["", "abc", "Алматыда 5 мың", "ә😀b", "x\u{0}y"] {
            let idx = CharIndex::new(text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_at(bi), ci, "{text:?} byte {bi}");
            }
            assert_eq!(idx.char_at(text.len()), text.chars().count());
        }
    }
}
