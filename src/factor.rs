//! Common prefixes of alternatives, factored out of a pattern.
//!
//! Rules list words as alternations, most of them case-insensitive
//! (`(?i:более\s+чем|более|свыше)`), which parse into concatenations of
//! one-letter classes (`[Бб][Оо][Лл]...`). The regex engine turns an alternation
//! of plain literals into a trie, but not one of classes: every alternative is a
//! branch of its own, so the NFA is larger, each lazy DFA state holds more NFA
//! states, and the backtracker that resolves a match's groups tries each branch
//! in turn. [`factor`] rewrites `p x | p y | z` as `p (?:x | y) | z` wherever
//! neighbouring alternatives start with the same character or class `p`.
//!
//! The rewrite keeps what matches and which match is preferred: `p` matches one
//! character in exactly one way, so trying `p x` and then `p y` is trying `p`
//! and then `x` or else `y`; only neighbours are merged, so the order of the
//! alternatives stays the same. Groups are untouched (a capture is never a
//! shared prefix).

use regex_syntax::hir::{Capture, Class, Hir, HirKind, Repetition};

/// `hir` with the common first characters of neighbouring alternatives factored out.
pub fn factor(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Alternation(subs) => alternation(subs.into_iter().map(factor).collect()),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(factor).collect()),
        HirKind::Repetition(rep) => Hir::repetition(Repetition { sub: Box::new(factor(*rep.sub)), ..rep }),
        HirKind::Capture(cap) => Hir::capture(Capture { sub: Box::new(factor(*cap.sub)), ..cap }),
        kind => rebuild(kind),
    }
}

/// The alternation of `subs` (already factored within), neighbours sharing a
/// first item merged.
pub fn alternation(subs: Vec<Hir>) -> Hir {
    // Plain literals become a trie in the regex engine already.
    if subs.iter().all(|h| matches!(h.kind(), HirKind::Literal(_))) {
        return Hir::alternation(subs);
    }
    Hir::alternation(merge(subs))
}

fn rebuild(kind: HirKind) -> Hir {
    match kind {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(l) => Hir::literal(l.0),
        HirKind::Class(c) => Hir::class(c),
        HirKind::Look(l) => Hir::look(l),
        HirKind::Repetition(r) => Hir::repetition(r),
        HirKind::Capture(c) => Hir::capture(c),
        HirKind::Concat(s) => Hir::concat(s),
        HirKind::Alternation(s) => Hir::alternation(s),
    }
}

/// The first item of an alternative when it matches one character in one way
/// (a class, or a literal of one character).
fn first_item(h: &Hir) -> Option<&Hir> {
    let one = |x: &Hir| match x.kind() {
        HirKind::Class(_) => true,
        HirKind::Literal(l) => std::str::from_utf8(&l.0).is_ok_and(|s| s.chars().count() == 1),
        _ => false,
    };
    match h.kind() {
        HirKind::Concat(items) => items.first().filter(|x| one(x)),
        _ => one(h).then_some(h),
    }
}

/// What follows the first item of an alternative ([`first_item`]).
fn rest(h: Hir) -> Hir {
    match h.into_kind() {
        HirKind::Concat(items) => Hir::concat(items.into_iter().skip(1).collect()),
        _ => Hir::empty(),
    }
}

/// The characters a first item ([`first_item`]) matches, as ranges in order;
/// `None` for a class of bytes.
fn chars_of(item: &Hir) -> Option<Vec<(char, char)>> {
    match item.kind() {
        HirKind::Class(Class::Unicode(c)) => Some(c.ranges().iter().map(|r| (r.start(), r.end())).collect()),
        HirKind::Literal(l) => std::str::from_utf8(&l.0).ok()?.chars().next().map(|c| vec![(c, c)]),
        _ => None,
    }
}

/// Do two sets of ranges in order share no character?
fn disjoint(a: &[(char, char)], b: &[(char, char)]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i].1 < b[j].0 {
            i += 1;
        } else if b[j].1 < a[i].0 {
            j += 1;
        } else {
            return false;
        }
    }
    true
}

