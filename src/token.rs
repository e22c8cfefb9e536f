//! Word tokens: closed classes of words (the number words) that the engine finds
//! once per sentence, so that the patterns using them stay small.
//!
//! A number in words is a grammar over a few hundred word forms in every case
//! (`двадцати пяти тысяч`, `екі жүз елуден`). Written out in each count rule, its
//! alternations made those rules' automata ten times larger than the others':
//! they were most of the start-up, and resolving the groups of a match walked
//! them all. Instead, `rules/common` names the macros of the grammar's word
//! classes (`tokens = ["RU_UNIT", "RU_TENS", ...]`; each must match whole words
//! only, from a finite list). [`Tokens::new`] lists every word of every class
//! and gives each set of classes a word belongs to (an *atom*) a marker: a pair
//! of archaic Cyrillic letters (`Ѣ ѣ`, `Ѥ ѥ`, ...) that news text does not use.
//!
//! A rule whose pattern uses a token macro then runs over the sentence *masked*
//! ([`Tokens::mask`]): each word of a class has each of its letters replaced by
//! its atom's marker, upper or lower case as the letter was. Every Cyrillic
//! letter takes two bytes, and so does a marker, so offsets are unchanged and
//! the groups of a match are read from the sentence itself. In the pattern, the
//! macro stands for a run of its atoms' markers; the grammar macros above it
//! (`RU_GROUP`, `NUM_WORD_RU`) are expanded as usual, over those small classes.
//! A masked word is still a word of Cyrillic letters of the same case to the
//! rest of the pattern (`\p{Ll}`, `[\p{Cyrillic}]+`), so a number word that a
//! pattern takes as a counted noun (`пять тысяч`: the object `тысяч`) still is.
//! What a masked pattern cannot see is the spelling of a class word through
//! anything but its macro: a literal `мың` or `тысяч` elsewhere in a pattern that
//! uses tokens must be written with the class's macro (rules/README.md).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use regex_syntax::hir::{Class, Hir, HirKind};

use crate::prefilter;

/// Marker letter pairs (upper, lower): archaic and minority Cyrillic letters,
/// two bytes each in UTF-8 like every Russian and Kazakh letter.
const MARKERS: &[(u32, u32)] = &[
    (0x460, 0x461),
    (0x462, 0x463),
    (0x464, 0x465),
    (0x466, 0x467),
    (0x468, 0x469),
    (0x46A, 0x46B),
    (0x46C, 0x46D),
    (0x46E, 0x46F),
    (0x470, 0x471),
    (0x472, 0x473),
    (0x474, 0x475),
    (0x476, 0x477),
    (0x478, 0x479),
    (0x47A, 0x47B),
    (0x47C, 0x47D),
    (0x47E, 0x47F),
    (0x480, 0x481),
    (0x500, 0x501),
    (0x502, 0x503),
    (0x504, 0x505),
    (0x506, 0x507),
    (0x508, 0x509),
    (0x50A, 0x50B),
    (0x50C, 0x50D),
    (0x50E, 0x50F),
    (0x510, 0x511),
    (0x512, 0x513),
    (0x514, 0x515),
    (0x516, 0x517),
    (0x518, 0x519),
    (0x51A, 0x51B),
    (0x51C, 0x51D),
    (0x51E, 0x51F),
    (0x520, 0x521),
    (0x522, 0x523),
    (0x524, 0x525),
    (0x526, 0x527),
    (0x528, 0x529),
    (0x52A, 0x52B),
    (0x52C, 0x52D),
    (0x52E, 0x52F),
];

/// Most words one token macro may list.
const WORD_LIMIT: usize = 20_000;

fn marker(i: usize) -> (char, char) {
    let (u, l) = MARKERS[i];
    (char::from_u32(u).expect("a marker is a letter"), char::from_u32(l).expect("a marker is a letter"))
}

