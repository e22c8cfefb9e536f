//! `derek diff`: what a rule change gains and breaks, document by document, the
//! way a code review shows a diff.
//!
//! Two records files (`derek extract` output, JSON Lines) are joined by `id`.
//! Within a document and an entity type, old and new entities are paired one to
//! one in four passes, each in file order:
//! 1. identical (same span, text, value and rule): unchanged, not reported;
//! 2. same span (start, end): changed (its value, its rule, its text);
//! 3. same value, overlapping spans, largest overlap first: changed (span moved);
//! 4. overlapping spans, largest overlap first: changed (span and value), e.g.
//!    `50 тысяч` (= 50000) that became `более 50 тысяч` (> 50000);
//!
//! and what is left is removed (old side) or added (new side). Values compare in
//! full (a count's category too), not only by their scoring key. Sentence
//! boundaries and the other fields of a record (`lang`, `chars`, `error`, …) are
//! compared as well and reported as notes. A document present on one side only
//! is listed as such; its entities are not counted as added or removed.
//!
//! [`gold`] classifies each change against a gold file as a fix, a regression or
//! neutral and measures value-F1 before and after; [`render`] writes the report
//! as text for people (optionally coloured) or as JSON.

pub mod gold;
pub mod render;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::path::Path;

use serde::Deserialize;

use crate::input::{Inputs, Job};
use crate::record::{Entity, EntityType};

/// One document of a records file, as `derek diff` needs it.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: String,
    /// 1-based line in its file.
    pub line: usize,
    pub entities: Vec<Entity>,
    /// Sentence spans (characters, end exclusive).
    pub sentences: Vec<(usize, usize)>,
    /// The sentences as written (spans and languages), compared as a whole.
    sentences_raw: serde_json::Value,
    /// The document's text, when the record carries a `text` field.
    pub text: Option<String>,
    /// Every other field (`source`, `lang`, `chars`, `error`, …).
    pub fields: serde_json::Map<String, serde_json::Value>,
}

/// A records file read whole, documents in file order.
#[derive(Debug, Clone)]
pub struct Side {
    pub path: String,
    pub docs: Vec<Doc>,
    by_id: HashMap<String, usize>,
}

#[derive(Deserialize)]
struct Span {
    start: usize,
    end: usize,
}

fn invalid(msg: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, msg)
}

impl Side {
    /// Read a records file; a malformed line is an error that names the file and line.
    pub fn read(path: &Path) -> io::Result<Side> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Side::parse(&path.display().to_string(), &text)
    }

    /// Parse records (JSON Lines) read from `path`.
    pub fn parse(path: &str, text: &str) -> io::Result<Side> {
        let mut side = Side { path: path.to_string(), docs: Vec::new(), by_id: HashMap::new() };
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let here = format!("{path}:{}", i + 1);
            let doc = parse_doc(line, i + 1).map_err(|e| invalid(format!("{here}: {e}")))?;
            if let Some(&first) = side.by_id.get(&doc.id) {
                return Err(invalid(format!(
                    "{here}: id {:?} already on line {}; records cannot be joined by id",
                    doc.id, side.docs[first].line
                )));
            }
            side.by_id.insert(doc.id.clone(), side.docs.len());
            side.docs.push(doc);
        }
        Ok(side)
    }

    pub fn get(&self, id: &str) -> Option<&Doc> {
        self.by_id.get(id).map(|&i| &self.docs[i])
    }
}

fn parse_doc(line: &str, number: usize) -> Result<Doc, String> {
    let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("not JSON: {e}"))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err("not a JSON object".into());
    };
    let id = match fields.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err("no \"id\" (a string)".into()),
    };
    let entities = match fields.remove("entities") {
        Some(v) => Vec::<Entity>::deserialize(v).map_err(|e| format!("bad \"entities\": {e}"))?,
        None => Vec::new(),
    };
    let sentences_raw = fields.remove("sentences").unwrap_or(serde_json::Value::Null);
    let sentences = if sentences_raw.is_null() {
        Vec::new()
    } else {
        Vec::<Span>::deserialize(&sentences_raw)
            .map_err(|e| format!("bad \"sentences\": {e}"))?
            .into_iter()
            .map(|s| (s.start, s.end))
            .collect()
    };
    let text = match fields.remove("text") {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Null) | None => None,
        Some(_) => return Err("\"text\" is not a string".into()),
    };
    Ok(Doc { id, line: number, entities, sentences, sentences_raw, text, fields })
}

/// Added, removed or changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

/// What differs between the old and new entity of a change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Aspects {
    pub span: bool,
    /// Same span, other text: the document's text changed underneath.
    pub text: bool,
    pub value: bool,
    pub rule: bool,
}

