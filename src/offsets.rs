//! Byte offsets to character offsets (Unicode scalar values), computed once per
//! document so that every span costs a table look-up and a short count.

/// Bytes per block of the index.
const BLOCK: usize = 64;

/// Maps byte offsets of one text to character offsets.
pub struct CharIndex<'a> {
    text: &'a [u8],
    /// `blocks[k]`: number of characters that start before byte `k * BLOCK`.
    /// Empty when the text is ASCII (then bytes are chars). A sixteenth of the
    /// text's size (a count per byte took four times the text).
    blocks: Vec<u32>,
}

impl<'a> CharIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CharIndex { text: bytes, blocks: Vec::new() };
        }
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut n = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(n);
            n += starts(chunk);
        }
        CharIndex { text: bytes, blocks }
    }

    /// Character offset of byte offset `b` (a char boundary of the text).
    pub fn char_at(&self, b: usize) -> usize {
        if self.blocks.is_empty() {
            return b;
        }
        let k = b / BLOCK;
        match self.blocks.get(k) {
            Some(&before) => before as usize + starts(&self.text[k * BLOCK..b]) as usize,
            // `b` is the end of a text whose length is a multiple of BLOCK.
            None => self.blocks[k - 1] as usize + starts(&self.text[(k - 1) * BLOCK..b]) as usize,
        }
    }
}

/// Characters that start in `bytes`: every byte that is not a continuation byte.
fn starts(bytes: &[u8]) -> u32 {
    bytes.iter().map(|&b| ((b & 0xC0) != 0x80) as u32).sum()
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn matches_char_indices() {
        let long = "Алматыда 5 мың адам. ".repeat(20);
        let exact = "ә".repeat(64);
        for text in ["", "abc", "Алматыда 5 мың", "ә😀b", "x\u{0}y", &long, &exact] {
            let idx = CharIndex::new(text);
            for (ci, (bi, _)) in text.char_indices().enumerate() {
                assert_eq!(idx.char_at(bi), ci, "{text:?} byte {bi}");
            }
            assert_eq!(idx.char_at(text.len()), text.chars().count());
        }
    }
}
