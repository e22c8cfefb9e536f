//! Language-identification accuracy on a `{"id","lang","text"}` JSON Lines file.
//!
//! Every line is one document: [`crate::lang::detect`] is run on its `text` and the
//! answer compared with the gold `lang` (`ru` or `kk`; an `und` answer is wrong).
//! The figure is `langid.<file stem>.accuracy`, the fraction of lines right.

use std::io;
use std::path::Path;

use serde::Deserialize;

use super::Figure;
use crate::lang::{Lang, detect};

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: String,
    lang: Lang,
    text: String,
}

/// One misclassified line.
#[derive(Clone, Debug, PartialEq)]
pub struct Miss {
    pub id: String,
    pub gold: Lang,
    pub got: Lang,
    pub score: f32,
    pub text: String,
}

/// Counts over one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    pub correct: usize,
    pub total: usize,
    pub misses: Vec<Miss>,
}

impl Outcome {
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        self.correct as f64 / self.total as f64
    }
}

/// Run the detector over every line of `path`.
pub fn run(path: &Path) -> io::Result<Outcome> {
    let mut out = Outcome::default();
    super::for_lines(path, |_, rec: Record| {
        let guess = detect(&rec.text);
        out.total += 1;
        if guess.lang == rec.lang {
            out.correct += 1;
        } else {
            out.misses.push(Miss {
                id: rec.id,
                gold: rec.lang,
                got: guess.lang,
                score: guess.score,
                text: rec.text,
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// The accuracy figure `langid.<file stem>.accuracy` for `path`.
pub fn evaluate(path: &Path) -> io::Result<Vec<Figure>> {
    let out = run(path)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("langid");
    Ok(vec![Figure {
        name: format!("langid.{stem}.accuracy"),
        value: out.accuracy(),
        lower_is_better: false,
        detail: format!("{}/{} correct", out.correct, out.total),
    }])
}

/// The misclassified lines of `path`, one readable line each, for debugging.
pub fn errors(path: &Path) -> io::Result<Vec<String>> {
    Ok(run(path)?
        .misses
        .into_iter()
        .map(|m| {
            format!("{}\tgold={} got={} score={:.3}\t{}", m.id, m.gold.code(), m.got.code(), m.score, m.text)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn counts_and_names_figure() {
        let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
        writeln!(f, r#"{{"id":"a","lang":"ru","text":"Волонтёры помогли пожилым людям в этом году."}}"#)
            .unwrap();
        writeln!(f, r#"{{"id":"b","lang":"kk","text":"Еріктілер қарттарға көмек көрсетті."}}"#).unwrap();
        writeln!(f, r#"{{"id":"c","lang":"kk","text":"Volunteers helped the elderly this year."}}"#).unwrap();
        f.flush().unwrap();
        let figs = evaluate(f.path()).unwrap();
        assert_eq!(figs.len(), 1);
        let stem = f.path().file_stem().unwrap().to_str().unwrap();
        assert_eq!(figs[0].name, format!("langid.{stem}.accuracy"));
        assert!((figs[0].value - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(figs[0].detail, "2/3 correct");
        assert!(!figs[0].lower_is_better);
        let errs = errors(f.path()).unwrap();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].starts_with("c\tgold=kk got=und"), "{}", errs[0]);
    }

    #[test]
    fn bad_line_is_an_error() {
        let mut f = tempfile::Builder::new().suffix(".jsonl").tempfile().unwrap();
        writeln!(f, "not json").unwrap();
        f.flush().unwrap();
        assert_eq!(evaluate(f.path()).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    /// The shared evaluation files, when this checkout has them next to it. Prints
    /// the figures and the misclassified lines; the floors are checked elsewhere.
    #[test]
    fn shared_files_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/external");
        for name in ["langid.jsonl", "langid_short.jsonl"] {
            let path = dir.join(name);
            if !path.exists() {
                eprintln!("skipping {}: not present", path.display());
                continue;
            }
            for fig in evaluate(&path).unwrap() {
                eprintln!("{} = {:.4} ({})", fig.name, fig.value, fig.detail);
                assert!(fig.value > 0.9, "{} = {}", fig.name, fig.value);
            }
            for e in errors(&path).unwrap() {
                eprintln!("  {e}");
            }
        }
    }
}
