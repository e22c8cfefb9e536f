//! The rule engine: runs a [`RuleSet`] over a document's sentences and resolves
//! the matches into entities.
//!
//! Each regex rule runs over each sentence of its language (a `RegexSet`
//! prefilter over all rules was measured slower: its one big lazy DFA keeps
//! rebuilding states, and compiling it doubled the start-up time). Rules that are
//! a lone gazetteer reference (`@places.ru`) run as one Aho-Corasick automaton per
//! gazetteer and language instead of a regex alternation of thousands of forms. Matches must start and end at word edges (unless a rule says
//! `boundary = false`), which keeps `\b` (slow on Unicode text) out of patterns.
//!
//! Overlaps are resolved within a type: longest span, then higher priority, then
//! earlier rule. Across types entities nest (a place inside an organization),
//! except where `[yields]` in `rules/common` says a type gives way to another
//! (a count overlapping a date is a year, not a count).

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::automaton::Automaton as _;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored as AcAnchored, MatchKind};
use regex_automata::Input;
use regex_automata::util::captures::Captures;

use crate::alphabet::is_cyrillic;
use crate::lang::Lang;
use crate::normalize::{self, Context, Groups};
use crate::offsets::CharIndex;
use crate::prefilter::{self, Prefilter};
use crate::record::{Entity, EntityType, Value};
use crate::rules::{Example, Matcher, Rule, RuleError, RuleSet, SPAN_GROUP};
use crate::segment;

struct LangRules {
    /// Indices into `RuleSet::rules` of the regex rules for this language.
    rules: Vec<usize>,
    /// For each of `rules`: does it search the masked sentence?
    masked: Vec<bool>,
    /// Which of `rules` can match a sentence, by the words they require.
    prefilter: Prefilter,
    /// Gazetteer rules for this language: (rule index, automaton index).
    gazetteer_rules: Vec<(usize, usize)>,
}

/// A compiled rule set, ready to run.
pub struct Engine {
    pub set: RuleSet,
    ru: LangRules,
    kk: LangRules,
    /// One automaton per (gazetteer, language) that a gazetteer rule uses.
    automata: Vec<Automaton>,
    /// What each rule cost, when asked for ([`Engine::record_costs`]).
    costs: Option<std::sync::Mutex<Costs>>,
    /// The search cache (lazy DFA states) of each regex rule, by rule index,
    /// made on first use. One per rule, not one per rule and thread: a thread
    /// runs a rule over its chunk holding the rule's cache, and the other
    /// threads take other rules meanwhile ([`Engine::extract_many`]). The caches
    /// are most of the memory of a run; per thread, they were most of what a
    /// second thread added.
    caches: Vec<std::sync::Mutex<Option<regex_automata::meta::Cache>>>,
}

/// What one rule cost over a run ([`Engine::record_costs`]).
#[derive(Debug, Clone, Default)]
pub struct RuleCost {
    /// Sentences the rule ran over (those its prefilter passed).
    pub sentences: u64,
    /// Their bytes.
    pub bytes: u64,
    /// Matches the automaton found, and those the normalizer kept.
    pub matches: u64,
    pub kept: u64,
    pub seconds: f64,
}

impl RuleCost {
    fn add(&mut self, o: &RuleCost) {
        self.sentences += o.sentences;
        self.bytes += o.bytes;
        self.matches += o.matches;
        self.kept += o.kept;
        self.seconds += o.seconds;
    }
}

/// The costs of a run: per rule (by index into `RuleSet::rules`), and the shared
/// steps (the prefilter pass and masking words, per language pass).
#[derive(Debug, Clone, Default)]
pub struct Costs {
    pub rules: Vec<RuleCost>,
    pub prefilter_seconds: f64,
    pub sentences: u64,
    pub bytes: u64,
}

/// A gazetteer's forms as an Aho-Corasick automaton, and the characters they
/// start with: a walk begins only where one of them stands (most words start
/// with a lowercase letter no name starts with).
struct Automaton {
    nfa: contiguous::NFA,
    /// `first[c]` for characters below [`FIRST_TABLE`]; characters above walk.
    first: Vec<bool>,
}

/// Characters below this have an entry in [`Automaton::first`].
const FIRST_TABLE: usize = 0x530;

impl Automaton {
    fn may_start(&self, c: char) -> bool {
        self.first.get(c as usize).copied().unwrap_or(true)
    }
}

/// A document ready for the rules: its text, sentences (byte ranges), their
/// languages, and the byte-to-character index for the offsets.
pub struct Prepared<'a> {
    pub text: &'a str,
    /// The document's language (place names are given in it).
    pub lang: Lang,
    pub ranges: &'a [Range<usize>],
    pub langs: &'a [Lang],
    pub index: &'a CharIndex<'a>,
}

impl Prepared<'_> {
    /// The index of the sentence that byte `at` of the text falls in (or the
    /// last one's, past the end).
    fn sentence_at(&self, at: usize) -> usize {
        self.ranges.partition_point(|r| r.end <= at)
    }
}

/// The length in bytes of a Kazakh case ending joined by a hyphen at byte `at`
/// of `text` (ҚАӨ-нің, «Ниет»-ке): the hyphen and the lowercase letters after
/// it, or 0 when none stands there.
fn hyphen_case_ending(text: &str, at: usize) -> usize {
    let Some(rest) = text[at..].strip_prefix('-') else { return 0 };
    let n: usize = rest.chars().take_while(|c| c.is_lowercase()).map(char::len_utf8).sum();
    if n > 0 { 1 + n } else { 0 }
}

/// A match before overlap resolution (byte offsets).
struct Candidate {
    kind: EntityType,
    start: usize,
    end: usize,
    rule: usize,
    sentence: usize,
    value: Value,
}

/// A lake named with its generic word in the gazetteer (озеро Балхаш, Балқаш
/// көлі: the bare name is a town's too) is the name alone, as the gold has it 32
/// times to 3 (на озере Балхаш, Балқаш көлінде: Балхаш, Балқаш); the key stays
/// the lake's. `s..e` is the lake's match in `text`.
fn bare_lake(text: &str, s: usize, e: usize, value: Value) -> (usize, usize, Value) {
    let Value::Place { key, .. } = &value else { return (s, e, value) };
    let span = &text[s..e];
    let first_space = span.find(char::is_whitespace);
    let last_space = span.rfind(char::is_whitespace);
    let (ns, ne) = match (first_space, last_space) {
        // озеро / озера / озере / озеру / озером Балхаш
        (Some(i), _) if span[..i].to_lowercase().starts_with("озер") => (s + i + 1, e),
        // Балқаш көлі / көлінде / көлінің ...
        (_, Some(j)) if span[j + 1..].starts_with("көл") => (s, s + j),
        _ => return (s, e, value),
    };
    let bare = text[ns..ne].trim();
    if bare.is_empty() || bare.contains(char::is_whitespace) {
        return (s, e, value);
    }
    (ns, ne, Value::Place { name: bare.to_string(), key: key.clone() })
}

/// Where a count ends whose counted noun the normalizer turned down as a verb
/// of the sentence's language (почти 900 нуждаются, 1 100 бөлінді): at its
/// number, multiplier or approximation word, whichever ends last before the
/// verb. `None` when the match took no verb, or the span starts after it (`start`).
fn elliptic_end(
    caps: &Captures,
    hay: &str,
    start: usize,
    lang: Lang,
    lex: &crate::rules::Lexicon,
) -> Option<usize> {
    // the counted noun, or the word after the number that the rule took for it
    let object = normalize::group_span(caps, "object").or_else(|| normalize::group_span(caps, "word"))?;
    let word = &hay[object.range()];
    let verb = match lang {
        Lang::Kk => normalize::count::kk_verb_form(word) || lex.lookup("verb", word).is_some(),
        _ => normalize::count::ru_verb_form(word),
    };
    if !verb {
        return None;
    }
    ["num", "num2", "mult", "mult2", "mult_low", "unit", "approx", "approx_end"]
        .iter()
        .filter_map(|g| normalize::group_span(caps, g))
        .map(|g| g.end)
        .filter(|&end| end <= object.start && end > start)
        .max()
}

/// Whether the span `start..end` of `text` is a whole item of a breadcrumb
/// other than its first (Басты бет › Баспасөз орталығы › Жаңалықтар; Главная /
/// Пресс-центр / Новости): a section of the site, not the organization the
/// page names. The first item, the site's own name, stays one (Shymkent.kz ›
/// Общество), and so does a name inside a headline that closes the trail.
fn menu_item(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = &text[line_start..line_end];
    // › and > mark a trail wherever they stand; a slash only in a line of two or
    // more (one slash parts a bilingual masthead, Акимат / Әкімдігі, or a photo's
    // author from the site, Фото Асхата Жумабаева / Lada.kz)
    let separators: &[&str] =
        if line.matches(" / ").count() >= 2 { &["›", ">", "/"] } else { &["›", ">"] };
    let before = text[line_start..start].trim_end_matches([' ', '\u{a0}']);
    let after = text[end..line_end].trim_start_matches([' ', '\u{a0}']);
    separators.iter().any(|s| before.ends_with(s))
        && (after.is_empty() || separators.iter().any(|s| after.starts_with(s)))
}

/// Whether the span `start..end` of `text` names a payment service used as one
/// (`[payment_service]`: Kaspi, Halyk): an account, card or phone number
/// after it, past Gold, QR, a colon or a dash (Kaspi Gold: 4400 ..., Kaspi +7 777
/// ...), or an app or e-government service in the words around it (Kaspi
/// қосымшасы, в приложении Kaspi.kz, пользоваться Kaspi и eGov).
fn payment_detail(lex: &crate::rules::Lexicon, text: &str, start: usize, end: usize) -> bool {
    if lex.lookup("payment_service", &text[start..end]).is_none() {
        return false;
    }
    let after =
        text[end..].trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–' | '💳'));
    let after = ["Gold", "QR", "Red", "аударымы"]
        .iter()
        .find_map(|w| after.strip_prefix(w))
        .unwrap_or(after)
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-' | '–'));
    if after.starts_with(|c: char| c == '+' || c.is_ascii_digit()) {
        return true;
    }
    let from = text[..start].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
    let to = text[end..].char_indices().nth(40).map_or(text.len(), |(i, _)| end + i);
    let around = text[from..to].to_lowercase();
    ["қосымша", "приложени", "egov", "homebank", "аударым", "перевод"].iter().any(|w| around.contains(w))
}

/// A count of money or a measure whose object the rule ran on into an
/// organization's name (6 млн 120 мың теңге облыстық балалар ауруханасының:
/// the money goes to the hospital, it does not count it) ends before the name,
/// with no object, instead of giving way to the name whole. `org_start` is where
/// the name begins; only an object that starts there is cut.
fn cut_object_at(text: &str, count: &mut Candidate, org_start: usize) {
    let Value::Count { unit: Some(_), object, .. } = &mut count.value else { return };
    let Some(obj) = object.as_deref() else { return };
    let Some(obj_start) = text[..count.end].strip_suffix(obj).map(str::len) else { return };
    if obj_start <= count.start || org_start < obj_start || !text[obj_start..org_start].trim().is_empty() {
        return;
    }
    count.end = count.start + text[count.start..obj_start].trim_end().len();
    *object = None;
}

/// The length in bytes of the spaces (plain or no-break) at byte `at` of `text`:
/// the gap between an organization and what its name may take in after it.
fn spaces_at(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len()
}

