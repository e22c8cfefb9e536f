//! Evaluation against gold files: language identification, sentence boundaries,
//! and entities. Each figure has a stable name (`langid.langid.accuracy`,
//! `sentences.kk_sents.errors_per_1000`, `entities.seeds.kk.count.value_f1`) that
//! the floors file (`quality/floors.toml`) can hold a minimum for (a maximum for
//! error rates). The kind of a gold file is told from its first line.

pub mod entities;
pub mod langid;
pub mod ner;
pub mod sentences;

use std::collections::BTreeMap;
use std::io::{self, BufRead};
use std::path::{Path, PathBuf};

use crate::extract::Engine;

/// One measured figure.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Figure {
    /// Stable dotted name, e.g. `langid.langid.accuracy` or `sentences.kk_sents.errors_per_1000`.
    pub name: String,
    pub value: f64,
    /// True when lower is better (error rates); floors then act as ceilings.
    pub lower_is_better: bool,
    /// Human-readable detail, e.g. "1998/2000 correct".
    pub detail: String,
}

/// What a gold file holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GoldKind {
    /// `{"lang", "text"}`: language identification.
    LangId,
    /// `{"text", "bounds"}`: sentence boundaries.
    Sentences,
    /// `{"text", "entities"}`: entities by GUIDELINES.md.
    Entities,
    /// `{"text", "entities", "split"}`: an external NER corpus (overlap-F1 per type).
    Ner,
    /// derek's own records (`derek extract` output: `chars`, `sentences`,
    /// `entities`, no gold text): predictions to score, not gold.
    Records,
}

/// Tell the kind of a gold file from its first non-empty line.
pub fn kind_of(path: &Path) -> io::Result<GoldKind> {
    let f = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    for (i, line) in io::BufReader::new(f).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{}:{}: {e}", path.display(), i + 1))
        })?;
        // A record counts its characters and has no gold boundaries.
        let record = v.get("chars").is_some() && v.get("sentences").is_some() && v.get("bounds").is_none();
        return Ok(if record {
            GoldKind::Records
        } else if v.get("bounds").is_some() {
            GoldKind::Sentences
        } else if ner::is_ner(&v) {
            GoldKind::Ner
        } else if v.get("entities").is_some() {
            GoldKind::Entities
        } else if v.get("lang").is_some() && v.get("text").is_some() {
            GoldKind::LangId
        } else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{}: not a gold file derek knows (no bounds, entities or lang)", path.display()),
            ));
        });
    }
    Err(io::Error::new(io::ErrorKind::InvalidData, format!("{}: empty", path.display())))
}

/// Figures of one gold file, and its error listing when asked for.
pub struct Evaluation {
    pub figures: Vec<Figure>,
    pub errors: Vec<String>,
}

/// Run derek over texts `(id, text, date)`, in parallel chunks that go through the
/// rules together as in `derek extract`; the records in input order.
pub fn run(
    docs: impl Iterator<Item = (String, String, Option<String>)>,
    engine: &Engine,
) -> Vec<crate::record::Record> {
    use rayon::prelude::*;
    let docs: Vec<crate::input::Document> = docs
        .map(|(id, text, date)| crate::input::Document {
            id,
            source: String::new(),
            text,
            date,
            encoding: None,
        })
        .collect();
    docs.par_chunks(64).flat_map_iter(|chunk| crate::pipeline::process_many(chunk, engine)).collect()
}

/// Hand each non-empty line of a JSON Lines file to `each`, parsed as `T`, with
/// its 1-based line number; a line that does not parse is an error naming the
/// file and the line.
pub fn for_lines<T: serde::de::DeserializeOwned>(
    path: &Path,
    mut each: impl FnMut(usize, T) -> io::Result<()>,
) -> io::Result<()> {
    let file = std::fs::File::open(path)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    for (i, line) in io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: T = serde_json::from_str(&line).map_err(|e| {
            io::Error::new(io::ErrorKind::InvalidData, format!("{}:{}: {e}", path.display(), i + 1))
        })?;
        each(i + 1, value)?;
    }
    Ok(())
}

fn stem(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The error of a records file given where a gold file is expected.
pub fn records_not_gold(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!(
            "{}: derek's records, not gold: give them right after the gold file they answer (derek eval GOLD.jsonl PRED.jsonl), or with --pred",
            path.display()
        ),
    )
}

