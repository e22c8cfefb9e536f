//! The alphabet of the rules: letters of the scripts Russian and Kazakh news
//! are written in.
//!
//! A rule that says `\pL` or `\p{Ll}` means a letter of a word in the article:
//! Cyrillic (Russian and Kazakh), Latin (brands, sites, transliterations), now
//! and then Greek. All of Unicode's letters, though, make each such class a
//! large UTF-8 automaton: a rule's NFA grows tenfold, its lazy DFA builds many
//! more states, and resolving the groups of a match costs that much more.
//! [`narrow`] rewrites a parsed pattern so that every class made of letters and
//! digits keeps only those in [`SCRIPTS`]. Other classes, such as `[^«»\n]`,
//! which also hold punctuation and symbols, are kept whole.
//!
//! The cost: a word in another script (Arabic, Chinese, Georgian...) is not read
//! as a word by the rules, which no rule of derek's is about.

use regex_syntax::hir::{Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition};

/// A letter of the Cyrillic and Cyrillic Supplement blocks (Russian and Kazakh).
pub fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{52f}').contains(&c)
}

/// The quotation marks that close a quoted name or phrase in Russian and
/// Kazakh news: guillemets, typewriter quotes and the English and German
/// closing quotes (“...” and „...“).
pub const CLOSING_QUOTES: [char; 4] = ['»', '"', '“', '”'];

/// The code point ranges the rules read letters and digits from: Latin, Greek,
/// Cyrillic with their extensions, and the letterlike block (`№`).
pub const SCRIPTS: &[(char, char)] = &[
    ('\u{0}', '\u{52F}'),
    ('\u{1C80}', '\u{1C8F}'),
    ('\u{1D00}', '\u{1EFF}'),
    ('\u{2000}', '\u{214F}'),
    ('\u{2DE0}', '\u{2DFF}'),
    ('\u{A640}', '\u{A69F}'),
    ('\u{A720}', '\u{A7FF}'),
    ('\u{FB00}', '\u{FB06}'),
];

fn scripts() -> ClassUnicode {
    ClassUnicode::new(SCRIPTS.iter().map(|&(a, b)| ClassUnicodeRange::new(a, b)))
}

/// Word characters (`\w`: letters, marks, digits, connector punctuation such as `_`)
/// of all scripts: the classes that may be narrowed
/// are those whose part outside [`SCRIPTS`] lies within this.
fn word_chars() -> ClassUnicode {
    let hir = regex_syntax::Parser::new().parse(r"[\w\pL\pM\pN]").expect("a valid class");
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(c)) => c,
        _ => unreachable!("a class parses to a class"),
    }
}

/// The pattern with its letter and digit classes narrowed to [`SCRIPTS`].
pub fn narrow(hir: Hir) -> Hir {
    // Both classes are computed once: `word_chars` parses a class of all of
    // Unicode's word characters, which cost more than narrowing most patterns.
    static CLASSES: std::sync::OnceLock<(ClassUnicode, ClassUnicode)> = std::sync::OnceLock::new();
    let (scripts, words) = CLASSES.get_or_init(|| (scripts(), word_chars()));
    walk(hir, scripts, words)
}

