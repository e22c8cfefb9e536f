//! The batch pipeline: documents in, records out, in parallel and in input order.
//!
//! The input is cut into chunks of about a megabyte, numbered in input order.
//! Worker threads take chunks as they come, and the calling thread writes each
//! chunk's records once those of every chunk before it are written. A bounded
//! number of chunks is in flight, so memory does not grow with the corpus, and
//! the output order (and so the output bytes) does not depend on the number of
//! threads.

use std::io::{self, Write};
use std::time::Instant;

use crate::extract::{Engine, Prepared};
use crate::input::{Document, Inputs, Job, LoadError};
use crate::lang::{self, Lang};
use crate::offsets::CharIndex;
use crate::record::{EntityType, Record, Sentence, round3};
use crate::segment;

/// Bytes of documents that go through the rules together on one thread (see
/// [`process_many`]): measured 2.3 times faster at 1 MB than at 64 kB.
const CHUNK_BYTES: u64 = 1 << 20;
/// Most jobs in one chunk (many tiny documents).
const CHUNK_JOBS: usize = 1024;

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
        let mut entities = [0; 4];
        for e in &r.entities {
            entities[e.kind as usize] += 1;
        }
        let sentences = r.sentences.len();
        let w = crate::window::Written { sentences, entities, bytes: bytes as u64, error: r.error.is_some() };
        self.add_written(&w);
    }

    /// Count one document from what was written of it.
    fn add_written(&mut self, w: &crate::window::Written) {
        self.documents += 1;
        self.sentences += w.sentences;
        for (n, k) in self.entities.iter_mut().zip(w.entities) {
            *n += k;
        }
        self.errors += w.error as usize;
        self.bytes += w.bytes;
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
    process_many(std::slice::from_ref(doc), engine).pop().expect("one record per document")
}

/// Records of several documents, the rules run over all of them together
/// ([`Engine::extract_many`]).
pub fn process_many(docs: &[Document], engine: &Engine) -> Vec<Record> {
    process_parts(docs, engine, None)
}

/// The record of one part (a window) of a document too large to hold, whose
/// language, decided over the whole file, is `doc_lang`: its sentences lean
/// towards it and its places are named in it, as when the document is held whole.
pub fn process_part(part: &Document, engine: &Engine, doc_lang: lang::Guess) -> Record {
    process_parts(std::slice::from_ref(part), engine, Some(doc_lang)).pop().expect("one record")
}

fn process_parts(docs: &[Document], engine: &Engine, known: Option<lang::Guess>) -> Vec<Record> {
    struct Prep<'a> {
        guess: lang::Guess,
        ranges: Vec<std::ops::Range<usize>>,
        langs: Vec<Lang>,
        index: CharIndex<'a>,
    }
    let preps: Vec<Prep> = docs
        .iter()
        .map(|doc| {
            let text = doc.text.as_str();
            let ranges = segment::split(text);
            let (guess, langs) = lang::detect_document_in(text, &ranges, known);
            Prep { guess, ranges, langs, index: CharIndex::new(text) }
        })
        .collect();
    let prepared: Vec<Prepared> = docs
        .iter()
        .zip(&preps)
        .map(|(d, p)| Prepared {
            text: &d.text,
            lang: p.guess.lang,
            ranges: &p.ranges,
            langs: &p.langs,
            index: &p.index,
        })
        .collect();
    let mut entities = engine.extract_many(&prepared);
    // Relative and year-less dates resolved against the document's date, if it has one.
    for (doc, ents) in docs.iter().zip(entities.iter_mut()) {
        let Some(day) = doc.date.as_deref().and_then(crate::calendar::Day::parse) else { continue };
        for e in ents.iter_mut() {
            if let crate::record::Value::Date { value, relative } = &mut e.value
                && let Some(resolved) = crate::calendar::resolve(value, day)
            {
                *relative = Some(std::mem::replace(value, resolved));
            }
        }
    }
    docs.iter()
        .zip(preps)
        .zip(entities)
        .map(|((doc, p), entities)| {
            let sentences = p
                .ranges
                .iter()
                .zip(&p.langs)
                .map(|(r, &lang)| Sentence {
                    start: p.index.char_at(r.start),
                    end: p.index.char_at(r.end),
                    lang,
                })
                .collect();
            Record {
                id: doc.id.clone(),
                source: doc.source.clone(),
                lang: p.guess.lang,
                lang_score: round3(p.guess.score as f64),
                chars: p.index.char_at(doc.text.len()),
                date: doc.date.clone(),
                encoding: doc.encoding.map(str::to_string),
                sentences,
                entities,
                error: None,
                text: None,
            }
        })
        .collect()
}