/// An organization of a Russian sentence found by its descriptor words alone
/// and followed right away by a quoted name no other organization holds takes
/// the quote into its span, and the quote is its name (Актюбинский областной
/// реабилитационный центр «Бақыт»: Бақыт; Семейского центра оказания
/// специальных социальных услуг «Шуақ»: Шуақ), as the descriptor rules do
/// for shorter descriptors. `cands` are resolved, by start.
fn attach_quoted_names(doc: &Prepared, lex: &crate::rules::Lexicon, cands: &mut Vec<Candidate>) {
    let text = doc.text;
    // Organizations found as the words inside the quotes alone (a known brand,
    // «KazAID», «Астана Опера»), taken into the descriptor's span: dropped at the end.
    let mut absorbed: Vec<usize> = Vec::new();
    for i in 0..cands.len() {
        let o = &cands[i];
        if o.kind != EntityType::Organization
            || doc.langs.get(o.sentence).copied() != Some(Lang::Ru)
            || text[o.start..o.end].contains(['«', '»', '"'])
        {
            continue;
        }
        let gap = spaces_at(text, o.end);
        let Some(quoted) = text[o.end + gap..].strip_prefix('«') else { continue };
        let Some(close) = quoted.find(['»', '«', '\n']) else { continue };
        let inner = &quoted[..close];
        let sentence_end = doc.ranges.get(o.sentence).map_or(text.len(), |r| r.end);
        let end = o.end + gap + '«'.len_utf8() + close + '»'.len_utf8();
        if !quoted[close..].starts_with('»')
            || inner.trim().is_empty()
            || inner.chars().count() > 60
            || end > sentence_end
        {
            continue;
        }
        let inner_start = o.end + gap + '«'.len_utf8();
        let inner_end = end - '»'.len_utf8();
        // (a name found with its quotes is a name of its own: Газета школы-гимназии
        // № 8 «Мектеп тынысы» is the school's paper)
        let same_name = |c: &Candidate| c.start == inner_start && c.end == inner_end;
        let overlapping =
            |c: &Candidate| c.kind == EntityType::Organization && c.start < end && c.end > o.end;
        let held = cands.iter().any(|c| overlapping(c) && !same_name(c));
        let whole: Vec<usize> = cands
            .iter()
            .enumerate()
            .filter(|(_, c)| overlapping(c) && same_name(c))
            .map(|(j, _)| j)
            .collect();
        // a campaign's or project's name after a name that ran into its word
        // (центре крови прошла акция «Студенческий донор»)
        let last = text[o.start..o.end].split_whitespace().next_back().unwrap_or("");
        if held || lex.lookup_prefix("project_word", last).is_some() {
            continue;
        }
        absorbed.extend(whole);
        let o = &mut cands[i];
        if let Value::Organization { name, .. } = &mut o.value {
            *name = inner.trim().to_string();
        }
        o.end = end;
    }
    if !absorbed.is_empty() {
        let mut i = 0;
        cands.retain(|_| {
            i += 1;
            !absorbed.contains(&(i - 1))
        });
    }
}

/// The end of a count whose abbreviated multiplier's dot also ends the sentence
/// (собрали 48 млн. Деньги ...: the span is 48 млн, as the gold has it); before a
/// lowercase word or a comma the dot is the abbreviation's (48 млн. тенге), and
/// тыс. keeps its dot (121 тыс. В Туркестане: the gold's way).
fn without_sentence_dot(text: &str, end: usize) -> usize {
    let Some(head) = text[..end].strip_suffix('.') else { return end };
    let abbreviation = ["млн", "млрд", "трлн"].iter().any(|a| head.ends_with(a));
    let next = text[end..].trim_start().chars().next();
    if abbreviation && next.is_none_or(char::is_uppercase) { end - 1 } else { end }
}

/// Whether a count's counted words (after its number, multiplier and unit, up
/// to `end`) run into a place's name: a capitalized form of the places
/// gazetteer (one word or two) in a case (1,5 тоннасын Кентаудағы мүгедектігі
/// бар) or before a generic place word of `[place_head]` (30 мың доллары Батыс
/// Қазақстан облысына). A place in the nominative before a noun is the noun's
/// attribute (594 Қазақстан азаматы), and a capitalized counted noun stays
/// (14 Жастар ресурстық орталықтарында).
fn counted_runs_into_place(caps: &Captures, hay: &str, end: usize, set: &RuleSet) -> bool {
    let Some(places) = set.gazetteers.get("places") else { return false };
    let Some(from) = ["num", "num2", "mult", "unit", "approx_mid"]
        .iter()
        .filter_map(|g| normalize::group_span(caps, g))
        .map(|g| g.end)
        .filter(|&e| e <= end)
        .max()
    else {
        return false;
    };
    // Most counts have no capital after their number: nothing to split then.
    if !hay[from..end].contains(|c: char| c.is_uppercase() && is_cyrillic(c)) {
        return false;
    }
    // the counted words and the word after them
    let after = hay[end..].split(|c: char| !(c.is_alphabetic() || c == '-')).find(|w| !w.is_empty());
    let words: Vec<&str> = hay[from..end]
        .split(|c: char| !(c.is_alphabetic() || c == '-'))
        .filter(|w| !w.is_empty())
        .chain(after)
        .collect();
    let counted = words.len() - usize::from(after.is_some());
    (0..counted).any(|i| {
        let w = words[i];
        let mut cs = w.chars();
        if !matches!((cs.next(), cs.next()), (Some(a), Some(b))
            if a.is_uppercase() && b.is_lowercase() && is_cyrillic(a))
        {
            return false;
        }
        let two = words.get(i + 1).map(|n| format!("{w} {n}"));
        let (form, next) = match two {
            Some(t) if places.has_form(&t, Lang::Und) => (t, words.get(i + 2)),
            _ if places.has_form(w, Lang::Und) => (w.to_string(), words.get(i + 1)),
            _ => return false,
        };
        let in_a_case = places.lookup(&form, Lang::Und).is_some_and(|(_, name)| name != form);
        in_a_case || next.is_some_and(|n| set.lexicon.lookup_prefix("place_head", n).is_some())
    })
}

/// Whether the words before a bracket start with an abbreviation's capitals in
/// order (Катонқарағай мемлекеттік ұлттық табиғи паркі: КМҰТП; Южно-Казахстанской
/// медицинской академии: ЮКМА): its last capital within the last two words,
/// at most three words skipped (legal forms, function words), and the first
/// word it starts capitalized or quoted, as a name is.
fn abbreviates(abbr: &str, before: &str) -> bool {
    let letters: Vec<char> = abbr.chars().filter(|c| c.is_uppercase()).collect();
    let words: Vec<&str> = before.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect();
    // (word, its part's initial), hyphenated parts each give one
    let initials: Vec<(usize, char)> = words
        .iter()
        .enumerate()
        .rev()
        .take(letters.len() + 3)
        .flat_map(|(i, w)| {
            let parts: Vec<char> = w
                .split('-')
                .filter_map(|p| p.trim_start_matches(|c: char| !c.is_alphanumeric()).chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            parts.into_iter().rev().map(move |c| (i, c))
        })
        .collect();
    let mut want = letters.iter().rev().peekable();
    let (mut skips, mut first_word) = (0, None);
    for (k, &(i, c)) in initials.iter().enumerate() {
        match want.peek() {
            None => break,
            Some(&&l) if l == c => {
                want.next();
                first_word = Some(i);
            }
            Some(_) if k < 2 && first_word.is_none() => skips += 1,
            Some(_) if first_word.is_none() => return false,
            Some(_) => skips += 1,
        }
        if skips > 3 {
            return false;
        }
    }
    want.peek().is_none()
        && first_word.is_some_and(|i| {
            words[i].trim_start_matches(['«', '"', '“', '„']).starts_with(char::is_uppercase)
        })
}

/// Whether one of the words an abbreviation may stand for (as many as it has
/// letters, before its bracket) is a project's or campaign's (`[project_word]`:
/// Государственной программы развития образования (ГПРО) names no body).
fn names_a_project(lex: &crate::rules::Lexicon, before: &str, abbr: &str) -> bool {
    let n = abbr.chars().filter(|c| c.is_uppercase()).count() + 1;
    before.split_whitespace().rev().take(n).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        lex.lookup_prefix("project_word", w).is_some()
    })
}

/// A letter, digit or underscore. Latin and Cyrillic are looked up in a table
/// (Unicode's own look-up is slow, and this runs for every character).
fn is_word(c: char) -> bool {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    const SIZE: u32 = 0x530;
    let table = TABLE.get_or_init(|| {
        (0..SIZE).map(|u| char::from_u32(u).is_some_and(|c| c.is_alphanumeric() || c == '_')).collect()
    });
    match table.get(c as usize) {
        Some(&w) => w,
        None => c.is_alphanumeric(),
    }
}

/// Does a match at `start..end` of `text` begin and end at word edges?
fn at_word_edges(text: &str, start: usize, end: usize) -> bool {
    if start == end {
        return false;
    }
    let before = text[..start].chars().next_back();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let after = text[end..].chars().next();
    let open = !(before.is_some_and(is_word) && first.is_some_and(is_word));
    let close = !(last.is_some_and(is_word) && after.is_some_and(is_word));
    open && close
}

/// Is the name at `start..end` a street's (ул. Айтеке би, улица Абая, Абай
/// көшесі, Достық даңғылы)? The words are `[street_before]` and
/// `[street_after]` in the lexicon.
fn names_a_street(lex: &crate::rules::Lexicon, text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].split_whitespace().rev();
    let after = text[end..].split_whitespace().next();
    let street = |w: &str| lex.lookup("street_before", w.trim_start_matches(|c: char| !c.is_alphabetic()));
    // (a title may stand between: ул. Академика Сатпаева)
    let (w1, w2) = (before.next(), before.next());
    // (not after a lowercase adjective: по центральной улице Уральска is the
    // city's main street)
    let described = w2.is_some_and(|w| {
        w.starts_with(|c: char| c.is_lowercase())
            && ["ой", "ей", "ую", "юю", "ая", "яя"].iter().any(|e| w.ends_with(e))
    });
    (w1.is_some_and(|w| street(w) == Some("yes")) && !described)
        || (w1.is_some_and(|w| street(w) == Some("title")) && w2.is_some_and(|w| street(w) == Some("yes")))
        || after.is_some_and(|w| lex.lookup_prefix("street_after", w).is_some())
}

/// Is byte `at` of `text` on a page's line of tags (`Теги: волонтеры, Алматы`)?
/// Looks back a few hundred bytes at most (a tag line is short; a document
/// may be one line of megabytes).
fn in_tag_line(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(400);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..at];
    let line = match window.rfind('\n') {
        Some(nl) => &window[nl + 1..],
        None if from == 0 => window,
        None => return false,
    };
    let head: String = line.trim_start().chars().take(8).flat_map(char::to_lowercase).collect();
    ["теги:", "тэги:", "тегтер:", "тег:", "tags:", "метки:"].iter().any(|t| head.starts_with(t))
}

/// Does the place `start..end` of `text`, a country, name a currency's country
/// (АҚШ долларын, долларов США)? The place is the unit's, not the text's.
fn names_a_currency(text: &str, start: usize, end: usize) -> bool {
    let next: String = text[end..].trim_start().chars().take(6).flat_map(char::to_lowercase).collect();
    let prev: Vec<char> =
        text[..start].trim_end().chars().rev().take_while(|c| c.is_alphabetic()).take(12).collect();
    let prev: String = prev.iter().rev().flat_map(|c| c.to_lowercase()).collect();
    // before a dollar: АҚШ долларын; after one only the United States
    // (долларов США): 1,6 млн АҚШ доллары Түркия ... клиникаларына pays Turkey
    next.starts_with("доллар") || (prev.starts_with("доллар") && matches!(&text[start..end], "США" | "АҚШ"))
}