impl Aspects {
    pub fn names(self) -> Vec<&'static str> {
        [("span", self.span), ("text", self.text), ("value", self.value), ("rule", self.rule)]
            .into_iter()
            .filter_map(|(n, on)| on.then_some(n))
            .collect()
    }
}

/// How a change stands against gold (see [`gold`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// derek now agrees with gold where it did not.
    Fix,
    /// derek agreed with gold and does not any more.
    Regression,
    /// Right before and after, wrong before and after, or no gold for the document.
    Neutral,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Fix => "fix",
            Verdict::Regression => "regression",
            Verdict::Neutral => "neutral",
        }
    }
}

/// One side of a change: the entity, its index in its record, its sentence.
#[derive(Clone, Debug)]
pub struct Placed {
    pub entity: Entity,
    /// Index in the record's `entities`.
    pub index: usize,
    /// The span of the sentence the entity is in, when the record has it.
    pub sentence: Option<(usize, usize)>,
}

/// An entity added, removed or changed.
#[derive(Clone, Debug)]
pub struct Change {
    pub kind: ChangeKind,
    pub entity_type: EntityType,
    pub old: Option<Placed>,
    pub new: Option<Placed>,
    /// For changed entities: what changed.
    pub aspects: Aspects,
    /// Against gold, when a gold file was given.
    pub verdict: Option<Verdict>,
}

impl Change {
    /// The entity as it is now (the old one for a removal).
    pub fn current(&self) -> &Entity {
        &self.new.as_ref().or(self.old.as_ref()).expect("a change has a side").entity
    }

    /// The rules a change is counted under: its rule, or both when the rule changed.
    pub fn rules(&self) -> Vec<&str> {
        let mut r: Vec<&str> =
            [&self.old, &self.new].into_iter().flatten().map(|p| p.entity.rule.as_str()).collect();
        r.dedup();
        r
    }
}

/// Where a document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    Both,
    OnlyOld,
    OnlyNew,
}

/// A top-level field of a record that differs (`lang`, `chars`, `error`, …).
#[derive(Clone, Debug, PartialEq)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
}

/// Sentence boundaries that differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceChange {
    pub old: usize,
    pub new: usize,
    /// Sentence spans found on one side only.
    pub only_old: usize,
    pub only_new: usize,
}

/// The differences of one document.
#[derive(Clone, Debug)]
pub struct DocDiff {
    pub id: String,
    pub presence: Presence,
    /// Ordered by type, then by offset.
    pub changes: Vec<Change>,
    pub fields: Vec<FieldChange>,
    pub sentences: Option<SentenceChange>,
    /// For a document on one side only: its number of entities.
    pub entities: usize,
}

/// Added, removed, changed, and their verdicts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub fixes: usize,
    pub regressions: usize,
    pub neutral: usize,
}

impl Counts {
    fn add(&mut self, c: &Change) {
        match c.kind {
            ChangeKind::Added => self.added += 1,
            ChangeKind::Removed => self.removed += 1,
            ChangeKind::Changed => self.changed += 1,
        }
        match c.verdict {
            Some(Verdict::Fix) => self.fixes += 1,
            Some(Verdict::Regression) => self.regressions += 1,
            Some(Verdict::Neutral) => self.neutral += 1,
            None => {}
        }
    }

    pub fn total(&self) -> usize {
        self.added + self.removed + self.changed
    }
}

/// Totals of a report: per type, per (type, rule), documents.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub types: BTreeMap<EntityType, Counts>,
    /// A change whose rule changed counts under both rules.
    pub rules: BTreeMap<(EntityType, String), Counts>,
    pub total: Counts,
    /// Documents in both files that differ.
    pub differing: usize,
    pub only_old: Vec<String>,
    pub only_new: Vec<String>,
}

/// Value-F1 of one type, before (old) and after (new).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeF1 {
    pub kind: EntityType,
    pub gold: usize,
    pub before: Score,
    pub after: Score,
}

/// Precision, recall and F1 of value matches.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    pub found: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// What a gold file says about the two sides.
#[derive(Clone, Debug)]
pub struct GoldFigures {
    pub path: String,
    /// Gold documents scored (those whose id is in OLD or NEW).
    pub documents: usize,
    /// Documents with differences that the gold does not have.
    pub unjudged: usize,
    pub types: Vec<TypeF1>,
}

/// The whole comparison.
#[derive(Clone, Debug)]
pub struct Report {
    pub old_path: String,
    pub new_path: String,
    pub old_docs: usize,
    pub new_docs: usize,
    /// Documents with differences: OLD's order, then those only in NEW.
    pub docs: Vec<DocDiff>,
    pub gold: Option<GoldFigures>,
    /// Document texts by id (record `text`, `--text-from`, gold), for the sentences.
    pub texts: HashMap<String, String>,
}

