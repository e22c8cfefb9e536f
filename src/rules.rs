//! Rule files: loading, macro expansion, validation.
//!
//! A rule set is a folder (by default the `rules/` embedded in the binary):
//! - `<lang>/<type>.toml`: rules of one language (`ru`, `kk`, `both`) and type;
//! - `common/*.toml`: `[define]` macros (`{NAME}` in patterns) and lexicons
//!   (`[approx]`, `[unit]`, `[category]`, `[relative]`, ...) read by normalizers;
//! - `gazetteers/*.toml`: name lists, referenced as `@name`, `@name.ru`, `@name.kk`.
//!
//! See `rules/README.md` for the format, the named groups of each type and the
//! examples every rule carries. Every problem is reported as a [`RuleError`]
//! naming the file, the line and the rule id.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::gazetteer::Gazetteer;
use crate::lang::Lang;
use crate::record::EntityType;
use crate::token::Tokens;

/// A problem in the rule files, for people: where, which rule, what.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub rule: Option<String>,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(r) = &self.rule {
            write!(f, ": rule {r}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for RuleError {}

/// Which sentences a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LangSel {
    Ru,
    Kk,
    Both,
}

impl LangSel {
    pub fn covers(self, lang: Lang) -> bool {
        matches!((self, lang), (LangSel::Both, _) | (LangSel::Ru, Lang::Ru) | (LangSel::Kk, Lang::Kk))
    }
    fn parse(s: &str) -> Option<LangSel> {
        Some(match s {
            "ru" => LangSel::Ru,
            "kk" => LangSel::Kk,
            "both" => LangSel::Both,
            _ => return None,
        })
    }
    /// The language examples of such a rule are written in.
    pub fn example_lang(self) -> Lang {
        match self {
            LangSel::Kk => Lang::Kk,
            _ => Lang::Ru,
        }
    }
}

/// The named groups each type's normalizer reads.
pub fn groups_of(kind: EntityType) -> &'static [&'static str] {
    match kind {
        EntityType::Count => &[
            "num",
            "mult",
            "approx",
            "object",
            "unit",
            "num2",
            "mult2",
            "num_low",
            "mult_low",
            "approx_pre",
            "approx_mid",
            "approx_end",
            "hint",
            "word",
            "shared",
            "held",
        ],
        EntityType::Date => &[
            "day",
            "month",
            "month_abbr",
            "year",
            "day2",
            "month2",
            "months",
            "year2",
            "rel",
            "n",
            "season",
            "season2",
            "hour",
            "minute",
            "since",
        ],
        EntityType::Organization => &["name", "form", "coord"],
        EntityType::Place => &["name", "head", "like", "prep"],
    }
}

/// The name a group stands for: `object__attr` is `object` in another branch of
/// an alternation (the regex crate allows no name twice in a pattern).
pub fn group_base(name: &str) -> &str {
    name.split_once("__").map_or(name, |(base, _)| base)
}

/// Whether a group named `group` stands for `name`: it is `name` or `name__...`
/// (the same as `group_base(group) == name`, compared by prefix: group_span asks
/// it of every group of every match).
pub fn group_stands_for(group: &str, name: &str) -> bool {
    group.strip_prefix(name).is_some_and(|rest| rest.is_empty() || rest.starts_with("__"))
}

/// The group any rule may use to make the entity narrower than the match: the
/// rest of the match is context that must be there but is not part of the entity
/// (the regex crate has no look-around).
pub const SPAN_GROUP: &str = "span";

/// Constant value fields a rule may set with `value = {...}`, per type.
fn constants_of(kind: EntityType) -> &'static [&'static str] {
    match kind {
        EntityType::Count => &["amount", "approx", "unit", "category", "object"],
        EntityType::Date => &["value", "rel", "since", "year", "month", "day"],
        // `not = true`: a match that is no entity (a place word inside a campaign's
        // name, a web name used as a platform): it claims its span within its type
        // and is then dropped.
        EntityType::Organization => &["name", "form", "not"],
        // `unlisted = true`: a name before a shared head need not be a gazetteer
        // form (rural okrugs, provinces).
        // `written = true`: a name not in a gazetteer is given as written (a
        // Kazakh name before its generic word carries no case: Тоқырауын өзенінің).
        // `like = true`: a name listed beside a known place, in the nominative
        // guessed from the case of the group `like` (after the preposition `prep`).
        EntityType::Place => &["name", "key", "not", "head", "unlisted", "written", "like"],
    }
}

/// Value fields of each type, as written in records and examples.
fn value_fields_of(kind: EntityType) -> &'static [&'static str] {
    match kind {
        EntityType::Count => &["amount", "approx", "unit", "object", "category"],
        EntityType::Date => &["value", "relative"],
        EntityType::Organization => &["name", "form"],
        EntityType::Place => &["name", "key"],
    }
}

/// A compiled rule.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub kind: EntityType,
    pub lang: LangSel,
    pub priority: i32,
    /// Position in load order (files sorted by path, rules in file order).
    pub order: usize,
    pub file: String,
    pub line: usize,
    /// The pattern after macro and gazetteer expansion (for a gazetteer rule,
    /// the pattern as written).
    pub pattern: String,
    pub matcher: Matcher,
    /// Groups whose text must be a form of a gazetteer in a language.
    pub verify: Vec<Verify>,
    /// Leading words cut from the span (`trim = '...'`).
    pub trim: Option<regex::Regex>,
    /// A pattern the entity's text must match (`keep = '...'`).
    pub keep: Option<regex::Regex>,
    /// A pattern the entity's text must not match (`reject = '...'`).
    pub reject: Option<regex::Regex>,
    /// The rule's matches define an abbreviation (`defines = true`): see
    /// `Engine::abbreviations`.
    pub defines: bool,
    /// The name the rule finds is the same place wherever it recurs in the
    /// document, in any case form and without its cue (`recurs = true`): see
    /// `Engine::recurrences`.
    pub recurs: bool,
    /// Constant value fields (`value = {...}`).
    pub constants: toml::Table,
    /// Whether matches must start and end at word edges (default true).
    pub boundary: bool,
    /// Gazetteers the pattern references, for value look-up.
    pub gazetteers: Vec<String>,
}

