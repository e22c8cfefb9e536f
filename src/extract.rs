//! The rule engine: runs a [`RuleSet`] over a document's sentences and resolves
//! the matches into entities.
//!
//! Per language, one [`regex::RegexSet`] over all rule patterns tells in a single
//! pass which rules match a sentence at all; only those run their own regex to
//! capture groups. Matches must start and end at word edges (unless a rule says
//! `boundary = false`), which keeps `\b` (slow on Unicode text) out of patterns.
//!
//! Overlaps are resolved within a type: longest span, then higher priority, then
//! earlier rule. Across types entities nest (a place inside an organization),
//! except where `[yields]` in `rules/common` says a type gives way to another
//! (a count overlapping a date is a year, not a count).

use std::ops::Range;

use regex::RegexSet;

use crate::lang::Lang;
use crate::normalize::{self, Context};
use crate::offsets::CharIndex;
use crate::record::{Entity, EntityType, Value};
use crate::rules::{Example, Rule, RuleError, RuleSet, SPAN_GROUP};
use crate::segment;

struct LangRules {
    /// Indices into `RuleSet::rules` of the rules for this language.
    rules: Vec<usize>,
    /// All those patterns at once, to find which of them can match a sentence.
    set: Option<RegexSet>,
}

/// A compiled rule set, ready to run.
pub struct Engine {
    pub set: RuleSet,
    ru: LangRules,
    kk: LangRules,
}

/// A match before overlap resolution (byte offsets).
struct Candidate {
    kind: EntityType,
    start: usize,
    end: usize,
    rule: usize,
    sentence: usize,
    value: Value,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Does a match at `start..end` of `text` begin and end at word edges?
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    if start == end {
        return false;
    }
    let before = text[..start].chars().next_back();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let after = text[end..].chars().next();
    let open = !(before.is_some_and(is_word) && first.is_some_and(is_word));
    let close = !(last.is_some_and(is_word) && after.is_some_and(is_word));
    open && close
}

impl Engine {
    /// Compile the per-language pattern sets.
    pub fn new(set: RuleSet) -> Result<Engine, RuleError> {
        let build = |lang: Lang| -> Result<LangRules, RuleError> {
            let rules: Vec<usize> =
                set.rules.iter().enumerate().filter(|(_, r)| r.lang.covers(lang)).map(|(i, _)| i).collect();
            if rules.is_empty() {
                return Ok(LangRules { rules, set: None });
            }
            let patterns: Vec<&str> = rules.iter().map(|&i| set.rules[i].pattern.as_str()).collect();
            let rs = regex::RegexSetBuilder::new(patterns)
                .size_limit(512 << 20)
                .dfa_size_limit(64 << 20)
                .build()
                .map_err(|e| RuleError {
                    file: set.origin.clone(),
                    line: 0,
                    rule: None,
                    message: format!("the {} rules do not compile together: {e}", lang.code()),
                })?;
            Ok(LangRules { rules, set: Some(rs) })
        };
        let ru = build(Lang::Ru)?;
        let kk = build(Lang::Kk)?;
        Ok(Engine { set, ru, kk })
    }

    fn rules_for(&self, lang: Lang) -> &LangRules {
        if lang == Lang::Kk { &self.kk } else { &self.ru }
    }