/// Is the Latin place name `start..end` of `text` part of a web address or a
/// media or event name (Qostanay.tv, Oral-news.kz, Astana TV, Astana
/// Marathon)? The words after a place that make it a site's or an event's
/// name are the lexicon's `[media_word]` and `[event_word]`, in any case (SEMEY
/// TODAY, Jaiyq Ýni, Turkistan Half Marathon). GUIDELINES leave such places out;
/// a Latin city inside an organization's name (Aqtobe Runners) stays.
fn latin_in_a_media_name(lex: &crate::rules::Lexicon, text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].is_ascii() {
        return false;
    }
    let after = &text[end..];
    let mut chars = after.chars();
    let joined = matches!(chars.next(), Some('.' | '-' | '_'))
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let next: String = after.trim_start().chars().take_while(|c| c.is_alphanumeric()).collect();
    // a mall is a venue (ТРЦ «Mega Alma-Ata»)
    let before = text[..start].trim_end();
    let mall =
        before.ends_with("Mega") && !before[..before.len() - 4].ends_with(|c: char| c.is_alphanumeric());
    // ... unless a company's word follows it (ТОО «Ulba Sport Service»)
    let rest = after.trim_start()[next.len()..].trim_start();
    let third: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
    let company = ["Service", "Services", "Group", "Club", "Company", "Center", "Centre", "Invest", "Trade"];
    // the last word of a site's name on its masthead line, before its bar or
    // dot (Aq Jol Taraz | 2024 жылғы 10 қазан)
    let line = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let masthead = !line.trim().is_empty()
        && line.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
        && after.trim_start_matches([' ', '\t']).starts_with(['|', '·']);
    joined
        || mall
        || masthead
        || text[..start].ends_with(['@', '.', '/'])
        || ((lex.lookup("media_word", &next).is_some() || lex.lookup("event_word", &next).is_some())
            && !company.contains(&third.as_str()))
        // (a media word after one more Latin word: Atyrau Business Online)
        || (next.starts_with(|c: char| c.is_ascii_uppercase())
            && next.is_ascii()
            && lex.lookup("media_word", &third).is_some())
}

/// Is `start..end` the instrumental in -ском / -цком of a city in -ск (`lemma`)
/// after a preposition that takes the prepositional case (в Новосибирском НИИ,
/// в Петропавловском доме ребенка)? Then it is the city's adjective, no place:
/// the city itself would stand in the prepositional (в Новосибирске); a village
/// in -ское stands so (в Самарском).
fn adjective_after_preposition(text: &str, start: usize, end: usize, lemma: &str) -> bool {
    let name = &text[start..end];
    if !lemma.ends_with("ск") || !(name.ends_with("ском") || name.ends_with("цком")) {
        return false;
    }
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    if before.len() == start {
        return false;
    }
    let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    matches!(word.to_lowercase().as_str(), "в" | "во" | "на" | "о" | "об" | "при")
}

/// Is `start..end` a word in capitals right after a number (a headline's
/// ПОЛУЧИЛИ 1 380 СЕМЕЙ: families, not the city Семей)? A place is not
/// counted so.
fn capitals_after_a_number(text: &str, start: usize, end: usize) -> bool {
    let word = &text[start..end];
    word.chars().any(char::is_alphabetic)
        && !word.chars().any(char::is_lowercase)
        && text[..start].ends_with([' ', '\u{a0}'])
        && text[..start]
            .trim_end()
            .rsplit([' ', '\u{a0}', '\n'])
            .next()
            .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
}

/// The units of `[unit]` that are currencies.
const MONEY_UNITS: [&str; 3] = ["KZT", "USD", "RUB"];

/// An amount of money written without its currency after one written with it
/// (собрали 940 млн тенге, в этом году – уже более 1,2 млрд; 214 млн тенге, из
/// них 80 млн) is in that currency: a count with a scale word (млн, тысяч, мың)
/// and nothing counted, whose nearest count before it on its line (or on the
/// list's line before, ended by ; or a comma) is money with a unit, takes that
/// unit and is money. So do the amounts of a list whose
/// last item has the currency (150 мың, 100 мың және 50 мың теңгеден; 1 млн,
/// 700 тысяч и 500 тысяч тенге): items joined by commas, және, мен, и, or.
/// `cands` are resolved, by start.
fn same_currency(text: &str, cands: &mut [Candidate]) {
    const SCALES: [&str; 7] = ["млн", "млрд", "миллион", "миллиард", "тыс", "мың", "трлн"];
    let scaled = |c: &Candidate| {
        text[c.start..c.end]
            .to_lowercase()
            .split_whitespace()
            .any(|w| SCALES.iter().any(|s| w.starts_with(s)))
    };
    let money = |c: &Candidate| matches!(&c.value, Value::Count { unit: Some(u), .. } if MONEY_UNITS.contains(&u.as_str()));
    let gap = |a: &Candidate, b: &Candidate| text.get(a.end..b.start).unwrap_or("\n");
    // Consecutive counts, by start.
    let counts: Vec<usize> = (0..cands.len()).filter(|&i| cands[i].kind == EntityType::Count).collect();
    // Backwards along a list: the currency of its last item.
    for w in counts.windows(2).rev() {
        let (a, b) = (&cands[w[0]], &cands[w[1]]);
        let joined = matches!(gap(a, b).trim(), "," | "және" | "мен" | "и" | "или" | ", и" | ", және");
        if money(b) && scaled(a) && joined {
            lend_currency(cands, w[1], w[0]);
        }
    }
    // Forwards on a line, or down the lines of a list whose items end in ; or
    // a comma (Алматы – 3,48 млрд тенге;\nАстана – 2,91 млрд;): the currency
    // of the amount before.
    for w in counts.windows(2) {
        let (a, b) = (&cands[w[0]], &cands[w[1]]);
        let g = gap(a, b);
        let same_list = !g.contains('\n') || g.trim_start().starts_with([';', ',']);
        if money(a) && scaled(b) && same_list {
            lend_currency(cands, w[0], w[1]);
        }
    }
}

/// Count `to`, an amount with no unit and nothing counted, takes the unit of
/// count `from` and is money.
fn lend_currency(cands: &mut [Candidate], from: usize, to: usize) {
    let Value::Count { unit: Some(unit), .. } = &cands[from].value else { return };
    let unit = unit.clone();
    if let Value::Count { unit: u @ None, object: None, category, .. } = &mut cands[to].value {
        *u = Some(unit);
        *category = "money".to_string();
    }
}

/// Whether a place value is a country (its key an ISO 3166-1 alpha-2 code).
fn names_a_country(value: &Value) -> bool {
    matches!(value, Value::Place { key: Some(k), .. } if crate::gazetteer::country_key(k))
}

/// The end of the first word at or after `start` in `text` (past any non-word
/// characters before it), and at least one character after `start`.
fn after_first_word(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let mut chars = rest.char_indices().skip_while(|&(_, c)| !is_word(c)).skip_while(|&(_, c)| is_word(c));
    let end = chars.next().map_or(rest.len(), |(i, _)| i);
    start + end.max(rest.chars().next().map_or(1, char::len_utf8))
}

impl Engine {
    /// Compile the per-language pattern sets.
    pub fn new(mut set: RuleSet) -> Result<Engine, RuleError> {
        // Automata for gazetteer rules, shared between rules and languages, built
        // in parallel (they are most of the engine's start-up).
        let mut keys: Vec<(String, Lang, usize)> = Vec::new();
        let mut automaton_of = vec![usize::MAX; set.rules.len()];
        for (i, r) in set.rules.iter().enumerate() {
            let Matcher::Gazetteer { name, lang, .. } = &r.matcher else { continue };
            let k = match keys.iter().position(|(n, l, _)| n == name && l == lang) {
                Some(k) => k,
                None => {
                    keys.push((name.clone(), *lang, i));
                    keys.len() - 1
                }
            };
            automaton_of[i] = k;
        }
        use rayon::prelude::*;
        let automata: Vec<Automaton> = keys
            .par_iter()
            .map(|(name, lang, first_rule)| {
                let forms = set.gazetteers[name].forms(*lang);
                let mut first = vec![false; FIRST_TABLE];
                for f in &forms {
                    if let Some(c) = f.chars().next().filter(|&c| (c as usize) < FIRST_TABLE) {
                        first[c as usize] = true;
                    }
                }
                let nfa = contiguous::Builder::new().match_kind(MatchKind::Standard).build(&forms).map_err(
                    |e| {
                        let r = &set.rules[*first_rule];
                        RuleError {
                            file: r.file.clone(),
                            line: r.line,
                            rule: Some(r.id.clone()),
                            message: format!("gazetteer @{name}: {e}"),
                        }
                    },
                )?;
                Ok(Automaton { nfa, first })
            })
            .collect::<Result<_, _>>()?;
        let build = |lang: Lang| -> Result<LangRules, RuleError> {
            let covered = || set.rules.iter().enumerate().filter(|(_, r)| r.lang.covers(lang));
            let gazetteer_rules: Vec<(usize, usize)> = covered()
                .filter(|&(i, _)| automaton_of[i] != usize::MAX)
                .map(|(i, _)| (i, automaton_of[i]))
                .collect();
            let rules: Vec<usize> = covered()
                .filter(|(_, r)| matches!(r.matcher, Matcher::Regex { .. }))
                .map(|(i, _)| i)
                .collect();
            let needs: Vec<Option<Vec<String>>> = rules
                .iter()
                .map(|&i| match &set.rules[i].matcher {
                    Matcher::Regex { required, .. } => required.clone(),
                    Matcher::Gazetteer { .. } => None,
                })
                .collect();
            let masked = rules
                .iter()
                .map(|&i| matches!(set.rules[i].matcher, Matcher::Regex { masked: true, .. }))
                .collect();
            Ok(LangRules { rules, masked, prefilter: Prefilter::new(&needs), gazetteer_rules })
        };
        let ru = build(Lang::Ru)?;
        let kk = build(Lang::Kk)?;
        let caches = set.rules.iter().map(|_| std::sync::Mutex::new(None)).collect();
        // The automata hold the gazetteers' forms now.
        for g in set.gazetteers.values_mut() {
            g.release_form_lists();
        }
        Ok(Engine { set, ru, kk, automata, costs: None, caches })
    }

    /// Record what each rule costs from now on (`derek extract --costs`); a
    /// little slower.
    pub fn record_costs(&mut self) {
        let rules = vec![RuleCost::default(); self.set.rules.len()];
        self.costs = Some(std::sync::Mutex::new(Costs { rules, ..Costs::default() }));
    }