impl Rule {
    /// Does the rule let an entity of this text stand (its `keep` pattern
    /// matches, its `reject` pattern does not)?
    pub fn admits(&self, text: &str) -> bool {
        self.keep.as_ref().is_none_or(|k| k.is_match(text))
            && !self.reject.as_ref().is_some_and(|r| r.is_match(text))
    }
}

/// How a rule finds its matches.
#[derive(Debug)]
pub enum Matcher {
    /// A regular expression over the sentence (regex-automata's meta regex, the
    /// engine behind the regex crate: it searches within a span, so captures can
    /// be resolved on the found match alone).
    Regex {
        regex: regex_automata::meta::Regex,
        /// Strings one of which every match contains, lowercased
        /// ([`crate::prefilter`]); `None`: the rule may match any sentence.
        required: Option<Vec<String>>,
        /// The pattern uses token macros: it runs over the sentence masked
        /// ([`crate::token`]).
        masked: bool,
    },
    /// A pattern that is a gazetteer reference and nothing else (`@places.ru`,
    /// `(?P<name>@places.ru)`): matched with Aho-Corasick over the sentence, the
    /// longest form at each place that starts and ends at word edges.
    Gazetteer {
        name: String,
        /// `Und`: the forms of both languages.
        lang: Lang,
        /// The named group wrapping the reference, if any (it spans the whole match).
        group: Option<String>,
    },
}

/// A `verify` entry: the text of `group` must be a form of gazetteer `name`.
#[derive(Debug, Clone)]
pub struct Verify {
    pub group: String,
    pub gazetteer: String,
    pub lang: Lang,
}

/// Compile a rule pattern with the regex crate's syntax and generous limits, and
/// read off the strings one of which its every match contains (for the
/// prefilter). The pattern is parsed once for both.
fn compile(
    pattern: &str,
    tokens: Option<&Tokens>,
) -> Result<(regex_automata::meta::Regex, Option<Vec<String>>), String> {
    use regex_automata::meta;
    let hir = crate::alphabet::narrow(regex_syntax::Parser::new().parse(pattern).map_err(|e| e.to_string())?);
    // The regex engine's own literal prefilter stays on: finding a pattern's
    // literals costs a tenth of the start-up, but skipping to where a match can
    // start saves 4% of the time on text.
    // The required strings are read off the pattern as written: factored
    // ([`crate::factor`]), its alternations give the prefilter weaker sets.
    let required = crate::prefilter::required_with(&hir, tokens);
    let regex = meta::Regex::builder()
        .configure(meta::Config::new().nfa_size_limit(Some(256 << 20)).hybrid_cache_capacity(24 << 20))
        .build_from_hir(&crate::factor::factor(hir))
        .map_err(|e| e.to_string())?;
    Ok((regex, required))
}

/// Split a gazetteer reference `name`, `name.ru`, `name.kk` into name and language.
fn gazetteer_ref(r: &str) -> (&str, Lang) {
    if let Some(n) = r.strip_suffix(".ru") {
        (n, Lang::Ru)
    } else if let Some(n) = r.strip_suffix(".kk") {
        (n, Lang::Kk)
    } else {
        (r, Lang::Und)
    }
}

/// If a pattern is a lone gazetteer reference, optionally inside one named group,
/// give the reference and the group name.
fn pure_gazetteer(pattern: &str) -> Option<(&str, Option<&str>)> {
    let p = pattern.trim();
    let is_ref = |r: &str| {
        r.strip_prefix('@').is_some_and(|n| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        })
    };
    if is_ref(p) {
        return Some((&p[1..], None));
    }
    let inner = p.strip_prefix("(?P<")?.strip_suffix(')')?;
    let (group, r) = inner.split_once('>')?;
    (is_ref(r) && group.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| (&r[1..], Some(group)))
}

/// An entity an example expects.
#[derive(Debug, Clone)]
pub struct Expected {
    pub kind: EntityType,
    pub text: String,
    /// The full expected value (missing fields are null).
    pub value: serde_json::Value,
}

/// A text and what the rules must find in it.
#[derive(Debug, Clone)]
pub struct Example {
    pub file: String,
    pub line: usize,
    /// The rule the example belongs to, if any.
    pub rule: Option<String>,
    pub lang: Lang,
    pub text: String,
    /// Types compared: entities of other types found in the text are ignored.
    pub types: Vec<EntityType>,
    pub expect: Vec<Expected>,
}

impl Example {
    pub fn is_negative(&self) -> bool {
        self.expect.is_empty()
    }
}

/// Lexicons from `rules/common`: table name → value → words.
#[derive(Debug, Default)]
pub struct Lexicon {
    pub tables: BTreeMap<String, Vec<(String, Vec<String>)>>,
    /// Case forms of the organization head nouns, built on first use.
    pub head_index: std::sync::OnceLock<crate::normalize::nominative::HeadIndex>,
    /// Table name → word → the value that claims it first, built on first use
    /// (look-ups run for every match; a scan of the word lists was a tenth of
    /// the rules' time).
    word_index: std::sync::OnceLock<
        HashMap<String, TableIndex, std::hash::BuildHasherDefault<crate::token::WordHasher>>,
    >,
}

impl Lexicon {
    fn words(&self, table: &str) -> Option<&TableIndex> {
        let index = self.word_index.get_or_init(|| {
            self.tables
                .iter()
                .map(|(name, entries)| {
                    let values = entries.iter().map(|(v, _)| v.clone()).collect();
                    let mut t = TableIndex { values, ..TableIndex::default() };
                    for (i, (_, ws)) in entries.iter().enumerate() {
                        for w in ws {
                            t.longest = t.longest.max(w.len());
                            t.words.entry(w.clone()).or_insert(i);
                        }
                    }
                    (name.clone(), t)
                })
                .collect()
        });
        index.get(table)
    }

    /// Whether the word list of `value` in `table` contains `word` exactly
    /// (lowercase, spaces collapsed), whatever other value lists it first
    /// ([`Lexicon::lookup`] answers the first value only: кеше is a `first` word
    /// of `[not_organization]` and an `inside` one too). A scan of one list: for
    /// checks off the hot path.
    pub fn lists(&self, table: &str, value: &str, word: &str) -> bool {
        let word = fold_cow(word);
        self.tables
            .get(table)
            .into_iter()
            .flatten()
            .any(|(v, ws)| v == value && ws.iter().any(|w| *w == *word))
    }