/// Alternatives starting with the same item, merged: that item, then the
/// alternation of their rests (merged in turn). An alternative joins an earlier
/// one with its first item when every alternative between them starts with an
/// item that shares no character with it: where it can match, those cannot, so
/// moving it past them changes no preference.
fn merge(subs: Vec<Hir>) -> Vec<Hir> {
    struct Group {
        first: Option<(Hir, Vec<(char, char)>)>,
        members: Vec<Hir>,
    }
    let mut groups: Vec<Group> = Vec::with_capacity(subs.len());
    for h in subs {
        let Some((first, chars)) = first_item(&h).and_then(|f| Some((f.clone(), chars_of(f)?))) else {
            groups.push(Group { first: None, members: vec![h] });
            continue;
        };
        let mut home = None;
        for (k, g) in groups.iter().enumerate().rev() {
            match &g.first {
                Some((f, _)) if *f == first => {
                    home = Some(k);
                    break;
                }
                Some((_, other)) if disjoint(other, &chars) => continue,
                _ => break,
            }
        }
        match home {
            Some(k) => groups[k].members.push(h),
            None => groups.push(Group { first: Some((first, chars)), members: vec![h] }),
        }
    }
    groups
        .into_iter()
        .map(|g| match g.first {
            Some((first, _)) if g.members.len() > 1 => {
                Hir::concat(vec![first, alternation(g.members.into_iter().map(rest).collect())])
            }
            _ => Hir::concat(g.members),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta::Regex;

    fn parse(p: &str) -> Hir {
        regex_syntax::Parser::new().parse(p).unwrap()
    }

    /// Every match (span and groups) of the pattern and of its factored form, over `text`.
    fn same_matches(p: &str, text: &str) {
        let plain = Regex::builder().build_from_hir(&parse(p)).unwrap();
        let factored = Regex::builder().build_from_hir(&factor(parse(p))).unwrap();
        let all = |re: &Regex| -> Vec<Vec<Option<(usize, usize)>>> {
            re.captures_iter(text)
                .map(|c| (0..c.group_len()).map(|g| c.get_group(g).map(|s| (s.start, s.end))).collect())
                .collect()
        };
        assert_eq!(all(&plain), all(&factored), "{p} over {text:?}");
    }

    #[test]
    fn neighbours_sharing_a_first_letter_are_merged() {
        let h = factor(parse("(?i:более\\s+чем|более|свыше)"));
        // Two alternatives left: [Бб](?:...) and [Сс]...
        let HirKind::Alternation(subs) = h.kind() else { panic!("{h:?}") };
        assert_eq!(subs.len(), 2);
        // Past an alternative starting with another letter: `аб|в|ад` is `а(?:б|д)|в`.
        let h = factor(parse("(?i:аб|в|ад)"));
        let HirKind::Alternation(subs) = h.kind() else { panic!("{h:?}") };
        assert_eq!(subs.len(), 2);
        // Not past one that may start with the same letter, or with nothing.
        for p in ["(?i:аб|[а-в]|ад)", "(?i:аб|в?|ад)", "(?i:аб|\\w+|ад)"] {
            let h = factor(parse(p));
            let HirKind::Alternation(subs) = h.kind() else { panic!("{h:?}") };
            assert_eq!(subs.len(), 3, "{p}");
        }
        assert!(disjoint(&[('а', 'в'), ('ж', 'ж')], &[('г', 'е'), ('з', 'я')]));
        assert!(!disjoint(&[('а', 'в'), ('ж', 'ж')], &[('г', 'е'), ('ж', 'я')]));
    }

    #[test]
    fn matches_and_groups_stay_the_same() {
        let text = "Более чем 20 человек, более 30 детей, свыше 5 тонн; болееe Б 7, аб в ад, в  ад  бо б абв";
        for p in [
            "(?i:более\\s+чем|более|свыше)\\s+(?P<n>[0-9]+)",
            "(?i:более|более\\s+чем)\\s+(?P<n>[0-9]+)",
            "(?P<w>(?i:аб|в|ад))",
            "(?i:а(?P<p>б)|[а-в]|а(?P<q>д)|в\\s+|ад\\s+|бо|б)\\s*",
            "(?i:б(?P<x>о)лее|бо(?P<y>л)ее|б)",
            "(?:a|ab|abc|)c?",
            "(?i:б|бо|)[0-9 ]+",
        ] {
            same_matches(p, text);
        }
    }

    /// Alternatives that share a leading repetition keep their order: the first
    /// that matches wins. regex-syntax 0.8.11 lifted any common prefix out of an
    /// alternation, repetitions too (`[А-Я][а-я]+а\s+...|[А-Я][а-я]+` became
    /// `[А-Я][а-я]+(?:а\s+...|)`), so the shared greedy `+` took the `а` and the
    /// empty branch won: района Алихана Бокейханова matched as района Алихана.
    /// 0.8.12 lifts literals, classes and assertions only; this pins it.
    #[test]
    fn alternatives_sharing_a_repetition_keep_their_order() {
        let p = "района\\s+(?:[А-Я][а-я]+а\\s+[А-Я][а-я]+ова|[А-Я][а-я]+)";
        let text = "акимата района Алихана Бокейханова";
        for hir in [parse(p), factor(parse(p))] {
            let re = Regex::builder().build_from_hir(&hir).unwrap();
            let m = re.find(text).unwrap();
            assert_eq!(&text[m.range()], "района Алихана Бокейханова", "{hir:?}");
        }
    }
}
