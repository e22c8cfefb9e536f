//! Records files (the JSON Lines that `derek extract` writes), read back one
//! record at a time, and told apart from JSON Lines articles.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use crate::input::is_jsonl;
use crate::record::Record;

/// Is `path` a records file: a `.jsonl` whose first line is an object with an
/// `entities` or `sentences` field? (Articles have `id`, `text` and `date` only.)
/// A file that cannot be read is not: it is left to the article reader to report.
pub fn is_records_file(path: &Path) -> bool {
    if !is_jsonl(path) {
        return false;
    }
    let Ok(file) = File::open(path) else { return false };
    let mut reader = BufReader::new(file);
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return false,
            Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
            Ok(_) => break,
        }
    }
    looks_like_a_record(&line)
}

fn looks_like_a_record(line: &[u8]) -> bool {
    match serde_json::from_slice::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(o)) => o.contains_key("entities") || o.contains_key("sentences"),
        _ => false,
    }
}

/// The records of one file (or standard input, `-`), in order.
pub struct Records {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line: usize,
}

impl Records {
    pub fn open(path: &str) -> io::Result<Records> {
        let reader: Box<dyn BufRead + Send> = if path == "-" {
            Box::new(BufReader::new(io::stdin()))
        } else {
            let f = File::open(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
            Box::new(BufReader::with_capacity(1 << 16, f))
        };
        let name = if path == "-" { "<stdin>".to_string() } else { path.to_string() };
        Ok(Records { reader, name, line: 0 })
    }

    /// `file:line` of the record read last.
    pub fn here(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }
}

impl Iterator for Records {
    type Item = io::Result<Record>;

    fn next(&mut self) -> Option<io::Result<Record>> {
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(e) => return Some(Err(io::Error::new(e.kind(), format!("{}: {e}", self.here())))),
            }
            if !bytes.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
        Some(serde_json::from_slice::<Record>(&bytes).map_err(|e| {
            let what = if looks_like_a_record(&bytes) {
                format!("not a valid record: {e}")
            } else {
                "not a record (derek extract writes records; articles go through extract first)".to_string()
            };
            io::Error::new(io::ErrorKind::InvalidData, format!("{}: {what}", self.here()))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_told_from_articles() {
        let dir = tempfile::tempdir().unwrap();
        let rec = dir.path().join("r.jsonl");
        let art = dir.path().join("a.jsonl");
        let txt = dir.path().join("r.txt");
        let line = r#"{"id":"a","source":"a.txt","lang":"ru","lang_score":1.0,"chars":2,"sentences":[],"entities":[]}"#;
        std::fs::write(&rec, format!("\n{line}\n")).unwrap();
        std::fs::write(&art, "{\"id\": \"a\", \"text\": \"entities\"}\n").unwrap();
        std::fs::write(&txt, line).unwrap();
        assert!(is_records_file(&rec));
        assert!(!is_records_file(&art));
        assert!(!is_records_file(&txt), "only .jsonl files hold records");
        assert!(!is_records_file(&dir.path().join("missing.jsonl")));

        let read: Vec<Record> = Records::open(rec.to_str().unwrap()).unwrap().map(Result::unwrap).collect();
        assert_eq!(read.len(), 1);
        assert_eq!(read[0].id, "a");
        let mut articles = Records::open(art.to_str().unwrap()).unwrap();
        let err = articles.next().unwrap().unwrap_err().to_string();
        assert!(
            err.ends_with(
                "a.jsonl:1: not a record (derek extract writes records; articles go through extract first)"
            ),
            "{err}"
        );
    }
}