    fn match_sentence(
        &self,
        text: &str,
        range: &Range<usize>,
        si: usize,
        lang: Lang,
        out: &mut Vec<Candidate>,
    ) {
        let hay = &text[range.clone()];
        let lr = self.rules_for(lang);
        let Some(set) = &lr.set else { return };
        for k in set.matches(hay).iter() {
            let rule_idx = lr.rules[k];
            let rule: &Rule = &self.set.rules[rule_idx];
            let mut pos = 0;
            while pos <= hay.len() {
                let Some(caps) = rule.regex.captures_at(hay, pos) else {
                    break;
                };
                let m = caps.get(0).expect("group 0 always matches");
                let span = caps.name(SPAN_GROUP).unwrap_or(m);
                let (s, e) = (range.start + span.start(), range.start + span.end());
                if span.start() == span.end() || (rule.boundary && !at_word_edges(text, s, e)) {
                    // Try again one character further on.
                    pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                let ctx = Context { rule, caps: &caps, lang, set: &self.set };
                if let Some(value) = normalize::value(&ctx) {
                    out.push(Candidate {
                        kind: rule.kind,
                        start: s,
                        end: e,
                        rule: rule_idx,
                        sentence: si,
                        value,
                    });
                }
                pos = if m.end() > m.start() { m.end() } else { m.start() + 1 };
            }
        }
    }

    /// Entities of a document, given its sentences (byte ranges) and their languages.
    pub fn extract(
        &self,
        text: &str,
        ranges: &[Range<usize>],
        langs: &[Lang],
        _date: Option<&str>,
        index: &CharIndex,
    ) -> Vec<Entity> {
        let mut cands = Vec::new();
        for (si, range) in ranges.iter().enumerate() {
            match langs.get(si).copied().unwrap_or(Lang::Und) {
                Lang::Und => {
                    self.match_sentence(text, range, si, Lang::Ru, &mut cands);
                    self.match_sentence(text, range, si, Lang::Kk, &mut cands);
                }
                l => self.match_sentence(text, range, si, l, &mut cands),
            }
        }
        let kept = self.resolve(cands);
        kept.into_iter()
            .map(|c| Entity {
                kind: c.kind,
                start: index.char_at(c.start),
                end: index.char_at(c.end),
                text: text[c.start..c.end].to_string(),
                sentence: c.sentence,
                rule: self.set.rules[c.rule].id.clone(),
                value: c.value,
            })
            .collect()
    }

    fn resolve(&self, mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let rules = &self.set.rules;
        cands.sort_by(|a, b| {
            (a.kind)
                .cmp(&b.kind)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(rules[b.rule].priority.cmp(&rules[a.rule].priority))
                .then(rules[a.rule].order.cmp(&rules[b.rule].order))
                .then(a.start.cmp(&b.start))
        });
        let mut kept: Vec<Candidate> = Vec::new();
        for c in cands {
            let overlaps = kept.iter().any(|k| k.kind == c.kind && k.start < c.end && c.start < k.end);
            if !overlaps {
                kept.push(c);
            }
        }
        // Types that give way to others where they overlap.
        let dominated = |c: &Candidate, kept: &[Candidate]| {
            self.set.yields_to.get(&c.kind).is_some_and(|over| {
                kept.iter().any(|k| over.contains(&k.kind) && k.start < c.end && c.start < k.end)
            })
        };
        let drop: Vec<bool> = kept.iter().map(|c| dominated(c, &kept)).collect();
        let mut out: Vec<Candidate> =
            kept.into_iter().zip(drop).filter(|(_, d)| !d).map(|(c, _)| c).collect();
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
        out
    }

    /// Run the rules over a text whose every sentence is in `lang` (rule examples).
    pub fn extract_text(&self, text: &str, lang: Lang) -> Vec<Entity> {
        let ranges = segment::split(text);
        let langs = vec![lang; ranges.len()];
        self.extract(text, &ranges, &langs, None, &CharIndex::new(text))
    }

    /// Check one example; `Err` describes the mismatch.
    pub fn check_example(&self, ex: &Example) -> Result<(), String> {
        let found: Vec<Entity> =
            self.extract_text(&ex.text, ex.lang).into_iter().filter(|e| ex.types.contains(&e.kind)).collect();
        let as_json = |e: &Entity| {
            let mut v = serde_json::to_value(&e.value).expect("values serialize");
            if let Some(o) = v.as_object_mut() {
                o.retain(|k, x| !x.is_null() && k != "key" && k != "relative");
            }
            v
        };
        let mut expected_json: Vec<serde_json::Value> = ex
            .expect
            .iter()
            .map(|x| {
                let mut v = x.value.clone();
                if let Some(o) = v.as_object_mut() {
                    o.retain(|k, _| k != "key" && k != "relative");
                }
                v
            })
            .collect();
        let mut unmatched_found: Vec<&Entity> = found.iter().collect();
        let mut missing = Vec::new();
        let mut fired_by_rule = ex.rule.is_none() || ex.expect.is_empty();
        for (x, xv) in ex.expect.iter().zip(expected_json.iter_mut()) {
            let hit = unmatched_found
                .iter()
                .position(|e| e.kind == x.kind && e.text == x.text && as_json(e) == *xv);
            match hit {
                Some(i) => {
                    if ex.rule.as_deref() == Some(unmatched_found[i].rule.as_str()) {
                        fired_by_rule = true;
                    }
                    unmatched_found.remove(i);
                }
                None => missing.push(format!("{} {:?} {}", x.kind, x.text, xv)),
            }
        }
        if missing.is_empty() && unmatched_found.is_empty() && fired_by_rule {
            return Ok(());
        }
        let mut msg = format!("example {:?}\n", ex.text);
        for m in &missing {
            msg.push_str(&format!("    expected  {m}\n"));
        }
        for e in &found {
            msg.push_str(&format!("    found     {} {:?} {}  [{}]\n", e.kind, e.text, as_json(e), e.rule));
        }
        if found.is_empty() {
            msg.push_str("    found     nothing\n");
        }
        if missing.is_empty() && unmatched_found.is_empty() && !fired_by_rule {
            msg.push_str("    (all found, but not by this rule: another rule wins the span)\n");
        }
        Err(msg)
    }
}

/// The result of checking every example of a rule set.
pub struct CheckReport {
    pub examples: usize,
    pub failures: Vec<String>,
}

/// Run every example; also require each rule to carry a positive example and each
/// rule file a negative one.
pub fn check(engine: &Engine) -> CheckReport {
    let set = &engine.set;
    let mut failures = Vec::new();
    for ex in &set.examples {
        if let Err(m) = engine.check_example(ex) {
            let who = ex.rule.as_ref().map(|r| format!(": rule {r}")).unwrap_or_default();
            failures.push(format!("{}:{}{who}: {m}", ex.file, ex.line));
        }
    }
    for r in &set.rules {
        let positive =
            set.examples.iter().any(|e| e.rule.as_deref() == Some(r.id.as_str()) && !e.is_negative());
        if !positive {
            failures.push(format!("{}:{}: rule {}: has no positive example\n", r.file, r.line, r.id));
        }
    }
    let mut files: Vec<&str> = set.rules.iter().map(|r| r.file.as_str()).collect();
    files.dedup();
    for f in files {
        if !set.examples.iter().any(|e| e.file == f && e.is_negative()) {
            failures.push(format!("{f}: has no negative example (`expect = []`)\n"));
        }
    }
    CheckReport { examples: set.examples.len(), failures }
}
