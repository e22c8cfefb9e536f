//! Entity scoring against gold files (`{"id","lang","text","entities"}` per line),
//! as `../shared/gold/README.md` defines it.
//!
//! A predicted entity matches a gold entity of the same type when their spans
//! overlap; matching is one to one, largest overlap first. Overlap-F1 counts such
//! matches; value-F1 those whose key value is equal too (count: amount, approx,
//! unit; date: value; place and organization: name, lowercased, ё as е, quotes
//! removed, whitespace collapsed); exact-F1 those with the same start and end. For
//! counts, the category accuracy among value matches is reported too.

use std::collections::{BTreeMap, HashMap};
use std::io;
use std::path::Path;

use serde::Deserialize;

use super::Figure;
use crate::extract::Engine;
use crate::record::Entity;

/// An entity as gold files and records both write it.
#[derive(Debug, Clone, Deserialize)]
pub struct LooseEntity {
    #[serde(rename = "type")]
    pub kind: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub value: serde_json::Value,
    #[serde(default)]
    pub rule: Option<String>,
}

impl From<&Entity> for LooseEntity {
    fn from(e: &Entity) -> LooseEntity {
        LooseEntity {
            kind: e.kind.name().to_string(),
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            value: serde_json::to_value(&e.value).expect("values serialize"),
            rule: Some(e.rule.clone()),
        }
    }
}

/// A gold document.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldDoc {
    pub id: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub entities: Vec<LooseEntity>,
}

/// Read a JSON Lines file of documents with entities (gold files or derek records).
pub fn read_docs(path: &Path) -> io::Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    super::for_lines(path, |_, d: GoldDoc| {
        docs.push(d);
        Ok(())
    })?;
    Ok(docs)
}

