//! Where documents come from: files, folders (recursive, `*.txt`, hidden entries
//! skipped, sorted by path), JSON Lines files (`{"id", "text", "date"?}` per line)
//! and standard input (`-`, JSON Lines).
//!
//! [`Inputs`] is a lazy iterator of [`Job`]s in input order: the corpus is never
//! held in memory. Reading a file and parsing a JSON line happen in
//! [`Job::load`], which the pipeline calls on worker threads.

use std::collections::HashSet;
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::decode::decode;

/// One document, ready for the pipeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub id: String,
    pub source: String,
    pub text: String,
    pub date: Option<String>,
    pub encoding: Option<&'static str>,
}

/// A document that could not be loaded: who it is and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub id: String,
    pub source: String,
    pub error: String,
}

/// A unit of work, cheap to produce in order; [`Job::load`] does the I/O and parsing.
#[derive(Debug)]
pub enum Job {
    /// A text file; `id` is its path relative to the argument, without extension.
    File { path: PathBuf, id: String, source: String },
    /// One line of a JSON Lines file (1-based `line`).
    Line { source: String, line: usize, bytes: Vec<u8> },
    /// Something that is not a document could not be read (a folder, a loop): a warning.
    Warning(String),
}

impl Job {
    /// About how many bytes the document has, without reading it (for batching).
    pub fn size_hint(&self) -> u64 {
        match self {
            Job::File { path, .. } => fs::metadata(path).map_or(0, |m| m.len()),
            Job::Line { bytes, .. } => bytes.len() as u64,
            Job::Warning(_) => 0,
        }
    }

    /// Read and decode the document.
    pub fn load(self) -> Result<Document, LoadError> {
        match self {
            Job::File { path, id, source } => {
                let bytes = fs::read(&path).map_err(|e| LoadError {
                    id: id.clone(),
                    source: source.clone(),
                    error: io_reason(&e),
                })?;
                match decode(bytes) {
                    Ok(d) => Ok(Document { id, source, text: d.text, date: None, encoding: d.encoding }),
                    Err(error) => Err(LoadError { id, source, error }),
                }
            }
            Job::Line { source, line, bytes } => parse_line(&source, line, &bytes),
            Job::Warning(w) => Err(LoadError { id: String::new(), source: String::new(), error: w }),
        }
    }
}

fn parse_line(source: &str, line: usize, bytes: &[u8]) -> Result<Document, LoadError> {
    let here = format!("{source}:{line}");
    let fail = |id: String, error: String| LoadError { id, source: here.clone(), error };
    let fallback_id = here.clone();
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => return Err(fail(fallback_id, format!("line {line}: not JSON: {e}"))),
    };
    let Some(obj) = value.as_object() else {
        return Err(fail(fallback_id, format!("line {line}: not a JSON object")));
    };
    let id = match obj.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback_id,
    };
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(_) => return Err(fail(id, format!("line {line}: \"text\" is not a string"))),
        None => return Err(fail(id, format!("line {line}: no \"text\" field"))),
    };
    let date = obj.get("date").and_then(|d| d.as_str()).map(str::to_string);
    Ok(Document { id, source: here, text, date, encoding: None })
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "file not found (removed during the run?)".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Is this path argument read as JSON Lines?
pub fn is_jsonl(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jsonl" || e == "ndjson")
}

/// Lazy, ordered iterator over the jobs of a list of path arguments.
pub struct Inputs {
    args: std::vec::IntoIter<String>,
    current: Option<Source>,
}

enum Source {
    Walk(Walk),
    Lines { reader: Box<dyn BufRead + Send>, source: String, line: usize },
}

impl Inputs {
    pub fn new(args: Vec<String>) -> Inputs {
        Inputs { args: args.into_iter(), current: None }
    }

    fn open(&mut self, arg: String) -> Option<Job> {
        if arg == "-" {
            let reader: Box<dyn BufRead + Send> = Box::new(BufReader::new(io::stdin()));
            self.current = Some(Source::Lines { reader, source: "<stdin>".to_string(), line: 0 });
            return None;
        }
        let path = PathBuf::from(&arg);
        let meta = match fs::metadata(&path) {
            Ok(m) => m,
            // (an argument that was never there is a typo, not a race)
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Some(Job::Warning(format!("{arg}: no such file or folder")));
            }
            Err(e) => return Some(Job::Warning(format!("{arg}: {}", io_reason(&e)))),
        };
        if meta.is_dir() {
            self.current = Some(Source::Walk(Walk::new(path)));
            None
        } else if is_jsonl(&path) {
            match fs::File::open(&path) {
                Ok(f) => {
                    let reader: Box<dyn BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, f));
                    self.current = Some(Source::Lines { reader, source: arg, line: 0 });
                    None
                }
                Err(e) => Some(Job::Warning(format!("{arg}: {}", io_reason(&e)))),
            }
        } else {
            let id =
                path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| arg.clone());
            Some(Job::File { path, id, source: arg })
        }
    }
}

