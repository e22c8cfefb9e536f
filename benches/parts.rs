//! Single-thread speed of the two stages that come before the rules:
//! `cargo bench --bench parts`.
//!
//! Over the texts of `seeds/` repeated to about 40 MB, it times language
//! identification of the whole text as one document and line by line, and
//! sentence splitting of the whole text and of each seed on its own. Speed is
//! never asserted: the figures (MB/s) are printed for the README.

use std::time::Instant;

use derek::{lang, segment};

fn main() {
    let mut names: Vec<_> = std::fs::read_dir("seeds")
        .expect("run from the repository root: seeds/ not found")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let seeds: Vec<String> = names.iter().map(|p| std::fs::read_to_string(p).expect("read a seed")).collect();
    let one = seeds.join("\n\n");
    let text = one.repeat(40_000_000 / one.len() + 1);
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mb = text.len() as f64 / 1e6;
    println!("{mb:.1} MB: the {} seeds repeated, one thread", seeds.len());

    time("language, whole text", mb, || usize::from(lang::detect(&text).lang == lang::Lang::Ru));
    time("language, line by line", mb, || {
        lines.iter().filter(|l| lang::detect(l).lang == lang::Lang::Kk).count()
    });
    time("sentences, whole text", mb, || segment::split(&text).len());
    time("sentences, seed by seed", mb, || {
        let mut n = 0;
        let mut bytes = 0;
        while bytes < text.len() {
            for s in &seeds {
                n += segment::split(s).len();
                bytes += s.len();
            }
        }
        n
    });
}

/// Runs `work` three times and prints the best round's throughput; the result
/// is printed too, so that the work cannot be optimized away.
fn time(what: &str, mb: f64, work: impl Fn() -> usize) {
    let mut best = f64::MAX;
    let mut out = 0;
    for _ in 0..3 {
        let t = Instant::now();
        out = std::hint::black_box(work());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{what:<26} {:>6.0} MB/s  (result {out})", mb / best);
}