/// Evaluate derek on one gold file; for entity files, `pred` is a records file
/// to score instead of running `engine`.
pub fn evaluate(
    path: &Path,
    pred: Option<&Path>,
    engine: &Engine,
    with_errors: bool,
) -> io::Result<Evaluation> {
    match kind_of(path)? {
        GoldKind::LangId => Ok(Evaluation {
            figures: langid::evaluate(path)?,
            errors: if with_errors { langid::errors(path)? } else { Vec::new() },
        }),
        GoldKind::Sentences => Ok(Evaluation {
            figures: sentences::evaluate(path)?,
            errors: if with_errors { sentences::errors(path)? } else { Vec::new() },
        }),
        GoldKind::Ner => ner::evaluate(path, engine, with_errors),
        GoldKind::Records => Err(records_not_gold(path)),
        GoldKind::Entities => {
            let gold = entities::read_docs(path)?;
            let predicted = match pred {
                Some(p) => entities::read_predictions(p)?,
                None => entities::predict(&gold, engine),
            };
            let scores = entities::score(&gold, &predicted);
            let errors = if with_errors {
                scores
                    .mistakes
                    .iter()
                    .map(|m| {
                        format!(
                            "{} {} {:<5} {:?} {}{}\n    {}",
                            m.doc,
                            m.kind,
                            m.what,
                            m.text,
                            m.value,
                            m.rule.as_ref().map(|r| format!(" [{r}]")).unwrap_or_default(),
                            m.context
                        )
                    })
                    .collect()
            } else {
                Vec::new()
            };
            Ok(Evaluation { figures: entities::figures(&stem(path), &scores), errors })
        }
    }
}

/// The gold files of a `../shared`-like folder that derek knows how to score.
pub fn suite_files(shared: &Path) -> Vec<PathBuf> {
    [
        "gold/seeds.jsonl",
        "gold/domain_dev.jsonl",
        "gold/external/langid.jsonl",
        "gold/external/langid_short.jsonl",
        "gold/external/ru_sents_razdel.jsonl",
        "gold/external/kk_sents.jsonl",
        "gold/external/ru_ner_nerel.jsonl",
        "gold/external/kk_ner_kaznerd.jsonl",
        "gold/external/ru_ner_factrueval.jsonl",
    ]
    .iter()
    .map(|p| shared.join(p))
    .filter(|p| p.is_file())
    .collect()
}

/// Minimums (maximums for error rates) committed in the repository.
#[derive(Debug, Default)]
pub struct Floors(pub BTreeMap<String, f64>);

#[derive(serde::Deserialize)]
struct FloorsFile {
    floors: BTreeMap<String, f64>,
}

impl Floors {
    pub fn load(path: &Path) -> io::Result<Floors> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let f: FloorsFile = toml::from_str(&text)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{}: {e}", path.display())))?;
        Ok(Floors(f.floors))
    }

    /// The figures that fall below their floor, described.
    pub fn failures(&self, figures: &[Figure]) -> Vec<String> {
        let mut out = Vec::new();
        for f in figures {
            if let Some(&floor) = self.0.get(&f.name) {
                let bad = if f.lower_is_better { f.value > floor } else { f.value < floor };
                if bad {
                    let rel = if f.lower_is_better { "above the ceiling" } else { "below the floor" };
                    out.push(format!("{} = {:.4} is {rel} {floor} ({})", f.name, f.value, f.detail));
                }
            }
        }
        out
    }

    /// Floors whose figure was not measured at all.
    pub fn unmeasured(&self, figures: &[Figure]) -> Vec<String> {
        self.0.keys().filter(|k| !figures.iter().any(|f| &f.name == *k)).cloned().collect()
    }
}

/// Figures as an aligned table.
pub fn table(figures: &[Figure], floors: Option<&Floors>) -> String {
    let w = figures.iter().map(|f| f.name.len()).max().unwrap_or(10);
    let mut s = String::new();
    for f in figures {
        let floor =
            floors.and_then(|fl| fl.0.get(&f.name)).map(|v| format!("  (floor {v})")).unwrap_or_default();
        s.push_str(&format!("{:<w$}  {:>9.4}  {}{}\n", f.name, f.value, f.detail, floor));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of_text(name: &str, text: &str) -> io::Result<GoldKind> {
        let path = std::env::temp_dir().join(format!("derek-kind-{}-{name}.jsonl", std::process::id()));
        std::fs::write(&path, text).unwrap();
        let kind = kind_of(&path);
        std::fs::remove_file(&path).unwrap();
        kind
    }

    #[test]
    fn the_kind_is_read_off_the_first_non_empty_line() {
        let k = |t| kind_of_text("k", t).unwrap();
        assert!(matches!(k("\n{\"text\": \"a b\", \"bounds\": [2]}\n"), GoldKind::Sentences));
        assert!(matches!(k("{\"lang\": \"kk\", \"text\": \"Сәлем\"}\n"), GoldKind::LangId));
        assert!(matches!(k("{\"text\": \"x\", \"entities\": []}\n"), GoldKind::Entities));
        assert!(matches!(
            k("{\"id\": \"a\", \"chars\": 1, \"sentences\": [], \"entities\": []}\n"),
            GoldKind::Records
        ));
    }

    #[test]
    fn a_bad_line_is_named_by_its_own_number() {
        let e = kind_of_text("bad", "\n\n{not json\n").unwrap_err();
        assert!(e.to_string().contains(".jsonl:3: "), "{e}");
        let e = kind_of_text("unknown", "{\"foo\": 1}\n").unwrap_err();
        assert!(e.to_string().contains("not a gold file"), "{e}");
        let e = kind_of_text("empty", "\n \n").unwrap_err();
        assert!(e.to_string().ends_with(": empty"), "{e}");
    }
}