    /// The costs recorded so far, if [`Engine::record_costs`] was called.
    pub fn costs(&self) -> Option<Costs> {
        self.costs.as_ref().map(|c| c.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }

    fn rules_for(&self, lang: Lang) -> &LangRules {
        if lang == Lang::Kk { &self.kk } else { &self.ru }
    }

    /// One regex rule over one sentence; `caps` is the rule's capture slots,
    /// made on its first match and kept for the next sentences, `cache` its
    /// search cache ([`Engine::caches`]). `masked` is the
    /// sentence with its token words masked ([`crate::token`]), which a rule
    /// using token macros searches instead (the groups are read from the sentence);
    /// `lower`, for a headline of capitals, the sentence in lower case, which a
    /// count or date rule searches instead (its `masked` is then of it too).
    #[allow(clippy::too_many_arguments)]
    fn match_regex(
        &self,
        rule_idx: usize,
        text: &str,
        range: &Range<usize>,
        (masked, lower): (Option<&str>, Option<&str>),
        si: usize,
        (lang, doc_lang): (Lang, Lang),
        caps: &mut Option<Captures>,
        cache: &mut regex_automata::meta::Cache,
        out: &mut Vec<Candidate>,
    ) -> u64 {
        let hay = &text[range.clone()];
        let rule: &Rule = &self.set.rules[rule_idx];
        let Matcher::Regex { regex, masked: uses_tokens, .. } = &rule.matcher else { return 0 };
        let mut matches = 0;
        let plain = lower.unwrap_or(hay);
        let search_hay = if *uses_tokens { masked.unwrap_or(plain) } else { plain };
        debug_assert_eq!(search_hay.len(), hay.len());
        let mut pos = 0;
        // A count whose counted noun is a verb (5 млн выделило ТОО) is searched
        // again from the same start, ending before the verb: (start, end). When
        // no shorter count starts there, the first match stands without its
        // object, ending before the verb (35 получили сертификаты: 35).
        let mut shorter: Option<(usize, usize)> = None;
        let mut verb_at: Option<usize> = None;
        while pos <= hay.len() {
            // The lazy DFA finds the match (forward to its end, backward to its
            // start); the meta regex then resolves the captures on it alone.
            let caps = caps.get_or_insert_with(|| regex.create_captures());
            let retry = shorter.take();
            let input = match retry {
                Some((start, end)) => {
                    Input::new(search_hay).span(start..end).anchored(regex_automata::Anchored::Yes)
                }
                None => Input::new(search_hay).span(pos..hay.len()),
            };
            regex.search_captures_with(cache, &input, caps);
            if retry.is_some() && caps.get_match().is_none() {
                // No shorter count: the first match again, its verb left out.
                verb_at = retry.map(|(_, end)| end);
                regex.search_captures_with(cache, &Input::new(search_hay).span(pos..hay.len()), caps);
            }
            let Some(m) = caps.get_match() else {
                break;
            };
            matches += 1;
            // A count whose "object" is a verb, an adverb or a preposition
            // (`[not_a_noun]`: 12 гектаров возле поселка), or a name after a
            // currency (4,9 млрд тенге ЦПГИ выделил: the giver, not what the
            // money is; in Kazakh any word after it, as a sum takes no object:
            // 250 мың теңгеден біржолғы көмек), is searched again ending before
            // it. So is one ending in a Kazakh verb of amount (300-ге жетті, 39
            // миллиард теңгені құрады: "reached", "came to"), which says no more
            // than the number, as an approximation's verb (50 мыңнан асады) does.
            let object_of_money = |object: &regex_automata::Span| {
                (lang == Lang::Kk || hay[object.range()].starts_with(char::is_uppercase))
                    && normalize::group_span(caps, "unit").is_some_and(|u| {
                        let unit = self.set.lexicon.lookup_prefix("unit", &hay[u.range()]);
                        u.end <= object.start && unit.is_some_and(|u| MONEY_UNITS.contains(&u))
                    })
            };
            let verb = |g: &regex_automata::Span| self.set.lexicon.lookup("verb", &hay[g.range()]).is_some();
            // A Kazakh counted noun read with words after it that are no part
            // of it (normalize::count::kk_object_end): the count ends before them.
            let kk_end = |o: &regex_automata::Span| {
                (lang == Lang::Kk)
                    .then(|| normalize::count::kk_object_end(&self.set.lexicon, &hay[o.range()]))
                    .flatten()
                    .map(|at| regex_automata::Span { start: o.start + at, end: o.end })
            };
            // A counted word on the line after the number is none (a table's row
            // ends at its line: 270\nдругие районы): the count is cut at the
            // line break, as an adjective of the word is on the next line too.
            // The break is read in the text: a masked sentence has none.
            let next_line = |m: &regex_automata::Span, o: &regex_automata::Span| {
                text[range.start + m.start..range.start + o.start]
                    .find('\n')
                    .map(|nl| regex_automata::Span { start: m.start + nl, end: o.end })
            };
            // A Kazakh multiplier with a possessive (оның 7 миллионын жергілікті
            // кәсіпкерлер жинады, 9 мыңы тұрғын үй кезегінде: "7 million of
            // it") is a part of a whole named before: the words after it are the
            // clause's, not a counted noun, and the count ends at the multiplier;
            // unless the noun is what the part makes up (оның 2 мыңын балалар
            // құрайды: children).
            let kk_part_of_whole = |caps: &Captures| {
                if lang != Lang::Kk {
                    return None;
                }
                let mult = normalize::group_span(caps, "mult")?;
                if !normalize::count::kk_possessive_multiplier(&hay[mult.range()]) {
                    return None;
                }
                let next = hay[mult.end..].find(|c: char| !c.is_whitespace()).map(|i| mult.end + i)?;
                let end = caps.get_match()?.end();
                let makes_up = hay[end..]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.to_lowercase().starts_with("құра"));
                (next < end && !makes_up).then_some(regex_automata::Span { start: next, end: next })
            };
            let cut_before = (rule.kind == EntityType::Count && retry.is_none())
                .then(|| {
                    normalize::group_span(caps, "object")
                        .and_then(|o| {
                            // (a Russian short participle after a unit: 96
                            // квадратных метров построены)
                            let participle = lang == Lang::Ru
                                && normalize::group_span(caps, "unit").is_some()
                                && normalize::count::ru_short_participle(&hay[o.range()]);
                            if let Some(cut) = next_line(&m.span(), &o) {
                                return Some(cut);
                            }
                            let whole = verb(&o)
                                || self.set.lexicon.lookup("not_a_noun", &hay[o.range()]).is_some()
                                || object_of_money(&o)
                                || participle;
                            if whole { Some(o) } else { kk_end(&o) }
                        })
                        // (a word of two taken after the number: 140-тан астам
                        // петропавлдық қатысқан, 12 құдық қаздырса)
                        .or_else(|| {
                            normalize::group_span(caps, "word")
                                .and_then(|w| next_line(&m.span(), &w).or_else(|| kk_end(&w)))
                        })
                        .or_else(|| normalize::group_span(caps, "approx_end").filter(verb))
                        .or_else(|| kk_part_of_whole(caps))
                })
                .flatten();
            // An organization that runs on into an adverbial по (Центре занятости
            // населения Атырауской области по адресу: ул. ...) is searched again
            // ending before по; one with its head alone before по (Управление по
            // итогам года) is left to the normalizer, which turns it down. So is
            // a Russian one that runs on into a plural of persons (центра
            // психического здоровья и волонтеры): it ends before them.
            let name_end = (rule.kind == EntityType::Organization && retry.is_none())
                .then(|| {
                    let span = normalize::group_span(caps, SPAN_GROUP).unwrap_or(m.span());
                    let raw = &hay[span.range()];
                    // (two words of the name at least before по)
                    normalize::organization::adverbial_end_at(&self.set.lexicon, raw, 2)
                        .or_else(|| match lang {
                            Lang::Ru => {
                                normalize::organization::coordinated_persons_at(&self.set.lexicon, raw)
                            }
                            _ => None,
                        })
                        .map(|at| span.start + at)
                })
                .flatten();
            if let Some(at) = name_end {
                shorter = Some((m.start(), at));
                continue;
            }
            if let Some(word) = cut_before {
                shorter = Some((m.start(), word.start));
                continue;
            }
            let dropped_verb = verb_at.take();
            let mut span = normalize::group_span(caps, SPAN_GROUP).unwrap_or(m.span());
            let untrimmed = span.start;
            if let Some(trim) = &rule.trim {
                // The span starts after the last leading word the rule trims:
                // the end of the match's group named cut… (an alternation may
                // name one per branch: cut, cut_sub), else of the match.
                let cut = trim
                    .captures_iter(&hay[span.range()])
                    .filter_map(|c| {
                        trim.capture_names()
                            .flatten()
                            .filter(|n| n.starts_with("cut"))
                            .find_map(|n| c.name(n))
                            .or_else(|| c.get(0))
                            .map(|g| g.end())
                    })
                    .filter(|&end| end < span.len())
                    .last();
                if let Some(end) = cut {
                    span.start += end;
                }
            }
            let (s, e) = (range.start + span.start, range.start + span.end);
            // A verified group that took no part in the match (the other side of
            // an alternation) has nothing to verify.
            let verified = rule.verify.iter().all(|v| {
                normalize::group_span(caps, &v.group).is_none_or(|g| {
                    self.set
                        .gazetteers
                        .get(&v.gazetteer)
                        .is_some_and(|gz| gz.has_form_or_district(&hay[g.range()], v.lang))
                })
            });
            let into_name =
                rule.kind == EntityType::Count && counted_runs_into_place(caps, hay, span.end, &self.set);
            if span.start == span.end
                || (rule.boundary && !at_word_edges(text, s, e))
                || !verified
                || into_name
            {
                // Try again one character further on.
                pos = m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            if !rule.admits(&text[s..e]) {
                pos = span.end;
                continue;
            }
            let ctx = Context {
                rule,
                groups: Groups::Regex { caps, hay, cut: (untrimmed, span.start) },
                lang,
                doc_lang,
                set: &self.set,
            };
            let Some(value) = normalize::value(&ctx) else {
                // The normalizer turned the match down. A count (a number that
                // is an age, a year, a time) may hide a shorter one starting
                // inside it, after its first word (one starting inside that word
                // would not begin at a word edge). Other types go on after the
                // match: what was turned down (a name opening with a sentence
                // word) is not a name without its first word either.
                pos = match (rule.kind, rule.boundary) {
                    (EntityType::Count, true) => after_first_word(hay, m.start()),
                    (EntityType::Count, false) => m.start() + 1,
                    _ => span.end.max(m.start() + 1),
                };
                while !hay.is_char_boundary(pos) {
                    pos += 1;
                }
                continue;
            };
            let (value, e) = match (value, dropped_verb) {
                // (an object before the number leaves nothing to cut: the span stands)
                (Value::Count { amount, approx, unit, category, .. }, Some(verb))
                    if hay[..verb].trim_end().len() > span.start =>
                {
                    let end = hay[..verb].trim_end().len();
                    (Value::Count { amount, approx, unit, object: None, category }, range.start + end)
                }
                (value, _) => (value, e),
            };
            // (a sum with its currency read from the context has no object
            // either: 38 млн жинады)
            let e = match &value {
                Value::Count { object: None, .. } => {
                    elliptic_end(caps, hay, span.start, lang, &self.set.lexicon)
                        .map_or(e, |x| range.start + x)
                }
                _ => e,
            };
            let e = if rule.kind == EntityType::Count { without_sentence_dot(text, e) } else { e };
            out.push(Candidate { kind: rule.kind, start: s, end: e, rule: rule_idx, sentence: si, value });
            // Go on after the entity, not after its context: the context that
            // follows it may hold the next one (a list sharing one word).
            pos = span.end;
        }
        matches
    }

    /// A gazetteer rule over one sentence: at each place, the longest form that
    /// starts and ends at word edges; matches do not overlap (leftmost first).
    ///
    /// The automaton is walked anchored from each place a form may start (every
    /// word start, when the rule keeps to word edges), which is several times
    /// faster than an unanchored overlapping search over every byte.
    #[allow(clippy::too_many_arguments)]
    fn match_gazetteer(
        &self,
        rule_idx: usize,
        automaton: &Automaton,
        text: &str,
        range: &Range<usize>,
        si: usize,
        (lang, doc_lang): (Lang, Lang),
        out: &mut Vec<Candidate>,
    ) {
        let rule = &self.set.rules[rule_idx];
        let Matcher::Gazetteer { name, lang: gz_lang, group } = &rule.matcher else { return };
        let gazetteer = self.set.gazetteers.get(name);
        let hay = &text[range.clone()];
        let bytes = hay.as_bytes();
        let nfa = &automaton.nfa;
        let Ok(start) = nfa.start_state(AcAnchored::Yes) else { return };
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut prev_is_word = text[..range.start].chars().next_back().is_some_and(is_word);
        for (p, c) in hay.char_indices() {
            let word = is_word(c);
            let opens = !(prev_is_word && word);
            prev_is_word = word;
            if (rule.boundary && !opens) || !automaton.may_start(c) {
                continue;
            }
            let mut sid = start;
            for (i, &b) in bytes[p..].iter().enumerate() {
                sid = nfa.next_state(AcAnchored::Yes, sid, b);
                if nfa.is_dead(sid) {
                    break;
                }
                if nfa.is_match(sid) {
                    let end = p + i + 1;
                    // A state also holds the forms that are suffixes of its
                    // path (they start later): keep those starting here.
                    for k in 0..nfa.match_len(sid) {
                        if nfa.pattern_len(nfa.match_pattern(sid, k)) == end - p {
                            let (s, e) = (range.start + p, range.start + end);
                            if !rule.boundary || at_word_edges(text, s, e) {
                                found.push((s, e));
                            }
                        }
                    }
                }
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut last_end = 0;
        for (s, e) in found {
            if s < last_end {
                continue;
            }
            let found = gazetteer.and_then(|g| g.lookup(&text[s..e], *gz_lang));
            let entry = found.map(|(entry, _)| entry);
            // A name that is also a person's (Сатпаев, Жансүгіров) reads as the person
            // beside an initial, a first name or a surname; not a form that ends
            // in a place's generic word (Исатайского района, Исатай ауданы).
            let generic = || {
                text[s..e]
                    .rsplit_once(char::is_whitespace)
                    .is_some_and(|(_, last)| self.set.lexicon.lookup_prefix("place_head", last).is_some())
            };
            if entry.is_some_and(|entry| entry.ambiguous)
                && !generic()
                && crate::gazetteer::reads_as_person(text, range.start, s, e)
            {
                continue;
            }
            // A street named after a city or a person (Қонаев көшесі, улица
            // Сейфуллина) is no place; one named like a known body (пр. Азаттык)
            // is no organization.
            let street = || names_a_street(&self.set.lexicon, text, s, e);
            let no_entity = match rule.kind {
                EntityType::Place => {
                    latin_in_a_media_name(&self.set.lexicon, text, s, e)
                        || street()
                        || capitals_after_a_number(text, s, e)
                        || found.is_some_and(|(_, lemma)| adjective_after_preposition(text, s, e, lemma))
                }
                EntityType::Organization => street(),
                _ => false,
            };
            if no_entity {
                continue;
            }
            if !rule.admits(&text[s..e]) {
                continue;
            }
            let groups = Groups::Whole { text: &text[s..e], group: group.as_deref() };
            let ctx = Context { rule, groups, lang, doc_lang, set: &self.set };
            // A country beside a dollar is the currency's (долларов США), a region
            // after one is not (30 мың доллары Батыс Қазақстан облысына).
            if let Some(value) = normalize::value(&ctx)
                && !(names_a_country(&value) && names_a_currency(text, s, e))
            {
                let lake = entry.is_some_and(|entry| entry.kind.as_deref() == Some("lake"));
                let (s, e, value) = if lake { bare_lake(text, s, e, value) } else { (s, e, value) };
                out.push(Candidate {
                    kind: rule.kind,
                    start: s,
                    end: e,
                    rule: rule_idx,
                    sentence: si,
                    value,
                });
                last_end = e;
            }
        }
    }

    /// Entities of a document in language `lang`, given its sentences (byte
    /// ranges) and their languages.
    pub fn extract(
        &self,
        text: &str,
        lang: Lang,
        ranges: &[Range<usize>],
        langs: &[Lang],
        index: &CharIndex,
    ) -> Vec<Entity> {
        let doc = Prepared { text, lang, ranges, langs, index };
        self.extract_many(std::slice::from_ref(&doc)).pop().unwrap_or_default()
    }

    /// Entities of several documents at once. Each rule runs over the sentences
    /// of all the documents before the next rule starts: a rule's lazy DFA stays
    /// in the processor's cache, which measured several times faster than running
    /// every rule over one sentence after another.
    pub fn extract_many(&self, docs: &[Prepared]) -> Vec<Vec<Entity>> {
        let mut cands: Vec<Vec<Candidate>> = docs.iter().map(|_| Vec::new()).collect();
        // This call's costs, added to the engine's at the end (one lock per chunk).
        let mut costs = self
            .costs
            .as_ref()
            .map(|_| Costs { rules: vec![RuleCost::default(); self.set.rules.len()], ..Costs::default() });
        // The parts of sentences that quote speech in the other language
        // (lang::quoted_speech) or say the same in both (lang::bilingual_halves):
        // (document, sentence, byte range, language).
        let mut quoted: Vec<(usize, usize, Range<usize>, Lang)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            for (si, r) in doc.ranges.iter().enumerate() {
                let l = doc.langs.get(si).copied().unwrap_or(Lang::Und);
                let sentence = &doc.text[r.clone()];
                let parts = crate::lang::quoted_speech(sentence)
                    .or_else(|| crate::lang::bilingual_halves(sentence))
                    .or_else(|| crate::lang::mixed_clauses(sentence));
                for (part, pl) in parts.into_iter().flatten() {
                    if pl != l {
                        quoted.push((d, si, r.start + part.start..r.start + part.end, pl));
                    }
                }
            }
        }
        for lang in [Lang::Ru, Lang::Kk] {
            // What this language's rules see: the sentences of its own and of no
            // language, whole, and the parts in it of the other language's sentences.
            // (document, sentence, the byte range the rules read)
            let mut sentences: Vec<(usize, usize, Range<usize>)> = Vec::new();
            for (d, doc) in docs.iter().enumerate() {
                for (si, r) in doc.ranges.iter().enumerate() {
                    let l = doc.langs.get(si).copied().unwrap_or(Lang::Und);
                    if l == lang || l == Lang::Und {
                        sentences.push((d, si, r.clone()));
                    }
                }
            }
            sentences.extend(
                quoted.iter().filter(|q| q.3 == lang).map(|(d, si, part, _)| (*d, *si, part.clone())),
            );
            if sentences.is_empty() {
                continue;
            }
            let lr = self.rules_for(lang);
            let timing = costs.is_some();
            let clock = || timing.then(std::time::Instant::now);
            let bytes_of = |list: &mut dyn Iterator<Item = usize>| -> u64 {
                list.map(|k| sentences[k].2.len() as u64).sum()
            };
            if let Some(c) = costs.as_mut() {
                c.sentences += sentences.len() as u64;
                c.bytes += bytes_of(&mut (0..sentences.len()));
            }
            for &(rule_idx, k) in &lr.gazetteer_rules {
                let start = clock();
                let before: usize = cands.iter().map(Vec::len).sum();
                for (d, si, span) in &sentences {
                    let (d, si) = (*d, *si);
                    let doc = &docs[d];
                    let automaton = &self.automata[k];
                    let langs = (lang, doc.lang);
                    self.match_gazetteer(rule_idx, automaton, doc.text, span, si, langs, &mut cands[d]);
                }
                if let (Some(c), Some(t)) = (costs.as_mut(), start) {
                    // A gazetteer match is kept unless its normalizer turns it down.
                    let kept = (cands.iter().map(Vec::len).sum::<usize>() - before) as u64;
                    c.rules[rule_idx].add(&RuleCost {
                        sentences: sentences.len() as u64,
                        bytes: bytes_of(&mut (0..sentences.len())),
                        matches: kept,
                        kept,
                        seconds: t.elapsed().as_secs_f64(),
                    });
                }
            }
            let start = clock();
            // The sentences each rule can match, by its required words (positions
            // in `sentences`), and the masked text of those a rule with tokens sees.
            let mut passing: Vec<Vec<usize>> = vec![Vec::new(); lr.rules.len()];
            let mut masked: Vec<Option<String>> = vec![None; sentences.len()];
            // A headline of capitals (2 МЫҢ ҚАРАҒАЙ КӨШЕТІ ОТЫРҒЫЗЫЛДЫ, РЕФЕРЕНДУМ
            // - 6 ОКТЯБРЯ): the count and date rules, written for running text,
            // search it in lower case, and its masked text is of that.
            let mut lower: Vec<Option<String>> = vec![None; sentences.len()];
            let mut masked_lower: Vec<Option<String>> = vec![None; sentences.len()];
            let (mut folded, mut pass) = (String::new(), Vec::new());
            for (k, (d, _, span)) in sentences.iter().enumerate() {
                let sentence = &docs[*d].text[span.clone()];
                folded.clear();
                prefilter::fold_into(sentence, &mut folded);
                lr.prefilter.scan(&folded, &mut pass);
                let mut needs_mask = false;
                for (r, _) in pass.iter().enumerate().filter(|(_, p)| **p) {
                    passing[r].push(k);
                    needs_mask |= lr.masked[r];
                }
                lower[k] = capitals_lowered(sentence);
                if needs_mask {
                    masked[k] = self.set.tokens.mask(sentence);
                    masked_lower[k] = lower[k].as_deref().and_then(|l| self.set.tokens.mask(l));
                }
            }
            if let (Some(c), Some(t)) = (costs.as_mut(), start) {
                c.prefilter_seconds += t.elapsed().as_secs_f64();
            }
            // Each rule runs holding its cache: a rule another thread holds is
            // taken up after the others (candidates are resolved in an order of
            // their own, so the order rules run in does not change the output).
            let mut todo: Vec<usize> = (0..lr.rules.len()).filter(|&r| !passing[r].is_empty()).collect();
            let mut waited = false;
            while !todo.is_empty() {
                let mut busy = Vec::new();
                for r in todo {
                    let (rule_idx, positions) = (lr.rules[r], &passing[r]);
                    let slot = &self.caches[rule_idx];
                    let mut guard = match slot.try_lock() {
                        Ok(g) => g,
                        Err(std::sync::TryLockError::Poisoned(e)) => e.into_inner(),
                        Err(std::sync::TryLockError::WouldBlock) if !waited => {
                            busy.push(r);
                            continue;
                        }
                        Err(std::sync::TryLockError::WouldBlock) => {
                            slot.lock().unwrap_or_else(|e| e.into_inner())
                        }
                    };
                    let Matcher::Regex { regex, .. } = &self.set.rules[rule_idx].matcher else { continue };
                    let cache = guard.get_or_insert_with(|| regex.create_cache());
                    let mut caps = None;
                    let start = clock();
                    let mut matches = 0;
                    let before: usize = cands.iter().map(Vec::len).sum();
                    let lowered =
                        matches!(self.set.rules[rule_idx].kind, EntityType::Count | EntityType::Date);
                    for &k in positions {
                        let (d, si, ref span) = sentences[k];
                        let doc = &docs[d];
                        let hays = match lower[k].as_deref() {
                            Some(l) if lowered => (masked_lower[k].as_deref(), Some(l)),
                            _ => (masked[k].as_deref(), None),
                        };
                        let langs = (lang, doc.lang);
                        let out = &mut cands[d];
                        matches += self
                            .match_regex(rule_idx, doc.text, span, hays, si, langs, &mut caps, cache, out);
                    }
                    drop(guard);
                    if let (Some(c), Some(t)) = (costs.as_mut(), start) {
                        c.rules[rule_idx].add(&RuleCost {
                            sentences: positions.len() as u64,
                            bytes: bytes_of(&mut positions.iter().copied()),
                            matches,
                            kept: (cands.iter().map(Vec::len).sum::<usize>() - before) as u64,
                            seconds: t.elapsed().as_secs_f64(),
                        });
                    }
                }
                // The rules that were busy: now waited for, one by one.
                todo = busy;
                waited = true;
            }
        }
        if let (Some(total), Some(mine)) = (&self.costs, costs) {
            let mut total = total.lock().unwrap_or_else(|e| e.into_inner());
            for (t, m) in total.rules.iter_mut().zip(&mine.rules) {
                t.add(m);
            }
            total.prefilter_seconds += mine.prefilter_seconds;
            total.sentences += mine.sentences;
            total.bytes += mine.bytes;
        }
        cands
            .into_iter()
            .zip(docs)
            .map(|(c, doc)| {
                // Words of a hashtag (#Алматы) are the tag's, not the text's
                // (GUIDELINES). Those of a page's tag line (Теги: донорство,
                // Алматы) are the text's: the sets annotate 51 of 69 such names.
                let c = c
                    .into_iter()
                    .filter(|c| !doc.text[..c.start].ends_with('#'))
                    .filter(|c| {
                        c.kind != EntityType::Organization
                            || !(menu_item(doc.text, c.start, c.end)
                                || payment_detail(&self.set.lexicon, doc.text, c.start, c.end))
                    })
                    .collect();
                let c = self.abbreviations(doc, c);
                let c = self.recurrences(doc, c);
                let c = self.quoted_recurrences(doc, c);
                let mut c = self.resolve(doc.text, c);
                attach_quoted_names(doc, &self.set.lexicon, &mut c);
                self.attach_places(doc, &mut c);
                self.refer_back(doc.text, &mut c);
                same_currency(doc.text, &mut c);
                c.into_iter()
                    .map(|c| Entity {
                        kind: c.kind,
                        start: doc.index.char_at(c.start),
                        end: doc.index.char_at(c.end),
                        text: doc.text[c.start..c.end].to_string(),
                        sentence: c.sentence,
                        rule: self.set.rules[c.rule].id.clone(),
                        value: c.value,
                    })
                    .collect()
            })
            .collect()
    }

    /// Abbreviations defined in brackets, found by `defines` rules (Катонқарағай
    /// мемлекеттік ұлттық табиғи паркі (КМҰТП), «Қазатомөнеркәсіп» ҰАК АҚ (ҚАӨ)):
    /// a definition stands where another rule's organization ends right before
    /// its bracket or where the words before it start with its letters
    /// ([`abbreviates`]), and not where it is a place (ВКО); the document's other
    /// mentions of it (ҚАӨ-нің) are organizations of the same rule.
    fn abbreviations(&self, doc: &Prepared, mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let rules = &self.set.rules;
        if !cands.iter().any(|c| rules[c.rule].defines) {
            return cands;
        }
        let text = doc.text;
        let org_ends: std::collections::HashSet<usize> = cands
            .iter()
            .filter(|c| c.kind == EntityType::Organization && !rules[c.rule].defines)
            .map(|c| c.end)
            .collect();
        let places: std::collections::HashSet<(usize, usize)> =
            cands.iter().filter(|c| c.kind == EntityType::Place).map(|c| (c.start, c.end)).collect();
        let mut defined: Vec<(&str, usize)> = Vec::new();
        cands.retain(|c| {
            if !rules[c.rule].defines {
                return true;
            }
            let abbr = &text[c.start..c.end];
            let before = text[..c.start].trim_end_matches('(').trim_end();
            // defined before its bracket (ЮКМА (Южно-Казахстанской медицинской
            // академии)) or in a bracket after the name or the words
            let explained = text[c.end..]
                .trim_start()
                .strip_prefix('(')
                .and_then(|rest| rest.split_once(')'))
                .map(|(inside, _)| inside.trim());
            let (words, after_a_name) = match explained {
                Some(words) => (words, false),
                None => (before, org_ends.contains(&before.len())),
            };
            let ok = !places.contains(&(c.start, c.end))
                && abbr.chars().filter(|ch| ch.is_uppercase()).count() >= 2
                && (after_a_name
                    || (abbreviates(abbr, words) && !names_a_project(&self.set.lexicon, words, abbr)));
            if ok {
                defined.push((abbr, c.rule));
            }
            ok
        });
        // in an order of their own (candidates come in the order rules ran, which
        // threads may change): an abbreviation two `defines` rules found (SEC in
        // brackets: org.abbreviation and org.latin_name_in_brackets) is the first's
        defined.sort();
        defined.dedup_by(|b, a| a.0 == b.0);
        let mut mentions = Vec::new();
        for (abbr, rule) in defined {
            for (s, _) in text.match_indices(abbr) {
                if text[..s].chars().next_back().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                // a Kazakh case ending after a hyphen belongs to the mention (ҚАӨ-нің)
                let e = s + abbr.len() + hyphen_case_ending(text, s + abbr.len());
                if text[e..].chars().next().is_some_and(char::is_alphanumeric)
                    || places.contains(&(s, e))
                    || text[..s].ends_with('(')
                {
                    continue;
                }
                let sentence = doc.sentence_at(s);
                let value = Value::Organization { name: abbr.to_string(), form: None };
                mentions.push(Candidate {
                    kind: EntityType::Organization,
                    start: s,
                    end: e,
                    rule,
                    sentence,
                    value,
                });
            }
        }
        cands.extend(mentions);
        cands
    }

    /// Organizations named by a quoted name (фонд «Ниет», «Арлан Іздеу» ҚБ)
    /// named again elsewhere in the document by the quoted name alone («Ниет»
    /// помог, «Ниет»-ке): the same organization, with the same value and rule.
    /// A mention is the name in the same quotes, at word edges (a Kazakh case
    /// ending after a hyphen joins it), where no other organization, date or
    /// count stands; places inside it stay (places inside organization names are
    /// annotated). Not in a hashtag or a tag line. A name found by two rules
    /// recurs as the first's (by rule order: the output does not depend on the
    /// order rules ran in).
    fn quoted_recurrences(&self, doc: &Prepared, mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let text = doc.text;
        let mut names: Vec<(String, usize, Value)> = Vec::new();
        for c in &cands {
            // (a `not` rule's span is a claim, not an organization)
            if c.kind != EntityType::Organization || self.set.rules[c.rule].constants.contains_key("not") {
                continue;
            }
            if let Value::Organization { name, .. } = &c.value
                && text[c.start..c.end].contains(&format!("«{name}»"))
            {
                names.push((name.clone(), c.rule, c.value.clone()));
            }
        }
        names.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        names.dedup_by(|b, a| a.0 == b.0);
        let mut found: Vec<Candidate> = Vec::new();
        for (name, rule, value) in &names {
            let quoted = format!("«{name}»");
            for (s, _) in text.match_indices(quoted.as_str()) {
                let mut e = s + quoted.len();
                // a Kazakh case ending after a hyphen («Ниет»-ке), of six letters at most
                let ending = hyphen_case_ending(text, e);
                if ending <= 1 + 12 {
                    e += ending;
                }
                let overlaps = |c: &Candidate| c.start < e && s < c.end;
                if !at_word_edges(text, s, e)
                    || text[..s].ends_with('#')
                    || in_tag_line(text, s)
                    || cands.iter().any(|c| overlaps(c) && c.kind != EntityType::Place)
                    || found.iter().any(overlaps)
                {
                    continue;
                }
                let sentence = doc.sentence_at(s);
                found.push(Candidate {
                    kind: EntityType::Organization,
                    start: s,
                    end: e,
                    rule: *rule,
                    sentence,
                    value: value.clone(),
                });
            }
        }
        cands.extend(found);
        cands
    }

    /// The places of `recurs` rules named again elsewhere in the document by
    /// their name alone, in any case form of their rule's language: a village
    /// introduced by its cue word (у поселка Поперечное, жителей сел Коктал и
    /// Шобанколь) is the same village where it recurs bare (приезжает в
    /// Поперечное, в Коктале, a heading «Коктал»). A mention must start with a
    /// capital, stand at word edges and overlap no other candidate; names of
    /// fewer than four letters, and the gazetteer's places, are not looked for.
    fn recurrences(&self, doc: &Prepared, mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let rules = &self.set.rules;
        // a gazetteer's place is found wherever it is by the gazetteer rules,
        // which know where it is no place (a media name, a dateline)
        let listed =
            |name: &str| self.set.gazetteers.get("places").is_some_and(|g| g.has_form(name, Lang::Und));
        let mut names: Vec<(String, usize, Value)> = Vec::new();
        for c in &cands {
            let rule = &rules[c.rule];
            if !rule.recurs || c.kind != EntityType::Place {
                continue;
            }
            // a shorter reading inside a longer place is no name (поселка Зеленый
            // Бор: Зеленый alone would recur inside ОО «Зеленый патруль»)
            let inside_longer = |o: &Candidate| {
                o.kind == EntityType::Place
                    && o.start <= c.start
                    && c.end <= o.end
                    && o.end - o.start > c.end - c.start
            };
            if cands.iter().any(inside_longer) {
                continue;
            }
            if let Value::Place { name, .. } = &c.value
                && name.chars().count() >= 4
                && !listed(name)
            {
                names.push((name.clone(), c.rule, c.value.clone()));
            }
        }
        // in an order of their own (candidates come in the order rules ran, which
        // threads may change): a name found by two rules recurs as the first's
        names.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        names.dedup_by(|b, a| a.0 == b.0);
        if names.is_empty() {
            return cands;
        }
        let text = doc.text;
        let mut found: Vec<Candidate> = Vec::new();
        for (name, rule, value) in &names {
            let forms = match rules[*rule].lang {
                crate::rules::LangSel::Kk => crate::inflect::kk_forms(name),
                _ => crate::inflect::ru_forms(name),
            };
            for form in forms.iter().filter(|f| f.starts_with(char::is_uppercase)) {
                for (s, _) in text.match_indices(form.as_str()) {
                    let e = s + form.len();
                    let overlaps = |c: &Candidate| c.start < e && s < c.end;
                    // a place nests inside an organization's name (Катонқарағай
                    // мемлекеттік ұлттық табиғи паркі), as the place rules' do
                    let inside = |c: &Candidate| c.start <= s && e <= c.end;
                    if !at_word_edges(text, s, e)
                        || text[..s].ends_with('#')
                        || in_tag_line(text, s)
                        || names_a_street(&self.set.lexicon, text, s, e)
                        || cands
                            .iter()
                            .any(|c| overlaps(c) && (c.kind != EntityType::Organization || !inside(c)))
                        || found.iter().any(|c| overlaps(c) && c.end - c.start >= e - s)
                    {
                        continue;
                    }
                    // a longer form at the same place replaces a shorter one
                    found.retain(|c| !overlaps(c));
                    let sentence = doc.sentence_at(s);
                    found.push(Candidate {
                        kind: EntityType::Place,
                        start: s,
                        end: e,
                        rule: *rule,
                        sentence,
                        value: value.clone(),
                    });
                }
            }
        }
        cands.extend(found);
        cands
    }

    /// An organization written right before a place, in the same sentence with
    /// spaces alone between them, names the place it serves (Общество Красного
    /// Креста Монголии, Медицинского университета Семей, РПП Мангистауской
    /// области): the place joins its span and name and stays a place of its own.
    /// Not when the place is in the dative, instrumental or prepositional case,
    /// when the name ends in a quote, when a name in Latin letters meets a place
    /// in Cyrillic other than a country (LIDER.KZ Алматы: a brand is no body of a
    /// city; UNICEF Kazakhstan, Beeline Казахстан are one name), or when another
    /// organization holds the place; in the languages `[attach]` in common lists,
    /// and in the others only a Latin name before a country in the nominative
    /// (Beeline Қазақстан, Beeline Казахстан); not after a name with a Kazakh case ending
    /// (ДАБ-тың Орталық Азия). `cands` are resolved, by start.
    fn attach_places(&self, doc: &Prepared, cands: &mut [Candidate]) {
        let langs = &self.set.place_after_organization;
        let text = doc.text;
        for i in 0..cands.len() {
            let o = &cands[i];
            if o.kind != EntityType::Organization || text[..o.end].ends_with(crate::alphabet::CLOSING_QUOTES)
            {
                continue;
            }
            let last_word = text[o.start..o.end].rsplit(char::is_whitespace).next().unwrap_or("");
            // A name that carries a Kazakh case ending after a hyphen (ДАБ-тың,
            // Kızılay-дың) is complete: the place after it is the sentence's
            // (ДАБ-тың Орталық Азия бойынша директоры).
            if last_word
                .rsplit_once('-')
                .is_some_and(|(_, s)| !s.is_empty() && s.chars().all(|c| c.is_lowercase() && is_cyrillic(c)))
            {
                continue;
            }
            // The name's last word in Latin letters (UNICEF, LIDER.KZ; not №2).
            let latin_name = last_word.ends_with(|c: char| c.is_ascii_alphanumeric())
                && last_word.contains(|c: char| c.is_ascii_alphabetic())
                && !last_word.contains(is_cyrillic);
            // In the other languages only a brand's national arm: a Latin name
            // and a country in the nominative (Beeline Қазақстан).
            let any_place = langs.contains(&doc.langs.get(o.sentence).copied().unwrap_or(Lang::Und));
            if !any_place && !latin_name {
                continue;
            }
            let gap = spaces_at(text, o.end);
            if gap == 0 {
                continue;
            }
            let at = o.end + gap;
            // A country named as its value says, or by the nominative of its
            // name in the other language (Beeline Казахстан in a Kazakh
            // sentence: the brand's Russian name).
            let nominative = |name: &str, t: &str| {
                name == t
                    || self.set.gazetteers.get("places").is_some_and(|g| {
                        [Lang::Ru, Lang::Kk]
                            .into_iter()
                            .any(|l| g.lookup(t, l).is_some_and(|(_, lemma)| lemma == t))
                    })
            };
            let place = cands[i + 1..].iter().take_while(|p| p.start <= at).find(|p| {
                p.kind == EntityType::Place
                    && p.start == at
                    && p.sentence == o.sentence
                    // a brand takes a place in its own script, or a country
                    // (UNICEF Kazakhstan, Beeline Казахстан; not LIDER.KZ Алматы)
                    && (!latin_name || text[p.start..p.end].is_ascii() || names_a_country(&p.value))
                    && matches!(&p.value, Value::Place { name, .. }
                        if crate::normalize::place::may_be_genitive(name, &text[p.start..p.end])
                            && (any_place || (names_a_country(&p.value) && nominative(name, &text[p.start..p.end]))))
            });
            let Some(place) = place else { continue };
            let (end, place_text) = (place.end, &text[place.start..place.end]);
            let held = cands.iter().any(|c| {
                c.kind == EntityType::Organization && c.start != o.start && c.start < end && c.end > at
            });
            if held {
                continue;
            }
            let o = &mut cands[i];
            if let Value::Organization { name, .. } = &mut o.value {
                name.push(' ');
                name.push_str(place_text);
            }
            o.end = end;
        }
    }

    /// Elliptic counts that point back (из них 900, олардың 600-і) count what the
    /// count before them counted (normalize::count::points_back); `cands` are
    /// resolved, by start.
    fn refer_back(&self, text: &str, cands: &mut [Candidate]) {
        use crate::normalize::count::{
            anaphor_before, antecedent_category, elderly_named_after, heading_category, heading_unit,
            known_category, partitive_points_back, points_back, subject_category, table_heading,
        };
        let lex = &self.set.lexicon;
        let mut last: Option<usize> = None;
        // The last count that said what it counts: a table's entries (Петропавл –
        // 1 930, Қызылжар ауданы – 270) count what the count before the table did,
        // unless the table's heading line names it.
        let mut last_known: Option<usize> = None;
        // The last weight or volume that named its material (620 тонна қоқыс):
        // the same unit's bare amounts after it (Әуезов ауданы – 540 тонна) weigh
        // the same material.
        let mut last_material: Option<usize> = None;
        for i in 0..cands.len() {
            let c = &cands[i];
            if let Value::Count { unit: Some(u), object, .. } = &c.value
                && lex.lookup("unit_category", u) == Some("aid")
            {
                if object.is_some() {
                    last_material = Some(i);
                } else if let Some(cat) = last_material.and_then(|m| same_material(text, &cands[m], c))
                    && let Value::Count { category, .. } = &mut cands[i].value
                {
                    *category = cat;
                }
            }
            let c = &cands[i];
            // An adjective counted alone (48 отрядов: 31 строительный, девять
            // сервисных) counts what the count before it in its sentence did,
            // when it says nothing itself (пожилых, полицейских have categories
            // of their own).
            if let Value::Count { object: Some(o), unit: None, category, .. } = &c.value
                && category == "other"
                && normalize::count::substantive_adjective(o)
                && let Some(a) = last.filter(|&a| cands[a].sentence == c.sentence)
                && let Some(cat) = text
                    .get(cands[a].end..c.start)
                    .filter(|b| b.chars().count() <= 160 && !b.contains(['.', '!', '?', ';']))
                    .and(known_category(&cands[a].value))
                    .filter(|k| *k != "other" && *k != "money")
                    .map(str::to_string)
                && let Value::Count { category, .. } = &mut cands[i].value
            {
                *category = cat;
            }
            let c = &cands[i];
            // A part of volunteers that a dash says are people of some kind
            // (1 300 ерікті, олардың 450-і – студенттері; or of a body: ...
            // университетінің студенттері, read as organizations) is volunteers still.
            if let Value::Count { object: None, unit: None, category, .. } = &c.value
                && (category == "people" || category == "organizations")
                && let Some(a) = last
                && anaphor_before(lex, &text[..c.start])
                && text.get(cands[a].end..c.start).and_then(|b| antecedent_category(b, Some(&cands[a].value)))
                    == Some("volunteers")
                && let Value::Count { category, .. } = &mut cands[i].value
            {
                *category = "volunteers".to_string();
            }
            let c = &cands[i];
            let Value::Count { object: None, unit: None, category: cat, .. } = &c.value else {
                if c.kind == EntityType::Count {
                    last = Some(i);
                    last_known = Some(i);
                }
                continue;
            };
            // a row of a table, or a figure in brackets after what it is of
            // (Түркияда (210), Ресейде (180))
            let before = text[..c.start].trim_end();
            let bracket = before.ends_with('(');
            let table_row = bracket || before.ends_with(['–', '—']);
            // (or a figure a dash and a preposition follow, inside a sentence: 18
            // от НКО и 9 – от госорганов, 310 – в Сатпаеве и 180 – в Каражале;
            // no table's heading is its, and a bare figure so is no sum)
            let inline = !table_row && normalize::count::dash_preposition_after(&text[c.end..]);
            let row = table_row || inline;
            let entry = (cat == "other" || bracket) && row;
            // A table's heading names what its rows count (Число волонтеров по районам:).
            let heading_line = if table_row { table_heading(lex, &text[..c.start]) } else { None };
            let heading = heading_line.and_then(|h| heading_category(lex, h));
            // A heading's unit is its rows' (Площадь посадок по районам, га:
            // Таласский район — 520): the unit's category, unless the heading
            // names one.
            let rows_unit = heading_line.and_then(|h| heading_unit(lex, h));
            let heading = heading
                .or_else(|| rows_unit.and_then(|u| lex.lookup("unit_category", u)).map(str::to_string));
            // figures in brackets after places count whom their sentence names
            // first (Больше всего семей получили помощь в Калбатау (96))
            // (unless a figure of the same list said what it counts: Жаңаөзенде
            // (3 900 отбасы), Ақтауда (2 700))
            let same_list = || {
                last_known.is_some_and(|a| {
                    text.get(cands[a].end..c.start)
                        .is_some_and(|b| b.chars().count() <= 40 && !b.contains(['.', '\n']))
                })
            };
            let heading = heading.or_else(|| {
                (bracket && !same_list()).then(|| subject_category(lex, &text[..c.start])).flatten()
            });
            let found = if heading.is_some() {
                heading
            } else if entry {
                last_known.and_then(|a| {
                    let between = text.get(cands[a].end..c.start)?;
                    (between.chars().count() <= normalize::count::REFER_BACK_CHARS)
                        .then(|| known_category(&cands[a].value))
                        .flatten()
                        // a bare figure in brackets is no sum (Алматыда (47)
                        // after 186 млн теңге: cases)
                        .filter(|k| !((bracket || inline) && *k == "money"))
                        .map(str::to_string)
                })
            } else {
                last.and_then(|a| {
                    let ante = &cands[a];
                    let between = text.get(ante.end..c.start)?;
                    let after = &text[c.end..];
                    points_back(lex, &text[..c.start], after)
                        .then(|| antecedent_category(between, Some(&ante.value)))
                        .flatten()
                        .filter(|k| *k != "other" || !partitive_points_back(lex, after))
                        // people whom the words after name old (из них 42 старше 90 лет)
                        .map(|k| if k == "people" && elderly_named_after(after) { "elderly" } else { k })
                        .map(str::to_string)
                })
            };
            if let Some(cat) = found
                && let Value::Count { category, .. } = &mut cands[i].value
            {
                *category = cat;
            }
            if let Some(u) = rows_unit
                && let Value::Count { unit, .. } = &mut cands[i].value
            {
                *unit = Some(u.to_string());
            }
            if !entry {
                last_known = Some(i);
            }
            last = Some(i);
        }
    }

    /// Keep, of the candidates of each type, the longest (then the rule of
    /// highest priority) where they overlap; drop `not` rules' matches and the
    /// types that yield to others ([`RuleSet::yields_to`]) where they overlap
    /// them, except a count in the words after an organization's quoted name
    /// (`«Жарық» екі еріктілер клубы`: the descriptor, where numbers count).
    fn resolve(&self, text: &str, mut cands: Vec<Candidate>) -> Vec<Candidate> {
        let rules = &self.set.rules;
        cands.sort_by(|a, b| {
            (a.kind)
                .cmp(&b.kind)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(rules[b.rule].priority.cmp(&rules[a.rule].priority))
                .then(rules[a.rule].order.cmp(&rules[b.rule].order))
                .then(a.start.cmp(&b.start))
        });
        // Kept spans of each type, disjoint, by start: an overlap check is one look-up
        // of the last span starting before the candidate's end (no quadratic scan on
        // documents with hundreds of thousands of matches).
        let mut spans: [BTreeMap<usize, usize>; 4] = Default::default();
        let overlapping = |spans: &BTreeMap<usize, usize>, start: usize, end: usize| {
            spans.range(..end).next_back().filter(|&(_, &e)| e > start).map(|(&s, &e)| s..e)
        };
        let overlaps = |spans: &BTreeMap<usize, usize>, start: usize, end: usize| {
            overlapping(spans, start, end).is_some()
        };
        let mut kept: Vec<Candidate> = Vec::new();
        for c in cands {
            let own = &mut spans[c.kind as usize];
            if !overlaps(own, c.start, c.end) {
                own.insert(c.start, c.end);
                kept.push(c);
            }
        }
        for c in kept.iter_mut().filter(|c| c.kind == EntityType::Count) {
            if let Some(org) = overlapping(&spans[EntityType::Organization as usize], c.start, c.end) {
                cut_object_at(text, c, org.start);
            }
        }
        // Types that give way to others where they overlap; matches of rules that
        // say `not = true` (no entity, only a span claimed within their type).
        let mut out: Vec<Candidate> = kept
            .into_iter()
            .filter(|c| !rules[c.rule].constants.contains_key("not"))
            .filter(|c| {
                !self.set.yields_to.get(&c.kind).is_some_and(|over| {
                    over.iter().any(|k| {
                        overlapping(&spans[*k as usize], c.start, c.end).is_some_and(|o| {
                            !(c.kind == EntityType::Count
                                && *k == EntityType::Organization
                                && (number_before_name(&o, c) || count_after_quoted_name(text, o, c.start)))
                        })
                    })
                })
            })
            .collect();
        out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.kind.cmp(&b.kind)));
        out
    }