impl Report {
    /// Is there any difference at all (documents on one side only included)?
    pub fn has_differences(&self) -> bool {
        !self.docs.is_empty()
    }

    /// Changes judged as regressions (0 without gold).
    pub fn regressions(&self) -> usize {
        self.docs.iter().flat_map(|d| &d.changes).filter(|c| c.verdict == Some(Verdict::Regression)).count()
    }

    /// Exit status: with `fail_on_regression`, 1 iff a regression exists; otherwise
    /// like diff(1), 1 iff there are differences. (2, trouble, is the caller's.)
    pub fn exit_code(&self, fail_on_regression: bool) -> u8 {
        let bad = if fail_on_regression { self.regressions() > 0 } else { self.has_differences() };
        u8::from(bad)
    }

    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for t in EntityType::ALL {
            s.types.insert(t, Counts::default());
        }
        for d in &self.docs {
            match d.presence {
                Presence::OnlyOld => s.only_old.push(d.id.clone()),
                Presence::OnlyNew => s.only_new.push(d.id.clone()),
                Presence::Both => s.differing += 1,
            }
            for c in &d.changes {
                s.types.entry(c.entity_type).or_default().add(c);
                s.total.add(c);
                for r in c.rules() {
                    s.rules.entry((c.entity_type, r.to_string())).or_default().add(c);
                }
            }
        }
        s
    }

    /// Ids of the documents whose text would show sentences and has not been found yet.
    pub fn wanting_text(&self) -> HashSet<String> {
        self.docs
            .iter()
            .filter(|d| !d.changes.is_empty() && !self.texts.contains_key(&d.id))
            .map(|d| d.id.clone())
            .collect()
    }

    /// Take the texts of the documents with changes from articles (folders, files,
    /// JSON Lines, as `derek extract` reads them). A path that cannot be read is
    /// an error; a document that cannot be decoded is left without its sentences.
    pub fn add_texts_from(&mut self, paths: Vec<String>) -> io::Result<()> {
        let mut wanted = self.wanting_text();
        if wanted.is_empty() {
            return Ok(());
        }
        for job in Inputs::new(paths) {
            if let Job::Warning(w) = job {
                return Err(io::Error::other(w));
            }
            if let Job::File { id, .. } = &job
                && !wanted.contains(id)
            {
                continue; // not read at all
            }
            if let Ok(doc) = job.load()
                && wanted.remove(&doc.id)
            {
                self.texts.insert(doc.id, doc.text);
                if wanted.is_empty() {
                    break;
                }
            }
        }
        Ok(())
    }
}

/// Compare two records files.
pub fn compare(old: &Side, new: &Side) -> Report {
    let mut docs = Vec::new();
    let mut texts = HashMap::new();
    for o in &old.docs {
        let d = match new.get(&o.id) {
            Some(n) => {
                let d = compare_docs(o, n);
                if let Some(t) = n.text.as_ref().or(o.text.as_ref())
                    && !d.changes.is_empty()
                {
                    texts.insert(o.id.clone(), t.clone());
                }
                d
            }
            None => one_side(o, Presence::OnlyOld),
        };
        if d.presence != Presence::Both
            || !d.changes.is_empty()
            || !d.fields.is_empty()
            || d.sentences.is_some()
        {
            docs.push(d);
        }
    }
    for n in new.docs.iter().filter(|n| old.get(&n.id).is_none()) {
        docs.push(one_side(n, Presence::OnlyNew));
    }
    Report {
        old_path: old.path.clone(),
        new_path: new.path.clone(),
        old_docs: old.docs.len(),
        new_docs: new.docs.len(),
        docs,
        gold: None,
        texts,
    }
}

fn one_side(d: &Doc, presence: Presence) -> DocDiff {
    DocDiff {
        id: d.id.clone(),
        presence,
        changes: Vec::new(),
        fields: Vec::new(),
        sentences: None,
        entities: d.entities.len(),
    }
}

/// The span of the sentence an entity is in.
fn sentence_of(doc: &Doc, e: &Entity) -> Option<(usize, usize)> {
    let inside = |&(s, t): &(usize, usize)| s <= e.start && e.start < t;
    doc.sentences
        .get(e.sentence)
        .copied()
        .filter(inside)
        .or_else(|| doc.sentences.iter().copied().find(inside))
}

