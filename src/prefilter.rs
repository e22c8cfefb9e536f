//! Required words: which sentences a regex rule can match at all.
//!
//! Most rules cannot match a sentence that lacks some word: an organization
//! ending in `басқармасы` or `департаменті`, a date naming a month, a quoted
//! name needing `«`. [`required`] reads such a set of strings off a pattern's
//! syntax tree (every match contains one of them, compared in lowercase), and a
//! [`Prefilter`] finds, in one Aho-Corasick pass over a lowercased sentence,
//! every rule whose required strings occur there. The engine then runs each
//! rule's regex only over the sentences that passed, instead of over all of them.
//!
//! The analysis is conservative: a rule for which no set is found (say, one that
//! starts with any capitalized word and needs no particular one) runs everywhere.

use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::rc::Rc;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::token::Tokens;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Most strings kept for the exact language of a subpattern.
const EXACT_LIMIT: usize = 300;
/// Most strings in a required set.
const NEED_LIMIT: usize = 3000;
/// Largest character class read as a set of single characters.
const CLASS_LIMIT: u32 = 24;

type Set = BTreeSet<String>;

/// The form derek compares in: every character folded on its own (so the form of
/// a text contains the form of any part of it), to the lowercase of its
/// uppercase, which also maps variant letters (Cyrillic rounded ve, `ᲀ`) to the
/// common one.
pub fn fold_into(text: &str, out: &mut String) {
    let cyrillic = cyrillic_folds();
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7f}' => out.push(c),
            // Cyrillic (Kazakh letters included): a table of single-letter folds.
            '\u{400}'..='\u{52f}' => match cyrillic[c as usize - 0x400] {
                '\0' => out.extend(fold_char(c)),
                f => out.push(f),
            },
            _ => out.extend(fold_char(c)),
        }
    }
}

/// The fold of `c` when a table knows it to be one character (ASCII and the
/// Cyrillic letters); `None` otherwise (ask [`fold_into`]).
pub fn fold_one(c: char) -> Option<char> {
    match c {
        '\0'..='\u{7f}' => Some(c.to_ascii_lowercase()),
        '\u{400}'..='\u{52f}' => Some(cyrillic_folds()[c as usize - 0x400]).filter(|&f| f != '\0'),
        _ => None,
    }
}

/// The fold of one character: the lowercase of its uppercase.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.to_uppercase().flat_map(char::to_lowercase)
}

/// The fold of each Cyrillic letter U+0400..U+052F that folds to one letter
/// (`\0` for the others), computed once: Unicode's case tables are slow to ask
/// for every letter of every sentence.
fn cyrillic_folds() -> &'static [char] {
    static TABLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0x400..=0x52f)
            .map(|u| {
                let c = char::from_u32(u).unwrap_or('\0');
                let mut f = fold_char(c);
                match (f.next(), f.next()) {
                    (Some(one), None) => one,
                    _ => '\0',
                }
            })
            .collect()
    })
}

fn fold(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    fold_into(text, &mut s);
    s
}

/// A candidate requirement: strings one of which every match contains (none
/// empty), with its selectivity computed once.
#[derive(Clone)]
struct Need {
    set: Rc<Set>,
    quality: (usize, Reverse<usize>, usize),
}

impl Need {
    fn new(set: Rc<Set>) -> Option<Need> {
        if set.is_empty() || set.contains("") {
            return None;
        }
        let shortest =
            if useful(&set) { set.iter().map(|s| s.chars().count()).min().unwrap_or(0) } else { 0 };
        // A longer shortest string (up to five characters, which few sentences
        // share by chance), then fewer strings, then longer ones.
        let quality = (shortest.min(5), Reverse(set.len()), shortest);
        Some(Need { set, quality })
    }
}

/// What is known about the strings a subpattern matches.
struct Info {
    /// All of them, folded, when they are few.
    exact: Option<Rc<Set>>,
    /// Strings one of which every match contains.
    need: Option<Need>,
}

