//! Looking at the results: `derek show` writes an HTML report (each document's
//! text with its entities highlighted, and a summary of the whole input), `derek
//! stats` prints the same summary as a terminal table or JSON.
//!
//! [`summary`] accumulates the counters, [`html`] writes the page ([`marks`] lays
//! out the nested highlights), [`table`] the terminal tables, [`amount`] writes
//! numbers. The input of `show` is articles (run through the pipeline) or records
//! files ([`records`]), whose texts come from a `text` field (`extract
//! --keep-text`) or from the articles again ([`texts`], `--text-from`).

pub mod amount;
pub mod html;
pub mod marks;
pub mod records;
pub mod summary;
pub mod table;
pub mod texts;

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub use html::HtmlReport;
pub use summary::{Summary, View};

use crate::extract::Engine;
use crate::input::Inputs;
use crate::pipeline::{self, RunOptions};
use records::Records;
use texts::Texts;

/// One input argument of `show`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Articles, as for extract: files, folders, `.jsonl` articles, `-`.
    Articles(String),
    /// A records file written by extract.
    Records(String),
}

impl Input {
    /// A `.jsonl` whose first line is a record is a records file; anything else is
    /// articles (standard input, `-`, is always read as articles).
    pub fn classify(arg: String) -> Input {
        if arg != "-" && records::is_records_file(Path::new(&arg)) {
            Input::Records(arg)
        } else {
            Input::Articles(arg)
        }
    }
}

/// How to write a report.
pub struct ShowOptions<'a> {
    /// Threads, progress and warnings for the articles run through the pipeline.
    pub run: &'a RunOptions<'a>,
    /// Where the texts of records without a `text` field are read from.
    pub text_from: Vec<String>,
    /// The page's title.
    pub title: String,
    /// How many organizations and places the summary lists (0: all).
    pub top: usize,
    /// Folder for the scratch file that holds the document sections until the end.
    pub scratch_dir: PathBuf,
}

/// What a report covered.
pub struct Shown {
    pub summary: Summary,
    /// Inputs that could not be read (from the pipeline).
    pub warnings: usize,
}

/// Write the HTML report of `inputs` to `out`; `engine` is needed only when some
/// inputs are articles. An error (a record without text, a broken records file,
/// output that cannot be written) stops the report.
pub fn show(
    inputs: Vec<Input>,
    engine: Option<&Engine>,
    opts: &ShowOptions,
    out: &mut dyn Write,
) -> io::Result<Shown> {
    let mut report = HtmlReport::new(&opts.scratch_dir)?;
    let mut texts = (!opts.text_from.is_empty()).then(|| Texts::new(opts.text_from.clone()));
    let mut warnings = 0;
    let run = RunOptions { keep_text: true, ..*opts.run };
    let mut inputs = inputs.into_iter().peekable();
    while let Some(input) = inputs.next() {
        match input {
            Input::Articles(first) => {
                // Consecutive article arguments go through the pipeline together.
                let mut group = vec![first];
                while let Some(Input::Articles(a)) = inputs.peek() {
                    group.push(a.clone());
                    inputs.next();
                }
                let engine =
                    engine.ok_or_else(|| io::Error::other("articles to show but no rules loaded"))?;
                let s = pipeline::for_each(
                    Inputs::new(group),
                    engine,
                    &run,
                    &mut |r: &crate::record::Record| report.add(r, r.text.as_deref()),
                )?;
                warnings += s.warnings;
            }
            Input::Records(path) => {
                let mut records = Records::open(&path)?;
                while let Some(rec) = records.next() {
                    let rec = rec?;
                    let found;
                    let text = match (&rec.text, &rec.error, texts.as_mut()) {
                        (Some(t), _, _) => Some(t.as_str()),
                        (None, Some(_), _) => None,
                        (None, None, Some(texts)) => {
                            found = texts.text_for(&rec)?;
                            Some(found.as_str())
                        }
                        (None, None, None) => {
                            return Err(io::Error::new(
                                io::ErrorKind::InvalidInput,
                                format!(
                                    "{}: record {:?} has no text: give --text-from with the articles \
                                     extract read, or extract them again with --keep-text",
                                    records.here(),
                                    rec.id
                                ),
                            ));
                        }
                    };
                    report.add(&rec, text)?;
                }
            }
        }
    }
    let summary = report.finish(out, &opts.title, opts.top)?;
    Ok(Shown { summary, warnings })
}

/// The summary of records files (`-`: standard input), for `derek stats`.
pub fn summarize(paths: &[String]) -> io::Result<Summary> {
    let mut summary = Summary::new();
    for p in paths {
        if Path::new(p).is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{p} is a folder: stats reads records files (derek extract ... -o records.jsonl)"),
            ));
        }
        for rec in Records::open(p)? {
            summary.add(&rec?);
        }
    }
    Ok(summary)
}