    /// The words of `table` that two or more values list, each with those
    /// values in the table's order. [`Lexicon::lookup`] answers only the first
    /// of them, so a `lookup(..) == Some(value)` test misses a word listed under
    /// a later value; such tables are read with [`Lexicon::lists`].
    pub fn shared_words(&self, table: &str) -> Vec<(&str, Vec<&str>)> {
        let mut seen: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (v, ws) in self.tables.get(table).into_iter().flatten() {
            for w in ws {
                let vs = seen.entry(w.as_str()).or_default();
                if !vs.contains(&v.as_str()) {
                    vs.push(v.as_str());
                }
            }
        }
        seen.into_iter().filter(|(_, vs)| vs.len() > 1).collect()
    }

    /// The value whose word list contains `word` exactly (lowercase, spaces
    /// collapsed); the first such value in the table's order.
    pub fn lookup(&self, table: &str, word: &str) -> Option<&str> {
        let t = self.words(table)?;
        let i = *t.words.get(fold_cow(word).as_ref())?;
        t.values.get(i).map(String::as_str)
    }

    /// The value of the longest word in `table` that `word` starts with (a stem
    /// look-up; of two values listing that word, the first).
    pub fn lookup_prefix(&self, table: &str, word: &str) -> Option<&str> {
        self.lookup_prefix_len(table, word).map(|(v, _)| v)
    }

    /// [`Lexicon::lookup_prefix`], with the length in bytes (folded) of the word
    /// that matched: of two tables, the longer stem is the better evidence.
    pub fn lookup_prefix_len(&self, table: &str, word: &str) -> Option<(&str, usize)> {
        let t = self.words(table)?;
        let w = fold_cow(word);
        let w = w.as_ref();
        // Prefixes at character boundaries, longest first, none longer than the
        // table's longest word.
        let mut end = w.len().min(t.longest);
        loop {
            while !w.is_char_boundary(end) {
                end -= 1;
            }
            if let Some(&i) = t.words.get(&w[..end]) {
                return t.values.get(i).map(|v| (v.as_str(), end));
            }
            if end == 0 {
                return None;
            }
            end -= 1;
        }
    }
}

/// The words of one lexicon table: word → the index of the value that claims it
/// first, and the longest word's length in bytes.
#[derive(Debug, Default)]
struct TableIndex {
    words: HashMap<String, usize, std::hash::BuildHasherDefault<crate::token::WordHasher>>,
    longest: usize,
    /// The table's values, by index (no second look-up of the table by name).
    values: Vec<String>,
}

/// [`fold`] without a copy when `s` is folded already (the common case of a
/// lowercase word): look-ups run on every candidate match.
fn fold_cow(s: &str) -> std::borrow::Cow<'_, str> {
    let mut prev_space = true;
    let folded = s.chars().all(|c| {
        let ok = if c == ' ' { !prev_space } else { !c.is_whitespace() && !c.is_uppercase() && c != 'ё' };
        prev_space = c == ' ';
        ok
    }) && !prev_space;
    if folded || s.is_empty() { std::borrow::Cow::Borrowed(s) } else { std::borrow::Cow::Owned(fold(s)) }
}

/// Lowercase, `ё` as `е`, whitespace collapsed: the form lexicon words are kept in.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                'ё' | 'Ё' => out.push('е'),
                'A'..='Z' => out.push(c.to_ascii_lowercase()),
                '\0'..='\u{7f}' => out.push(c),
                // Basic Cyrillic: one simple mapping each way.
                'Ѐ'..='Џ' => out.push(char::from_u32(c as u32 + 80).unwrap_or(c)),
                'А'..='Я' => out.push(char::from_u32(c as u32 + 32).unwrap_or(c)),
                'а'..='я' | 'ѐ'..='џ' => out.push(c),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Everything loaded from a rules folder.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub examples: Vec<Example>,
    pub gazetteers: HashMap<String, Gazetteer>,
    pub lexicon: Lexicon,
    /// The word classes of `tokens = [...]` in common ([`crate::token`]).
    pub tokens: Tokens,
    /// For each type, the types whose overlapping entities remove it (`[yields]` in common).
    pub yields_to: HashMap<EntityType, Vec<EntityType>>,
    /// Languages in which an organization takes a place written right after it
    /// into its name (`[attach] place_after_organization` in common).
    pub place_after_organization: Vec<Lang>,
    /// Where the rules came from (a folder, or "embedded").
    pub origin: String,
}