/// A hasher for short words (FxHash's mix): SipHash took most of the time of
/// masking a sentence.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type WordMap = HashMap<String, u16, std::hash::BuildHasherDefault<WordHasher>>;

/// Letters U+0000..U+052F: (is a letter, is a capital), from a table (Unicode's
/// own look-ups are slow, and this runs for every character of a sentence).
fn letter_table() -> &'static [(bool, bool)] {
    static TABLE: std::sync::OnceLock<Vec<(bool, bool)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..0x530u32)
            .map(|u| char::from_u32(u).map_or((false, false), |c| (c.is_alphabetic(), c.is_uppercase())))
            .collect()
    })
}

/// The word classes of a rule set, ready to mask sentences.
#[derive(Debug, Default)]
pub struct Tokens {
    /// Folded word ([`prefilter::fold_into`]) → its atom.
    words: WordMap,
    /// Shortest and longest word, in bytes.
    lengths: (usize, usize),
    /// First letters of the words (folded), as a set of code points below U+0530.
    first: Vec<bool>,
    /// Per atom: its words, folded (for the prefilter of a masked pattern).
    atom_words: Vec<Vec<String>>,
    /// Token macro → the regex of one masked word of its class.
    macros: HashMap<String, String>,
}

impl Tokens {
    /// The classes of `macros`: (name, the macro fully expanded). Each must
    /// match a finite list of whole words of Cyrillic letters.
    pub fn new(macros: &[(String, String)]) -> Result<Tokens, String> {
        // Each word and the classes it is in (bit k: macro k).
        let mut classes: BTreeMap<String, u64> = BTreeMap::new();
        if macros.len() > 64 {
            return Err(format!("at most 64 token macros (there are {})", macros.len()));
        }
        for (k, (name, pattern)) in macros.iter().enumerate() {
            let hir = regex_syntax::Parser::new().parse(pattern).map_err(|e| format!("token {name}: {e}"))?;
            let words = strings(&hir).map_err(|e| format!("token {name}: {e}"))?;
            for w in words {
                if w.is_empty() || !w.chars().all(|c| c.is_alphabetic() && c.len_utf8() == 2) {
                    return Err(format!(
                        "token {name}: {w:?} is not a word of Cyrillic letters (a token macro lists whole words)"
                    ));
                }
                *classes.entry(w).or_default() |= 1 << k;
            }
        }
        let mut atom_of: BTreeMap<u64, u16> = BTreeMap::new();
        let mut tokens = Tokens::default();
        for (word, set) in classes {
            let next = atom_of.len() as u16;
            let atom = *atom_of.entry(set).or_insert(next);
            if atom as usize >= MARKERS.len() {
                return Err(format!(
                    "token macros split their words into more than {} classes",
                    MARKERS.len()
                ));
            }
            if atom as usize == tokens.atom_words.len() {
                tokens.atom_words.push(Vec::new());
            }
            tokens.atom_words[atom as usize].push(word.clone());
            let (short, long) = tokens.lengths;
            tokens.lengths = if tokens.words.is_empty() {
                (word.len(), word.len())
            } else {
                (short.min(word.len()), long.max(word.len()))
            };
            let first = word.chars().next().map_or(0, |c| c as usize);
            if tokens.first.len() <= first {
                tokens.first.resize(first + 1, false);
            }
            tokens.first[first] = true;
            tokens.words.insert(word, atom);
        }
        for (k, (name, _)) in macros.iter().enumerate() {
            let runs: Vec<String> = atom_of
                .iter()
                .filter(|(set, _)| *set & (1 << k) != 0)
                .map(|(_, &a)| {
                    let (u, l) = marker(a as usize);
                    format!("[{u}{l}]+")
                })
                .collect();
            tokens.macros.insert(name.clone(), runs.join("|"));
        }
        Ok(tokens)
    }

    /// Are there any classes at all?
    pub fn is_empty(&self) -> bool {
        self.macros.is_empty()
    }

