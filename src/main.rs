//! The `derek` command: thin glue between the command line and the library.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{Parser, Subcommand, ValueEnum};

/// `print!` to standard output that ends the program quietly when its reader has
/// gone (`derek eval ... | head`), as command-line tools do, instead of panicking.
macro_rules! out {
    ($($t:tt)*) => { write_out(format_args!($($t)*)) };
}

/// `println!` of the same kind as [`out!`].
macro_rules! outln {
    () => { write_out(format_args!("\n")) };
    ($($t:tt)*) => { write_out(format_args!("{}\n", format_args!($($t)*))) };
}

fn write_out(args: std::fmt::Arguments) {
    if let Err(e) = io::stdout().lock().write_fmt(args) {
        if e.kind() == io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("derek: standard output: {e}");
        std::process::exit(2);
    }
}

use derek::extract::Engine;
use derek::input::Inputs;
use derek::pipeline::{self, RunOptions, Summary};
use derek::report::{self, Input, ShowOptions};
use derek::rules::RuleSet;

#[derive(Parser)]
#[command(
    name = "derek",
    version,
    about = "Structured facts (organizations, places, dates, counts) from Russian and Kazakh news",
    long_about = "derek reads news articles in Russian and Kazakh, identifies the language of each \
document and sentence, splits sentences, and applies the rule files of rules/ to extract \
organizations, places, dates and counts with normalized values and exact character offsets.\n\n\
Start with:  derek extract seeds -o seeds.jsonl"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract facts from articles: one JSON record per document (JSON Lines).
    #[command(arg_required_else_help = true)]
    Extract(ExtractArgs),
    /// Load and compile every rule, run every rule example, report mismatches.
    Check {
        /// Rules folder to use instead of the embedded default rules.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Score derek against gold files: language id, sentence boundaries, entities.
    #[command(arg_required_else_help = true)]
    Eval(EvalArgs),
    /// Compare two records files: entities added, removed and changed, per document,
    /// type and rule; with --gold, fixes and regressions and value-F1 before and after.
    #[command(arg_required_else_help = true)]
    Diff(DiffArgs),
    /// Write an HTML report: each document's text with its entities highlighted, and a summary.
    #[command(arg_required_else_help = true)]
    Show(ShowArgs),
    /// Summarize records: documents per language, organizations and places, counts, dates.
    #[command(arg_required_else_help = true)]
    Stats(StatsArgs),
}

#[derive(Parser)]
struct ExtractArgs {
    /// Files, folders (recursive, *.txt, hidden entries skipped), .jsonl files with
    /// {"id", "text", "date"?} per line, or - for JSON Lines on standard input.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<String>,
    /// Write the records to FILE (atomically: a failed run leaves no partial file);
    /// - is standard output, as without -o.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores). The output is the same for any value.
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Rules folder to use instead of the embedded default rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Put each document's text in its record (a "text" field), so that `derek show`
    /// can display the records without the articles.
    #[arg(long)]
    keep_text: bool,
    /// Resolve relative and year-less dates (Y-1, XXXX-12, D-1) against this date
    /// for documents without a "date" of their own (JSON Lines); the unresolved
    /// value stays in value.relative.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<String>,
    /// After the run, print to standard error what each rule cost: the sentences
    /// its prefilter let through, matches found and kept, seconds, share of the
    /// rules' time (for rule writers: what a new rule costs, on their corpus).
    #[arg(long)]
    costs: bool,
}