// ---- file shapes ----

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFileDef {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    /// What the file is for: documentation for people, not read by derek.
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    rule: Vec<toml::Spanned<RuleDef>>,
    #[serde(default)]
    example: Vec<toml::Spanned<ExampleDef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    pattern: String,
    #[serde(default)]
    priority: i32,
    #[serde(default)]
    value: toml::Table,
    #[serde(default = "yes")]
    boundary: bool,
    /// Groups whose text must be a surface form of a gazetteer: `{ where = "places.ru" }`.
    #[serde(default)]
    verify: BTreeMap<String, String>,
    /// Strings one of which every match of the pattern contains (in any case),
    /// given by hand: the prefilter runs the rule only over sentences holding
    /// one, instead of the strings it reads off the pattern (a rare `№` rather
    /// than common head words). The rule's examples check them: an example
    /// whose match holds none of them finds nothing.
    #[serde(default)]
    require: Option<Vec<String>>,
    /// Words the entity's span never starts with: after a match, the span (and
    /// the groups in it) start after the last match of this pattern inside it.
    #[serde(default)]
    trim: Option<String>,
    /// A pattern the entity's text must match somewhere, or the match is
    /// dropped: a rule over another language's gazetteer forms keeps only those
    /// with that language's own letters (`keep = '[әғқңөұүһі]'`).
    #[serde(default)]
    keep: Option<String>,
    /// A pattern the entity's text must not match anywhere, or the match is
    /// dropped: what `keep` would have to spell as a complement (`reject =
    /// '[сц]кого$'` rather than `keep = '(?:[^о]|[^г]о|...)$'`).
    #[serde(default)]
    reject: Option<String>,
    /// The rule finds abbreviations defined in brackets (Катонқарағай
    /// мемлекеттік ұлттық табиғи паркі (КМҰТП)): a match is kept where an
    /// organization ends right before the bracket or the words before it start
    /// with its letters, and the document's other mentions of it are found too.
    #[serde(default)]
    defines: bool,
    /// The rule's places recur by name alone: a village named once after its
    /// cue word (в селе Коктал) is the same village at its other mentions
    /// (в Коктале).
    #[serde(default)]
    recurs: bool,
    /// What the rule is for: documentation for people, not read by derek.
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    example: Vec<ExampleDef>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ExampleDef {
    text: String,
    #[serde(default)]
    expect: Option<Vec<ExpectDef>>,
    #[serde(default)]
    types: Option<Vec<String>>,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct ExpectDef {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    text: String,
    value: toml::Table,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct AttachDef {
    #[serde(default)]
    place_after_organization: Vec<String>,
}

#[derive(Deserialize, Default)]
struct CommonDef {
    /// Macros that are word classes ([`crate::token`]).
    #[serde(default)]
    tokens: Vec<String>,
    #[serde(default)]
    define: BTreeMap<String, String>,
    #[serde(default)]
    yields: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    attach: AttachDef,
    #[serde(flatten)]
    tables: BTreeMap<String, toml::Value>,
}

/// A lexicon table's words as one pattern, written as a trie: words sharing a
/// beginning share its states (`волонт(?:ер|ёр)`), so the automaton holds each
/// prefix once and a match tries one branch per letter instead of every word in
/// turn. A word that continues in a longer one comes after it (`зардап(?:\s+шеккен|)`),
/// as in a list sorted longest first. A space matches any run of whitespace, and
/// `е` matches `ё` too (lexicon words are kept with `е`).
fn word_trie<'a>(words: impl Iterator<Item = &'a str>) -> String {
    #[derive(Default)]
    struct Node {
        end: bool,
        next: BTreeMap<char, Node>,
    }
    let mut root = Node::default();
    for w in words.filter(|w| !w.is_empty()) {
        let mut node = &mut root;
        for c in w.chars() {
            node = node.next.entry(c).or_default();
        }
        node.end = true;
    }
    fn write(node: &Node) -> String {
        let mut parts: Vec<String> = node
            .next
            .iter()
            .map(|(&c, child)| {
                let letter = match c {
                    ' ' => "\\s+".to_string(),
                    'е' => "[её]".to_string(),
                    c => regex::escape(c.encode_utf8(&mut [0; 4])),
                };
                letter + &write(child)
            })
            .collect();
        if parts.is_empty() {
            return String::new();
        }
        if node.end {
            parts.push(String::new());
        }
        if parts.len() == 1 { parts.remove(0) } else { format!("(?:{})", parts.join("|")) }
    }
    match write(&root) {
        w if w.is_empty() => "[^\\s\\S]".to_string(), // no words: matches nothing
        w => w,
    }
}

/// Rule files as (path relative to the rules folder, contents), sorted by path.
pub type Sources = Vec<(String, String)>;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// The default rules, embedded in the binary at build time.
pub fn embedded_sources() -> Sources {
    embedded::FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
}

/// Every `*.toml` file under `dir`, with paths relative to it.
pub fn read_dir_sources(dir: &Path) -> Result<Sources, RuleError> {
    let mut out = Vec::new();
    let err =
        |p: &Path, m: String| RuleError { file: p.display().to_string(), line: 0, rule: None, message: m };
    if !dir.is_dir() {
        return Err(err(dir, "not a folder of rule files".into()));
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let rd = std::fs::read_dir(&d).map_err(|e| err(&d, e.to_string()))?;
        for entry in rd {
            let entry = entry.map_err(|e| err(&d, e.to_string()))?;
            let p = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&p).map_err(|e| err(&p, e.to_string()))?;
                let rel = p.strip_prefix(dir).unwrap_or(&p);
                let rel =
                    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
                out.push((rel, text));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].bytes().filter(|&b| b == b'\n').count() + 1
}

fn toml_error(file: &str, text: &str, e: toml::de::Error) -> RuleError {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(0);
    let msg = e.message().trim().to_string();
    RuleError { file: file.to_string(), line, rule: None, message: format!("invalid TOML: {msg}") }
}

impl RuleSet {
    /// Load the embedded default rules.
    pub fn embedded() -> Result<RuleSet, RuleError> {
        RuleSet::from_sources(embedded_sources(), "embedded rules/")
    }

    /// Load the rules of a folder.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, RuleError> {
        RuleSet::from_sources(read_dir_sources(dir)?, &dir.display().to_string())
    }

    /// Load rules from `(relative path, contents)` pairs.
    pub fn from_sources(sources: Sources, origin: &str) -> Result<RuleSet, RuleError> {
        let display = |rel: &str| {
            if origin.starts_with("embedded") {
                format!("rules/{rel}")
            } else {
                format!("{}/{rel}", origin.trim_end_matches('/'))
            }
        };
        // 1. Gazetteers.
        let mut gazetteers = HashMap::new();
        for (rel, text) in sources.iter().filter(|(p, _)| p.starts_with("gazetteers/")) {
            let name = rel.trim_start_matches("gazetteers/").trim_end_matches(".toml").replace('/', ".");
            let g = Gazetteer::parse(&name, text).map_err(|m| RuleError {
                file: display(rel),
                line: 0,
                rule: None,
                message: m,
            })?;
            gazetteers.insert(name, g);
        }
        // 2. Common definitions and lexicons.
        let mut defines: BTreeMap<String, (String, String)> = BTreeMap::new();
        let mut lexicon = Lexicon::default();
        let mut yields_to: HashMap<EntityType, Vec<EntityType>> = HashMap::new();
        let mut token_names: Vec<(String, String)> = Vec::new();
        let mut place_after_organization: Vec<Lang> = Vec::new();
        for (rel, text) in sources.iter().filter(|(p, _)| p.starts_with("common/")) {
            let file = display(rel);
            let def: CommonDef = toml::from_str(text).map_err(|e| toml_error(&file, text, e))?;
            token_names.extend(def.tokens.iter().map(|t| (file.clone(), t.clone())));
            for (name, pat) in def.define {
                if !name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') {
                    return Err(RuleError {
                        file,
                        line: 0,
                        rule: None,
                        message: format!("macro name {name:?} must be UPPER_CASE"),
                    });
                }
                if let Some((other, _)) = defines.get(&name) {
                    return Err(RuleError {
                        file,
                        line: 0,
                        rule: None,
                        message: format!("macro {name} is defined twice (also in {other})"),
                    });
                }
                defines.insert(name, (file.clone(), pat));
            }
            for code in &def.attach.place_after_organization {
                let lang = match code.as_str() {
                    "ru" => Lang::Ru,
                    "kk" => Lang::Kk,
                    _ => {
                        return Err(RuleError {
                            file: file.clone(),
                            line: text.find("place_after_organization").map_or(0, |b| line_of(text, b)),
                            rule: None,
                            message: format!(
                                "[attach] place_after_organization: unknown language {code:?} (ru or kk)"
                            ),
                        });
                    }
                };
                place_after_organization.push(lang);
            }
            for (kind, over) in def.yields {
                let k = EntityType::parse(&kind).ok_or_else(|| RuleError {
                    file: file.clone(),
                    line: 0,
                    rule: None,
                    message: format!("[yields]: unknown type {kind:?}"),
                })?;
                for o in over {
                    let t = EntityType::parse(&o).ok_or_else(|| RuleError {
                        file: file.clone(),
                        line: 0,
                        rule: None,
                        message: format!("[yields]: unknown type {o:?}"),
                    })?;
                    yields_to.entry(k).or_default().push(t);
                }
            }
            for (table, v) in def.tables {
                let Some(t) = v.as_table() else { continue };
                let entries = lexicon.tables.entry(table.clone()).or_default();
                for (value, words) in t {
                    let words: Vec<String> = match words {
                        toml::Value::Array(a) => a.iter().filter_map(|w| w.as_str()).map(fold).collect(),
                        toml::Value::String(s) => vec![fold(s)],
                        _ => {
                            return Err(RuleError {
                                file: file.clone(),
                                line: 0,
                                rule: None,
                                message: format!("[{table}] {value}: expected a list of words"),
                            });
                        }
                    };
                    entries.push((value.clone(), words));
                }
            }
        }
        let mut expander =
            Expander { defines: &defines, gazetteers: &gazetteers, lexicon: &lexicon, tokens: None };
        let tokens = {
            let mut macros = Vec::new();
            for (file, name) in &token_names {
                let err = |message: String| RuleError { file: file.clone(), line: 0, rule: None, message };
                if !defines.contains_key(name) {
                    return Err(err(format!("tokens: {name} is not a macro of [define]")));
                }
                let (pattern, _) = expander.expand(&format!("{{{name}}}")).map_err(err)?;
                macros.push((name.clone(), pattern));
            }
            Tokens::new(&macros).map_err(|message| RuleError {
                file: token_names.first().map(|(f, _)| f.clone()).unwrap_or_default(),
                line: 0,
                rule: None,
                message,
            })?
        };
        expander.tokens = (!tokens.is_empty()).then_some(&tokens);
        let expander = expander;
        // 3. Rule files.
        // Files compile in parallel (regex compilation is most of the start-up time);
        // results are merged in file order, so errors and rule order stay deterministic.
        use rayon::prelude::*;
        let rule_files: Vec<&(String, String)> = sources
            .iter()
            .filter(|(p, _)| !p.starts_with("common/") && !p.starts_with("gazetteers/"))
            .collect();
        type Loaded = Result<(Vec<Rule>, Vec<Example>), RuleError>;
        let loaded: Vec<Loaded> = rule_files
            .par_iter()
            .map(|(rel, text)| -> Loaded {
                let mut rules: Vec<Rule> = Vec::new();
                let mut examples = Vec::new();
                let file = display(rel);
                let def: RuleFileDef = toml::from_str(text).map_err(|e| toml_error(&file, text, e))?;
                let (dir_lang, file_type) = {
                    let mut parts = rel.split('/');
                    (
                        parts.next().unwrap_or(""),
                        rel.rsplit('/').next().unwrap_or("").trim_end_matches(".toml"),
                    )
                };
                let file_kind = def.kind.clone().unwrap_or_else(|| file_type.to_string());
                let file_lang = def.lang.clone().unwrap_or_else(|| dir_lang.to_string());
                let mut file_types: Vec<EntityType> = Vec::new();
                let mut file_lang_sel = LangSel::parse(&file_lang);
                for spanned in &def.rule {
                    let line = line_of(text, spanned.span().start);
                    let r = spanned.get_ref();
                    let err = |m: String| RuleError {
                        file: file.clone(),
                        line,
                        rule: Some(r.id.clone()),
                        message: m,
                    };
                    if r.id.is_empty()
                        || !r.id.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '_' || c == '-')
                    {
                        return Err(err("the id must be dotted words, like ru.count.approx_before".into()));
                    }
                    let kind_s = r.kind.clone().unwrap_or_else(|| file_kind.clone());
                    let kind = EntityType::parse(&kind_s).ok_or_else(|| {
                        err(format!("unknown type {kind_s:?} (expected organization, place, date or count)"))
                    })?;
                    let lang_s = r.lang.clone().unwrap_or_else(|| file_lang.clone());
                    let lang = LangSel::parse(&lang_s).ok_or_else(|| {
                        err(format!("unknown language {lang_s:?} (expected ru, kk or both)"))
                    })?;
                    file_lang_sel = file_lang_sel.or(Some(lang));
                    if !file_types.contains(&kind) {
                        file_types.push(kind);
                    }
                    for k in r.value.keys() {
                        if !constants_of(kind).contains(&k.as_str()) {
                            return Err(err(format!(
                                "value.{k} is not a field a {kind} rule can set (allowed: {})",
                                constants_of(kind).join(", ")
                            )));
                        }
                    }
                    let (pattern, matcher, gaz) = match pure_gazetteer(&r.pattern) {
                        Some((reference, group)) => {
                            if r.require.is_some() {
                                return Err(err("require: a gazetteer rule finds its forms directly; require is for patterns".into()));
                            }
                            let (name, glang) = gazetteer_ref(reference);
                            if !gazetteers.contains_key(name) {
                                return Err(err(format!("unknown gazetteer @{name}")));
                            }
                            if let Some(g) = group
                                && g != SPAN_GROUP
                                && !groups_of(kind).contains(&g)
                            {
                                return Err(err(format!(
                                    "unknown group name {g:?} for a {kind} rule (allowed: {})",
                                    groups_of(kind).join(", ")
                                )));
                            }
                            let matcher = Matcher::Gazetteer {
                                name: name.to_string(),
                                lang: glang,
                                group: group.map(str::to_string),
                            };
                            (r.pattern.trim().to_string(), matcher, vec![name.to_string()])
                        }
                        None => {
                            let (pattern, gaz, masked) = expander.expand_masked(&r.pattern).map_err(&err)?;
                            let (regex, derived) = compile(&pattern, masked.then_some(&tokens))
                                .map_err(|e| err(format!("bad pattern: {e}")))?;
                            let required = match &r.require {
                                Some(given) if given.is_empty() || given.iter().any(|g| g.is_empty()) => {
                                    return Err(err("require: give non-empty strings, one of which every match contains".into()));
                                }
                                Some(given) => Some(
                                    given
                                        .iter()
                                        .map(|g| {
                                            let mut f = String::new();
                                            crate::prefilter::fold_into(g, &mut f);
                                            f
                                        })
                                        .collect(),
                                ),
                                None => derived,
                            };
                            let names = || {
                                regex.group_info().pattern_names(regex_automata::PatternID::ZERO).flatten()
                            };
                            for name in names() {
                                if name != SPAN_GROUP
                                    && !groups_of(kind).contains(&group_base(name))
                                    && !r.verify.contains_key(name)
                                {
                                    return Err(err(format!(
                                        "unknown group name {name:?} for a {kind} rule (allowed: {})",
                                        groups_of(kind).join(", ")
                                    )));
                                }
                            }
                            for group in r.verify.keys() {
                                if !names().any(|n| n == group) {
                                    return Err(err(format!(
                                        "verify.{group}: the pattern has no group named {group:?}"
                                    )));
                                }
                            }
                            (pattern, Matcher::Regex { regex, required, masked }, gaz)
                        }
                    };
                    let mut verify = Vec::new();
                    for (group, reference) in &r.verify {
                        let (name, vlang) = gazetteer_ref(reference.trim_start_matches('@'));
                        if !gazetteers.contains_key(name) {
                            return Err(err(format!("verify.{group}: unknown gazetteer @{name}")));
                        }
                        if matches!(matcher, Matcher::Gazetteer { .. }) {
                            return Err(err("verify: a gazetteer rule has no groups to verify".into()));
                        }
                        verify.push(Verify {
                            group: group.clone(),
                            gazetteer: name.to_string(),
                            lang: vlang,
                        });
                    }
                    for ex in &r.example {
                        examples.push(build_example(
                            ex,
                            &file,
                            line,
                            Some(&r.id),
                            lang.example_lang(),
                            &[kind],
                        )?);
                    }
                    // The side patterns (`trim`, `keep`, `reject`), macros expanded.
                    let side = |pattern: &Option<String>, field: &str| -> Result<_, RuleError> {
                        let Some(t) = pattern else { return Ok(None) };
                        let (p, _) = expander.expand(t).map_err(&err)?;
                        let re = regex::Regex::new(&p).map_err(|e| err(format!("bad {field} pattern: {e}")))?;
                        Ok(Some(re))
                    };
                    let trim = side(&r.trim, "trim")?;
                    let keep = side(&r.keep, "keep")?;
                    let reject = side(&r.reject, "reject")?;
                    if r.recurs && (kind != EntityType::Place || lang == LangSel::Both) {
                        return Err(err(
                            "recurs: only a place rule of one language (ru or kk) finds its names again".into(),
                        ));
                    }
                    rules.push(Rule {
                        id: r.id.clone(),
                        kind,
                        lang,
                        priority: r.priority,
                        order: rules.len(),
                        file: file.clone(),
                        line,
                        pattern,
                        matcher,
                        verify,
                        trim,
                        keep,
                        reject,
                        defines: r.defines,
                        recurs: r.recurs,
                        constants: r.value.clone(),
                        boundary: r.boundary,
                        gazetteers: gaz,
                    });
                }
                let default_lang = file_lang_sel.unwrap_or(LangSel::Both).example_lang();
                if file_types.is_empty()
                    && let Some(k) = EntityType::parse(&file_kind)
                {
                    file_types.push(k);
                }
                for spanned in &def.example {
                    let line = line_of(text, spanned.span().start);
                    examples.push(build_example(
                        spanned.get_ref(),
                        &file,
                        line,
                        None,
                        default_lang,
                        &file_types,
                    )?);
                }
                Ok((rules, examples))
            })
            .collect();
        let mut rules: Vec<Rule> = Vec::new();
        let mut examples = Vec::new();
        let mut seen: HashMap<String, String> = HashMap::new();
        for result in loaded {
            let (file_rules, file_examples) = result?;
            for mut r in file_rules {
                if let Some(prev) = seen.insert(r.id.clone(), format!("{}:{}", r.file, r.line)) {
                    return Err(RuleError {
                        file: r.file.clone(),
                        line: r.line,
                        rule: Some(r.id.clone()),
                        message: format!("duplicate rule id (first defined at {prev})"),
                    });
                }
                r.order = rules.len();
                rules.push(r);
            }
            examples.extend(file_examples);
        }
        Ok(RuleSet {
            rules,
            examples,
            gazetteers,
            lexicon,
            tokens,
            yields_to,
            place_after_organization,
            origin: origin.to_string(),
        })
    }
}

