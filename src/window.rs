//! Documents too large to hold in memory (a 200 MB file), processed in windows.
//!
//! The file is decoded as a stream (the encoding chosen from its first megabyte,
//! as [`crate::decode`] does for whole files) and cut into windows of about
//! [`WINDOW_BYTES`] at line breaks (else at a space). Each window goes through the
//! ordinary pipeline; its sentences and entities, shifted to the document's
//! character offsets and sentence numbers, are spooled to two temporary files,
//! then the record is written in one line: same fields, same order as any other
//! record. Memory stays a few windows whatever the file size.
//!
//! The document's language is decided first, in a pass that decodes the file and
//! reads its letters once ([`crate::lang::part_evidence`]): the decision a
//! document held whole gets, so that every window's sentences lean towards it and
//! its places are named in it. What differs from a document held whole: a
//! sentence never spans a window cut (a line break).

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::Path;

use encoding_rs::{Decoder, Encoding, UTF_8};
use rayon::prelude::*;

use crate::extract::Engine;
use crate::input::Document;
use crate::lang::{self, Guess};
use crate::pipeline::process_part;
use crate::record::round3;

/// Files larger than this are processed in windows (`DEREK_LARGE_BYTES` overrides
/// it, for tests).
pub const LARGE_BYTES: u64 = 32 << 20;
/// Bytes of text per window (1 MB: about 15 MB of working memory per thread).
pub const WINDOW_BYTES: usize = 1 << 20;

/// The size above which a file is processed in windows.
pub fn large_bytes() -> u64 {
    std::env::var("DEREK_LARGE_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(LARGE_BYTES)
}

/// Bytes of text per window (1 MB: about 15 MB of working memory per thread). [`WINDOW_BYTES`], smaller when the large-file
/// threshold is set lower (tests).
fn window_bytes() -> usize {
    WINDOW_BYTES.min((large_bytes() / 4).max(4096) as usize)
}

/// What was written, for the run's summary.
#[derive(Debug, Default)]
pub struct Written {
    pub sentences: usize,
    pub entities: [usize; 4],
    pub bytes: u64,
    pub error: bool,
}

/// Process the file at `path` in windows and write its record (one JSON line) to `out`.
pub fn process_file(
    path: &Path,
    id: &str,
    source: &str,
    engine: &Engine,
    threads: usize,
    keep_text: bool,
    out: &mut dyn Write,
) -> io::Result<Written> {
    match stream(path, id, source, engine, threads, keep_text, out) {
        Ok(w) => Ok(w),
        Err(Failure::Output(e)) => Err(e),
        Err(Failure::Input(reason)) => {
            let record = crate::record::Record::failed(id.to_string(), source.to_string(), reason);
            serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
            out.write_all(b"\n")?;
            Ok(Written { error: true, ..Written::default() })
        }
    }
}

enum Failure {
    /// The document cannot be read: an error record.
    Input(String),
    /// The output cannot be written: the run stops.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Output(e)
    }
}

/// A temporary file removed when dropped.
struct Spool {
    path: std::path::PathBuf,
    file: BufWriter<File>,
    empty: bool,
}

impl Spool {
    fn new(tag: &str) -> io::Result<Spool> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("derek-{}-{n}-{tag}.json", std::process::id()));
        let file = BufWriter::new(File::create(&path)?);
        Ok(Spool { path, file, empty: true })
    }

    /// Append one JSON value as an array element.
    fn push(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        if !self.empty {
            self.file.write_all(b",")?;
        }
        self.empty = false;
        serde_json::to_writer(&mut self.file, value).map_err(io::Error::other)
    }

    /// Copy everything appended so far to `out`.
    fn copy_to(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.file.flush()?;
        let mut f = File::open(&self.path)?;
        f.rewind()?;
        io::copy(&mut f, out)?;
        Ok(())
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The file's encoding, from its first bytes; the decoder skips any byte-order mark.
fn encoding_of(head: &[u8]) -> Result<(&'static Encoding, Option<&'static str>), String> {
    if let Some((enc, _)) = Encoding::for_bom(head) {
        let name = (enc != UTF_8).then(|| enc.name());
        return Ok((enc, name));
    }
    // Valid UTF-8 up to a character cut at the end of the sample counts as UTF-8.
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    };
    if valid {
        let sample = &head[..head.len().min(8192)];
        let d = crate::decode::decode(sample.to_vec());
        return match d {
            Err(e) if e.contains("binary") => Err(e),
            _ => Ok((UTF_8, None)),
        };
    }
    let d = crate::decode::decode(head.to_vec())?;
    let name = d.encoding.ok_or("undecodable text")?;
    let enc = Encoding::for_label(name.as_bytes()).ok_or("unknown encoding")?;
    Ok((enc, Some(enc.name())))
}

/// Where to cut a window: after the last line break, else the last space, else anywhere.
fn cut(buf: &str, min: usize) -> usize {
    let mut min = min.min(buf.len());
    while !buf.is_char_boundary(min) {
        min -= 1;
    }
    let tail = &buf[min..];
    let at = tail.rfind('\n').or_else(|| tail.rfind(' ')).map(|i| min + i + 1);
    let mut c = at.unwrap_or(buf.len());
    while !buf.is_char_boundary(c) {
        c -= 1;
    }
    c
}

