//! Property tests (proptest) of the sentence splitter, the number reader and, on
//! news-like text, the whole pipeline (the invariants the fuzz target checks).

#[path = "support/invariants.rs"]
mod invariants;

use std::sync::LazyLock;

use derek::extract::Engine;
use derek::input::Document;
use derek::normalize::number::{amount, parse_number};
use derek::rules::RuleSet;
use derek::segment::split;
use proptest::prelude::*;

// ---------------------------------------------------------------------------
// The segmenter: `split(text)` gives byte ranges in order, not overlapping, on
// char boundaries, non-empty, trimmed of whitespace, together covering every
// non-whitespace character (src/segment/mod.rs).

fn check_split(text: &str) -> Result<(), TestCaseError> {
    let ranges = split(text);
    let mut covered = vec![false; text.len()];
    let mut last = 0;
    for r in &ranges {
        prop_assert!(r.start >= last, "{r:?} overlaps or precedes the one before (ends at {last})");
        prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?} empty or past the end {}", text.len());
        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end), "{r:?} not on chars");
        let s = &text[r.clone()];
        prop_assert_eq!(s, s.trim(), "sentence not trimmed");
        covered[r.clone()].iter_mut().for_each(|c| *c = true);
        last = r.end;
    }
    for (i, c) in text.char_indices() {
        prop_assert!(c.is_whitespace() || covered[i], "{:?} at byte {} is in no sentence", c, i);
    }
    Ok(())
}

/// Pieces of news text and the characters the splitter looks at: final marks,
/// closers and openers, dashes, line breaks and Unicode spaces, abbreviations,
/// initials, numbers, Cyrillic and Kazakh words in both cases.
fn piece() -> impl Strategy<Value = String> {
    let marks = prop::sample::select(vec![
        ".", "?", "!", ";", "…", "‼", "⁉", "...", "?!", ".»", ".\"", ")", "(", "«", "»", "\"", "'", "“", "”",
        "„", "[", "]", "—", "–", "-", ":", ",", "/", "§", ":)", "=))", "\u{301}", "\u{feff}", "\0",
    ]);
    let spaces = prop::sample::select(vec![
        " ", " ", "  ", "\t", "\n", "\n\n", "\r", "\r\n", "\r\n\r\n", "\u{a0}", "\u{2009}", "\u{202f}",
        "\u{2028}", "\u{2029}", "\u{85}", "\u{0b}", "\u{0c}", "\u{3000}",
    ]);
    let words = prop::sample::select(vec![
        "Волонтеры",
        "помогли",
        "семьям",
        "Алматы",
        "г",
        "г.",
        "ул",
        "им",
        "т.д",
        "т.е",
        "т.б",
        "пр",
        "и",
        "млн",
        "тыс",
        "км",
        "А",
        "Е",
        "С",
        "Қ",
        "ғ",
        "н.э",
        "к.п.н",
        "Vecher.kz",
        "2023",
        "1",
        "IV",
        "XX",
        "51,5",
        "3 572",
        "600-ден",
        "Қазақстан",
        "жылы",
        "мың",
        "ТАТЬЯНА",
        "ДИРЕКТОРЫ",
        "швед",
        "Stockholm",
        "🙂",
    ]);
    prop_oneof![3 => words.prop_map(String::from), 3 => spaces.prop_map(String::from),
        3 => marks.prop_map(String::from), 1 => any::<char>().prop_map(String::from)]
}

fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn split_contract_on_news_like_text(text in newsish()) {
        check_split(&text)?;
    }

    #[test]
    fn split_contract_on_any_text(text in any::<String>()) {
        check_split(&text)?;
    }
}

// ---------------------------------------------------------------------------
// The number reader: digits written with spaces, commas, points and suffixes read
// to the same value (src/normalize/number.rs).

/// Thousands separators `parse_number` accepts between groups of three digits.
const SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'];
const HYPHENS: [&str; 5] = ["-", "\u{2010}", "\u{2011}", "\u{2013}", ""];
/// Kazakh case and possessive suffixes, and Russian endings, written after digits.
const SUFFIXES: [&str; 24] = [
    "ға", "ге", "қа", "ке", "дан", "ден", "тан", "тен", "нан", "нен", "ның", "нің", "да", "де", "мен", "дай",
    "сы", "і", "еуі", "ти", "ми", "х", "ью", "мя",
];

/// `n` with `sep` between groups of three digits: `grouped(3572, ' ')` is `3 572`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let head = match digits.len() % 3 {
        0 => 3,
        h => h,
    };
    let mut out = digits[..head].to_string();
    for g in digits.as_bytes()[head..].chunks(3) {
        out.push_str(sep);
        out.push_str(std::str::from_utf8(g).unwrap());
    }
    out
}

/// The value of `int.frac` as Rust reads it (correctly rounded), times 10^exp.
fn decimal(int: u64, frac: &str, exp: i32) -> f64 {
    format!("{int}.{frac}e{exp}").parse().unwrap()
}

fn separator() -> impl Strategy<Value = String> {
    prop::sample::select(SPACES.to_vec()).prop_map(String::from)
}