#[derive(Parser)]
#[command(after_help = "Examples:\n  derek show seeds -o report.html\n  \
derek extract seeds -o seeds.jsonl && derek show seeds.jsonl --text-from seeds -o report.html")]
struct ShowArgs {
    /// Articles, as for extract (files, folders, .jsonl articles, - for JSON Lines on standard
    /// input), or records files written by extract (.jsonl whose lines have "entities").
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<String>,
    /// The HTML file to write (atomically: a failed run leaves no partial file);
    /// - is standard output.
    #[arg(short, long, value_name = "FILE", required = true)]
    output: PathBuf,
    /// Where the texts of records without a "text" field are: the articles extract read,
    /// in the same order (records without text and without this option are an error).
    #[arg(long, value_name = "PATH")]
    text_from: Vec<String>,
    /// The report's title.
    #[arg(long, value_name = "TEXT", default_value = "derek report")]
    title: String,
    /// How many organizations and places the summary lists (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
    /// Worker threads for articles (default: all cores).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Rules folder to use instead of the embedded default rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

#[derive(Parser)]
struct StatsArgs {
    /// Records files written by extract (- for standard input).
    #[arg(value_name = "RECORDS", required = true)]
    records: Vec<String>,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
    /// How many organizations and places to list (0: all).
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
}

#[derive(Parser)]
#[command(after_help = "Examples:\n  derek eval ../shared/gold/seeds.jsonl --errors\n  \
derek eval ../shared/gold/seeds.jsonl seeds.jsonl\n  \
derek eval --suite ../shared --floors quality/floors.toml")]
struct EvalArgs {
    /// Gold files: language id ({"lang","text"}), sentences ({"text","bounds"}) or
    /// entities ({"text","entities"}, scored as ../shared/gold/README.md says).
    /// A records file (derek extract output) right after a gold file is scored
    /// against it instead of running derek: derek eval GOLD.jsonl PRED.jsonl.
    #[arg(value_name = "GOLD")]
    gold: Vec<PathBuf>,
    /// Score this records file (derek extract output) instead of running derek on the gold texts.
    #[arg(long, value_name = "RECORDS")]
    pred: Option<PathBuf>,
    /// Evaluate every gold file derek knows under this folder (e.g. ../shared).
    #[arg(long, value_name = "DIR")]
    suite: Option<PathBuf>,
    /// Fail (exit 1) when a figure falls below its floor in this TOML file.
    #[arg(long, value_name = "FILE")]
    floors: Option<PathBuf>,
    /// List each error (misclassified line, wrong boundary, missed or false entity).
    #[arg(long)]
    errors: bool,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
    /// Rules folder to use instead of the embedded default rules.
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Parser)]
#[command(after_help = "Exit status: 0 no differences, 1 differences, 2 trouble (a file unreadable or \
malformed). With --fail-on-regression: 0 no regression, 1 some regression, 2 trouble.\n\n\
Examples:\n  derek diff base.jsonl new.jsonl --text-from seeds\n  \
derek diff base.jsonl new.jsonl --gold ../shared/gold/seeds.jsonl --fail-on-regression")]
struct DiffArgs {
    /// Records before the change (derek extract output).
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// Records after the change.
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// Articles the records were made from (folders, files, .jsonl, as for extract),
    /// to show each entity in its sentence. Repeatable.
    #[arg(long, value_name = "PATH")]
    text_from: Vec<String>,
    /// Gold file (lines with "id", "text", "entities"): judge each change as a fix, a
    /// regression or neutral, and show value-F1 per type before and after.
    #[arg(long, value_name = "GOLD")]
    gold: Option<PathBuf>,
    /// Exit 1 iff some change is a regression (even when F1 rises), 0 otherwise: for CI.
    #[arg(long, requires = "gold")]
    fail_on_regression: bool,
    /// Write the report as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Colour the text report: auto (when standard output is a terminal and NO_COLOR is unset).
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = Color::Auto)]
    color: Color,
}

fn parse_date(s: &str) -> Result<String, String> {
    match derek::calendar::Day::parse(s) {
        Some(_) if s.len() == 10 => Ok(s.to_string()),
        _ => Err(format!("{s:?} is not a date like 2024-03-15")),
    }
}

/// Load the rules (embedded or from a folder) and compile them, or say why not.
pub fn load_engine(dir: Option<&PathBuf>) -> Result<&'static Engine, String> {
    load_engine_with(dir, false)
}