enum Outcome {
    Record(Record, usize),
    /// A file too large to hold: processed in windows when its turn comes to be written.
    Large {
        path: std::path::PathBuf,
        id: String,
        source: String,
    },
    Warning(String),
}

/// Where records go. Closures over `&Record` are sinks; a sink that can write a
/// record in pieces also takes files too large to hold ([`crate::window`]).
pub trait RecordSink: Send {
    fn record(&mut self, r: &Record) -> io::Result<()>;

    /// Write the record of a large file by streaming it; `None` when this sink
    /// needs whole records (the file is then loaded whole).
    fn large(
        &mut self,
        _path: &std::path::Path,
        _id: &str,
        _source: &str,
        _engine: &Engine,
        _opts: &RunOptions,
    ) -> Option<io::Result<crate::window::Written>> {
        None
    }
}

impl<F: FnMut(&Record) -> io::Result<()> + Send> RecordSink for F {
    fn record(&mut self, r: &Record) -> io::Result<()> {
        self(r)
    }
}

/// JSON Lines to a writer.
struct JsonLines<'a> {
    out: &'a mut (dyn Write + Send),
    line: Vec<u8>,
}

impl RecordSink for JsonLines<'_> {
    fn record(&mut self, r: &Record) -> io::Result<()> {
        self.line.clear();
        serde_json::to_writer(&mut self.line, r).map_err(io::Error::other)?;
        self.line.push(b'\n');
        self.out.write_all(&self.line)
    }

    fn large(
        &mut self,
        path: &std::path::Path,
        id: &str,
        source: &str,
        engine: &Engine,
        opts: &RunOptions,
    ) -> Option<io::Result<crate::window::Written>> {
        let threads = opts.threads.max(1);
        Some(crate::window::process_file(path, id, source, engine, threads, opts.keep_text, self.out))
    }
}

/// A document that panics the engine becomes an error record; the others are kept.
fn process_guarded(doc: &Document, engine: &Engine) -> Record {
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(doc, engine)));
    result.unwrap_or_else(|_| {
        Record::failed(
            doc.id.clone(),
            doc.source.clone(),
            "internal error while processing (please report)".into(),
        )
    })
}

/// Load and process a chunk of jobs, in order. The documents go through the
/// rules together; if that panics, each is retried alone so that only the
/// document at fault becomes an error record. Each job comes with its size (from
/// [`Job::size_hint`] when the batch was taken): files over `large` bytes are left
/// to be streamed in windows.
fn run_chunk(
    jobs: Vec<(Job, u64)>,
    engine: &Engine,
    keep_text: bool,
    large: u64,
    default_date: Option<&str>,
) -> Vec<Outcome> {
    let mut slots: Vec<Option<Outcome>> = Vec::with_capacity(jobs.len());
    let mut docs: Vec<(usize, Document)> = Vec::new();
    for (job, size) in jobs {
        match job {
            Job::Warning(w) => slots.push(Some(Outcome::Warning(w))),
            Job::File { path, id, source } if size > large => {
                slots.push(Some(Outcome::Large { path, id, source }))
            }
            job => match job.load() {
                Ok(mut doc) => {
                    if doc.date.is_none() {
                        doc.date = default_date.map(str::to_string);
                    }
                    docs.push((slots.len(), doc));
                    slots.push(None);
                }
                Err(LoadError { id, source, error }) => {
                    slots.push(Some(Outcome::Record(Record::failed(id, source, error), 0)))
                }
            },
        }
    }
    let (positions, docs): (Vec<usize>, Vec<Document>) = docs.into_iter().unzip();
    let together = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process_many(&docs, engine)));
    let records = together.unwrap_or_else(|_| docs.iter().map(|d| process_guarded(d, engine)).collect());
    for ((pos, doc), mut record) in positions.into_iter().zip(docs).zip(records) {
        let bytes = doc.text.len();
        if keep_text {
            record.text = Some(doc.text);
        }
        slots[pos] = Some(Outcome::Record(record, bytes));
    }
    slots.into_iter().map(|o| o.expect("every job has an outcome")).collect()
}

