//! External NER corpora (NEREL, KazNERD, factRuEval, converted to JSON Lines in
//! `../shared/gold/external`): overlap-F1 per type, on their development split.
//!
//! Their types are mapped to coarse ones by `type_map.json` beside the file, and
//! those to derek's: ORG → organization, PLACE → place, DATE → date, NUMBER,
//! QUANTITY and MONEY → count. Their span conventions differ from ours (KazNERD's
//! CARDINAL covers the number only), so a prediction matches a gold entity of the
//! same type when the spans overlap, one to one, largest overlap first; the
//! figures compare with each other, not with the domain gold's.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use super::entities::match_spans;
use super::{Evaluation, Figure};
use crate::extract::Engine;
use crate::record::EntityType;

/// Is this a file of one of the external NER corpora (it has a `split` field)?
pub fn is_ner(first: &serde_json::Value) -> bool {
    first.get("split").is_some() && first.get("entities").is_some()
}

/// derek's type for a coarse type of `type_map.json`.
fn ours(coarse: &str) -> Option<EntityType> {
    Some(match coarse {
        "ORG" => EntityType::Organization,
        "PLACE" => EntityType::Place,
        "DATE" => EntityType::Date,
        "NUMBER" | "QUANTITY" | "MONEY" => EntityType::Count,
        _ => return None,
    })
}

/// The type map of the corpus a file belongs to: original type → derek's type.
fn type_map(path: &Path) -> io::Result<BTreeMap<String, EntityType>> {
    let map_path = path.with_file_name("type_map.json");
    let text = std::fs::read_to_string(&map_path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", map_path.display())))?;
    let all: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", map_path.display())))?;
    let stem = super::stem(path);
    let dataset =
        ["nerel", "kaznerd", "factrueval"].into_iter().find(|d| stem.contains(d)).ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{}: which corpus is this?", path.display()))
        })?;
    let mut out = BTreeMap::new();
    if let Some(m) = all[dataset].as_object() {
        for (t, coarse) in m {
            if let Some(k) = coarse.as_str().and_then(ours) {
                out.insert(t.clone(), k);
            }
        }
    }
    Ok(out)
}

struct Doc {
    id: String,
    text: String,
    /// (type, start, end) in characters.
    gold: Vec<(EntityType, usize, usize)>,
}

fn read(path: &Path, map: &BTreeMap<String, EntityType>) -> io::Result<Vec<Doc>> {
    let mut docs = Vec::new();
    super::for_lines(path, |i, v: serde_json::Value| {
        if v["split"].as_str().is_some_and(|s| s != "dev") {
            return Ok(());
        }
        let gold = v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|e| {
                let k = map.get(e["type"].as_str()?)?;
                Some((*k, e["start"].as_u64()? as usize, e["end"].as_u64()? as usize))
            })
            .collect();
        docs.push(Doc {
            id: v["id"].as_str().map(str::to_string).unwrap_or_else(|| i.to_string()),
            text: v["text"].as_str().unwrap_or("").to_string(),
            gold,
        });
        Ok(())
    })?;
    Ok(docs)
}

/// Run derek over the corpus's development split; overlap-F1 per type.
pub fn evaluate(path: &Path, engine: &Engine, with_errors: bool) -> io::Result<Evaluation> {
    let map = type_map(path)?;
    let docs = read(path, &map)?;
    let texts = docs.iter().map(|d| (d.id.clone(), d.text.clone(), None));
    let predicted: Vec<Vec<(EntityType, usize, usize, String)>> = super::run(texts, engine)
        .into_iter()
        .map(|r| r.entities.into_iter().map(|e| (e.kind, e.start, e.end, e.rule)).collect())
        .collect();
    let stem = super::stem(path);
    let covered: Vec<EntityType> =
        EntityType::ALL.into_iter().filter(|k| map.values().any(|v| v == k)).collect();
    let mut figures = Vec::new();
    let mut errors = Vec::new();
    for kind in covered {
        let (mut n_gold, mut n_pred, mut n_match) = (0, 0, 0);
        for (doc, pred) in docs.iter().zip(&predicted) {
            let g: Vec<(usize, usize)> =
                doc.gold.iter().filter(|x| x.0 == kind).map(|x| (x.1, x.2)).collect();
            let p: Vec<&(EntityType, usize, usize, String)> = pred.iter().filter(|x| x.0 == kind).collect();
            let ps: Vec<(usize, usize)> = p.iter().map(|x| (x.1, x.2)).collect();
            let m = match_spans(&g, &ps);
            n_gold += g.len();
            n_pred += ps.len();
            n_match += m.len();
            if with_errors {
                let slice = |a: usize, b: usize| doc.text.chars().skip(a).take(b - a).collect::<String>();
                for (gi, s) in g.iter().enumerate() {
                    if !m.iter().any(|x| x.0 == gi) {
                        errors.push(format!("{} {kind} miss  {:?}", doc.id, slice(s.0, s.1)));
                    }
                }
                for (pi, x) in p.iter().enumerate() {
                    if !m.iter().any(|y| y.1 == pi) {
                        errors.push(format!("{} {kind} false {:?} [{}]", doc.id, slice(x.1, x.2), x.3));
                    }
                }
            }
        }
        let p = if n_pred > 0 { n_match as f64 / n_pred as f64 } else { 0.0 };
        let r = if n_gold > 0 { n_match as f64 / n_gold as f64 } else { 0.0 };
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        figures.push(Figure {
            name: format!("ner.{stem}.{kind}.overlap_f1"),
            value: f1,
            lower_is_better: false,
            detail: format!("P {p:.3} R {r:.3} (gold {n_gold}, found {n_pred}, matched {n_match})"),
        });
    }
    Ok(Evaluation { figures, errors })
}

#[cfg(test)]
mod tests {
    use super::match_spans;

    #[test]
    fn overlap_matching_is_one_to_one_largest_first() {
        // The long prediction overlaps both gold spans; the larger overlap wins it.
        let gold = [(0, 10), (8, 20)];
        let pred = [(5, 20), (0, 3)];
        assert_eq!(match_spans(&gold, &pred), vec![(1, 0), (0, 1)]);
        assert!(match_spans(&[(0, 5)], &[(5, 9)]).is_empty(), "touching spans do not overlap");
    }
}