/// [`load_engine`], recording what each rule costs when `costs` is set.
fn load_engine_with(dir: Option<&PathBuf>, costs: bool) -> Result<&'static Engine, String> {
    let set = match dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded(),
    }
    .map_err(|e| format!("derek: bad rule: {e}"))?;
    let mut engine = Engine::new(set).map_err(|e| format!("derek: bad rule: {e}"))?;
    if costs {
        engine.record_costs();
    }
    // One engine per run, kept to the end: the process exits without taking
    // apart its automata and caches, which took longer than some small runs.
    let engine = Box::leak(Box::new(engine));
    release_free_memory();
    Ok(engine)
}

/// Let the worker threads share at most `workers` (at least two) of glibc's heap
/// arenas, before any thread starts: by default the reader and writer threads
/// get arenas of their own, each holding freed memory (7 MB of peak with two
/// workers, at the same speed). `MALLOC_ARENA_MAX` set by the user wins.
fn limit_heap_arenas(workers: usize) {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        if std::env::var_os("MALLOC_ARENA_MAX").is_some() {
            return;
        }
        unsafe extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        const M_ARENA_MAX: i32 = -8;
        let n = i32::try_from(workers.max(2)).unwrap_or(i32::MAX);
        // SAFETY: mallopt only sets an allocator parameter; it takes no pointers.
        unsafe {
            mallopt(M_ARENA_MAX, n);
        }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let _ = workers;
}

/// Give back to the system the memory freed while the rules were compiled
/// (parsed TOML, syntax trees, intermediate automata): the allocator keeps it
/// otherwise, and it counts in the process's resident memory for the whole run.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> i32;
        }
        // SAFETY: glibc's malloc_trim only returns unused heap pages; it takes no pointers.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// The progress bar on a terminal (none when quiet or redirected), and warnings that do not break it.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    fn new(show: bool) -> Progress {
        let bar = (show && io::stderr().is_terminal()).then(|| {
            let b = indicatif::ProgressBar::new_spinner();
            b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            b
        });
        Progress { bar }
    }

    fn update(&self, s: &Summary) {
        if let Some(b) = &self.bar {
            let mbs = if s.seconds > 0.0 { s.bytes as f64 / 1e6 / s.seconds } else { 0.0 };
            b.set_message(format!("{} documents, {} errors, {:.1} MB/s", s.documents, s.errors, mbs));
            b.tick();
        }
    }

    fn warn(&self, w: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("derek: warning: {w}")),
            None => eprintln!("derek: warning: {w}"),
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

fn threads(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

fn extract(args: ExtractArgs) -> ExitCode {
    limit_heap_arenas(threads(args.jobs));
    let engine = match load_engine_with(args.rules.as_ref(), args.costs) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("{m}");
            return ExitCode::from(2);
        }
    };
    let show = !args.quiet;
    let bar = Progress::new(show);
    let progress = |s: &Summary| bar.update(s);
    let warn = |w: &str| bar.warn(w);
    // Ctrl-C stops the run between batches: with -o the temporary file is removed
    // and any previous file at that path is left as it was.
    static INTERRUPTED: AtomicBool = AtomicBool::new(false);
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            // A second Ctrl-C: stop at once (the temporary file may stay behind).
            std::process::exit(130);
        }
    });
    let opts = RunOptions {
        threads: threads(args.jobs),
        progress: Some(&progress),
        warn: &warn,
        keep_text: args.keep_text,
        cancel: Some(&INTERRUPTED),
        date: args.date.as_deref(),
    };
    let inputs = Inputs::new(args.paths);
    // `-o -` is standard output, as a lone `-` is standard input.
    let output = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let result = match output {
        None => {
            let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout());
            pipeline::run(inputs, engine, &mut out, &opts)
        }
        Some(path) => write_atomically(path, |out| pipeline::run(inputs, engine, out, &opts)),
    };
    bar.finish();
    if let Some(costs) = engine.costs() {
        eprint!("{}", derek::extract::costs_table(&engine.set, &costs));
    }
    match result {
        Ok(summary) => {
            if show {
                eprintln!("derek: {}", summary.line());
            }
            if summary.errors > 0 || summary.warnings > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) if e.kind() == io::ErrorKind::Interrupted => {
            match output {
                Some(p) => eprintln!("derek: interrupted; {} left as it was", p.display()),
                None => eprintln!("derek: interrupted"),
            }
            ExitCode::from(130)
        }
        Err(e) => {
            eprintln!("derek: {e}");
            ExitCode::from(2)
        }
    }
}

