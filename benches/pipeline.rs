//! The end-to-end benchmark: `cargo bench --bench pipeline`.
//!
//! Builds (once) a corpus of real Russian and Kazakh news under
//! `target/bench-corpus/`: the texts of `seeds/` and, when `../shared` exists, of
//! the gold files there, repeated as separate documents until the corpus holds
//! `DEREK_BENCH_MB` megabytes (default 200), half as a folder of `.txt` files and
//! half as one JSON Lines file. Then it measures:
//!
//! - the limit: one plain pass reading every file and counting lines;
//! - start-up: `derek extract` of an empty input (rule loading and compilation);
//! - `derek extract` of the whole corpus with `--jobs 1` and `--jobs 2`: MB/s, the
//!   fraction of the plain pass, and peak resident memory (VmHWM of the process);
//! - the share of each stage (reading, language, sentences, rules, writing),
//!   timed in this process on one thread over a sample of the corpus.
//!
//! Speed is never asserted: the figures are printed for the README.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MB: f64 = 1e6;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target_mb: usize = std::env::var("DEREK_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let texts = source_texts(root);
    let total: usize = texts.iter().map(String::len).sum();
    println!(
        "source: {} texts, {:.2} MB (seeds/ and ../shared gold texts when present)",
        texts.len(),
        total as f64 / MB
    );
    let corpus = root.join("target/bench-corpus");
    let (folder, jsonl) = build_corpus(&corpus, &texts, target_mb * 1_000_000);
    let bytes = dir_bytes(&folder) + fs::metadata(&jsonl).map(|m| m.len()).unwrap_or(0);
    println!(
        "corpus: {:.0} MB ({} half as files, {} half as JSON Lines)",
        bytes as f64 / MB,
        folder.display(),
        jsonl.display()
    );

    let plain = time(|| plain_pass(&folder, &jsonl));
    let plain_mbs = bytes as f64 / MB / plain.as_secs_f64();
    println!("plain pass (read + count lines): {:.2} s, {:.0} MB/s", plain.as_secs_f64(), plain_mbs);

    let exe = env!("CARGO_BIN_EXE_derek");
    let empty = corpus.join("empty.jsonl");
    fs::write(&empty, "").unwrap();
    let startup = (0..5).map(|_| run(exe, &["extract", "--quiet", empty.to_str().unwrap()]).0).min().unwrap();
    println!("start-up (extract of an empty input): {:.0} ms", startup.as_secs_f64() * 1e3);

    for jobs in ["1", "2"] {
        let args = ["extract", "--quiet", "--jobs", jobs, "-o", "/dev/null"];
        let mut all: Vec<&str> = args.to_vec();
        all.push(folder.to_str().unwrap());
        all.push(jsonl.to_str().unwrap());
        let (took, peak) = run(exe, &all);
        let mbs = bytes as f64 / MB / took.as_secs_f64();
        println!(
            "derek extract --jobs {jobs}: {:.2} s, {:.1} MB/s ({:.1}% of the plain pass), peak memory {}",
            took.as_secs_f64(),
            mbs,
            100.0 * mbs / plain_mbs,
            peak.map_or("n/a".into(), |kb| format!("{:.0} MB", kb as f64 / 1024.0)),
        );
    }
    stages(&jsonl);
}

/// Texts of seeds/ and of the gold files in ../shared (when present).
fn source_texts(root: &Path) -> Vec<String> {
    let mut texts = Vec::new();
    let mut seeds: Vec<PathBuf> =
        fs::read_dir(root.join("seeds")).unwrap().flatten().map(|e| e.path()).collect();
    seeds.sort();
    for p in seeds {
        texts.push(fs::read_to_string(p).unwrap());
    }
    for gold in ["../shared/gold/domain_dev.jsonl", "../shared/gold/seeds.jsonl"] {
        let Ok(f) = fs::File::open(root.join(gold)) else { continue };
        for line in BufReader::new(f).lines().map_while(Result::ok) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line)
                && let Some(t) = v["text"].as_str()
            {
                texts.push(t.to_string());
            }
        }
    }
    texts
}

/// Write the corpus unless one of the same size is already there.
fn build_corpus(dir: &Path, texts: &[String], target: usize) -> (PathBuf, PathBuf) {
    let folder = dir.join("files");
    let jsonl = dir.join("docs.jsonl");
    let stamp = dir.join("size");
    let want = format!("{target} {}", texts.len());
    if fs::read_to_string(&stamp).ok().as_deref() == Some(want.as_str()) {
        return (folder, jsonl);
    }
    let _ = fs::remove_dir_all(dir);
    fs::create_dir_all(&folder).unwrap();
    let mut written = 0;
    let mut n = 0;
    while written < target / 2 {
        let t = &texts[n % texts.len()];
        let sub = folder.join(format!("{:03}", n / 1000));
        if n % 1000 == 0 {
            fs::create_dir_all(&sub).unwrap();
        }
        fs::write(sub.join(format!("{n:07}.txt")), t).unwrap();
        written += t.len();
        n += 1;
    }
    let mut out = std::io::BufWriter::new(fs::File::create(&jsonl).unwrap());
    let mut written = 0;
    while written < target / 2 {
        let t = &texts[n % texts.len()];
        let line = serde_json::json!({"id": format!("doc{n:07}"), "text": t});
        serde_json::to_writer(&mut out, &line).unwrap();
        out.write_all(b"\n").unwrap();
        written += t.len();
        n += 1;
    }
    out.flush().unwrap();
    fs::write(&stamp, want).unwrap();
    (folder, jsonl)
}