    /// The regex a token macro stands for in a masked pattern, if `name` is one.
    pub fn macro_regex(&self, name: &str) -> Option<&str> {
        self.macros.get(name).map(String::as_str)
    }

    /// The words of the atom a marker letter stands for (folded), if `c` is one.
    pub fn marker_words(&self, c: char) -> Option<&[String]> {
        let u = c as u32;
        let i = MARKERS.iter().position(|&(up, low)| u == up || u == low)?;
        self.atom_words.get(i).map(Vec::as_slice)
    }

    /// `sentence` with each word of a class masked: its letters replaced by its
    /// atom's marker, in the letter's case; the same length in bytes, and the
    /// same characters outside class words. `None` when it has no class word.
    pub fn mask(&self, sentence: &str) -> Option<String> {
        let table = letter_table();
        let letter = |c: char| table.get(c as usize).map_or_else(|| c.is_alphabetic(), |&(l, _)| l);
        let upper = |c: char| table.get(c as usize).map_or_else(|| c.is_uppercase(), |&(_, u)| u);
        let mut out: Option<String> = None;
        // Bytes of `sentence` already copied to `out`.
        let mut copied = 0;
        let mut folded = String::new();
        let mut chars = sentence.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !letter(c) {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if !letter(n) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            let word = &sentence[start..end];
            if word.len() < self.lengths.0 || word.len() > self.lengths.1 {
                continue;
            }
            // Most words start with a letter no class word starts with: tell
            // by the fold of the first letter before folding the whole word.
            if let Some(f) = prefilter::fold_one(c)
                && !self.first.get(f as usize).copied().unwrap_or(false)
            {
                continue;
            }
            folded.clear();
            prefilter::fold_into(word, &mut folded);
            let first = folded.chars().next().map_or(0, |f| f as usize);
            if !self.first.get(first).copied().unwrap_or(false) {
                continue;
            }
            let Some(&atom) = self.words.get(&folded) else { continue };
            if !word.chars().all(|c| c.len_utf8() == 2) {
                continue;
            }
            let out = out.get_or_insert_with(|| String::with_capacity(sentence.len()));
            out.push_str(&sentence[copied..start]);
            let (u, l) = marker(atom as usize);
            out.extend(word.chars().map(|c| if upper(c) { u } else { l }));
            copied = end;
        }
        let mut out = out?;
        out.push_str(&sentence[copied..]);
        debug_assert_eq!(out.len(), sentence.len());
        Some(out)
    }
}