/// Fraction digits that are not read as a thousands group: not exactly three.
fn fraction() -> impl Strategy<Value = String> {
    prop_oneof!["[0-9]{1,2}", "[0-9]{4,6}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plain_digits(n in 0u64..10_000_000_000) {
        prop_assert_eq!(parse_number(&n.to_string()), Some(n as f64));
    }

    #[test]
    fn space_grouped_digits(n in 0u64..10_000_000_000, sep in separator()) {
        let s = grouped(n, &sep);
        prop_assert_eq!(parse_number(&s), Some(n as f64), "{:?}", s);
        let padded = format!(" {s}\u{a0}");
        prop_assert_eq!(parse_number(&padded), Some(n as f64), "{:?}", padded);
    }

    #[test]
    fn comma_and_point_grouped_digits(n in 0u64..10_000_000_000, point in any::<bool>()) {
        let s = grouped(n, if point { "." } else { "," });
        prop_assert_eq!(parse_number(&s), Some(n as f64), "{:?}", s);
    }

    #[test]
    fn digits_with_a_case_suffix(
        n in 0u64..10_000_000,
        sep in separator(),
        hyphen in prop::sample::select(HYPHENS.to_vec()),
        suffix in prop::sample::select(SUFFIXES.to_vec()),
        upper in any::<bool>(),
    ) {
        let suffix = if upper { suffix.to_uppercase() } else { suffix.to_string() };
        let s = format!("{}{hyphen}{suffix}", grouped(n, &sep));
        prop_assert_eq!(parse_number(&s), Some(n as f64), "{:?}", s);
    }

    #[test]
    fn decimal_comma_equals_decimal_point(int in 0u64..100_000_000, frac in fraction()) {
        let comma = parse_number(&format!("{int},{frac}"));
        prop_assert_eq!(comma, parse_number(&format!("{int}.{frac}")));
        prop_assert_eq!(comma, Some(decimal(int, &frac, 0)));
    }

    #[test]
    fn grouped_integer_part_with_decimals(int in 1000u64..100_000_000, frac in "[0-9]{1,4}", sep in separator()) {
        let value = Some(decimal(int, &frac, 0));
        let spaced = format!("{},{frac}", grouped(int, &sep));
        prop_assert_eq!(parse_number(&spaced), value, "{:?}", spaced);
        // Both marks: the last one is the decimal mark.
        prop_assert_eq!(parse_number(&format!("{}.{frac}", grouped(int, ","))), value);
        prop_assert_eq!(parse_number(&format!("{},{frac}", grouped(int, "."))), value);
    }

    #[test]
    fn multipliers_scale_exactly(
        int in 0u64..1000,
        frac in "[0-9]{0,3}",
        comma in any::<bool>(),
        (mult, exp) in prop::sample::select(vec![
            ("тыс.", 3), ("тыс", 3), ("тысяч", 3), ("мың", 3), ("млн", 6), ("миллиона", 6), ("млн-нан", 6),
            ("млрд", 9), ("миллиардов", 9), ("трлн", 12),
        ]),
    ) {
        let num = if frac.is_empty() { int.to_string() } else { format!("{int}{}{frac}", if comma { ',' } else { '.' }) };
        let value = Some(decimal(int, if frac.is_empty() { "0" } else { &frac }, exp));
        prop_assert_eq!(amount(&num, Some(mult)), value, "{:?} {:?}", num, mult);
        let joined = format!("{num} {mult}");
        prop_assert_eq!(parse_number(&joined), value, "{:?}", joined);
    }

    /// A group of other than three digits after a separator is not a number.
    #[test]
    fn misgrouped_digits_are_rejected(head in 1u64..1000, tail in prop_oneof!["[0-9]{1,2}", "[0-9]{4,5}"], sep in separator()) {
        let s = format!("{head}{sep}{tail}");
        prop_assert_eq!(parse_number(&s), None, "{:?}", s);
    }
}

// ---------------------------------------------------------------------------
// The pipeline on news-like text: valid offsets (tests/support/invariants.rs).

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine::new(RuleSet::embedded().unwrap()).unwrap());

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn pipeline_records_are_valid(text in newsish()) {
        let doc = Document { id: "p".into(), source: "p".into(), text, date: None, encoding: None };
        let record = derek::pipeline::process(&doc, &ENGINE);
        if let Err(e) = invariants::check(&doc.text, &record) {
            prop_assert!(false, "{}", e);
        }
    }
}

// ---------------------------------------------------------------------------
// Word tokens: masking a sentence keeps its length in bytes and every character
// outside the words it masks, and masks exactly the class words (src/token.rs).

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::embedded().expect("rules load"));

/// Words of news text with number words of both languages among them, in any case.
fn masking_text() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "пять",
        "Двадцати",
        "ТЫСЯЧ",
        "миллионов",
        "одного",
        "сто",
        "бес",
        "Жиырма",
        "мыңнан",
        "екеуі",
        "бірге",
        "онда",
        "жүзден",
        "волонтеров",
        "адам",
        "ѣѣ",
        "5",
        "2023",
        "«Бес»",
        "пять-шесть",
        "a",
        "🙂",
        "қ",
        "\u{0301}",
        "миллион",
        "мыңға",
    ]);
    let sep = prop::sample::select(vec![" ", "  ", "\n", ", ", "-", "", "\u{a0}", ". "]);
    prop::collection::vec((word, sep), 0..14)
        .prop_map(|v| v.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

proptest! {
    #[test]
    fn masking_keeps_length_and_what_it_does_not_mask(text in masking_text()) {
        let Some(masked) = RULES.tokens.mask(&text) else { return Ok(()) };
        prop_assert_eq!(masked.len(), text.len());
        for ((i, a), (j, b)) in text.char_indices().zip(masked.char_indices()) {
            prop_assert_eq!(i, j, "characters stay where they were");
            if a != b {
                // Only letters are masked, into marker letters of the same case.
                prop_assert!(a.is_alphabetic() && b.is_alphabetic(), "{:?} -> {:?}", a, b);
                prop_assert_eq!(a.is_uppercase(), b.is_uppercase(), "{:?} -> {:?}", a, b);
                prop_assert!(('\u{460}'..='\u{52f}').contains(&b), "{:?} is no marker", b);
            }
        }
    }
}