fn walk(hir: Hir, scripts: &ClassUnicode, words: &ClassUnicode) -> Hir {
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) => {
            // Below the end of the first script range (most classes: [Аа], [а-я]):
            // nothing to narrow.
            if class.ranges().last().is_none_or(|r| r.end() <= SCRIPTS[0].1) {
                return Hir::class(Class::Unicode(class));
            }
            let mut outside = class.clone();
            outside.difference(scripts);
            if outside.ranges().is_empty() {
                // Within the rules' scripts already (most classes: [Аа], [а-я]).
                return Hir::class(Class::Unicode(class));
            }
            let mut stray = outside.clone();
            stray.difference(words);
            if stray.ranges().is_empty() {
                // Letters and digits (of any script): keep those of the rules' scripts.
                let mut narrowed = class;
                narrowed.intersect(scripts);
                return Hir::class(Class::Unicode(narrowed));
            }
            // Anything but letters and digits (`[^\pL\pN\-]`, the end of a word): the
            // letters of other scripts are no letters to the rules, so they join the
            // class, whose automaton is then a fraction of the size.
            let mut excluded = class.clone();
            excluded.negate();
            let mut excluded_outside = excluded.clone();
            excluded_outside.difference(scripts);
            let mut excluded_stray = excluded_outside.clone();
            excluded_stray.difference(words);
            if !excluded_outside.ranges().is_empty() && excluded_stray.ranges().is_empty() {
                let mut widened = class;
                widened.union(&excluded_outside);
                return Hir::class(Class::Unicode(widened));
            }
            Hir::class(Class::Unicode(class))
        }
        HirKind::Repetition(rep) => {
            Hir::repetition(Repetition { sub: Box::new(walk(*rep.sub, scripts, words)), ..rep })
        }
        HirKind::Capture(cap) => {
            Hir::capture(Capture { sub: Box::new(walk(*cap.sub, scripts, words)), ..cap })
        }
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(|h| walk(h, scripts, words)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.into_iter().map(|h| walk(h, scripts, words)).collect())
        }
        kind
        @ (HirKind::Empty | HirKind::Literal(_) | HirKind::Class(Class::Bytes(_)) | HirKind::Look(_)) => {
            match kind {
                HirKind::Empty => Hir::empty(),
                HirKind::Literal(l) => Hir::literal(l.0),
                HirKind::Class(c) => Hir::class(c),
                HirKind::Look(l) => Hir::look(l),
                _ => unreachable!(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class_of(pattern: &str) -> ClassUnicode {
        let hir = narrow(regex_syntax::Parser::new().parse(pattern).unwrap());
        match hir.into_kind() {
            HirKind::Class(Class::Unicode(c)) => c,
            k => panic!("not a class: {k:?}"),
        }
    }

    fn has(c: &ClassUnicode, ch: char) -> bool {
        c.ranges().iter().any(|r| r.start() <= ch && ch <= r.end())
    }

    #[test]
    fn letter_classes_keep_latin_greek_and_cyrillic_only() {
        let l = class_of(r"[\pL\-]");
        for ch in ['a', 'Z', 'é', 'ş', 'Ж', 'ә', 'Ү', 'ї', 'λ', '-'] {
            assert!(has(&l, ch), "{ch}");
        }
        for ch in ['中', 'ა', 'ب'] {
            assert!(!has(&l, ch), "{ch}");
        }
        assert!(has(&class_of(r"\p{Ll}"), 'қ') && !has(&class_of(r"\p{Ll}"), 'ა'));
        // \w too (it was kept whole for its connector punctuation: 1 400 states reversed).
        let w = class_of(r"\w");
        assert!(has(&w, 'ң') && has(&w, '7') && has(&w, '_') && !has(&w, '中') && !has(&w, '٣'));
    }

    #[test]
    fn non_letter_classes_take_in_the_letters_of_other_scripts() {
        let c = class_of(r"[^\pL\pN\-]");
        for ch in [' ', '.', '«', '中', 'ა', '😀'] {
            assert!(has(&c, ch), "{ch}");
        }
        for ch in ['a', 'Ж', 'ә', '7', '-'] {
            assert!(!has(&c, ch), "{ch}");
        }
    }

    #[test]
    fn classes_with_other_characters_stay_whole() {
        let c = class_of(r"[^«»\n]");
        for ch in ['中', '😀', '…', 'a'] {
            assert!(has(&c, ch), "{ch}");
        }
        assert!(!has(&c, '«'));
    }

    #[test]
    fn narrowing_keeps_the_shape_of_the_pattern() {
        let p = r"(?P<name>[А-Я][\pL\-]{2,}(?:\s+\pL+)*)»?";
        let hir = narrow(regex_syntax::Parser::new().parse(p).unwrap());
        let re = regex_automata::meta::Regex::builder().build_from_hir(&hir).unwrap();
        let m = re.find("«Жасыл ел»").unwrap();
        assert_eq!(&"«Жасыл ел»"[m.range()], "Жасыл ел»");
        assert!(re.find("«Жа中 ел»").is_none());
    }
}