    /// Run the rules over a text whose every sentence is in `lang` (rule examples).
    pub fn extract_text(&self, text: &str, lang: Lang) -> Vec<Entity> {
        let ranges = segment::split(text);
        let langs = vec![lang; ranges.len()];
        self.extract(text, lang, &ranges, &langs, &CharIndex::new(text))
    }

    /// Check one example; `Err` describes the mismatch.
    pub fn check_example(&self, ex: &Example) -> Result<(), String> {
        let found: Vec<Entity> =
            self.extract_text(&ex.text, ex.lang).into_iter().filter(|e| ex.types.contains(&e.kind)).collect();
        let as_json = |e: &Entity| {
            let mut v = serde_json::to_value(&e.value).expect("values serialize");
            if let Some(o) = v.as_object_mut() {
                o.retain(|k, x| !x.is_null() && k != "key" && k != "relative");
            }
            v
        };
        let mut expected_json: Vec<serde_json::Value> = ex
            .expect
            .iter()
            .map(|x| {
                let mut v = x.value.clone();
                if let Some(o) = v.as_object_mut() {
                    o.retain(|k, _| k != "key" && k != "relative");
                }
                v
            })
            .collect();
        let mut unmatched_found: Vec<&Entity> = found.iter().collect();
        let mut missing = Vec::new();
        let mut fired_by_rule = ex.rule.is_none() || ex.expect.is_empty();
        // A `not = true` rule yields no entity: it fires when its pattern matches
        // (and the expected list shows that nothing inside its span was found).
        if let Some(idx) = ex.rule.as_deref().and_then(|id| self.set.rules.iter().position(|r| r.id == id))
            && self.set.rules[idx].constants.contains_key("not")
        {
            fired_by_rule = match &self.set.rules[idx].matcher {
                Matcher::Regex { regex, .. } => regex.is_match(ex.text.as_str()),
                Matcher::Gazetteer { .. } => {
                    let automaton = self.rules_for(ex.lang).gazetteer_rules.iter().find(|&&(i, _)| i == idx);
                    let mut out = Vec::new();
                    if let Some(&(_, k)) = automaton {
                        let whole = 0..ex.text.len();
                        self.match_gazetteer(
                            idx,
                            &self.automata[k],
                            &ex.text,
                            &whole,
                            0,
                            (ex.lang, ex.lang),
                            &mut out,
                        );
                    }
                    !out.is_empty()
                }
            };
        }
        for (x, xv) in ex.expect.iter().zip(expected_json.iter_mut()) {
            let hit = unmatched_found
                .iter()
                .position(|e| e.kind == x.kind && e.text == x.text && as_json(e) == *xv);
            match hit {
                Some(i) => {
                    if ex.rule.as_deref() == Some(unmatched_found[i].rule.as_str()) {
                        fired_by_rule = true;
                    }
                    unmatched_found.remove(i);
                }
                None => missing.push(format!("{} {:?} {}", x.kind, x.text, xv)),
            }
        }
        if missing.is_empty() && unmatched_found.is_empty() && fired_by_rule {
            return Ok(());
        }
        let mut msg = format!("example {:?}\n", ex.text);
        for m in &missing {
            msg.push_str(&format!("    expected  {m}\n"));
        }
        for e in &found {
            msg.push_str(&format!("    found     {} {:?} {}  [{}]\n", e.kind, e.text, as_json(e), e.rule));
        }
        if found.is_empty() {
            msg.push_str("    found     nothing\n");
        }
        if missing.is_empty() && unmatched_found.is_empty() && !fired_by_rule {
            msg.push_str("    (all found, but not by this rule: another rule wins the span)\n");
        }
        Err(msg)
    }
}