fn show(args: ShowArgs) -> ExitCode {
    // `-o -` writes the report to standard output.
    let to_stdout = args.output.as_os_str() == "-";
    let inputs: Vec<Input> = args.inputs.into_iter().map(Input::classify).collect();
    let engine = if inputs.iter().any(|i| matches!(i, Input::Articles(_))) {
        match load_engine(args.rules.as_ref()) {
            Ok(e) => Some(e),
            Err(m) => {
                eprintln!("{m}");
                return ExitCode::from(2);
            }
        }
    } else {
        None
    };
    let bar = Progress::new(!args.quiet);
    let progress = |s: &Summary| bar.update(s);
    let warn = |w: &str| bar.warn(w);
    let run = RunOptions {
        threads: threads(args.jobs),
        progress: Some(&progress),
        warn: &warn,
        keep_text: true,
        cancel: None,
        date: None,
    };
    let opts = ShowOptions {
        run: &run,
        text_from: args.text_from,
        title: args.title,
        top: args.top,
        scratch_dir: if to_stdout { std::env::temp_dir() } else { folder_of(&args.output).to_path_buf() },
    };
    let result = if to_stdout {
        let mut out = io::BufWriter::new(io::stdout());
        report::show(inputs, engine, &opts, &mut out).and_then(|shown| out.flush().map(|_| shown))
    } else {
        write_atomically(&args.output, |out| report::show(inputs, engine, &opts, out))
    };
    bar.finish();
    match result {
        Ok(shown) => {
            let view = shown.summary.view(0);
            if !args.quiet {
                eprintln!(
                    "derek: {}: {} documents, {} entities{}",
                    if to_stdout { "standard output".into() } else { args.output.display().to_string() },
                    view.documents,
                    view.entities,
                    if view.errors > 0 {
                        format!(", {} could not be processed", view.errors)
                    } else {
                        String::new()
                    }
                );
            }
            if view.errors > 0 || shown.warnings > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        // The reader of standard output has gone (| head): nothing to say.
        Err(e) if to_stdout && e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("derek: {e}");
            ExitCode::from(2)
        }
    }
}

fn stats(args: StatsArgs) -> ExitCode {
    match report::summarize(&args.records) {
        Ok(summary) => {
            let view = summary.view(args.top);
            if args.json {
                outln!("{}", serde_json::to_string_pretty(&view).expect("the summary serializes"));
            } else {
                out!("{}", report::table::render(&view));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("derek: {e}");
            ExitCode::from(2)
        }
    }
}

/// The folder a file is written in ("." for a bare file name).
fn folder_of(path: &std::path::Path) -> &std::path::Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."))
}

