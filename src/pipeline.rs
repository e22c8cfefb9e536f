//! The batch pipeline: documents in, records out, in parallel and in input order.
//!
//! Jobs are taken from the input in batches; each batch is processed on the
//! rayon pool while the records of the previous one are written, so memory holds
//! at most two batches whatever the corpus size, and the output order (and so the
//! output bytes) does not depend on the number of threads.

use std::io::{self, Write};
use std::time::Instant;

use rayon::prelude::*;

use crate::extract::Engine;
use crate::input::{Document, Inputs, Job, LoadError};
use crate::lang::{self, Lang};
use crate::offsets::CharIndex;
use crate::record::{EntityType, Record, Sentence, round3};
use crate::segment;

/// Jobs per batch: large enough to keep every thread busy, small enough to bound memory.
const BATCH: usize = 256;

/// What a run did, for the closing summary line.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub documents: usize,
    pub sentences: usize,
    pub entities: [usize; 4],
    pub errors: usize,
    pub warnings: usize,
    pub bytes: u64,
    pub seconds: f64,
}

impl Summary {
    fn add(&mut self, r: &Record, bytes: usize) {
        self.documents += 1;
        self.sentences += r.sentences.len();
        for e in &r.entities {
            self.entities[e.kind as usize] += 1;
        }
        if r.error.is_some() {
            self.errors += 1;
        }
        self.bytes += bytes as u64;
    }

    /// One line: documents, sentences, entities per type, errors, seconds, MB/s.
    pub fn line(&self) -> String {
        let per_type: Vec<String> =
            EntityType::ALL.iter().map(|t| format!("{} {}", self.entities[*t as usize], t.name())).collect();
        let mbs = if self.seconds > 0.0 { self.bytes as f64 / 1e6 / self.seconds } else { 0.0 };
        let mut s = format!(
            "{} documents, {} sentences, entities: {}; {} errors",
            self.documents,
            self.sentences,
            per_type.join(", "),
            self.errors
        );
        if self.warnings > 0 {
            s.push_str(&format!(", {} warnings", self.warnings));
        }
        s.push_str(&format!("; {:.2} s, {:.1} MB/s", self.seconds, mbs));
        s
    }
}

/// Language, sentences and entities of one document.
pub fn process(doc: &Document, engine: &Engine) -> Record {
    let text = doc.text.as_str();
    let guess = lang::detect(text);
    let ranges = segment::split(text);
    let index = CharIndex::new(text);
    let langs: Vec<Lang> =
        ranges.iter().map(|r| lang::detect_sentence(&text[r.clone()], guess.lang).lang).collect();
    let entities = engine.extract(text, &ranges, &langs, doc.date.as_deref(), &index);
    let sentences = ranges
        .iter()
        .zip(&langs)
        .map(|(r, &lang)| Sentence { start: index.char_at(r.start), end: index.char_at(r.end), lang })
        .collect();
    Record {
        id: doc.id.clone(),
        source: doc.source.clone(),
        lang: guess.lang,
        lang_score: round3(guess.score as f64),
        chars: index.char_at(text.len()),
        date: doc.date.clone(),
        encoding: doc.encoding.map(str::to_string),
        sentences,
        entities,
        error: None,
        text: None,
    }
}

enum Outcome {
    Record(Record, usize),
    Warning(String),
}

fn run_job(job: Job, engine: &Engine, keep_text: bool) -> Outcome {
    if let Job::Warning(w) = job {
        return Outcome::Warning(w);
    }
    match job.load() {
        Ok(doc) => {
            let bytes = doc.text.len();
            // A panic in one document must not take the batch down: it becomes an error record.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(&doc, engine)));
            let mut record = match result {
                Ok(r) => r,
                Err(_) => Record::failed(
                    doc.id,
                    doc.source,
                    "internal error while processing (please report)".into(),
                ),
            };
            if keep_text {
                record.text = Some(doc.text);
            }
            Outcome::Record(record, bytes)
        }
        Err(LoadError { id, source, error }) => Outcome::Record(Record::failed(id, source, error), 0),
    }
}

/// Options of a run.
pub struct RunOptions<'a> {
    pub threads: usize,
    /// Called after each batch with the running summary (progress display).
    pub progress: Option<&'a (dyn Fn(&Summary) + Sync)>,
    /// Called for each warning (a folder that cannot be read, ...).
    pub warn: &'a (dyn Fn(&str) + Sync),
    /// Put each document's text in its record (`extract --keep-text`, `show`).
    pub keep_text: bool,
}

/// Run the pipeline over `inputs`, writing one JSON line per document to `out`.
pub fn run(
    inputs: Inputs,
    engine: &Engine,
    out: &mut (dyn Write + Send),
    opts: &RunOptions,
) -> io::Result<Summary> {
    let mut line = Vec::with_capacity(1 << 16);
    let summary = for_each(inputs, engine, opts, &mut |r: &Record| {
        line.clear();
        serde_json::to_writer(&mut line, r).map_err(io::Error::other)?;
        line.push(b'\n');
        out.write_all(&line)
    })?;
    out.flush()?;
    Ok(summary)
}

/// Run the pipeline over `inputs`, handing each record to `each` in input order
/// (on one thread, while the next batch is processed on the others).
pub fn for_each(
    inputs: Inputs,
    engine: &Engine,
    opts: &RunOptions,
    each: &mut (dyn FnMut(&Record) -> io::Result<()> + Send),
) -> io::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.max(1))
        .build()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let start = Instant::now();
    let mut summary = Summary::default();
    let mut inputs = inputs.fuse();
    let mut batch: Vec<Job> = inputs.by_ref().take(BATCH).collect();
    let mut pending: Vec<Outcome> = Vec::new();
    while !batch.is_empty() || !pending.is_empty() {
        let jobs = std::mem::take(&mut batch);
        let (done, write_result) = pool.install(|| {
            rayon::join(
                || jobs.into_par_iter().map(|j| run_job(j, engine, opts.keep_text)).collect::<Vec<_>>(),
                || -> io::Result<()> {
                    for o in pending.drain(..) {
                        match o {
                            Outcome::Record(r, bytes) => {
                                each(&r)?;
                                summary.add(&r, bytes);
                            }
                            Outcome::Warning(w) => {
                                summary.warnings += 1;
                                (opts.warn)(&w);
                            }
                        }
                    }
                    batch = inputs.by_ref().take(BATCH).collect();
                    Ok(())
                },
            )
        });
        write_result?;
        pending = done;
        summary.seconds = start.elapsed().as_secs_f64();
        if let Some(p) = opts.progress {
            p(&summary);
        }
    }
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}