/// The costs of a run as a table, rules by time spent (`derek extract --costs`).
pub fn costs_table(set: &RuleSet, costs: &Costs) -> String {
    let total: f64 = costs.rules.iter().map(|r| r.seconds).sum::<f64>() + costs.prefilter_seconds;
    let share = |s: f64| if total > 0.0 { 100.0 * s / total } else { 0.0 };
    let mut rows: Vec<(usize, &RuleCost)> =
        costs.rules.iter().enumerate().filter(|(_, r)| r.sentences > 0).collect();
    rows.sort_by(|a, b| b.1.seconds.total_cmp(&a.1.seconds).then(a.0.cmp(&b.0)));
    let mut out = format!(
        "{:<44} {:>9} {:>8} {:>8} {:>8} {:>8} {:>7} {:>6}\n",
        "rule", "sentences", "MB", "matches", "kept", "seconds", "ns/B", "share"
    );
    let line = |name: &str, r: &RuleCost| {
        let ns = if r.bytes > 0 { r.seconds * 1e9 / r.bytes as f64 } else { 0.0 };
        format!(
            "{:<44} {:>9} {:>8.2} {:>8} {:>8} {:>8.3} {:>7.1} {:>5.1}%\n",
            name,
            r.sentences,
            r.bytes as f64 / 1e6,
            r.matches,
            r.kept,
            r.seconds,
            ns,
            share(r.seconds)
        )
    };
    for (i, r) in rows {
        out.push_str(&line(&set.rules[i].id, r));
    }
    let shared = RuleCost {
        sentences: costs.sentences,
        bytes: costs.bytes,
        seconds: costs.prefilter_seconds,
        ..RuleCost::default()
    };
    out.push_str(&line("(prefilter and word tokens, every sentence)", &shared));
    out.push_str(&format!(
        "rules in all: {total:.3} s over {:.2} MB of sentences\n",
        costs.bytes as f64 / 1e6
    ));
    out
}