fn better(a: Option<Need>, b: Option<Need>) -> Option<Need> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.quality > a.quality { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn product(a: &Set, b: &Set) -> Option<Set> {
    if a.len().saturating_mul(b.len()) > EXACT_LIMIT {
        return None;
    }
    Some(a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect())
}

fn class_strings(class: &Class) -> Option<Set> {
    match class {
        Class::Unicode(u) => {
            let size: u32 = u.ranges().iter().map(|r| r.end() as u32 - r.start() as u32 + 1).sum();
            if size > CLASS_LIMIT {
                return None;
            }
            let chars = u.ranges().iter().flat_map(|r| r.start()..=r.end());
            Some(chars.map(|c| fold(c.encode_utf8(&mut [0; 4]))).collect())
        }
        Class::Bytes(b) => {
            let size: usize = b.ranges().iter().map(|r| (r.end() - r.start()) as usize + 1).sum();
            if size > CLASS_LIMIT as usize || b.ranges().iter().any(|r| r.end() >= 0x80) {
                return None;
            }
            let bytes = b.ranges().iter().flat_map(|r| r.start()..=r.end());
            Some(bytes.map(|c| fold(&(c as char).to_string())).collect())
        }
    }
}

fn exact_info(set: Set) -> Info {
    let set = Rc::new(set);
    Info { need: Need::new(set.clone()), exact: Some(set) }
}

fn info(hir: &Hir, tokens: Option<&Tokens>) -> Info {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {
            Info { exact: Some(Rc::new(Set::from([String::new()]))), need: None }
        }
        HirKind::Literal(lit) => exact_info(Set::from([fold(&String::from_utf8_lossy(&lit.0))])),
        HirKind::Class(class) => match class_strings(class) {
            Some(set) => exact_info(set),
            None => Info { exact: None, need: None },
        },
        HirKind::Capture(cap) => info(&cap.sub, tokens),
        HirKind::Repetition(rep) => {
            if let Some(words) = marker_run(rep, tokens) {
                // A masked word of a token class: in the text, one of its words.
                let set: Set = words.into_iter().collect();
                let need = if set.len() <= NEED_LIMIT { Need::new(Rc::new(set.clone())) } else { None };
                let exact = (set.len() <= EXACT_LIMIT).then(|| Rc::new(set));
                return Info { exact, need };
            }
            let sub = info(&rep.sub, tokens);
            let exact = match (rep.min, rep.max, &sub.exact) {
                (1, Some(1), _) => sub.exact.clone(),
                // A few copies (`[0-9]{2}`, `x{1,3}`): each count's product, while few.
                (min, Some(max), Some(one)) if max <= 4 => {
                    let mut all = Set::new();
                    let mut power = Some(Set::from([String::new()]));
                    for n in 0..=max {
                        let Some(p) = &power else { break };
                        if n >= min {
                            all.extend(p.iter().cloned());
                        }
                        if n < max {
                            power = product(p, one);
                        }
                    }
                    (power.is_some() && all.len() <= EXACT_LIMIT).then(|| Rc::new(all))
                }
                _ => None,
            };
            let need = match (rep.min, &exact) {
                (0, _) => None,
                (_, Some(e)) => better(sub.need, Need::new(e.clone())),
                _ => sub.need,
            };
            Info { exact, need }
        }
        HirKind::Concat(children) => {
            let mut need: Option<Need> = None;
            // The whole concatenation's strings, while they stay few.
            let mut whole: Option<Set> = Some(Set::from([String::new()]));
            // The current run of consecutive subpatterns with known strings,
            // multiplied out; it is a candidate once it ends.
            let mut run: Option<Set> = None;
            for child in children {
                let i = info(child, tokens);
                whole = match (&whole, &i.exact) {
                    (Some(w), Some(e)) => product(w, e),
                    _ => None,
                };
                need = better(need, i.need);
                run = match (run, &i.exact) {
                    (Some(r), Some(e)) => match product(&r, e) {
                        Some(p) => Some(p),
                        None => {
                            need = better(need, Need::new(Rc::new(r)));
                            Some(Set::clone(e))
                        }
                    },
                    (None, Some(e)) => Some(Set::clone(e)),
                    (Some(r), None) => {
                        need = better(need, Need::new(Rc::new(r)));
                        None
                    }
                    (None, None) => None,
                };
            }
            if let Some(r) = run {
                need = better(need, Need::new(Rc::new(r)));
            }
            let whole = whole.map(Rc::new);
            if let Some(w) = &whole {
                need = better(need, Need::new(w.clone()));
            }
            Info { exact: whole, need }
        }
        HirKind::Alternation(children) => {
            let mut exact: Option<Set> = Some(Set::new());
            let mut need: Option<Set> = Some(Set::new());
            for child in children {
                let i = info(child, tokens);
                exact = match (exact, i.exact) {
                    (Some(mut a), Some(b)) if a.len() + b.len() <= EXACT_LIMIT => {
                        a.extend(b.iter().cloned());
                        Some(a)
                    }
                    _ => None,
                };
                need = match (need, i.need) {
                    (Some(mut a), Some(b)) if a.len() + b.set.len() <= NEED_LIMIT => {
                        a.extend(b.set.iter().cloned());
                        Some(a)
                    }
                    _ => None,
                };
                if exact.is_none() && need.is_none() {
                    break;
                }
            }
            let exact = exact.map(Rc::new);
            let need = better(need.map(Rc::new).and_then(Need::new), exact.clone().and_then(Need::new));
            Info { exact, need }
        }
    }
}