/// Every string a pattern matches, folded; an error when there are too many or
/// infinitely many, or when the pattern looks around.
fn strings(hir: &Hir) -> Result<BTreeSet<String>, String> {
    let fold = |s: &str| {
        let mut f = String::new();
        prefilter::fold_into(s, &mut f);
        f
    };
    let product = |a: &BTreeSet<String>, b: &BTreeSet<String>| -> Result<BTreeSet<String>, String> {
        if a.len().saturating_mul(b.len()) > WORD_LIMIT {
            return Err(format!("more than {WORD_LIMIT} words"));
        }
        Ok(a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect())
    };
    Ok(match hir.kind() {
        HirKind::Empty => BTreeSet::from([String::new()]),
        HirKind::Look(_) => return Err("a token macro cannot look around (\\b, ^, $)".into()),
        HirKind::Literal(lit) => {
            BTreeSet::from([fold(std::str::from_utf8(&lit.0).map_err(|_| "a literal is not UTF-8")?)])
        }
        HirKind::Class(Class::Unicode(class)) => {
            let size: u32 = class.ranges().iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum();
            if size > 64 {
                return Err("a class of more than 64 letters (a token macro lists words)".into());
            }
            class
                .ranges()
                .iter()
                .flat_map(|r| r.start()..=r.end())
                .map(|c| fold(c.encode_utf8(&mut [0; 4])))
                .collect()
        }
        HirKind::Class(Class::Bytes(_)) => return Err("a byte class".into()),
        HirKind::Capture(cap) => strings(&cap.sub)?,
        HirKind::Repetition(rep) => {
            let max = rep.max.ok_or("an unbounded repetition")?;
            if max > 4 {
                return Err("a repetition of more than 4".into());
            }
            let sub = strings(&rep.sub)?;
            let mut power = BTreeSet::from([String::new()]);
            let mut all = BTreeSet::new();
            for n in 0..=max {
                if n >= rep.min {
                    all.extend(power.iter().cloned());
                }
                power = product(&power, &sub)?;
            }
            all
        }
        HirKind::Concat(children) => {
            let mut all = BTreeSet::from([String::new()]);
            for c in children {
                all = product(&all, &strings(c)?)?;
            }
            all
        }
        HirKind::Alternation(children) => {
            let mut all = BTreeSet::new();
            for c in children {
                all.extend(strings(c)?);
                if all.len() > WORD_LIMIT {
                    return Err(format!("more than {WORD_LIMIT} words"));
                }
            }
            all
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens() -> Tokens {
        Tokens::new(&[
            ("UNIT".into(), "(?i:пять|пяти|дв(?:а|ух)|миллион(?:а|ов)?)".into()),
            ("SCALE".into(), "(?i:тысяч(?:и|а)?|миллион(?:а|ов)?)".into()),
        ])
        .unwrap()
    }

    fn masked(t: &Tokens, s: &str) -> String {
        let out = t.mask(s).unwrap_or_else(|| s.to_string());
        assert_eq!(out.len(), s.len(), "{s:?} keeps its length");
        out
    }

    #[test]
    fn class_words_are_masked_in_their_case_and_length() {
        let t = tokens();
        let m = masked(&t, "Пять тысяч человек, ДВУХ-пяти; пятый пятью");
        let words: Vec<&str> = m.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        let (u, l) = marker(t.words["пять"] as usize);
        assert_eq!(words[0], format!("{u}{l}{l}{l}"));
        assert_eq!(words[2], "человек");
        assert!(words[3].chars().all(|c| c == u), "all capitals stay capitals: {}", words[3]);
        // Words that are not in a class as a whole are kept.
        assert_eq!(&words[5..], ["пятый", "пятью"]);
        assert_eq!(t.mask("Пятый день, ни одной тысячной доли"), None, "no class word: no copy");
    }

    #[test]
    fn words_in_several_classes_form_their_own_atom() {
        let t = tokens();
        let (pyat, tysyach, million) = (t.words["пять"], t.words["тысяч"], t.words["миллион"]);
        assert!(pyat != tysyach && million != pyat && million != tysyach);
        // UNIT's words are two atoms (пять and миллион), SCALE's too (тысяч and миллион).
        let unit = t.macro_regex("UNIT").unwrap();
        let scale = t.macro_regex("SCALE").unwrap();
        let re = |p: &str| regex::Regex::new(&format!("^(?:{p})$")).unwrap();
        for (word, in_unit, in_scale) in
            [("пять", true, false), ("тысячи", false, true), ("миллионов", true, true)]
        {
            let m = masked(&t, word);
            assert_eq!(re(unit).is_match(&m), in_unit, "{word} in UNIT");
            assert_eq!(re(scale).is_match(&m), in_scale, "{word} in SCALE");
        }
        let (u, _) = marker(million as usize);
        let words = t.marker_words(u).unwrap();
        assert!(words.contains(&"миллионов".to_string()) && !words.contains(&"тысяч".to_string()));
        assert!(t.marker_words('ж').is_none());
    }

    #[test]
    fn macros_that_are_not_word_lists_are_refused() {
        for (p, what) in [
            (r"\d+", "byte class or large class"),
            ("пят[а-я]*", "unbounded"),
            ("пять\\b", "look around"),
            ("пять тысяч", "not a word"),
        ] {
            let e = Tokens::new(&[("X".into(), p.into())]).unwrap_err();
            assert!(e.starts_with("token X:"), "{what}: {e}");
        }
    }
}