/// The key of a name: lowercased, ё as е, quotes removed, whitespace collapsed.
pub fn name_key(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .filter(|c| !matches!(c, '«' | '»' | '"' | '“' | '”' | '„' | '\'' | '‘' | '’'))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The part of a value that must agree for a value match.
pub fn value_key(kind: &str, v: &serde_json::Value) -> String {
    let get = |k: &str| v.get(k).cloned().unwrap_or(serde_json::Value::Null);
    match kind {
        "count" => {
            let amount = get("amount").as_f64().map(|x| format!("{x}")).unwrap_or_default();
            format!("{amount}|{}|{}", get("approx"), get("unit"))
        }
        "date" => get("value").as_str().unwrap_or("").to_string(),
        _ => name_key(get("name").as_str().unwrap_or("")),
    }
}

/// Match predicted to gold entities of one type: one to one, largest overlap first.
/// Returns pairs (gold index, predicted index).
pub fn match_entities(gold: &[&LooseEntity], pred: &[&LooseEntity]) -> Vec<(usize, usize)> {
    let spans = |v: &[&LooseEntity]| v.iter().map(|e| (e.start, e.end)).collect::<Vec<_>>();
    match_spans(&spans(gold), &spans(pred))
}

/// Match predicted to gold spans `(start, end)`: one to one, largest overlap first
/// (ties by gold, then predicted index). Returns pairs (gold index, predicted index).
pub fn match_spans(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let overlap = g.1.min(p.1).saturating_sub(g.0.max(p.0));
            if overlap > 0 {
                pairs.push((overlap, gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut g_used = vec![false; gold.len()];
    let mut p_used = vec![false; pred.len()];
    let mut out = Vec::new();
    for (_, gi, pi) in pairs {
        if !g_used[gi] && !p_used[pi] {
            g_used[gi] = true;
            p_used[pi] = true;
            out.push((gi, pi));
        }
    }
    out
}

/// The one-to-one matching of one type in one document, and which entities agree
/// on the value: `gold_ok[i]` when gold entity `i` was found with its value,
/// `pred_ok[j]` when predicted entity `j` is such a find.
#[derive(Debug, Clone, Default)]
pub struct ValueMatch {
    /// (gold index, predicted index), overlapping spans, one to one.
    pub pairs: Vec<(usize, usize)>,
    pub gold_ok: Vec<bool>,
    pub pred_ok: Vec<bool>,
}

/// Match `pred` to `gold` (entities of type `kind`) and tell the value matches.
pub fn match_values(kind: &str, gold: &[&LooseEntity], pred: &[&LooseEntity]) -> ValueMatch {
    let pairs = match_entities(gold, pred);
    let mut gold_ok = vec![false; gold.len()];
    let mut pred_ok = vec![false; pred.len()];
    for &(gi, pi) in &pairs {
        if value_key(kind, &gold[gi].value) == value_key(kind, &pred[pi].value) {
            gold_ok[gi] = true;
            pred_ok[pi] = true;
        }
    }
    ValueMatch { pairs, gold_ok, pred_ok }
}

/// Counts behind precision, recall and F1 for one type (and language).
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub gold: usize,
    pub pred: usize,
    pub overlap: usize,
    pub value: usize,
    pub exact: usize,
    pub category_right: usize,
}

pub fn f1(hits: usize, gold: usize, pred: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { if gold == 0 { 1.0 } else { 0.0 } } else { hits as f64 / pred as f64 };
    let r = if gold == 0 { 1.0 } else { hits as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// One miss or false alarm, for `--errors`.
#[derive(Debug, Clone)]
pub struct Mistake {
    pub doc: String,
    pub kind: String,
    /// "miss" (gold not matched by value), "false" (predicted, no value match).
    pub what: &'static str,
    pub text: String,
    pub value: String,
    pub context: String,
    pub rule: Option<String>,
}

/// Scores per (language, type); language "all" sums both.
pub struct Scores {
    pub tallies: BTreeMap<(String, String), Tally>,
    pub mistakes: Vec<Mistake>,
}

fn context(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    // Offsets past the text (a gold file that does not match its predictions)
    // give what there is.
    let s = start.saturating_sub(60).min(chars.len());
    let e = (end + 60).min(chars.len());
    let mut out: String = chars[s..start.min(chars.len())].iter().collect();
    out.push('[');
    out.extend(&chars[start.min(chars.len())..end.min(chars.len())]);
    out.push(']');
    out.extend(&chars[end.min(chars.len())..e]);
    out.replace('\n', " ")
}

/// Score predictions against gold, document by document (joined by id).
pub fn score(gold: &[GoldDoc], pred: &HashMap<String, Vec<LooseEntity>>) -> Scores {
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut mistakes = Vec::new();
    let empty = Vec::new();
    for doc in gold {
        let lang = doc.lang.clone().unwrap_or_else(|| "und".into());
        let predicted = pred.get(&doc.id).unwrap_or(&empty);
        for kind in ["organization", "place", "date", "count"] {
            let g: Vec<&LooseEntity> = doc.entities.iter().filter(|e| e.kind == kind).collect();
            let p: Vec<&LooseEntity> = predicted.iter().filter(|e| e.kind == kind).collect();
            let ValueMatch { pairs, gold_ok: g_ok, pred_ok: p_ok } = match_values(kind, &g, &p);
            let mut t = Tally { gold: g.len(), pred: p.len(), overlap: pairs.len(), ..Tally::default() };
            for &(gi, pi) in &pairs {
                if g[gi].start == p[pi].start && g[gi].end == p[pi].end {
                    t.exact += 1;
                }
                if g_ok[gi] {
                    t.value += 1;
                    if kind == "count" && g[gi].value.get("category") == p[pi].value.get("category") {
                        t.category_right += 1;
                    }
                }
            }
            for (gi, e) in g.iter().enumerate().filter(|(i, _)| !g_ok[*i]) {
                let matched = pairs.iter().find(|(a, _)| *a == gi).map(|&(_, pi)| p[pi]);
                mistakes.push(Mistake {
                    doc: doc.id.clone(),
                    kind: kind.into(),
                    what: "miss",
                    text: e.text.clone(),
                    value: match matched {
                        Some(m) => format!("gold {} / found {:?} {}", e.value, m.text, m.value),
                        None => format!("gold {}", e.value),
                    },
                    context: context(&doc.text, e.start, e.end),
                    rule: matched.and_then(|m| m.rule.clone()),
                });
            }
            for (pi, e) in p.iter().enumerate().filter(|(i, _)| !p_ok[*i]) {
                if pairs.iter().any(|&(_, b)| b == pi) {
                    continue; // already reported as a miss with its wrong value
                }
                mistakes.push(Mistake {
                    doc: doc.id.clone(),
                    kind: kind.into(),
                    what: "false",
                    text: e.text.clone(),
                    value: e.value.to_string(),
                    context: context(&doc.text, e.start, e.end),
                    rule: e.rule.clone(),
                });
            }
            for l in [lang.clone(), "all".to_string()] {
                let acc = tallies.entry((l, kind.to_string())).or_default();
                acc.gold += t.gold;
                acc.pred += t.pred;
                acc.overlap += t.overlap;
                acc.value += t.value;
                acc.exact += t.exact;
                acc.category_right += t.category_right;
            }
        }
    }
    Scores { tallies, mistakes }
}

/// Run derek over the gold texts and collect its entities by document id.
pub fn predict(gold: &[GoldDoc], engine: &Engine) -> HashMap<String, Vec<LooseEntity>> {
    let docs = gold.iter().map(|g| (g.id.clone(), g.text.clone(), g.date.clone()));
    super::run(docs, engine)
        .into_iter()
        .map(|rec| {
            let ents = rec.entities.iter().map(LooseEntity::from).collect();
            (rec.id, ents)
        })
        .collect()
}

/// Figures of a scored file: `entities.<stem>.<lang>.<type>.<metric>`.
pub fn figures(stem: &str, scores: &Scores) -> Vec<Figure> {
    let mut out = Vec::new();
    for ((lang, kind), t) in &scores.tallies {
        for (metric, hits) in [("value_f1", t.value), ("overlap_f1", t.overlap), ("exact_f1", t.exact)] {
            let (p, r, f) = f1(hits, t.gold, t.pred);
            out.push(Figure {
                name: format!("entities.{stem}.{lang}.{kind}.{metric}"),
                value: f,
                lower_is_better: false,
                detail: format!("P {p:.3} R {r:.3} (gold {}, found {}, matched {hits})", t.gold, t.pred),
            });
        }
        if kind == "count" && t.value > 0 {
            out.push(Figure {
                name: format!("entities.{stem}.{lang}.count.category_accuracy"),
                value: t.category_right as f64 / t.value as f64,
                lower_is_better: false,
                detail: format!("{}/{} value matches", t.category_right, t.value),
            });
        }
    }
    out
}

/// Predictions from a records file (derek's output), by id.
pub fn read_predictions(path: &Path) -> io::Result<HashMap<String, Vec<LooseEntity>>> {
    Ok(read_docs(path)?.into_iter().map(|d| (d.id, d.entities)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ent(kind: &str, start: usize, end: usize, value: serde_json::Value) -> LooseEntity {
        LooseEntity { kind: kind.into(), start, end, text: String::new(), value, rule: None }
    }

    #[test]
    fn one_to_one_largest_overlap_first() {
        let g = [ent("place", 0, 10, serde_json::json!({})), ent("place", 12, 20, serde_json::json!({}))];
        let p = [ent("place", 5, 15, serde_json::json!({})), ent("place", 0, 9, serde_json::json!({}))];
        let gr: Vec<&LooseEntity> = g.iter().collect();
        let pr: Vec<&LooseEntity> = p.iter().collect();
        let mut m = match_entities(&gr, &pr);
        m.sort();
        assert_eq!(m, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn value_keys_follow_the_readme() {
        assert_eq!(name_key("«Лига  Волонтёров»"), "лига волонтеров");
        let a = serde_json::json!({"amount": 50000, "approx": "gt", "unit": null, "object": "x", "category": "people"});
        let b = serde_json::json!({"amount": 50000.0, "approx": "gt", "unit": null, "object": "y", "category": "other"});
        assert_eq!(value_key("count", &a), value_key("count", &b));
        let c = serde_json::json!({"amount": 50000, "approx": "eq", "unit": null});
        assert_ne!(value_key("count", &a), value_key("count", &c));
    }

    #[test]
    fn scores_count_value_and_exact_matches() {
        let gold = vec![GoldDoc {
            id: "d".into(),
            lang: Some("ru".into()),
            text: "x".repeat(40),
            date: None,
            entities: vec![
                ent("place", 0, 6, serde_json::json!({"name": "Алматы"})),
                ent("date", 10, 20, serde_json::json!({"value": "2023"})),
            ],
        }];
        let mut pred = HashMap::new();
        pred.insert(
            "d".to_string(),
            vec![
                ent("place", 0, 8, serde_json::json!({"name": "алматы"})),
                ent("date", 10, 20, serde_json::json!({"value": "2024"})),
                ent("count", 30, 35, serde_json::json!({"amount": 5, "approx": "eq", "unit": null})),
            ],
        );
        let s = score(&gold, &pred);
        let place = s.tallies[&("ru".to_string(), "place".to_string())];
        assert_eq!((place.overlap, place.value, place.exact), (1, 1, 0));
        let date = s.tallies[&("all".to_string(), "date".to_string())];
        assert_eq!((date.overlap, date.value, date.exact), (1, 0, 1));
        let count = s.tallies[&("all".to_string(), "count".to_string())];
        assert_eq!((count.gold, count.pred, count.value), (0, 1, 0));
        assert_eq!(s.mistakes.len(), 2, "{:?}", s.mistakes);
    }
}
