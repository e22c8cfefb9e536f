//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a BOM,
//! and the legacy Cyrillic encodings of news archives (Windows-1251, KOI8-R),
//! told apart by how Russian the decoded text looks. Binary data is refused.

use encoding_rs::{Encoding, KOI8_R, UTF_16BE, UTF_16LE, WINDOWS_1251};

/// Decoded text and the name of the encoding when it was not plain UTF-8.
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Option<&'static str>,
}

/// Decode one document's bytes, or say why it cannot be read as text.
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, String> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(Decoded { text: s.to_string(), encoding: None }),
            Err(e) => {
                Err(format!("invalid UTF-8 after a UTF-8 byte-order mark at byte {}", e.valid_up_to() + 3))
            }
        };
    }
    if let Some((enc, bom)) = Encoding::for_bom(&bytes)
        && (enc == UTF_16LE || enc == UTF_16BE)
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(format!("invalid {} data", enc.name()));
        }
        return Ok(Decoded { text: text.into_owned(), encoding: Some(enc.name()) });
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return check_text(Decoded { text, encoding: None });
        }
        Err(e) => e.into_bytes(),
    };
    if looks_binary(&bytes) {
        return Err("binary data, not text".to_string());
    }
    // Not UTF-8: one of the single-byte Cyrillic encodings. Both decode any byte,
    // so pick the one whose result reads most like Russian text.
    let mut best: Option<(i64, &'static Encoding, String)> = None;
    for enc in [WINDOWS_1251, KOI8_R] {
        let (text, _, _) = enc.decode(&bytes);
        let score = cyrillic_plausibility(&text);
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, enc, text.into_owned()));
        }
    }
    let (score, enc, text) = best.expect("two candidates");
    if score <= 0 {
        return Err("not UTF-8 and not recognizable Cyrillic text".to_string());
    }
    Ok(Decoded { text, encoding: Some(enc.name()) })
}

/// Valid UTF-8 can still be binary (NUL-heavy data): refuse that, keep text with stray NULs.
fn check_text(d: Decoded) -> Result<Decoded, String> {
    if looks_binary(d.text.as_bytes()) { Err("binary data, not text".to_string()) } else { Ok(d) }
}

/// More than 10% control bytes (other than tab, newline, carriage return, form feed) in the
/// first 8 KiB means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.is_empty() {
        return false;
    }
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    control * 10 > head.len()
}

/// Russian text is mostly lowercase letters, and its commonest letters are о е а и н т с.
/// Text decoded with the wrong table swaps case and lands on rare letters.
fn cyrillic_plausibility(text: &str) -> i64 {
    let mut score = 0i64;
    for c in text.chars() {
        score += match c {
            'о' | 'е' | 'а' | 'и' | 'н' | 'т' | 'с' | 'р' | 'в' | 'л' => 3,
            'а'..='я' | 'ё' => 1,
            'А'..='Я' | 'Ё' => -1,
            _ => 0,
        };
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    const RU: &str = "Более пятидесяти тысяч волонтеров помогали семьям в Алматы этой зимой.";

    #[test]
    fn utf8_plain_and_with_bom() {
        assert_eq!(decode(RU.as_bytes().to_vec()).unwrap(), Decoded { text: RU.into(), encoding: None });
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(RU.as_bytes());
        assert_eq!(decode(b).unwrap().text, RU);
    }

    #[test]
    fn legacy_encodings_are_detected() {
        for enc in [WINDOWS_1251, KOI8_R] {
            let (bytes, _, _) = enc.encode(RU);
            let d = decode(bytes.into_owned()).unwrap();
            assert_eq!(d.text, RU);
            assert_eq!(d.encoding, Some(enc.name()));
        }
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        for u in RU.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(le).unwrap();
        assert_eq!(d.text, RU);
        assert_eq!(d.encoding, Some("UTF-16LE"));
    }

    #[test]
    fn binary_is_refused_but_stray_nuls_are_text() {
        let bin: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
        assert!(decode(bin).is_err());
        let zeros = vec![0u8; 100];
        assert!(decode(zeros).is_err());
        let with_nul = format!("{RU}\0{RU}");
        assert_eq!(decode(with_nul.clone().into_bytes()).unwrap().text, with_nul);
    }
}