/// The result of checking every example of a rule set.
pub struct CheckReport {
    pub examples: usize,
    pub failures: Vec<String>,
}

/// Run every example; also require each rule to carry a positive example and each
/// rule file a negative one.
pub fn check(engine: &Engine) -> CheckReport {
    let set = &engine.set;
    let mut failures = Vec::new();
    for ex in &set.examples {
        if let Err(m) = engine.check_example(ex) {
            let who = ex.rule.as_ref().map(|r| format!(": rule {r}")).unwrap_or_default();
            failures.push(format!("{}:{}{who}: {m}", ex.file, ex.line));
        }
    }
    for r in &set.rules {
        let positive =
            set.examples.iter().any(|e| e.rule.as_deref() == Some(r.id.as_str()) && !e.is_negative());
        if !positive {
            failures.push(format!("{}:{}: rule {}: has no positive example\n", r.file, r.line, r.id));
        }
    }
    let mut files: Vec<&str> = set.rules.iter().map(|r| r.file.as_str()).collect();
    files.dedup();
    for f in files {
        if !set.examples.iter().any(|e| e.file == f && e.is_negative()) {
            failures.push(format!("{f}: has no negative example (`expect = []`)\n"));
        }
    }
    CheckReport { examples: set.examples.len(), failures }
}