/// Write through a temporary file beside `path`, renamed over it only on success.
fn write_atomically<T>(
    path: &PathBuf,
    f: impl FnOnce(&mut (dyn Write + Send)) -> io::Result<T>,
) -> io::Result<T> {
    let dir = folder_of(path);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let file = std::fs::File::create(&tmp)
        .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", tmp.display())))?;
    let mut out = io::BufWriter::with_capacity(1 << 16, file);
    let result = f(&mut out).and_then(|t| {
        out.flush()?;
        out.get_ref().sync_all()?;
        Ok(t)
    });
    drop(out);
    match result {
        Ok(t) => {
            std::fs::rename(&tmp, path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            Ok(t)
        }
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn check(rules: Option<PathBuf>) -> ExitCode {
    let engine = match load_engine(rules.as_ref()) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("{m}");
            return ExitCode::from(2);
        }
    };
    let report = derek::extract::check(engine);
    for f in &report.failures {
        outln!("{f}");
    }
    outln!("{}", derek::rules::describe(&engine.set));
    outln!("{} examples checked, {} problems", report.examples, report.failures.len());
    if report.failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn eval(args: EvalArgs) -> ExitCode {
    use derek::eval::{self, Floors};
    let engine = match load_engine(args.rules.as_ref()) {
        Ok(e) => e,
        Err(m) => {
            eprintln!("{m}");
            return ExitCode::from(2);
        }
    };
    let mut files = args.gold.clone();
    if let Some(dir) = &args.suite {
        let found = eval::suite_files(dir);
        if found.is_empty() {
            eprintln!("derek: no gold files under {}; nothing to evaluate", dir.display());
        }
        files.extend(found);
    }
    if files.is_empty() && args.suite.is_none() {
        eprintln!("derek: give gold files or --suite DIR");
        return ExitCode::from(2);
    }
    let floors = match args.floors.as_deref().map(Floors::load).transpose() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("derek: {e}");
            return ExitCode::from(2);
        }
    };
    // `GOLD PRED`: a records file scores the gold file before it.
    let mut pairs: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
    for f in files {
        match eval::kind_of(&f) {
            Ok(eval::GoldKind::Records) => match pairs.last_mut() {
                Some((_, pred @ None)) if args.pred.is_none() => *pred = Some(f),
                _ => {
                    eprintln!("derek: {}", eval::records_not_gold(&f));
                    return ExitCode::from(2);
                }
            },
            _ => pairs.push((f, args.pred.clone())),
        }
    }
    let mut all = Vec::new();
    for (f, pred) in &pairs {
        match eval::evaluate(f, pred.as_deref(), engine, args.errors) {
            Ok(ev) => {
                for e in &ev.errors {
                    outln!("{e}");
                }
                if !args.json {
                    outln!("# {}", f.display());
                    out!("{}", eval::table(&ev.figures, floors.as_ref()));
                }
                all.extend(ev.figures);
            }
            Err(e) => {
                eprintln!("derek: {e}");
                return ExitCode::from(2);
            }
        }
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&all).expect("figures serialize"));
    }
    if let Some(fl) = &floors {
        let failures = fl.failures(&all);
        for f in &failures {
            eprintln!("derek: FLOOR: {f}");
        }
        if !failures.is_empty() {
            return ExitCode::from(1);
        }
        if !pairs.is_empty() {
            eprintln!("derek: all {} floored figures hold", fl.0.len() - fl.unmeasured(&all).len());
        }
    }
    ExitCode::SUCCESS
}

fn diff(args: DiffArgs) -> ExitCode {
    use derek::diff::{self, Side};
    let run = || -> io::Result<diff::Report> {
        let old = Side::read(&args.old)?;
        let new = Side::read(&args.new)?;
        let mut report = diff::compare(&old, &new);
        if let Some(g) = &args.gold {
            let gold = derek::eval::entities::read_docs(g)?;
            diff::gold::judge(&mut report, &old, &new, &g.display().to_string(), &gold)?;
        }
        if !args.text_from.is_empty() {
            report.add_texts_from(args.text_from.clone())?;
        }
        Ok(report)
    };
    let report = match run() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("derek: {e}");
            return ExitCode::from(2);
        }
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let out = if args.json {
        let mut s = serde_json::to_string_pretty(&diff::render::json(&report)).expect("reports serialize");
        s.push('\n');
        s
    } else {
        diff::render::text(&report, color)
    };
    let mut stdout = io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("derek: {e}");
        return ExitCode::from(2);
    }
    ExitCode::from(report.exit_code(args.fail_on_regression))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => extract(a),
        Command::Check { rules } => check(rules),
        Command::Eval(a) => eval(a),
        Command::Diff(a) => diff(a),
        Command::Show(a) => show(a),
        Command::Stats(a) => stats(a),
    }
}
