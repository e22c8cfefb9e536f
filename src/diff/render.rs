//! A [`Report`] written out: as text for people (ANSI colour optional) or as JSON.
//!
//! Text: one `@@ id` block per document with differences, entities grouped by
//! type and ordered by offset, `+` added, `-` removed, `~` changed, each with its
//! rule and, when the document's text is known, its sentence with the entity
//! marked (`[…]`, or in colour). Changed values show only the fields that
//! changed (`approx: eq → gt`). Then the summary table, per type and per rule,
//! and with a gold file the value-F1 per type before and after.

use std::fmt::Write as _;

use serde_json::{Value as Json, json};

use super::{Change, ChangeKind, Counts, DocDiff, Placed, Presence, Report, Verdict};
use crate::record::{Entity, EntityType, Value};

/// Characters of sentence shown on each side of an entity.
const CONTEXT: usize = 70;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }
    fn add(&self, s: &str) -> String {
        self.paint("32", s)
    }
    fn del(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn chg(&self, s: &str) -> String {
        self.paint("33", s)
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    /// The entity inside its sentence: coloured and bold, or in brackets.
    fn mark(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[1;{code}m{s}\x1b[0m") } else { format!("[{s}]") }
    }
    fn verdict(&self, v: Verdict) -> String {
        match v {
            Verdict::Fix => self.paint("1;32", "fix"),
            Verdict::Regression => self.paint("1;31", "REGRESSION"),
            Verdict::Neutral => self.dim("neutral"),
        }
    }
}

fn amount(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 { format!("{}", x as i64) } else { format!("{x}") }
}

fn word(s: &Option<String>) -> String {
    match s {
        None => "-".into(),
        Some(s) if s.is_empty() || s.contains(char::is_whitespace) || s.contains('=') => format!("{s:?}"),
        Some(s) => s.clone(),
    }
}

/// A value as `field=value` pairs, in the order of the record format.
pub fn value_fields(v: &Value) -> Vec<(&'static str, String)> {
    match v {
        Value::Count { amount: a, approx, unit, object, category } => vec![
            ("amount", amount(*a)),
            (
                "approx",
                serde_json::to_value(approx)
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_string))
                    .unwrap_or_default(),
            ),
            ("unit", word(unit)),
            ("object", word(object)),
            ("category", word(&Some(category.clone()))),
        ],
        Value::Date { value, relative } => {
            let mut f = vec![("value", word(&Some(value.clone())))];
            if relative.is_some() {
                f.push(("relative", word(relative)));
            }
            f
        }
        Value::Organization { name, form } => vec![("name", word(&Some(name.clone()))), ("form", word(form))],
        Value::Place { name, key } => vec![("name", word(&Some(name.clone()))), ("key", word(key))],
    }
}

fn show_value(v: &Value) -> String {
    value_fields(v).into_iter().map(|(k, x)| format!("{k}={x}")).collect::<Vec<_>>().join(" ")
}

/// The fields that differ, `field: old → new`, old and new coloured.
fn value_change(a: &Value, b: &Value, st: &Style) -> String {
    let (fa, fb) = (value_fields(a), value_fields(b));
    let mut parts = Vec::new();
    for (k, x) in &fa {
        let y = fb.iter().find(|(kb, _)| kb == k).map_or("-".to_string(), |(_, y)| y.clone());
        if *x != y {
            parts.push(format!("{k}: {} → {}", st.del(x), st.add(&y)));
        }
    }
    for (k, y) in fb.iter().filter(|(k, _)| !fa.iter().any(|(ka, _)| ka == k)) {
        parts.push(format!("{k}: {} → {}", st.del("-"), st.add(y)));
    }
    parts.join("; ")
}

/// The sentence around an entity with the entity marked, or None when the text
/// is unknown or does not match the record.
fn sentence(chars: Option<&[char]>, p: &Placed, code: &str, st: &Style) -> Option<String> {
    let chars = chars?;
    let e = &p.entity;
    if e.end > chars.len() || e.start > e.end || chars[e.start..e.end].iter().collect::<String>() != e.text {
        return None;
    }
    let (s, t) = p.sentence.unwrap_or((e.start.saturating_sub(CONTEXT), (e.end + CONTEXT).min(chars.len())));
    let (s, t) = (s.min(e.start), t.max(e.end).min(chars.len()));
    let clean = |c: &[char]| c.iter().map(|&c| if c.is_whitespace() { ' ' } else { c }).collect::<String>();
    let before = &chars[s..e.start];
    let before = if before.len() > CONTEXT {
        format!("…{}", clean(&before[before.len() - CONTEXT..]))
    } else {
        clean(before)
    };
    let after = &chars[e.end..t];
    let after = if after.len() > CONTEXT { format!("{}…", clean(&after[..CONTEXT])) } else { clean(after) };
    Some(format!(
        "{}{}{}",
        before.trim_start(),
        st.mark(code, &clean(&chars[e.start..e.end])),
        after.trim_end()
    ))
}

fn span(e: &Entity) -> String {
    format!("«{}» {}..{}", e.text.replace('\n', " "), e.start, e.end)
}

fn write_change(out: &mut String, c: &Change, chars: Option<&[char]>, st: &Style) {
    let pad = "        ";
    let verdict = c.verdict.map(|v| format!("  {}", st.verdict(v))).unwrap_or_default();
    match (c.kind, &c.old, &c.new) {
        (ChangeKind::Added, _, Some(n)) | (ChangeKind::Removed, Some(n), _) => {
            let (sign, code) = if c.kind == ChangeKind::Added { ("+", "32") } else { ("-", "31") };
            let e = &n.entity;
            let _ = writeln!(
                out,
                "    {} {}  {}  {}{verdict}",
                st.paint(code, sign),
                st.paint(code, &span(e)),
                show_value(&e.value),
                st.dim(&e.rule)
            );
            if let Some(s) = sentence(chars, n, code, st) {
                let _ = writeln!(out, "{pad}{s}");
            }
        }
        (ChangeKind::Changed, Some(o), Some(n)) => {
            let (a, b) = (&o.entity, &n.entity);
            let mut line = format!("    {} ", st.chg("~"));
            if c.aspects.span || c.aspects.text {
                let _ = write!(line, "{} → {}", st.del(&span(a)), st.add(&span(b)));
            } else {
                line.push_str(&st.chg(&span(b)));
            }
            line.push_str("  ");
            if c.aspects.value {
                line.push_str(&value_change(&a.value, &b.value, st));
            } else {
                line.push_str(&show_value(&b.value));
            }
            line.push_str("  ");
            if c.aspects.rule {
                let _ = write!(line, "rule: {} → {}", st.del(&a.rule), st.add(&b.rule));
            } else {
                line.push_str(&st.dim(&b.rule));
            }
            let _ = writeln!(out, "{line}{verdict}");
            if c.aspects.span {
                if let Some(s) = sentence(chars, o, "31", st) {
                    let _ = writeln!(out, "{pad}{} {s}", st.dim("was:"));
                }
                if let Some(s) = sentence(chars, n, "32", st) {
                    let _ = writeln!(out, "{pad}{} {s}", st.dim("now:"));
                }
            } else if let Some(s) = sentence(chars, n, "33", st) {
                let _ = writeln!(out, "{pad}{s}");
            }
        }
        _ => unreachable!("a change has the sides of its kind"),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counts_phrase(c: &Counts, judged: bool) -> String {
    let mut parts = Vec::new();
    for (n, what) in [(c.added, "added"), (c.removed, "removed"), (c.changed, "changed")] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    let mut s = parts.join(", ");
    if judged && (c.fixes > 0 || c.regressions > 0) {
        let _ = write!(
            s,
            " ({}, {})",
            plural(c.fixes, "fix", "fixes"),
            plural(c.regressions, "regression", "regressions")
        );
    }
    s
}

fn short_json(v: &Option<Json>) -> String {
    match v {
        None => "(absent)".into(),
        Some(v) => {
            let s = v.to_string();
            if s.chars().count() > 80 { format!("{}…", s.chars().take(80).collect::<String>()) } else { s }
        }
    }
}

fn write_doc(out: &mut String, d: &DocDiff, report: &Report, st: &Style) {
    let judged = report.gold.is_some();
    let head = match d.presence {
        Presence::OnlyOld => format!("only in OLD ({})", plural(d.entities, "entity", "entities")),
        Presence::OnlyNew => format!("only in NEW ({})", plural(d.entities, "entity", "entities")),
        Presence::Both => {
            let mut c = Counts::default();
            d.changes.iter().for_each(|x| c.add(x));
            if c.total() == 0 { "entities unchanged".to_string() } else { counts_phrase(&c, judged) }
        }
    };
    let _ = writeln!(out, "{} {}: {head}", st.paint("36", "@@"), st.bold(&d.id));
    for f in &d.fields {
        let _ =
            writeln!(out, "  {}: {} → {}", f.field, st.del(&short_json(&f.old)), st.add(&short_json(&f.new)));
    }
    if let Some(s) = &d.sentences {
        let _ = writeln!(
            out,
            "  sentences: {} → {} ({} only in OLD, {} only in NEW)",
            s.old, s.new, s.only_old, s.only_new
        );
    }
    let chars: Option<Vec<char>> = report.texts.get(&d.id).map(|t| t.chars().collect());
    let mut kind: Option<EntityType> = None;
    for c in &d.changes {
        if kind != Some(c.entity_type) {
            kind = Some(c.entity_type);
            let _ = writeln!(out, "  {}", st.bold(c.entity_type.name()));
        }
        write_change(out, c, chars.as_deref(), st);
    }
}

/// The report as text; `color` adds ANSI colours.
pub fn text(report: &Report, color: bool) -> String {
    let st = Style { color };
    let mut out = String::new();
    let _ = writeln!(out, "{}", st.del(&format!("--- {}", report.old_path)));
    let _ = writeln!(out, "{}", st.add(&format!("+++ {}", report.new_path)));
    let s = report.summary();
    if !report.has_differences() {
        let _ = writeln!(out, "no differences ({})", plural(report.old_docs, "document", "documents"));
    } else {
        for d in &report.docs {
            out.push('\n');
            write_doc(&mut out, d, report, &st);
        }
        out.push('\n');
        out.push_str(&summary_table(report, &st));
        let _ = writeln!(
            out,
            "documents: {} in OLD, {} in NEW; {} differ, {} only in OLD, {} only in NEW",
            report.old_docs,
            report.new_docs,
            s.differing,
            s.only_old.len(),
            s.only_new.len()
        );
    }
    if let Some(g) = &report.gold {
        out.push('\n');
        let _ = writeln!(
            out,
            "value-F1 against {} ({} scored)",
            g.path,
            plural(g.documents, "gold document", "gold documents")
        );
        let _ = writeln!(out, "{:<14}{:>6}{:>9}{:>9}{:>9}", "type", "gold", "before", "after", "change");
        for t in &g.types {
            let delta = t.after.f1 - t.before.f1;
            let d = if delta.abs() < 0.0005 {
                format!("{:>9}", "=")
            } else if delta > 0.0 {
                st.add(&format!("{:>+9.3}", delta))
            } else {
                st.del(&format!("{:>+9.3}", delta))
            };
            let _ =
                writeln!(out, "{:<14}{:>6}{:>9.3}{:>9.3}{d}", t.kind.name(), t.gold, t.before.f1, t.after.f1);
        }
        let t = &s.total;
        let _ = writeln!(
            out,
            "changes: {}, {}, {} neutral{}",
            plural(t.fixes, "fix", "fixes"),
            if t.regressions > 0 {
                st.paint("1;31", &plural(t.regressions, "regression", "regressions"))
            } else {
                plural(t.regressions, "regression", "regressions")
            },
            t.neutral,
            if g.unjudged > 0 {
                format!(" ({} not in the gold)", plural(g.unjudged, "document", "documents"))
            } else {
                String::new()
            }
        );
    }
    out
}

fn summary_table(report: &Report, st: &Style) -> String {
    let s = report.summary();
    let judged = report.gold.is_some();
    let w = s.rules.keys().map(|(_, r)| r.chars().count() + 2).chain([14]).max().unwrap_or(14);
    let mut out = String::new();
    let mut header = format!("{:<w$}{:>8}{:>8}{:>8}", "summary", "added", "removed", "changed");
    if judged {
        header.push_str(&format!("{:>6}{:>12}", "fix", "regression"));
    }
    let _ = writeln!(out, "{}", st.bold(&header));
    let row = |out: &mut String, name: &str, c: &Counts| {
        let mut line = format!("{name:<w$}{:>8}{:>8}{:>8}", c.added, c.removed, c.changed);
        if judged {
            line.push_str(&format!("{:>6}", c.fixes));
            let r = format!("{:>12}", c.regressions);
            line.push_str(&if c.regressions > 0 { st.paint("1;31", &r) } else { r });
        }
        let _ = writeln!(out, "{line}");
    };
    for (t, c) in &s.types {
        row(&mut out, t.name(), c);
        for ((_, rule), rc) in s.rules.iter().filter(|((rt, _), _)| rt == t) {
            row(&mut out, &format!("  {rule}"), rc);
        }
    }
    row(&mut out, "total", &s.total);
    out
}

fn counts_json(c: &Counts, judged: bool) -> Json {
    let mut j = json!({"added": c.added, "removed": c.removed, "changed": c.changed});
    if judged {
        j["fixes"] = json!(c.fixes);
        j["regressions"] = json!(c.regressions);
        j["neutral"] = json!(c.neutral);
    }
    j
}

fn change_json(c: &Change, chars: Option<&[char]>) -> Json {
    let plain = Style { color: false };
    let ent =
        |p: &Option<Placed>| p.as_ref().map(|p| serde_json::to_value(&p.entity).expect("entities serialize"));
    let mut j = json!({
        "change": c.kind.name(),
        "type": c.entity_type.name(),
        "rule": c.current().rule,
        "old": ent(&c.old),
        "new": ent(&c.new),
    });
    if c.kind == ChangeKind::Changed {
        j["aspects"] = json!(c.aspects.names());
    }
    if let Some(v) = c.verdict {
        j["verdict"] = json!(v.name());
    }
    let ctx = |p: &Option<Placed>| p.as_ref().and_then(|p| sentence(chars, p, "", &plain));
    let (a, b) = (ctx(&c.old), ctx(&c.new));
    if a.is_some() || b.is_some() {
        j["context"] = json!({"old": a, "new": b});
    }
    j
}

/// The report as JSON: documents with their changes, the summary, the gold figures.
pub fn json(report: &Report) -> Json {
    let judged = report.gold.is_some();
    let s = report.summary();
    let docs: Vec<Json> = report
        .docs
        .iter()
        .map(|d| {
            let chars: Option<Vec<char>> = report.texts.get(&d.id).map(|t| t.chars().collect());
            let mut j = json!({
                "id": d.id,
                "presence": match d.presence {
                    Presence::Both => "both",
                    Presence::OnlyOld => "only_old",
                    Presence::OnlyNew => "only_new",
                },
            });
            if d.presence == Presence::Both {
                j["changes"] = d.changes.iter().map(|c| change_json(c, chars.as_deref())).collect();
                j["fields"] =
                    d.fields.iter().map(|f| json!({"field": f.field, "old": f.old, "new": f.new})).collect();
                j["sentences"] = match &d.sentences {
                    Some(x) => {
                        json!({"old": x.old, "new": x.new, "only_old": x.only_old, "only_new": x.only_new})
                    }
                    None => Json::Null,
                };
            } else {
                j["entities"] = json!(d.entities);
            }
            j
        })
        .collect();
    let types: serde_json::Map<String, Json> =
        s.types.iter().map(|(t, c)| (t.name().to_string(), counts_json(c, judged))).collect();
    let rules: Vec<Json> = s
        .rules
        .iter()
        .map(|((t, r), c)| {
            let mut j = counts_json(c, judged);
            j["type"] = json!(t.name());
            j["rule"] = json!(r);
            j
        })
        .collect();
    let gold = report.gold.as_ref().map(|g| {
        let score = |x: &super::Score| {
            json!({"f1": x.f1, "precision": x.precision, "recall": x.recall, "found": x.found, "matched": x.matched})
        };
        let types: serde_json::Map<String, Json> = g
            .types
            .iter()
            .map(|t| {
                (t.kind.name().to_string(), json!({"gold": t.gold, "before": score(&t.before), "after": score(&t.after)}))
            })
            .collect();
        json!({"file": g.path, "documents": g.documents, "unjudged_documents": g.unjudged, "value_f1": types})
    });
    json!({
        "old": report.old_path,
        "new": report.new_path,
        "differences": report.has_differences(),
        "regressions": if judged { json!(report.regressions()) } else { Json::Null },
        "documents": docs,
        "summary": {
            "types": types,
            "rules": rules,
            "total": counts_json(&s.total, judged),
            "documents": {
                "old": report.old_docs,
                "new": report.new_docs,
                "differing": s.differing,
                "only_old": s.only_old,
                "only_new": s.only_new,
            },
        },
        "gold": gold,
    })
}