fn build_example(
    ex: &ExampleDef,
    file: &str,
    line: usize,
    rule: Option<&str>,
    lang: Lang,
    default_types: &[EntityType],
) -> Result<Example, RuleError> {
    let err =
        |m: String| RuleError { file: file.to_string(), line, rule: rule.map(str::to_string), message: m };
    let lang = match ex.lang.as_deref() {
        None => lang,
        Some("ru") => Lang::Ru,
        Some("kk") => Lang::Kk,
        Some(other) => {
            return Err(err(format!("example language {other:?} (expected ru or kk)")));
        }
    };
    let Some(expect_defs) = &ex.expect else {
        return Err(err(format!(
            "example {:?} says nothing: give `expect = [...]` (an empty list for a negative example)",
            ex.text
        )));
    };
    let mut types = Vec::new();
    for t in ex.types.iter().flatten() {
        types.push(EntityType::parse(t).ok_or_else(|| err(format!("example: unknown type {t:?}")))?);
    }
    let mut expect = Vec::new();
    for e in expect_defs {
        let kind = match &e.kind {
            Some(k) => EntityType::parse(k).ok_or_else(|| err(format!("example: unknown type {k:?}")))?,
            None => {
                default_types.first().copied().ok_or_else(|| err("example: say the expected type".into()))?
            }
        };
        if !ex.text.contains(&e.text) {
            return Err(err(format!("example: expected text {:?} does not occur in {:?}", e.text, ex.text)));
        }
        let value = expected_value(kind, &e.value).map_err(|m| err(format!("example {:?}: {m}", e.text)))?;
        if !types.contains(&kind) {
            types.push(kind);
        }
        expect.push(Expected { kind, text: e.text.clone(), value });
    }
    if types.is_empty() {
        types.extend_from_slice(default_types);
    }
    Ok(Example {
        file: file.to_string(),
        line,
        rule: rule.map(str::to_string),
        lang,
        text: ex.text.clone(),
        types,
        expect,
    })
}