/// Whether a count starting at `at` lies after the closing quote of an
/// organization's span `org` that opens with its quoted name (`«Жарық» екі
/// еріктілер клубы`): in the descriptor, not in the name.
fn count_after_quoted_name(text: &str, org: Range<usize>, at: usize) -> bool {
    let start = org.start;
    text.get(org).is_some_and(|t| t.starts_with('«') && t.find('»').is_some_and(|q| start + q < at))
}

/// Whether a count's number stands before an organization's span that starts
/// inside the count's counted words (14 волонтерских штабов «Қамқор қыс»: the
/// descriptor found with its quoted name counts fourteen; a number inside a
/// name stays the name's).
fn number_before_name(org: &Range<usize>, count: &Candidate) -> bool {
    count.start < org.start && org.start < count.end
}

/// The category of the material that `named`, a weight or volume with its
/// material, gives `bare`, one of the same unit without: `aid` or `other`, when
/// `bare` follows within [`normalize::count::REFER_BACK_CHARS`].
fn same_material(text: &str, named: &Candidate, bare: &Candidate) -> Option<String> {
    let (Value::Count { unit: u1, category, .. }, Value::Count { unit: u2, .. }) =
        (&named.value, &bare.value)
    else {
        return None;
    };
    let near = text
        .get(named.end..bare.start)
        .is_some_and(|b| b.chars().count() <= normalize::count::REFER_BACK_CHARS);
    (u1 == u2 && near && (category == "aid" || category == "other")).then(|| category.clone())
}

/// A sentence written in capitals (eight letters or more, none in lower case),
/// in lower case, when lowering keeps every byte offset (Cyrillic, Kazakh and
/// Latin letters do); `None` for any other sentence.
fn capitals_lowered(sentence: &str) -> Option<String> {
    let mut letters = 0;
    for c in sentence.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return None;
        }
        letters += 1;
    }
    if letters < 8 {
        return None;
    }
    let lower = sentence.to_lowercase();
    (lower.len() == sentence.len()
        && lower.char_indices().zip(sentence.char_indices()).all(|((a, _), (b, _))| a == b))
    .then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::{
        after_first_word, capitals_lowered, count_after_quoted_name, menu_item, payment_detail,
        without_sentence_dot,
    };

    #[test]
    fn a_sentence_dot_after_an_abbreviated_multiplier_is_the_sentence_s() {
        let t = "Собрали 48 млн. Деньги передали. Еще 5 млн. тенге, 121 тыс. В конце 7 млн.";
        let end = |w: &str| t.find(w).unwrap() + w.len();
        assert_eq!(without_sentence_dot(t, end("48 млн.")), end("48 млн"));
        assert_eq!(without_sentence_dot(t, end("5 млн.")), end("5 млн."));
        assert_eq!(without_sentence_dot(t, end("121 тыс.")), end("121 тыс."));
        assert_eq!(without_sentence_dot(t, t.len()), t.len() - 1);
        assert_eq!(without_sentence_dot(t, end("48 млн")), end("48 млн"));
    }

    #[test]
    fn capitals_lowered_only_for_headlines_of_capitals() {
        assert_eq!(capitals_lowered("2 МЫҢ КӨШЕТ ОТЫРҒЫЗЫЛДЫ").as_deref(), Some("2 мың көшет отырғызылды"));
        assert_eq!(
            capitals_lowered("ВОЛОНТЕРЫ РАЗДАЛИ 500 НАБОРОВ").as_deref(),
            Some("волонтеры раздали 500 наборов")
        );
        // running text, a short acronym line, a letter whose lower case is longer
        assert_eq!(capitals_lowered("Волонтеры раздали 500 НАБОРОВ"), None);
        assert_eq!(capitals_lowered("ДЧС РК: 112"), None);
        assert_eq!(capitals_lowered("İSTANBUL ŞEHİR ÜNİVERSİTESİ"), None);
    }

    #[test]
    fn a_payment_service_with_an_account_after_it_is_the_platform() {
        let set = crate::rules::RuleSet::embedded().unwrap();
        let at = |text: &str, name: &str| {
            let s = text.find(name).unwrap();
            payment_detail(&set.lexicon, text, s, s + name.len())
        };
        assert!(at("Реквизиты: Kaspi Gold: 4400 4302 1187 5530", "Kaspi"));
        assert!(at("Көмектесу: Kaspi +7 777 015 22 41", "Kaspi"));
        assert!(at("Пенсионеры учатся пользоваться Kaspi и eGov", "Kaspi"));
        assert!(!at("Партнерами турнира выступили Kaspi.kz и Beeline.", "Kaspi.kz"));
        assert!(!at("Спасибо АО «Kaspi Bank» за помощь.", "Kaspi Bank"), "no payment word");
    }

    #[test]
    fn a_breadcrumb_item_after_the_first_is_a_menu_item() {
        let span = |text: &str, name: &str| {
            let s = text.find(name).unwrap();
            (s, s + name.len())
        };
        let text = "Басты бет › Баспасөз орталығы › Жаңалықтар\nГлавная / Пресс-центр / Новости\nShymkent.kz › Общество";
        let (s, e) = span(text, "Баспасөз орталығы");
        assert!(menu_item(text, s, e));
        let (s, e) = span(text, "Пресс-центр");
        assert!(menu_item(text, s, e));
        let (s, e) = span(text, "Shymkent.kz");
        assert!(!menu_item(text, s, e), "the site's own name opens the trail");
        // a name inside the headline that closes a trail is the text's
        let text = "Главная / Новости / Приют «Верный друг» просит помощи";
        let (s, e) = span(text, "Приют «Верный друг»");
        assert!(!menu_item(text, s, e));
        // one slash parts a bilingual masthead or a photo's credit
        let text = "Қарғалы ауданы әкімдігі / Акимат Каргалинского района\nФото Асхата Жумабаева / Lada.kz";
        let (s, e) = span(text, "Акимат Каргалинского района");
        assert!(!menu_item(text, s, e));
        let (s, e) = span(text, "Lada.kz");
        assert!(!menu_item(text, s, e));
    }

    #[test]
    fn a_count_after_a_quoted_name_is_in_the_descriptor() {
        let text = "«Жарық» екі клубы, ОО «Екі жүрек»";
        let two = text.find("екі").unwrap();
        assert!(count_after_quoted_name(text, 0..text.find(',').unwrap(), two));
        // inside the quotes, or in an organization that opens with no quote
        let inner = text.find("Екі").unwrap();
        let oo = text.find("ОО").unwrap();
        assert!(!count_after_quoted_name(text, oo..text.len(), inner));
        assert!(!count_after_quoted_name(text, inner - "«".len()..text.len(), inner));
    }

    #[test]
    fn a_turned_down_match_is_retried_after_its_first_word() {
        let t = "2023 жылы 5 адам";
        assert_eq!(&t[after_first_word(t, 0)..], " жылы 5 адам");
        // from inside a word: to its end
        assert_eq!(&t[after_first_word(t, 1)..], " жылы 5 адам");
        // from before a word: past the spaces and the word
        assert_eq!(&t[after_first_word(t, 4)..], " 5 адам");
        // at the end of the text
        assert_eq!(after_first_word(t, t.len() - "м".len()), t.len());
        // a match starting on punctuation followed by nothing else
        assert_eq!(after_first_word("«", 0), "«".len());
    }
}
