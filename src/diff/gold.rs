//! `derek diff --gold`: each change judged against a gold file, and value-F1 per
//! type before and after.
//!
//! Both sides are scored as `derek eval` scores them ([`crate::eval::entities`]):
//! per document and type, entities are matched one to one to gold entities,
//! largest overlap first, and an entity is *right* when its match has the same
//! key value. A change is then judged by the sides it has:
//!
//! | old → new | verdict |
//! |---|---|
//! | none → right | fix (a gold entity found) |
//! | none → wrong | regression (a false alarm, or a wrong value, added) |
//! | right → none | regression (a find lost) |
//! | wrong → none | fix (a false alarm dropped) |
//! | wrong → right | fix |
//! | right → wrong | regression |
//! | right → right, wrong → wrong | neutral |
//!
//! so a fix raises value-F1 and a regression lowers it, other things equal.
//! Changes in documents the gold does not have are neutral.

use std::collections::{HashMap, HashSet};
use std::io;

use super::{ChangeKind, Doc, GoldFigures, Report, Score, Side, TypeF1, Verdict};
use crate::eval::entities::{self, GoldDoc, LooseEntity};
use crate::record::EntityType;

/// Which entities of a record are right (value-matched to gold), by index.
fn right_entities(doc: &Doc, gold: &GoldDoc) -> Vec<bool> {
    let loose: Vec<LooseEntity> = doc.entities.iter().map(LooseEntity::from).collect();
    let mut right = vec![false; loose.len()];
    for t in EntityType::ALL {
        let kind = t.name();
        let g: Vec<&LooseEntity> = gold.entities.iter().filter(|e| e.kind == kind).collect();
        let idx: Vec<usize> = (0..loose.len()).filter(|&i| loose[i].kind == kind).collect();
        let p: Vec<&LooseEntity> = idx.iter().map(|&i| &loose[i]).collect();
        let m = entities::match_values(kind, &g, &p);
        for (k, ok) in m.pred_ok.into_iter().enumerate() {
            right[idx[k]] = ok;
        }
    }
    right
}

fn verdict(before: Option<bool>, after: Option<bool>) -> Verdict {
    match (before, after) {
        (None, Some(true)) | (Some(false), None) | (Some(false), Some(true)) => Verdict::Fix,
        (None, Some(false)) | (Some(true), None) | (Some(true), Some(false)) => Verdict::Regression,
        _ => Verdict::Neutral,
    }
}

/// Judge every change of `report` against `gold` and measure value-F1 on both
/// sides. It is an error when no gold document is in OLD or NEW (the ids do not
/// match, or the wrong gold file).
pub fn judge(
    report: &mut Report,
    old: &Side,
    new: &Side,
    gold_path: &str,
    gold: &[GoldDoc],
) -> io::Result<()> {
    let by_id: HashMap<&str, &GoldDoc> = gold.iter().map(|g| (g.id.as_str(), g)).collect();
    let scored: Vec<GoldDoc> =
        gold.iter().filter(|g| old.get(&g.id).is_some() || new.get(&g.id).is_some()).cloned().collect();
    if scored.is_empty() && !gold.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{gold_path}: none of its {} document ids is in {} or {} (e.g. gold {:?}); \
                 records must be made from the gold's documents",
                gold.len(),
                old.path,
                new.path,
                gold[0].id
            ),
        ));
    }
    let mut unjudged = 0;
    for d in &mut report.docs {
        let (Some(o), Some(n)) = (old.get(&d.id), new.get(&d.id)) else { continue };
        let Some(g) = by_id.get(d.id.as_str()) else {
            unjudged += usize::from(!d.changes.is_empty());
            for c in &mut d.changes {
                c.verdict = Some(Verdict::Neutral);
            }
            continue;
        };
        if !d.changes.is_empty() && !report.texts.contains_key(&d.id) && !g.text.is_empty() {
            report.texts.insert(d.id.clone(), g.text.clone());
        }
        let (right_old, right_new) = (right_entities(o, g), right_entities(n, g));
        for c in &mut d.changes {
            let before = c.old.as_ref().map(|p| right_old[p.index]);
            let after = c.new.as_ref().map(|p| right_new[p.index]);
            debug_assert!(c.kind != ChangeKind::Changed || (before.is_some() && after.is_some()));
            c.verdict = Some(verdict(before, after));
        }
    }
    let predictions = |side: &Side| -> HashMap<String, Vec<LooseEntity>> {
        let ids: HashSet<&str> = scored.iter().map(|g| g.id.as_str()).collect();
        side.docs
            .iter()
            .filter(|d| ids.contains(d.id.as_str()))
            .map(|d| (d.id.clone(), d.entities.iter().map(LooseEntity::from).collect()))
            .collect()
    };
    let before = entities::score(&scored, &predictions(old));
    let after = entities::score(&scored, &predictions(new));
    let score = |s: &entities::Scores, t: EntityType| -> (usize, Score) {
        let tally = s.tallies.get(&("all".to_string(), t.name().to_string())).copied().unwrap_or_default();
        let (precision, recall, f1) = entities::f1(tally.value, tally.gold, tally.pred);
        (tally.gold, Score { found: tally.pred, matched: tally.value, precision, recall, f1 })
    };
    let types = EntityType::ALL
        .into_iter()
        .map(|t| {
            let (gold, b) = score(&before, t);
            let (_, a) = score(&after, t);
            TypeF1 { kind: t, gold, before: b, after: a }
        })
        .collect();
    report.gold = Some(GoldFigures { path: gold_path.to_string(), documents: scored.len(), unjudged, types });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_follow_value_f1() {
        assert_eq!(verdict(None, Some(true)), Verdict::Fix);
        assert_eq!(verdict(None, Some(false)), Verdict::Regression);
        assert_eq!(verdict(Some(true), None), Verdict::Regression);
        assert_eq!(verdict(Some(false), None), Verdict::Fix);
        assert_eq!(verdict(Some(false), Some(true)), Verdict::Fix);
        assert_eq!(verdict(Some(true), Some(false)), Verdict::Regression);
        assert_eq!(verdict(Some(true), Some(true)), Verdict::Neutral);
        assert_eq!(verdict(Some(false), Some(false)), Verdict::Neutral);
    }
}
