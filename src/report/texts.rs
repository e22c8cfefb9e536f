//! The texts of records that do not carry their own (`show --text-from PATH`):
//! the articles `derek extract` read, read again in the same order.
//!
//! Records and articles are matched by id, walking both in order, so that only one
//! article is held at a time: articles without a record are skipped (a records
//! file may have been filtered), and so are paths that cannot be read (a record
//! whose article then does not come is an error that names them). An article whose
//! length differs from the record's is an error too: it is not the text the offsets
//! were computed on.

use std::io;

use crate::input::{Inputs, Job};
use crate::record::Record;

/// Articles read in order, to be matched with records.
pub struct Texts {
    jobs: Inputs,
    origin: String,
    /// What could not be read (a path that does not exist, a folder), told when a text is missing.
    warnings: Vec<String>,
}

impl Texts {
    /// The articles of these paths (files, folders, `.jsonl` articles: as for extract).
    pub fn new(paths: Vec<String>) -> Texts {
        let origin = paths.join(" ");
        Texts { jobs: Inputs::new(paths), origin, warnings: Vec::new() }
    }

    /// The text of the article with `record`'s id, the articles before it skipped.
    pub fn text_for(&mut self, record: &Record) -> io::Result<String> {
        let missing = |why: String, warnings: &[String]| {
            let mut m = format!(
                "record {:?}: {why} (give --text-from the inputs that extract read, in the same order)",
                record.id
            );
            if let Some(w) = warnings.first() {
                m.push_str(&format!("; could not read {w}"));
            }
            io::Error::new(io::ErrorKind::NotFound, m)
        };
        loop {
            let Some(job) = self.jobs.next() else {
                return Err(missing(format!("no article with this id in {}", self.origin), &self.warnings));
            };
            match &job {
                Job::Warning(w) => {
                    self.warnings.push(w.clone());
                    continue;
                }
                Job::File { id, .. } if *id != record.id => continue,
                _ => {}
            }
            match job.load() {
                Ok(doc) if doc.id == record.id => {
                    let chars = doc.text.chars().count();
                    if chars != record.chars {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!(
                                "record {:?}: its text in {} has {chars} characters, the record says {}: \
                                 not the text extract read",
                                record.id, doc.source, record.chars
                            ),
                        ));
                    }
                    return Ok(doc.text);
                }
                Ok(_) => continue,
                Err(e) if e.id == record.id => {
                    return Err(missing(format!("{}: {}", e.source, e.error), &self.warnings));
                }
                Err(_) => continue,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn record(id: &str, chars: usize) -> Record {
        Record {
            id: id.into(),
            source: String::new(),
            lang: Lang::Ru,
            lang_score: 1.0,
            chars,
            date: None,
            encoding: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            error: None,
            text: None,
        }
    }

    #[test]
    fn matched_by_id_in_order() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [("a.txt", "Алматы"), ("b.txt", "Астана"), ("c.txt", "Шымкент 😀")]
        {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let mut texts = Texts::new(vec![dir.path().to_string_lossy().into_owned()]);
        assert_eq!(texts.text_for(&record("a", 6)).unwrap(), "Алматы");
        // b has no record: skipped.
        assert_eq!(texts.text_for(&record("c", 9)).unwrap(), "Шымкент 😀");
        let err = texts.text_for(&record("d", 1)).unwrap_err().to_string();
        assert!(err.contains("record \"d\": no article with this id"), "{err}");

        let mut texts = Texts::new(vec!["no-such-folder".into()]);
        let err = texts.text_for(&record("a", 6)).unwrap_err().to_string();
        assert!(err.ends_with("; could not read no-such-folder: no such file or folder"), "{err}");

        let mut texts = Texts::new(vec![dir.path().to_string_lossy().into_owned()]);
        let err = texts.text_for(&record("a", 7)).unwrap_err().to_string();
        assert!(err.contains("has 6 characters, the record says 7"), "{err}");
    }
}
