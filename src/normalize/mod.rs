//! Normalizers: from the text captured by a rule's named groups to the value
//! shapes of the annotation guidelines (`../shared/gold/GUIDELINES.md`).
//!
//! One normalizer per type ([`count`], [`date`], [`organization`], [`place`]),
//! built on the shared readers of numbers ([`number`]), months ([`month`]) and
//! noun phrases in the nominative ([`nominative`]).

pub mod count;
pub mod date;
pub mod month;
pub mod nominative;
pub mod number;
pub mod organization;
pub mod place;

use regex_automata::util::captures::Captures;

use crate::lang::Lang;
use crate::record::{EntityType, Value};
use crate::rules::{Rule, RuleSet};

/// The span of a named group of a match, if it took part: the names compared in
/// turn (a rule has a handful; the regex crate's look-up hashes the name each time).
/// A group named `NAME__BRANCH` is `NAME` in another branch of an alternation
/// (the regex crate allows no name twice): the first of them that took part.
pub fn group_span(caps: &Captures, name: &str) -> Option<regex_automata::Span> {
    let names = caps.group_info().pattern_names(regex_automata::PatternID::ZERO);
    names
        .enumerate()
        .filter(|(_, n)| n.is_some_and(|n| crate::rules::group_stands_for(n, name)))
        .find_map(|(i, _)| caps.get_group(i))
}

/// Everything a normalizer may read.
pub struct Context<'a> {
    pub rule: &'a Rule,
    pub groups: Groups<'a>,
    /// The language of the sentence the match is in.
    pub lang: Lang,
    /// The document's language (`Und` when it has none): place names are given in it.
    pub doc_lang: Lang,
    pub set: &'a RuleSet,
}

/// The text a match captured: a regex's groups, or a gazetteer match whose one
/// optional group spans it all.
#[derive(Clone, Copy)]
pub enum Groups<'a> {
    /// `cut`: the part a rule's `trim` removed from the span's start; groups
    /// reaching into it start after it.
    Regex {
        caps: &'a Captures,
        hay: &'a str,
        cut: (usize, usize),
    },
    Whole {
        text: &'a str,
        group: Option<&'a str>,
    },
}

impl<'a> Groups<'a> {
    /// The text of a named group, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<&'a str> {
        match *self {
            Groups::Regex { caps, hay, cut: (a, b) } => group_span(caps, name).and_then(|s| {
                if s.end <= a || s.start >= b {
                    Some(&hay[s.range()])
                } else {
                    (s.end > b).then(|| &hay[b..s.end])
                }
            }),
            Groups::Whole { text, group } => (group == Some(name)).then_some(text),
        }
    }

    /// The character just before the match in its sentence, if any.
    pub fn before(&self) -> Option<char> {
        match *self {
            Groups::Regex { caps, hay, .. } => {
                caps.get_match().and_then(|m| hay[..m.start()].chars().next_back())
            }
            Groups::Whole { .. } => None,
        }
    }

    /// The text of the sentence before the match (empty for gazetteer matches).
    pub fn preceding(&self) -> &'a str {
        match *self {
            Groups::Regex { caps, hay, .. } => caps.get_match().map_or("", |m| &hay[..m.start()]),
            Groups::Whole { .. } => "",
        }
    }

    /// The sentence and the entity's place in it (its `span` group, else the
    /// whole match); none for gazetteer matches.
    fn entity_in_sentence(&self) -> Option<(&'a str, regex_automata::Span)> {
        match *self {
            Groups::Regex { caps, hay, .. } => {
                group_span(caps, "span").or_else(|| caps.get_match().map(|m| m.span())).map(|s| (hay, s))
            }
            Groups::Whole { .. } => None,
        }
    }

    /// The text of the sentence before the entity (its `span` group, else the
    /// whole match); empty for gazetteer matches.
    pub fn before_span(&self) -> &'a str {
        self.entity_in_sentence().map_or("", |(hay, s)| &hay[..s.start])
    }

    /// The text of the sentence after the entity (its `span` group, else the
    /// whole match); empty for gazetteer matches.
    pub fn following(&self) -> &'a str {
        self.entity_in_sentence().map_or("", |(hay, s)| &hay[s.end..])
    }

    /// The entity's own text (its `span` group, else the whole match); empty for
    /// gazetteer matches.
    pub fn span_text(&self) -> &'a str {
        self.entity_in_sentence().map_or("", |(hay, s)| &hay[s.range()])
    }

    /// The text of the sentence after group `g`, when it took part in the match
    /// (after the object, a classifier's `held` words and what follows them).
    pub fn after(&self, g: &str) -> Option<&'a str> {
        match *self {
            Groups::Regex { caps, hay, .. } => group_span(caps, g).map(|s| &hay[s.end..]),
            Groups::Whole { .. } => None,
        }
    }

    /// The text between the end of group `a` and the start of group `b`, when
    /// both took part in the match and `a` ends first.
    pub fn between(&self, a: &str, b: &str) -> Option<&'a str> {
        match *self {
            Groups::Regex { caps, hay, .. } => {
                let (a, b) = (group_span(caps, a)?, group_span(caps, b)?);
                (a.end <= b.start).then(|| &hay[a.end..b.start])
            }
            Groups::Whole { .. } => None,
        }
    }

    /// Does the group open its sentence (no letter or digit before it there)?
    /// Gazetteer matches never count as opening one: the rule is about capitals
    /// that a pattern reads as a name.
    pub fn leads_sentence(&self, group: &str) -> bool {
        match *self {
            Groups::Regex { caps, hay, .. } => {
                group_span(caps, group).is_some_and(|g| !hay[..g.start].chars().any(char::is_alphanumeric))
            }
            Groups::Whole { .. } => false,
        }
    }

    /// The whole match.
    pub fn whole(&self) -> &'a str {
        match *self {
            Groups::Regex { caps, hay, .. } => caps.get_match().map_or("", |m| &hay[m.range()]),
            Groups::Whole { text, .. } => text,
        }
    }
}

impl Context<'_> {
    /// The text of a named group, if it took part in the match and is not empty.
    pub fn group(&self, name: &str) -> Option<&str> {
        self.groups.name(name).filter(|s| !s.trim().is_empty())
    }

    /// A constant value field of the rule, as a string.
    pub fn constant(&self, name: &str) -> Option<String> {
        match self.rule.constants.get(name)? {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Integer(i) => Some(i.to_string()),
            toml::Value::Float(f) => Some(f.to_string()),
            toml::Value::Boolean(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

/// The value of a match, or `None` when the captured text does not normalize
/// (then the match is dropped).
pub fn value(ctx: &Context) -> Option<Value> {
    // A rule that says `not = true` only claims its span (the candidate is
    // dropped when overlaps are resolved): its text (a campaign's quoted name
    // and its word, a media outlet's name) needs no value that passes its type's
    // checks, which could turn it down. Only organization and place rules may
    // say it (`constants_of`).
    if ctx.rule.constants.contains_key("not") {
        let whole = ctx.groups.whole().to_string();
        match ctx.rule.kind {
            EntityType::Organization => return Some(Value::Organization { name: whole, form: None }),
            EntityType::Place => return Some(Value::Place { name: whole, key: None }),
            EntityType::Count | EntityType::Date => {}
        }
    }
    match ctx.rule.kind {
        EntityType::Count => count::normalize(ctx),
        EntityType::Date => date::normalize(ctx),
        EntityType::Organization => organization::normalize(ctx),
        EntityType::Place => place::normalize(ctx),
    }
}