/// Check an expected value's shape against its type and convert it to JSON;
/// fields the example leaves out are null.
fn expected_value(kind: EntityType, v: &toml::Table) -> Result<serde_json::Value, String> {
    let fields = value_fields_of(kind);
    for k in v.keys() {
        if !fields.contains(&k.as_str()) {
            return Err(format!(
                "value.{k} is not a field of a {kind} value (fields: {})",
                fields.join(", ")
            ));
        }
    }
    let mut out = serde_json::Map::new();
    for f in fields {
        let j = match v.get(*f) {
            None => serde_json::Value::Null,
            Some(toml::Value::String(s)) => serde_json::Value::String(s.clone()),
            Some(toml::Value::Integer(i)) => serde_json::json!(*i),
            Some(toml::Value::Float(x)) => serde_json::json!(*x),
            Some(other) => {
                return Err(format!("value.{f} must be a string or a number, not {}", other.type_str()));
            }
        };
        let ok = match (kind, *f) {
            (EntityType::Count, "amount") => j.is_number(),
            (EntityType::Count, "approx") => {
                j.as_str().is_some_and(|s| crate::record::Approx::parse(s).is_some())
            }
            (EntityType::Count, "category") => j.is_string(),
            (EntityType::Date, "value") => j.is_string(),
            (EntityType::Organization | EntityType::Place, "name") => j.is_string(),
            _ => j.is_null() || j.is_string(),
        };
        if !ok {
            return Err(format!("value.{f} is missing or has the wrong shape ({j})"));
        }
        if !j.is_null() {
            out.insert(f.to_string(), j);
        }
    }
    Ok(serde_json::Value::Object(out))
}