fn dir_bytes(dir: &Path) -> u64 {
    let mut total = 0;
    for e in fs::read_dir(dir).unwrap().flatten() {
        let m = e.metadata().unwrap();
        total += if m.is_dir() { dir_bytes(&e.path()) } else { m.len() };
    }
    total
}

/// Read every file and count its lines: the limit derek's throughput is set against.
fn plain_pass(folder: &Path, jsonl: &Path) -> usize {
    fn walk(dir: &Path, lines: &mut usize) {
        let mut entries: Vec<PathBuf> = fs::read_dir(dir).unwrap().flatten().map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, lines);
            } else {
                *lines += fs::read(&p).unwrap().iter().filter(|&&b| b == b'\n').count();
            }
        }
    }
    let mut lines = 0;
    walk(folder, &mut lines);
    lines += fs::read(jsonl).unwrap().iter().filter(|&&b| b == b'\n').count();
    std::hint::black_box(lines)
}

fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let t = Instant::now();
    std::hint::black_box(f());
    t.elapsed()
}

/// Run derek; wall time and peak resident memory (kB) read from /proc while it runs.
fn run(exe: &str, args: &[&str]) -> (Duration, Option<u64>) {
    let t = Instant::now();
    let mut child = Command::new(exe).args(args).stdout(Stdio::null()).spawn().expect("derek runs");
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak = None;
    loop {
        if let Ok(s) = fs::read_to_string(&status_path)
            && let Some(kb) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        {
            peak = Some(peak.unwrap_or(0).max(kb));
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "derek {args:?} failed: {status}");
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    (t.elapsed(), peak)
}

/// Share of each stage, one thread, over the first 20 MB of the JSON Lines half.
fn stages(jsonl: &Path) {
    use derek::{extract::Prepared, lang, offsets::CharIndex, segment};
    let engine = derek::extract::Engine::new(derek::rules::RuleSet::embedded().unwrap()).unwrap();
    let mut t = [Duration::ZERO; 5];
    let mut bytes = 0;
    let mut out = Vec::new();
    let reader = BufReader::new(fs::File::open(jsonl).unwrap());
    let mut lines = reader.lines();
    while bytes < 20_000_000 {
        // Read about a megabyte of documents, as the pipeline chunks them.
        let s = Instant::now();
        let docs: Vec<derek::input::Document> = lines
            .by_ref()
            .take(512)
            .map_while(Result::ok)
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(&l).unwrap();
                derek::input::Document {
                    id: v["id"].as_str().unwrap().into(),
                    source: String::new(),
                    text: v["text"].as_str().unwrap().into(),
                    date: None,
                    encoding: None,
                }
            })
            .collect();
        t[0] += s.elapsed();
        if docs.is_empty() {
            break;
        }
        let s = Instant::now();
        let ranges: Vec<Vec<std::ops::Range<usize>>> = docs.iter().map(|d| segment::split(&d.text)).collect();
        t[2] += s.elapsed();
        let s = Instant::now();
        // As the pipeline does: the document and its sentences in one pass.
        let (doc_langs, langs): (Vec<lang::Lang>, Vec<Vec<lang::Lang>>) = docs
            .iter()
            .zip(&ranges)
            .map(|(d, rs)| {
                let (g, l) = lang::detect_document(&d.text, rs);
                (g.lang, l)
            })
            .unzip();
        t[1] += s.elapsed();
        let s = Instant::now();
        let index: Vec<CharIndex> = docs.iter().map(|d| CharIndex::new(&d.text)).collect();
        let prepared: Vec<Prepared> = (0..docs.len())
            .map(|i| Prepared {
                text: &docs[i].text,
                lang: doc_langs[i],
                ranges: &ranges[i],
                langs: &langs[i],
                index: &index[i],
            })
            .collect();
        let entities = engine.extract_many(&prepared);
        t[3] += s.elapsed();
        let s = Instant::now();
        for e in &entities {
            out.clear();
            serde_json::to_writer(&mut out, e).unwrap();
        }
        t[4] += s.elapsed();
        bytes += docs.iter().map(|d| d.text.len()).sum::<usize>();
    }
    let total: Duration = t.iter().sum();
    let names = ["reading", "language", "sentences", "rules", "writing"];
    let shares: Vec<String> = names
        .iter()
        .zip(t)
        .map(|(n, d)| format!("{n} {:.0}%", 100.0 * d.as_secs_f64() / total.as_secs_f64()))
        .collect();
    println!(
        "stages, one thread, {:.0} MB at {:.1} MB/s: {}",
        bytes as f64 / MB,
        bytes as f64 / MB / total.as_secs_f64(),
        shares.join(", ")
    );
}
