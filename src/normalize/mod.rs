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

use regex::Captures;

use crate::lang::Lang;
use crate::record::{EntityType, Value};
use crate::rules::{Rule, RuleSet};

/// Everything a normalizer may read.
pub struct Context<'a> {
    pub rule: &'a Rule,
    pub caps: &'a Captures<'a>,
    /// The language of the sentence the match is in.
    pub lang: Lang,
    pub set: &'a RuleSet,
}

impl Context<'_> {
    /// The text of a named group, if it took part in the match and is not empty.
    pub fn group(&self, name: &str) -> Option<&str> {
        self.caps.name(name).map(|m| m.as_str()).filter(|s| !s.trim().is_empty())
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
    match ctx.rule.kind {
        EntityType::Count => count::normalize(ctx),
        EntityType::Date => date::normalize(ctx),
        EntityType::Organization => organization::normalize(ctx),
        EntityType::Place => place::normalize(ctx),
    }
}