#[allow(clippy::too_many_arguments)]
fn stream(
    path: &Path,
    id: &str,
    source: &str,
    engine: &Engine,
    threads: usize,
    keep_text: bool,
    out: &mut dyn Write,
) -> Result<Written, Failure> {
    let window = window_bytes();
    let reason = |e: io::Error| Failure::Input(e.to_string());
    let mut file = File::open(path).map_err(reason)?;
    let mut head = vec![0; 1 << 20];
    let n = read_full(&mut file, &mut head).map_err(reason)?;
    head.truncate(n);
    let (encoding, encoding_name) = encoding_of(&head).map_err(Failure::Input)?;
    let guess = language_of(path, encoding).map_err(reason)?;
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut sentences = Spool::new("sentences")?;
    let mut entities = Spool::new("entities")?;
    let mut text_spool = if keep_text { Some(Spool::new("text")?) } else { None };
    let mut written = Written::default();
    let mut chars = 0usize;
    let mut buf = String::new();
    let mut raw = head;
    let mut eof = false;
    while !eof || !buf.is_empty() {
        // Fill the buffer with enough text for one window per thread.
        while !eof && buf.len() < window * threads.max(1) {
            if raw.is_empty() {
                raw = vec![0; 1 << 20];
                let n = read_full(&mut file, &mut raw).map_err(reason)?;
                raw.truncate(n);
                eof = n == 0;
            }
            written.bytes += raw.len() as u64;
            decode_into(&mut decoder, &raw, eof, &mut buf);
            raw.clear();
        }
        // Cut the windows.
        let mut windows = Vec::new();
        let mut start = 0;
        while buf.len() - start >= window || (eof && start < buf.len()) {
            let rest = &buf[start..];
            let end = if eof && rest.len() <= window {
                rest.len()
            } else {
                let mut limit = window.min(rest.len());
                while !rest.is_char_boundary(limit) {
                    limit -= 1;
                }
                cut(&rest[..limit], window / 2)
            };
            let end = start + end.max(1);
            windows.push(Document {
                id: id.to_string(),
                source: source.to_string(),
                text: buf[start..end].to_string(),
                date: None,
                encoding: None,
            });
            start = end;
        }
        buf.drain(..start);
        let records: Vec<_> = windows.par_iter().map(|w| process_part(w, engine, guess)).collect();
        for (w, r) in windows.iter().zip(records) {
            let sentence_base = written.sentences;
            for s in &r.sentences {
                let mut s = s.clone();
                s.start += chars;
                s.end += chars;
                sentences.push(&s)?;
            }
            for e in &r.entities {
                let mut e = e.clone();
                e.start += chars;
                e.end += chars;
                e.sentence += sentence_base;
                written.entities[e.kind as usize] += 1;
                entities.push(&e)?;
            }
            if let Some(t) = &mut text_spool {
                let quoted = serde_json::to_string(&w.text).map_err(io::Error::other)?;
                t.file.write_all(&quoted.as_bytes()[1..quoted.len() - 1])?;
            }
            written.sentences += r.sentences.len();
            chars += r.chars;
        }
    }
    let (lang, score) = (guess.lang, round3(guess.score as f64));
    write!(
        out,
        "{{\"id\":{},\"source\":{},\"lang\":{},\"lang_score\":{},\"chars\":{chars}",
        json(&id),
        json(&source),
        json(&lang),
        json(&score)
    )?;
    if let Some(name) = encoding_name {
        write!(out, ",\"encoding\":{}", serde_json::to_string(name).map_err(io::Error::other)?)?;
    }
    out.write_all(b",\"sentences\":[")?;
    sentences.copy_to(out)?;
    out.write_all(b"],\"entities\":[")?;
    entities.copy_to(out)?;
    out.write_all(b"]")?;
    if let Some(t) = &mut text_spool {
        out.write_all(b",\"text\":\"")?;
        t.copy_to(out)?;
        out.write_all(b"\"")?;
    }
    out.write_all(b"}\n")?;
    Ok(written)
}

/// The language of the whole file, decided as for a document held whole: a pass
/// that decodes it and sums the evidence of its parts, cut between words.
fn language_of(path: &Path, encoding: &'static Encoding) -> io::Result<Guess> {
    /// Text kept for whatlang, which only reads it when the letters are mostly of
    /// another script.
    const SAMPLE: usize = 64 << 10;
    let mut file = File::open(path)?;
    let mut decoder = encoding.new_decoder_with_bom_removal();
    let mut total = lang::Evidence::default();
    let mut sample = String::new();
    let mut buf = String::new();
    let mut raw = vec![0; 1 << 20];
    loop {
        let n = read_full(&mut file, &mut raw)?;
        let eof = n == 0;
        decode_into(&mut decoder, &raw[..n], eof, &mut buf);
        // Parts cut between words, as windows are.
        let end = if eof { buf.len() } else { cut(&buf, 0) };
        total.add(&lang::part_evidence(&buf[..end]));
        if sample.len() < SAMPLE {
            let mut take = (SAMPLE - sample.len()).min(end);
            while !buf.is_char_boundary(take) {
                take -= 1;
            }
            sample.push_str(&buf[..take]);
        }
        buf.drain(..end);
        if eof {
            return Ok(lang::decide_parts(&sample, &total));
        }
    }
}

fn read_full(f: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match f.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

fn decode_into(decoder: &mut Decoder, raw: &[u8], last: bool, buf: &mut String) {
    let need = decoder.max_utf8_buffer_length(raw.len()).unwrap_or(raw.len() * 3 + 16);
    buf.reserve(need);
    let (_, _, _) = decoder.decode_to_string(raw, buf, last);
}

/// A value as a JSON fragment.
fn json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    serde_json::to_string(v).expect("plain values serialize")
}