fn overlap(a: &Entity, b: &Entity) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn compare_docs(old: &Doc, new: &Doc) -> DocDiff {
    let mut changes = Vec::new();
    for t in EntityType::ALL {
        let o: Vec<usize> = (0..old.entities.len()).filter(|&i| old.entities[i].kind == t).collect();
        let n: Vec<usize> = (0..new.entities.len()).filter(|&i| new.entities[i].kind == t).collect();
        let oe = |i: usize| &old.entities[o[i]];
        let ne = |j: usize| &new.entities[n[j]];
        let same_span = |a: &Entity, b: &Entity| a.start == b.start && a.end == b.end;
        let mut o_used = vec![false; o.len()];
        let mut n_used = vec![false; n.len()];
        let mut pairs = Vec::new();
        // Passes 1 and 2: exact pairs in file order.
        type Exact = fn(&Entity, &Entity) -> bool;
        let passes: [Exact; 2] = [
            |a, b| {
                a.start == b.start
                    && a.end == b.end
                    && a.text == b.text
                    && a.value == b.value
                    && a.rule == b.rule
            },
            |a, b| a.start == b.start && a.end == b.end,
        ];
        for (pass, same) in passes.into_iter().enumerate() {
            for (i, o_done) in o_used.iter_mut().enumerate() {
                if *o_done {
                    continue;
                }
                if let Some(j) = (0..n.len()).find(|&j| !n_used[j] && same(oe(i), ne(j))) {
                    *o_done = true;
                    n_used[j] = true;
                    if pass > 0 {
                        pairs.push((i, j));
                    }
                }
            }
        }
        // Passes 3 and 4: overlapping spans, largest overlap first.
        for same_value in [true, false] {
            let mut cands = Vec::new();
            for i in (0..o.len()).filter(|&i| !o_used[i]) {
                for j in (0..n.len()).filter(|&j| !n_used[j]) {
                    let ov = overlap(oe(i), ne(j));
                    if ov > 0 && (!same_value || oe(i).value == ne(j).value) {
                        cands.push((ov, i, j));
                    }
                }
            }
            cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
            for (_, i, j) in cands {
                if !o_used[i] && !n_used[j] {
                    o_used[i] = true;
                    n_used[j] = true;
                    pairs.push((i, j));
                }
            }
        }
        let place_old =
            |i: usize| Placed { entity: oe(i).clone(), index: o[i], sentence: sentence_of(old, oe(i)) };
        let place_new =
            |j: usize| Placed { entity: ne(j).clone(), index: n[j], sentence: sentence_of(new, ne(j)) };
        let mut here = Vec::new();
        for (i, j) in pairs {
            let aspects = Aspects {
                span: !same_span(oe(i), ne(j)),
                text: same_span(oe(i), ne(j)) && oe(i).text != ne(j).text,
                value: oe(i).value != ne(j).value,
                rule: oe(i).rule != ne(j).rule,
            };
            here.push(Change {
                kind: ChangeKind::Changed,
                entity_type: t,
                old: Some(place_old(i)),
                new: Some(place_new(j)),
                aspects,
                verdict: None,
            });
        }
        for i in (0..o.len()).filter(|&i| !o_used[i]) {
            here.push(Change {
                kind: ChangeKind::Removed,
                entity_type: t,
                old: Some(place_old(i)),
                new: None,
                aspects: Aspects::default(),
                verdict: None,
            });
        }
        for j in (0..n.len()).filter(|&j| !n_used[j]) {
            here.push(Change {
                kind: ChangeKind::Added,
                entity_type: t,
                old: None,
                new: Some(place_new(j)),
                aspects: Aspects::default(),
                verdict: None,
            });
        }
        let order = |k: ChangeKind| match k {
            ChangeKind::Removed => 0,
            ChangeKind::Changed => 1,
            ChangeKind::Added => 2,
        };
        here.sort_by_key(|c| (c.current().start, c.current().end, order(c.kind)));
        changes.extend(here);
    }
    let mut fields = Vec::new();
    let keys: std::collections::BTreeSet<&String> = old.fields.keys().chain(new.fields.keys()).collect();
    for k in keys {
        let (a, b) = (old.fields.get(k), new.fields.get(k));
        if a != b {
            fields.push(FieldChange { field: k.clone(), old: a.cloned(), new: b.cloned() });
        }
    }
    let sentences = (old.sentences_raw != new.sentences_raw).then(|| {
        let a: HashSet<_> = old.sentences.iter().collect();
        let b: HashSet<_> = new.sentences.iter().collect();
        SentenceChange {
            old: old.sentences.len(),
            new: new.sentences.len(),
            only_old: a.difference(&b).count(),
            only_new: b.difference(&a).count(),
        }
    });
    DocDiff { id: old.id.clone(), presence: Presence::Both, changes, fields, sentences, entities: 0 }
}

#[cfg(test)]
mod tests;