impl Iterator for Inputs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            match &mut self.current {
                Some(Source::Walk(w)) => match w.next() {
                    Some(job) => return Some(job),
                    None => self.current = None,
                },
                Some(Source::Lines { reader, source, line }) => {
                    let mut bytes = Vec::new();
                    match reader.read_until(b'\n', &mut bytes) {
                        Ok(0) => self.current = None,
                        Ok(_) => {
                            *line += 1;
                            while bytes.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                                bytes.pop();
                            }
                            if bytes.iter().all(u8::is_ascii_whitespace) {
                                continue; // blank lines are not documents
                            }
                            return Some(Job::Line { source: source.clone(), line: *line, bytes });
                        }
                        Err(e) => {
                            let w = format!("{source}: read error after line {line}: {e}");
                            self.current = None;
                            return Some(Job::Warning(w));
                        }
                    }
                }
                None => {
                    let arg = self.args.next()?;
                    if let Some(job) = self.open(arg) {
                        return Some(job);
                    }
                }
            }
        }
    }
}

/// Depth-first walk of a folder, entries sorted by path, `*.txt` files only,
/// hidden entries skipped, symbolic links followed with loop detection.
struct Walk {
    root: PathBuf,
    /// Stack of sorted entry lists (reversed, so `pop` gives the next one).
    stack: Vec<Vec<(PathBuf, bool)>>,
    visited: HashSet<PathBuf>,
    pending: Option<Job>,
}

impl Walk {
    fn new(root: PathBuf) -> Walk {
        let mut w = Walk { root: root.clone(), stack: Vec::new(), visited: HashSet::new(), pending: None };
        w.enter(&root);
        w
    }

    fn enter(&mut self, dir: &Path) {
        if let Ok(canon) = fs::canonicalize(dir)
            && !self.visited.insert(canon)
        {
            self.pending = Some(Job::Warning(format!("{}: symbolic link loop, skipped", dir.display())));
            return;
        }
        let rd = match fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.pending =
                    Some(Job::Warning(format!("{}: cannot read folder: {}", dir.display(), io_reason(&e))));
                return;
            }
        };
        let mut entries: Vec<(Vec<u8>, PathBuf, bool)> = Vec::new();
        for entry in rd.flatten() {
            let name = entry.file_name();
            let name_s = name.to_string_lossy();
            if name_s.starts_with('.') {
                continue;
            }
            let path = entry.path();
            // Follow symbolic links: metadata() resolves them; a broken link is reported as a file.
            let is_dir = fs::metadata(&path).map(|m| m.is_dir()).unwrap_or(false);
            if !is_dir && path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let mut key = name_s.as_bytes().to_vec();
            if is_dir {
                key.push(b'/');
            }
            entries.push((key, path, is_dir));
        }
        entries.sort_by(|a, b| b.0.cmp(&a.0));
        self.stack.push(entries.into_iter().map(|(_, p, d)| (p, d)).collect());
    }

    fn id_of(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let rel = rel.with_extension("");
        rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/")
    }
}

impl Iterator for Walk {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(job) = self.pending.take() {
                return Some(job);
            }
            let top = self.stack.last_mut()?;
            let Some((path, is_dir)) = top.pop() else {
                self.stack.pop();
                continue;
            };
            if is_dir {
                self.enter(&path);
                continue;
            }
            let id = self.id_of(&path);
            let source = path.to_string_lossy().into_owned();
            return Some(Job::File { path, id, source });
        }
    }
}

/// Read all of standard input or a file as bytes (used by commands that take one file).
pub fn read_all(path: &str) -> io::Result<Vec<u8>> {
    if path == "-" {
        let mut v = Vec::new();
        io::stdin().read_to_end(&mut v)?;
        Ok(v)
    } else {
        fs::read(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_fields_and_errors() {
        let d =
            parse_line("c.jsonl", 3, r#"{"id": "a1", "text": "Привет", "date": "2024-05-01"}"#.as_bytes())
                .unwrap();
        assert_eq!((d.id.as_str(), d.text.as_str(), d.date.as_deref()), ("a1", "Привет", Some("2024-05-01")));
        assert_eq!(d.source, "c.jsonl:3");
        let d = parse_line("c.jsonl", 4, br#"{"id": 17, "text": ""}"#).unwrap();
        assert_eq!(d.id, "17");
        let e = parse_line("c.jsonl", 5, b"{not json").unwrap_err();
        assert!(e.error.starts_with("line 5: not JSON"), "{}", e.error);
        assert_eq!(e.id, "c.jsonl:5");
        let e = parse_line("c.jsonl", 6, br#"{"id": "x"}"#).unwrap_err();
        assert_eq!((e.id.as_str(), e.error.as_str()), ("x", "line 6: no \"text\" field"));
        let e = parse_line("c.jsonl", 7, br#"{"id": "y", "text": 5}"#).unwrap_err();
        assert_eq!(e.error, "line 7: \"text\" is not a string");
        let e = parse_line("c.jsonl", 8, br#"[1, 2]"#).unwrap_err();
        assert_eq!(e.error, "line 8: not a JSON object");
    }

    #[test]
    fn folder_walk_is_sorted_recursive_and_skips_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path();
        fs::create_dir_all(r.join("b/inner")).unwrap();
        fs::create_dir_all(r.join(".hidden")).unwrap();
        for f in ["a.txt", "b/inner/z.txt", "b/c.txt", "c.md", ".h.txt", ".hidden/x.txt", "b.txt"] {
            fs::write(r.join(f), "текст").unwrap();
        }
        let ids: Vec<String> = Inputs::new(vec![r.to_string_lossy().into_owned()])
            .map(|j| match j {
                Job::File { id, .. } => id,
                other => panic!("unexpected {other:?}"),
            })
            .collect();
        assert_eq!(ids, ["a", "b", "b/c", "b/inner/z"]);
    }
}