/// Options of a run.
pub struct RunOptions<'a> {
    pub threads: usize,
    /// Called after each batch with the running summary (progress display).
    pub progress: Option<&'a (dyn Fn(&Summary) + Sync)>,
    /// Called for each warning (a folder that cannot be read, ...).
    pub warn: &'a (dyn Fn(&str) + Sync),
    /// Set from outside (Ctrl-C) to stop the run after the current batch with an
    /// `Interrupted` error; the caller then discards the partial output.
    pub cancel: Option<&'a std::sync::atomic::AtomicBool>,
    /// Put each document's text in its record (`extract --keep-text`, `show`).
    pub keep_text: bool,
    /// The date of documents that have none of their own (`extract --date`).
    pub date: Option<&'a str>,
}

/// Run the pipeline over `inputs`, writing one JSON line per document to `out`.
pub fn run(
    inputs: Inputs,
    engine: &Engine,
    out: &mut (dyn Write + Send),
    opts: &RunOptions,
) -> io::Result<Summary> {
    let summary = for_each(inputs, engine, opts, &mut JsonLines { out, line: Vec::with_capacity(1 << 16) })?;
    out.flush()?;
    Ok(summary)
}

/// Run the pipeline over `inputs`, handing each record to `each` in input order
/// (on the calling thread, while the worker threads process the chunks after it).
///
/// A reader thread cuts the input into chunks of about [`CHUNK_BYTES`], numbered
/// in input order; `threads` workers take them as they come (no worker waits for
/// another: there is no batch boundary); the calling thread writes each chunk's
/// records once every chunk before it is written. At most `2 × threads + 2`
/// chunks are read and not yet written, which bounds memory whatever the corpus.
pub fn for_each(
    inputs: Inputs,
    engine: &Engine,
    opts: &RunOptions,
    each: &mut dyn RecordSink,
) -> io::Result<Summary> {
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Arc, Mutex, mpsc};

    let threads = opts.threads.max(1);
    // Files too large to hold are streamed in windows by the sink, on a pool of
    // `threads` (the workers wait meanwhile: their chunks come after it).
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| io::Error::other(e.to_string()))?;
    let start = Instant::now();
    let mut summary = Summary::default();
    let large = crate::window::large_bytes();
    let target = chunk_bytes(threads);
    let in_flight = 2 * threads + 2;
    let cancelled = || opts.cancel.is_some_and(|c| c.load(Ordering::Relaxed));
    // Set when the writer stops early (an error): the reader stops too.
    let stop = AtomicBool::new(false);
    let (chunk_tx, chunk_rx) = mpsc::sync_channel::<(u64, Vec<(Job, u64)>)>(threads);
    // Shared by the workers alone: when the last one stops, the reader's sends fail.
    let chunk_rx = Arc::new(Mutex::new(chunk_rx));
    let (done_tx, done_rx) = mpsc::channel::<(u64, Vec<Outcome>)>();
    let (token_tx, token_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        token_tx.send(()).expect("the token channel holds them all");
    }
    std::thread::scope(|scope| -> io::Result<Summary> {
        let (stop, cancelled) = (&stop, &cancelled);
        scope.spawn(move || {
            let mut inputs = inputs.fuse();
            for seq in 0.. {
                if token_rx.recv().is_err() || stop.load(Ordering::Relaxed) || cancelled() {
                    break;
                }
                let chunk = take_chunk(&mut inputs, target);
                if chunk.is_empty() || chunk_tx.send((seq, chunk)).is_err() {
                    break;
                }
            }
        });
        for _ in 0..threads {
            let (chunk_rx, done_tx) = (chunk_rx.clone(), done_tx.clone());
            scope.spawn(move || {
                loop {
                    let next = chunk_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((seq, chunk))) = next else { break };
                    let outcomes = run_chunk(chunk, engine, opts.keep_text, large, opts.date);
                    if done_tx.send((seq, outcomes)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        drop(chunk_rx);
        let result = (|| -> io::Result<()> {
            let mut waiting: BTreeMap<u64, Vec<Outcome>> = BTreeMap::new();
            let mut next = 0;
            for (seq, outcomes) in &done_rx {
                if cancelled() {
                    return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
                }
                waiting.insert(seq, outcomes);
                while let Some(outcomes) = waiting.remove(&next) {
                    for o in outcomes {
                        write_outcome(o, engine, opts, each, &mut summary, &pool)?;
                    }
                    next += 1;
                    // The chunk is written: the reader may take another.
                    let _ = token_tx.send(());
                    summary.seconds = start.elapsed().as_secs_f64();
                    if let Some(p) = opts.progress {
                        p(&summary);
                    }
                }
            }
            if cancelled() {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "interrupted"));
            }
            Ok(())
        })();
        // On an error, let the reader and the workers wind down.
        stop.store(true, Ordering::Relaxed);
        drop(token_tx);
        drop(done_rx);
        result?;
        summary.seconds = start.elapsed().as_secs_f64();
        Ok(summary.clone())
    })
}

/// Bytes per chunk: [`CHUNK_BYTES`], halved when several threads share the work
/// so that the last chunks of a small corpus still spread over them.
fn chunk_bytes(threads: usize) -> u64 {
    if threads > 1 { CHUNK_BYTES / 2 } else { CHUNK_BYTES }
}

/// The next chunk of jobs, in input order: about `target` bytes, at most
/// [`CHUNK_JOBS`] jobs.
fn take_chunk(inputs: &mut impl Iterator<Item = Job>, target: u64) -> Vec<(Job, u64)> {
    let mut chunk = Vec::new();
    let mut bytes = 0;
    while bytes < target && chunk.len() < CHUNK_JOBS {
        let Some(job) = inputs.next() else { break };
        let size = job.size_hint();
        bytes += size;
        chunk.push((job, size));
    }
    chunk
}

/// Hand one outcome to the sink and count it.
fn write_outcome(
    o: Outcome,
    engine: &Engine,
    opts: &RunOptions,
    each: &mut dyn RecordSink,
    summary: &mut Summary,
    pool: &rayon::ThreadPool,
) -> io::Result<()> {
    match o {
        Outcome::Record(r, bytes) => {
            each.record(&r)?;
            summary.add(&r, bytes);
        }
        Outcome::Large { path, id, source } => {
            match pool.install(|| each.large(&path, &id, &source, engine, opts)) {
                Some(w) => summary.add_written(&w?),
                None => {
                    let job = Job::File { path, id, source };
                    for o in run_chunk(vec![(job, 0)], engine, opts.keep_text, u64::MAX, opts.date) {
                        if let Outcome::Record(r, bytes) = o {
                            each.record(&r)?;
                            summary.add(&r, bytes);
                        }
                    }
                }
            }
        }
        Outcome::Warning(w) => {
            summary.warnings += 1;
            (opts.warn)(&w);
        }
    }
    Ok(())
}