/// Strings one of which (lowercased) every match of `pattern` contains, or
/// `None` when the pattern needs no particular string. Only sets whose every
/// string is longer than one letter are returned: a lone letter would pass
/// nearly every sentence.
pub fn required(hir: &Hir) -> Option<Vec<String>> {
    required_with(hir, None)
}

/// [`required`] of a masked pattern: a run of a token class's markers stands for
/// one of the class's words ([`crate::token`]).
pub fn required_with(hir: &Hir, tokens: Option<&Tokens>) -> Option<Vec<String>> {
    let need = info(hir, tokens).need?.set;
    useful(&need).then(|| minimal(&need))
}

/// The strings of `set` that contain no other string of it (a string that
/// contains another is redundant as a requirement), in order.
fn minimal(set: &Set) -> Vec<String> {
    let naive =
        || set.iter().filter(|s| !set.iter().any(|t| t != *s && s.contains(t.as_str()))).cloned().collect();
    if set.len() <= 32 {
        return naive();
    }
    // Many strings (a token class's words): one automaton of them all, and each
    // string searched for the others instead of against each in turn.
    let strings: Vec<&String> = set.iter().collect();
    let Ok(ac) = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&strings) else {
        return naive();
    };
    strings
        .iter()
        .enumerate()
        .filter(|&(i, s)| !ac.find_overlapping_iter(s.as_str()).any(|m| m.pattern().as_usize() != i))
        .map(|(_, s)| (*s).clone())
        .collect()
}

/// The words a repetition of token markers (`[Ѣѣ]+`) stands for, if it is one.
fn marker_run(rep: &regex_syntax::hir::Repetition, tokens: Option<&Tokens>) -> Option<Vec<String>> {
    let tokens = tokens?;
    let HirKind::Class(Class::Unicode(class)) = rep.sub.kind() else { return None };
    if rep.min == 0 || class.ranges().is_empty() {
        return None;
    }
    let mut words: Vec<String> = Vec::new();
    for c in class.ranges().iter().flat_map(|r| r.start()..=r.end()) {
        words.extend(tokens.marker_words(c)?.iter().cloned());
    }
    Some(words)
}

/// A set is worth a pass unless it holds a lone letter or space, which nearly
/// every sentence has.
fn useful(set: &Set) -> bool {
    set.iter().all(|s| {
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => !c.is_alphabetic() && !c.is_whitespace(),
            _ => true,
        }
    })
}

/// One pass over a sentence that tells which rules can match there.
pub struct Prefilter {
    ac: Option<AhoCorasick>,
    /// For each string of the automaton, the rules (positions in the caller's
    /// list) that need it.
    rules_of: Vec<Vec<u32>>,
    /// Rules with no required strings: they pass every sentence.
    always: Vec<u32>,
    rules: usize,
}