/// Expands `{MACRO}` and `@gazetteer` references in patterns.
struct Expander<'a> {
    defines: &'a BTreeMap<String, (String, String)>,
    gazetteers: &'a HashMap<String, Gazetteer>,
    lexicon: &'a Lexicon,
    /// Word classes: their macros expand to runs of markers ([`Expander::expand_masked`]).
    tokens: Option<&'a Tokens>,
}

impl Expander<'_> {
    /// A pattern with every macro written out (token macros too).
    fn expand(&self, pattern: &str) -> Result<(String, Vec<String>), String> {
        let mut gaz = Vec::new();
        let out = self.expand_depth(pattern, 0, &mut gaz, None)?;
        Ok((out, gaz))
    }

    /// A pattern for a masked sentence when it uses token macros (then `true`):
    /// they stand for runs of their markers. Otherwise as [`Expander::expand`].
    fn expand_masked(&self, pattern: &str) -> Result<(String, Vec<String>, bool), String> {
        let mut gaz = Vec::new();
        let mut used = false;
        let out = match self.tokens {
            Some(_) => self.expand_depth(pattern, 0, &mut gaz, Some(&mut used))?,
            None => self.expand_depth(pattern, 0, &mut gaz, None)?,
        };
        Ok((out, gaz, used))
    }

    fn expand_depth(
        &self,
        p: &str,
        depth: usize,
        gaz: &mut Vec<String>,
        mut tokens_used: Option<&mut bool>,
    ) -> Result<String, String> {
        if depth > 20 {
            return Err("macros nest too deep (a macro refers to itself?)".into());
        }
        let mut out = String::with_capacity(p.len());
        let mut chars = p.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => {
                    out.push(c);
                    if let Some((_, n)) = chars.next() {
                        out.push(n);
                    }
                }
                '{' => {
                    let rest = &p[i + 1..];
                    let name_len = rest.find('}').unwrap_or(0);
                    let name = &rest[..name_len];
                    let is_macro = name_len > 0
                        && name.starts_with(|c: char| c.is_ascii_uppercase())
                        && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                    let token = match (&tokens_used, self.tokens) {
                        (Some(_), Some(t)) if is_macro => t.macro_regex(name),
                        _ => None,
                    };
                    if let Some(runs) = token {
                        out.push_str("(?:");
                        out.push_str(runs);
                        out.push(')');
                        if let Some(used) = tokens_used.as_deref_mut() {
                            *used = true;
                        }
                        for _ in 0..name_len + 1 {
                            chars.next();
                        }
                    } else if is_macro {
                        let (_, body) =
                            self.defines.get(name).ok_or_else(|| format!("unknown macro {{{name}}}"))?;
                        let inner = self.expand_depth(body, depth + 1, gaz, tokens_used.as_deref_mut())?;
                        out.push_str("(?:");
                        out.push_str(&inner);
                        out.push(')');
                        for _ in 0..name_len + 1 {
                            chars.next();
                        }
                    } else {
                        out.push(c);
                    }
                }
                '@' => {
                    let rest = &p[i + 1..];
                    let len = rest
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                        .unwrap_or(rest.len());
                    let mut name = rest[..len].trim_end_matches('.');
                    if name.is_empty() {
                        out.push(c);
                        continue;
                    }
                    let consumed = name.len();
                    let lang;
                    (name, lang) = gazetteer_ref(name);
                    let g = self.gazetteers.get(name).ok_or_else(|| format!("unknown gazetteer @{name}"))?;
                    if !gaz.iter().any(|x| x == name) {
                        gaz.push(name.to_string());
                    }
                    out.push_str("(?:");
                    let forms = g.forms(lang);
                    if forms.is_empty() {
                        out.push_str("[^\\s\\S]"); // matches nothing
                    }
                    for (k, f) in forms.iter().enumerate() {
                        if k > 0 {
                            out.push('|');
                        }
                        out.push_str(&regex::escape(f));
                    }
                    out.push(')');
                    for _ in 0..consumed {
                        chars.next();
                    }
                }
                '%' => {
                    let rest = &p[i + 1..];
                    let len =
                        rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
                    let name = &rest[..len];
                    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
                        out.push(c);
                        continue;
                    }
                    let table = self
                        .lexicon
                        .tables
                        .get(name)
                        .ok_or_else(|| format!("unknown lexicon table %{name}"))?;
                    let words = table.iter().flat_map(|(_, ws)| ws.iter().map(String::as_str));
                    out.push_str("(?i:");
                    out.push_str(&word_trie(words));
                    out.push(')');
                    for _ in 0..len {
                        chars.next();
                    }
                }
                _ => out.push(c),
            }
        }
        Ok(out)
    }
}

