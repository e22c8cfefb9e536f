//! Sentence-boundary errors on a `{"text","bounds"}` JSON Lines file.
//!
//! Each line holds a `text` and its gold sentence `bounds` as `[start, end]` pairs in
//! character offsets (Unicode scalar values). A boundary is the start of every
//! sentence after the first, moved past whitespace. [`crate::segment::split`] is run on
//! the text, its byte ranges are turned into character offsets, and every predicted
//! boundary that gold lacks counts as a false boundary, every gold boundary that was
//! not predicted as a missed one. The figure is `(false + missed) * 1000 / sentences`.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use serde::Deserialize;

use super::Figure;
use crate::offsets::CharIndex;

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: String,
    text: String,
    bounds: Vec<[usize; 2]>,
}

/// Counts over one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted boundaries that gold does not have.
    pub false_bounds: usize,
    /// Gold boundaries that were not predicted.
    pub missed: usize,
    /// Gold sentences.
    pub sentences: usize,
}

impl Counts {
    pub fn errors_per_1000(&self) -> f64 {
        if self.sentences == 0 {
            return 0.0;
        }
        (self.false_bounds + self.missed) as f64 * 1000.0 / self.sentences as f64
    }
}

/// One boundary disagreement: character offset, whether it was predicted (false) or
/// missed, in which record.
struct Disagreement {
    id: String,
    at: usize,
    is_false: bool,
}

/// Character offset `at` moved past whitespace.
fn skip_space(chars: &[char], mut at: usize) -> usize {
    while at < chars.len() && chars[at].is_whitespace() {
        at += 1;
    }
    at
}

/// Compares one record; calls `found` for each disagreement with the text's chars.
fn compare(rec: &Record, counts: &mut Counts, mut found: impl FnMut(Disagreement, &[char])) {
    let chars: Vec<char> = rec.text.chars().collect();
    counts.sentences += rec.bounds.len();
    let gold: HashSet<usize> =
        rec.bounds.iter().skip(1).map(|b| skip_space(&chars, b[0].min(chars.len()))).collect();
    let index = CharIndex::new(&rec.text);
    let predicted: HashSet<usize> = crate::segment::split(&rec.text)
        .iter()
        .skip(1)
        .map(|r| skip_space(&chars, index.char_at(r.start)))
        .collect();
    let mut wrong: Vec<(usize, bool)> = predicted
        .difference(&gold)
        .map(|&b| (b, true))
        .chain(gold.difference(&predicted).map(|&b| (b, false)))
        .collect();
    wrong.sort_unstable();
    for (at, is_false) in wrong {
        if is_false {
            counts.false_bounds += 1;
        } else {
            counts.missed += 1;
        }
        found(Disagreement { id: rec.id.clone(), at, is_false }, &chars);
    }
}

/// Runs `each` over every record of the file.
fn for_records(path: &Path, mut each: impl FnMut(&Record)) -> io::Result<()> {
    super::for_lines(path, |_, rec: Record| {
        each(&rec);
        Ok(())
    })
}

/// False, missed and total counts over a file.
pub fn counts(path: &Path) -> io::Result<Counts> {
    let mut counts = Counts::default();
    for_records(path, |rec| compare(rec, &mut counts, |_, _| {}))?;
    Ok(counts)
}

/// The figure `sentences.<file stem>.errors_per_1000` for one gold file.
pub fn evaluate(path: &Path) -> io::Result<Vec<Figure>> {
    let c = counts(path)?;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(vec![Figure {
        name: format!("sentences.{stem}.errors_per_1000"),
        value: c.errors_per_1000(),
        lower_is_better: true,
        detail: format!("false={} missed={} sentences={}", c.false_bounds, c.missed, c.sentences),
    }])
}

/// Every disagreement as one line, for debugging: `FALSE`/`MISSED`, the record id,
/// and 60 characters either side with `|` at the boundary.
pub fn errors(path: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let mut counts = Counts::default();
    for_records(path, |rec| {
        compare(rec, &mut counts, |d, chars| {
            let from = d.at.saturating_sub(60);
            let to = (d.at + 60).min(chars.len());
            let left: String = chars[from..d.at].iter().collect();
            let right: String = chars[d.at..to].iter().collect();
            let kind = if d.is_false { "FALSE " } else { "MISSED" };
            out.push(format!("{kind} {}\t{}|{}", d.id, left.replace('\n', "⏎"), right.replace('\n', "⏎")));
        })
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn counts_false_and_missed() {
        let mut f = tempfile::NamedTempFile::new().unwrap();
        // Gold has two sentences; split finds two as well, at the same place.
        writeln!(f, r#"{{"id":"a","text":"Бірінші сөйлем. Екінші сөйлем.","bounds":[[0,15],[16,30]]}}"#)
            .unwrap();
        // Gold says one sentence ("г." is not an end), split agrees.
        writeln!(f, r#"{{"id":"b","text":"Он живёт в г. Алматы.","bounds":[[0,21]]}}"#).unwrap();
        // Gold wants a boundary that no rule can see: one missed.
        writeln!(f, r#"{{"id":"c","text":"раз два три","bounds":[[0,3],[4,11]]}}"#).unwrap();
        f.flush().unwrap();
        let c = counts(f.path()).unwrap();
        assert_eq!(c, Counts { false_bounds: 0, missed: 1, sentences: 5 });
        let figs = evaluate(f.path()).unwrap();
        assert_eq!(figs.len(), 1);
        assert!(figs[0].name.starts_with("sentences.") && figs[0].name.ends_with(".errors_per_1000"));
        assert!(figs[0].lower_is_better);
        assert!((figs[0].value - 200.0).abs() < 1e-9);
        let errs = errors(f.path()).unwrap();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].starts_with("MISSED c"), "{}", errs[0]);
        assert!(errs[0].contains("раз |два три"), "{}", errs[0]);
    }
}