impl Prefilter {
    /// From each rule's required strings (`None`: the rule runs everywhere).
    pub fn new(needs: &[Option<Vec<String>>]) -> Prefilter {
        let mut strings: Vec<String> = Vec::new();
        let mut rules_of: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        let mut index = std::collections::HashMap::new();
        for (r, need) in needs.iter().enumerate() {
            let Some(need) = need else {
                always.push(r as u32);
                continue;
            };
            for s in need {
                let k = *index.entry(s.clone()).or_insert_with(|| {
                    strings.push(s.clone());
                    rules_of.push(Vec::new());
                    strings.len() - 1
                });
                rules_of[k].push(r as u32);
            }
        }
        let ac = (!strings.is_empty()).then(|| {
            // A contiguous NFA: as fast here as a DFA (the strings are some
            // hundreds), a fraction of its 5.9 MB of tables for the two languages.
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&strings)
                .expect("required strings build an automaton")
        });
        Prefilter { ac, rules_of, always, rules: needs.len() }
    }

    /// Mark in `pass` (one flag per rule, reset here) the rules that can match
    /// `folded`, a sentence as [`fold_into`] writes it.
    pub fn scan(&self, folded: &str, pass: &mut Vec<bool>) {
        pass.clear();
        pass.resize(self.rules, false);
        for &r in &self.always {
            pass[r as usize] = true;
        }
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(folded) {
                for &r in &self.rules_of[m.pattern().as_usize()] {
                    pass[r as usize] = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(p: &str) -> Option<Vec<String>> {
        required(&regex_syntax::Parser::new().parse(p).unwrap())
    }

    #[test]
    fn literals_and_case_insensitive_words() {
        assert_eq!(req("(?i:басқармасы)[\\pL]*"), Some(vec!["басқармасы".to_string()]));
        assert_eq!(
            req("[А-Я]\\w+ (?:департаменті|комитеті)"),
            Some(vec![" департаменті".into(), " комитеті".into()])
        );
        assert_eq!(req("«[^»]+»"), Some(vec!["«".into()]));
    }

    #[test]
    fn counted_repetitions_multiply_out() {
        // Two digits and a point: the hundred strings "00." .. "99.", not the point alone.
        let need = req("[0-9]{2}\\.[0-9]{4}").unwrap();
        assert_eq!(need.len(), 100);
        assert!(need.contains(&"07.".to_string()) && !need.contains(&".".to_string()));
        assert_eq!(req("(?:аб){1,2}в").unwrap(), vec!["абв".to_string()]);
        assert_eq!(req("(?:аб){0,2}"), None);
    }

    #[test]
    fn strings_containing_others_are_dropped() {
        let naive = |set: &Set| -> Vec<String> {
            set.iter().filter(|s| !set.iter().any(|t| t != *s && s.contains(t.as_str()))).cloned().collect()
        };
        // Few strings and many (the automaton's path), with nested ones.
        for n in [5usize, 400] {
            let mut set: Set = (0..n).map(|i| format!("сл{i}ово")).collect();
            set.extend(["ово", "сл1ово!", "ф", "фф", "«ф»"].map(String::from));
            let got = minimal(&set);
            assert_eq!(got, naive(&set), "{n}");
            assert!(got.contains(&"ово".to_string()) && got.contains(&"ф".to_string()));
            assert!(!got.contains(&"сл1ово!".to_string()) && !got.contains(&"фф".to_string()));
        }
    }

    #[test]
    fn optional_parts_require_nothing() {
        assert_eq!(req("(?:басқармасы)?\\pL+"), None);
        assert_eq!(req("\\pL+"), None);
        // One letter would pass every sentence.
        assert_eq!(req("[аб]\\pL+"), None);
    }

    #[test]
    fn alternation_needs_every_branch_covered() {
        assert_eq!(req("(?:январ|феврал)\\pL*|\\d+"), None);
        let digits = req("(?:январ|феврал)\\pL*|[0-9]+").unwrap();
        assert!(digits.contains(&"январ".to_string()) && digits.contains(&"7".to_string()));
    }

    #[test]
    fn folding_is_per_character_and_maps_variants() {
        let f = |s: &str| {
            let mut o = String::new();
            fold_into(s, &mut o);
            o
        };
        assert_eq!(f("ЁЖИК Ѐѐ Qazaq ӘҒҚҢӨҰҮҺІ"), "ёжик ѐѐ qazaq әғқңөұүһі");
        assert_eq!(f("заᲀтра"), "завтра");
        for c in '\0'..='\u{2100}' {
            if let Some(one) = fold_one(c) {
                assert_eq!(one.to_string(), f(&c.to_string()), "{c:?}");
            }
        }
        assert_eq!(fold_one('Ә'), Some('ә'));
        assert_eq!(fold_one('«'), None);
        for c in ('\u{400}'..='\u{52f}').chain('A'..='z') {
            let s = c.to_string();
            assert_eq!(f(&s), c.to_uppercase().flat_map(char::to_lowercase).collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn the_filter_passes_rules_whose_strings_occur() {
        let needs = vec![Some(vec!["басқармасы".to_string()]), None, Some(vec!["«".to_string()])];
        let p = Prefilter::new(&needs);
        let mut pass = Vec::new();
        let mut folded = String::new();
        fold_into("Денсаулық сақтау БАСҚАРМАСЫ келді", &mut folded);
        p.scan(&folded, &mut pass);
        assert_eq!(pass, vec![true, true, false]);
        p.scan("жоқ", &mut pass);
        assert_eq!(pass, vec![false, true, false]);
    }
}