/// Names the rule set's parts, for `derek check` and `--help` texts.
pub fn describe(set: &RuleSet) -> String {
    let mut per: BTreeMap<String, usize> = BTreeMap::new();
    for r in &set.rules {
        let l = match r.lang {
            LangSel::Ru => "ru",
            LangSel::Kk => "kk",
            LangSel::Both => "both",
        };
        *per.entry(format!("{l} {}", r.kind)).or_default() += 1;
    }
    let gaz: usize = set.gazetteers.values().map(|g| g.entries.len()).sum();
    let forms: usize = set.gazetteers.values().map(|g| g.form_count()).sum();
    let parts: Vec<String> = per.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    format!(
        "{} rules ({}), {} examples, {} gazetteer entries ({} forms)",
        set.rules.len(),
        parts.join(", "),
        set.examples.len(),
        gaz,
        forms
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_branch_group_stands_for_its_base_name() {
        for g in ["object__attr", "object", "cut_sub", "objects", "object__"] {
            assert_eq!(group_stands_for(g, "object"), group_base(g) == "object", "{g}");
        }
        assert_eq!(group_base("object__attr"), "object");
        assert_eq!(group_base("object"), "object");
        assert_eq!(group_base("cut_sub"), "cut_sub");
    }

    fn lexicon() -> Lexicon {
        let mut l = Lexicon::default();
        let entry = |v: &str, ws: &[&str]| (v.to_string(), ws.iter().map(|w| fold(w)).collect::<Vec<_>>());
        l.tables.insert(
            "category".into(),
            vec![
                entry("people", &["человек", "жител", "студент"]),
                entry("volunteers", &["волонтер", "студент", "студенты-волонтер"]),
                entry("children", &["дет", "детск"]),
            ],
        );
        l
    }

    #[test]
    fn shared_words_are_the_words_two_values_list() {
        let l = lexicon();
        assert_eq!(l.shared_words("category"), vec![("студент", vec!["people", "volunteers"])]);
        assert_eq!(l.lookup("category", "студент"), Some("people"));
        assert!(l.lists("category", "volunteers", "студент"));
        assert!(l.shared_words("no such table").is_empty());
    }

    #[test]
    fn fold_cow_borrows_only_what_is_folded_already() {
        for w in [
            "волонтер",
            "жүк көлігі",
            "Волонтер",
            "ёлка",
            "две  семьи",
            " тенге",
            "тенге ",
            "KZT",
            "",
            "a\tb",
        ] {
            let cow = fold_cow(w);
            assert_eq!(cow.as_ref(), fold(w), "{w:?}");
            assert_eq!(matches!(cow, std::borrow::Cow::Borrowed(_)), fold(w) == w, "{w:?}");
        }
    }

    #[test]
    fn lexicon_words_become_a_trie_that_prefers_longer_words() {
        let p = word_trie(["волонтер", "волонт", "добровол", "зардап шеккен", "зардап"].into_iter());
        assert_eq!(p, "(?:волонт(?:[её]р|)|добровол|зардап(?:\\s+ш[её]кк[её]н|))");
        let re = regex::Regex::new(&format!("^(?i:{p})")).unwrap();
        for (text, m) in
            [("Волонтёры", "Волонтёр"), ("волонтов", "волонт"), ("зардап  шеккен", "зардап  шеккен")]
        {
            assert_eq!(re.find(text).map(|x| x.as_str()), Some(m), "{text}");
        }
        assert_eq!(word_trie(std::iter::empty()), "[^\\s\\S]");
    }

    #[test]
    fn lexicon_exact_look_up_folds_case_yo_and_spaces() {
        let l = lexicon();
        assert_eq!(l.lookup("category", "Человек"), Some("people"));
        assert_eq!(l.lookup("category", "человека"), None);
        assert_eq!(l.lookup("category", "ВОЛОНТЁР"), Some("volunteers"));
        // A word listed under two values belongs to the first.
        assert_eq!(l.lookup("category", "студент"), Some("people"));
        assert_eq!(l.lookup("nowhere", "человек"), None);
    }

    #[test]
    fn lexicon_prefix_look_up_takes_the_longest_stem() {
        let l = lexicon();
        assert_eq!(l.lookup_prefix("category", "жителей"), Some("people"));
        assert_eq!(l.lookup_prefix("category", "Волонтёров"), Some("volunteers"));
        assert_eq!(l.lookup_prefix("category", "детских"), Some("children"));
        assert_eq!(l.lookup_prefix("category", "студентов"), Some("people"));
        assert_eq!(l.lookup_prefix("category", "студенты-волонтеры"), Some("volunteers"));
        assert_eq!(l.lookup_prefix("category", "де"), None);
        assert_eq!(l.lookup_prefix("category", ""), None);
    }
}
