//! Language identification: Russian, Kazakh, or undetermined.
//!
//! # Method
//!
//! One pass over the characters of the text splits it into words and folds every
//! Cyrillic letter (upper or lower case) to a small alphabet index (33 Russian
//! letters, the 9 Kazakh-only letters ә ғ қ ң ө ұ ү һ і, and a class for letters of
//! other Cyrillic languages). A Latin `i` inside a Cyrillic word is read as the
//! Kazakh `і`, which older Kazakh web text uses in its place. No allocation happens
//! per word: each word is a rolling 64-bit key of its last ten letters plus a few
//! flags.
//!
//! Every Cyrillic word adds log-odds evidence (positive = Kazakh, negative =
//! Russian), capped per word so that one word cannot decide a long text:
//!
//! * a word containing a Kazakh-only letter is strong Kazakh evidence; a word
//!   without one is weak Russian evidence (about 60% of Kazakh words carry such a
//!   letter, Russian words practically never);
//! * frequent function words of either language, looked up whole
//!   ([`FUNCTION_WORDS`]);
//! * otherwise the longest matching word ending from a hand-written table of
//!   inflectional suffixes ([`SUFFIXES`]): Kazakh -лар/-лер, -ды/-ылды/-йды, -дан,
//!   -ында, -атын, -мыз ...; Russian -ого/-ому, -ых/-ими, -ться, -ость, -ция ...;
//! * spelling facts: Russian never writes `жы`/`шы` and hardly ever `йы`, `уы`,
//!   `иы` or a word-initial `ы` (all common in Kazakh); Kazakh native words keep `о`
//!   in the first syllable, obey vowel harmony and do not use ё ъ ь щ ц ч ф.
//!
//! A Russian sentence that quotes a Kazakh name therefore stays Russian, and the
//! other way round, because the remaining words outweigh the name; when a short
//! sentence's only Kazakh letters stand in short quoted names (Открыто 14 штабов
//! «Қамқор қыс».), the sentence, or a one-sentence document, is judged without
//! them (`outside_quoted_names`). All tables are
//! written by hand from grammar knowledge; nothing is learnt from evaluation data.
//!
//! Whether the text is Russian/Kazakh at all is decided by script first: when at
//! least 60% of the letters are Cyrillic it is (so whatlang does not run on ordinary
//! text), and also at 35% with a few Cyrillic words (Russian text naming Latin-script
//! brands). Only texts with less Cyrillic ask `whatlang` (which has no Kazakh)
//! whether the text is Cyrillic-script; Latin text (English, Latin-script Kazakh
//! ...) is `Und`, as is text without letters. The score is the logistic of the
//! log-odds for the chosen language. Letters that only other Cyrillic
//! languages use (ї є ґ ў ј ...) make the text `Und`, and a text whose only Kazakh
//! letter is `і` is checked against Ukrainian with `whatlang`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// A language derek knows, or `Und` when the text is too short or something else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ru,
    Kk,
    Und,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Und => "und",
        }
    }
}

/// A decision with its confidence in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Guess {
    pub lang: Lang,
    pub score: f32,
}

/// Identify the language of a whole text (a document or a sentence).
pub fn detect(text: &str) -> Guess {
    decide(text, &evidence(text), Lang::Und)
}

/// Identify the language of a sentence inside a document whose language is `doc`:
/// short or ambiguous sentences lean towards the document's language.
pub fn detect_sentence(text: &str, doc: Lang) -> Guess {
    decide(text, &evidence(text), doc)
}

/// Cyrillic letters a part of a sentence needs before it is given a language of
/// its own ([`quoted_speech`], [`bilingual_halves`]).
const PART_LETTERS: u32 = 20;

/// Cyrillic letters each half of a bilingual line needs at least: a body's two
/// names side by side are short (Шу ауданы әкімдігі | Акимат Шуского района),
/// and the separator already says the line has two parts.
const HALF_LETTERS: u32 = 12;

/// Whether UTF-8 text holds a Kazakh letter other than і, looked for byte by
/// byte: their lead bytes D2 and D3 are those of Cyrillic's extensions, which
/// Russian text does not use.
fn has_kk_letter(bytes: &[u8]) -> bool {
    bytes.iter().any(|&b| b == 0xD2 || b == 0xD3)
}

/// A guess sure enough to split a sentence by: a language, scored 0.9 or more.
fn sure(g: &Guess) -> bool {
    g.lang != Lang::Und && g.score >= 0.9
}

/// The parts of a sentence that quotes speech in the other language (a Kazakh
/// sentence around «Мы передали 200 комплектов ...»), each with its language:
/// the quotes (without their marks) and the text around them, in order. `None`
/// when the sentence speaks one language. Only quotes of at least five words and
/// twenty Cyrillic letters count, so a quoted name («Жасыл ел», «Ұлттық
/// волонтерлік желі») never splits a sentence. Speech may cross the sentence's
/// edges: a closing mark with no opening one before it ends a quote that began
/// in an earlier sentence, and an opening mark never closed runs to the end.
pub fn quoted_speech(sentence: &str) -> Option<Vec<(std::ops::Range<usize>, Lang)>> {
    const WORDS: usize = 5;
    // Both languages at length: quotes, and a Kazakh letter; most sentences
    // have neither.
    if !has_kk_letter(sentence.as_bytes()) || !sentence.contains(['«', '»', '“', '”', '„', '"']) {
        return None;
    }
    let mut quotes: Vec<std::ops::Range<usize>> = Vec::new();
    // (start of the quoted text, its closing mark, nesting depth of «»)
    let mut open: Option<(usize, char, u32)> = None;
    let mut opened = false;
    for (i, c) in sentence.char_indices() {
        match open {
            None => {
                let close = match c {
                    '«' => '»',
                    '“' => '”',
                    '„' => '“',
                    '"' => '"',
                    // A closing mark before any opening one: speech that began in
                    // an earlier sentence ends here («Біз ... өткіземіз. Өткен жылы
                    // ... көрсеттік», – рассказала председатель профсоюза).
                    '»' | '”' if !opened && i > 0 => {
                        quotes.push(0..i);
                        opened = true;
                        continue;
                    }
                    _ => continue,
                };
                opened = true;
                open = Some((i + c.len_utf8(), close, 0));
            }
            Some((start, close, depth)) => {
                if close == '»' && c == '«' {
                    open = Some((start, close, depth + 1));
                } else if c == close && depth > 0 {
                    open = Some((start, close, depth - 1));
                } else if c == close {
                    quotes.push(start..i);
                    open = None;
                }
            }
        }
    }
    // A quote still open at the end goes on into the next sentence.
    if let Some((start, _, _)) = open {
        quotes.push(start..sentence.len());
    }
    // The long quotes and their evidence, read once.
    let mut inside = Evidence::default();
    quotes.retain(|r| {
        let t = &sentence[r.clone()];
        if t.split_whitespace().nth(WORDS - 1).is_none() {
            return false;
        }
        let ev = gather(t);
        let long = ev.cyrillic >= PART_LETTERS;
        if long {
            inside.add(&ev);
        }
        long
    });
    let first = quotes.first()?;
    let g_in = decide_parts(&sentence[first.clone()], &inside);
    if !sure(&g_in) {
        return None;
    }
    let mut outside = Evidence::default();
    let mut at = 0;
    for q in &quotes {
        outside.add(&gather(&sentence[at..q.start]));
        at = q.end;
    }
    outside.add(&gather(&sentence[at..]));
    let g_out = decide_parts(sentence, &outside);
    if !sure(&g_out) || g_in.lang == g_out.lang || outside.cyrillic < PART_LETTERS {
        return None;
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for q in quotes {
        if q.start > at {
            parts.push((at..q.start, g_out.lang));
        }
        at = q.end;
        parts.push((q, g_in.lang));
    }
    if at < sentence.len() {
        parts.push((at..sentence.len(), g_out.lang));
    }
    Some(parts)
}

/// The two halves of a line that says the same in both languages, split by a
/// slash or a bar (a bilingual headline: «Наурыз қарсаңында 300-ден астам
/// отбасыға көмек берілді / Более 300 семей получили помощь»), each with its
/// language; `None` unless both halves are long and surely of different
/// languages. The separator goes with the second half.
pub fn bilingual_halves(sentence: &str) -> Option<Vec<(std::ops::Range<usize>, Lang)>> {
    let at = [" / ", " | "].iter().filter_map(|sep| sentence.find(sep)).min()?;
    let (left, right) = (&sentence[..at], &sentence[at..]);
    let (el, er) = (gather(left), gather(right));
    if el.cyrillic < HALF_LETTERS || er.cyrillic < HALF_LETTERS {
        return None;
    }
    let (gl, gr) = (decide_parts(left, &el), decide_parts(right, &er));
    (sure(&gl) && sure(&gr) && gl.lang != gr.lang)
        .then(|| vec![(0..at, gl.lang), (at..sentence.len(), gr.lang)])
}

/// The clauses of a sentence that mixes the languages clause by clause, each
/// with its language (Организаторы: Управление культуры области Абай, ОО
/// «Общество инвалидов г. Семей», «Семей жарқын болашақ» қоғамдық қоры.): the
/// sentence cut at commas, colons, semicolons, dashes and brackets outside
/// quotes, each clause judged on its own by its words outside quotes (twelve
/// Cyrillic letters or more), a shorter or unsure one going with the clause
/// before it (the first with the one after). `None` unless two clauses are surely of different languages.
pub fn mixed_clauses(sentence: &str) -> Option<Vec<(std::ops::Range<usize>, Lang)>> {
    // A clause of another language than Kazakh has no Kazakh letter; a mixed
    // sentence has one somewhere and a long stretch without.
    let bytes = sentence.as_bytes();
    if !has_kk_letter(bytes) {
        return None;
    }
    let mut cuts = vec![0];
    let mut depth = 0u32;
    let mut chars = sentence.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '«' | '“' | '„' => depth += 1,
            '»' | '”' => depth = depth.saturating_sub(1),
            ',' | ';' | ':' | '(' | ')' if depth == 0 => cuts.push(i + c.len_utf8()),
            '–' | '—' if depth == 0 && chars.peek().is_some_and(|&(_, n)| n == ' ') => cuts.push(i),
            _ => {}
        }
    }
    cuts.push(sentence.len());
    cuts.dedup();
    if cuts.len() < 3 {
        return None;
    }
    let clauses: Vec<std::ops::Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    let plain = |r: &std::ops::Range<usize>| {
        r.len() >= 2 * PART_LETTERS as usize && !has_kk_letter(&bytes[r.clone()])
    };
    if !clauses.iter().any(plain) {
        return None;
    }
    let judged: Vec<Option<Lang>> = clauses
        .iter()
        .map(|r| {
            let t = &sentence[r.clone()];
            let ev = outside_quotes(t);
            if ev.cyrillic < CLAUSE_LETTERS {
                return None;
            }
            let g = decide_parts(t, &ev);
            sure(&g).then_some(g.lang)
        })
        .collect();
    let first = judged.iter().flatten().next().copied()?;
    if judged.iter().flatten().all(|&l| l == first) {
        return None;
    }
    let mut parts: Vec<(std::ops::Range<usize>, Lang)> = Vec::new();
    let mut current = first;
    for (r, l) in clauses.into_iter().zip(judged) {
        current = l.unwrap_or(current);
        match parts.last_mut() {
            Some((last, ll)) if *ll == current => last.end = r.end,
            _ => parts.push((r, current)),
        }
    }
    Some(parts)
}

/// Cyrillic letters outside quotes that a clause needs to be judged on its own.
const CLAUSE_LETTERS: u32 = 12;

/// The evidence of a clause outside its quotes: a quoted name (Волонтеры
/// движения «Ұлттық волонтерлік желі») does not tell the language around it.
fn outside_quotes(clause: &str) -> Evidence {
    let mut ev = Evidence::default();
    let mut depth = 0u32;
    let mut from = 0;
    for (i, c) in clause.char_indices() {
        match c {
            '«' | '“' | '„' => {
                if depth == 0 {
                    ev.add(&gather(&clause[from..i]));
                }
                depth += 1;
            }
            '»' | '”' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    from = i + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        ev.add(&gather(&clause[from..]));
    }
    ev
}

/// The raw evidence gathered from a text, before any decision. Public for
/// debugging and for callers that want to combine evidence over several texts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Evidence {
    /// Log-odds of Kazakh against Russian (positive = Kazakh).
    pub log_odds: f32,
    /// Cyrillic letters (Russian, Kazakh, other Cyrillic languages).
    pub cyrillic: u32,
    /// Letters of any other script.
    pub other_letters: u32,
    /// Cyrillic words scored.
    pub words: u32,
    /// Kazakh-only letters other than `і`.
    pub kk_letters: u32,
    /// Kazakh `і` (also Ukrainian and Belarusian).
    pub kk_i: u32,
    /// Letters only other Cyrillic languages use (ї є ґ ў ј љ њ ...).
    pub foreign_cyrillic: u32,
}

/// Languages of a document and of each of its sentences (byte ranges of
/// `text`), reading every character once: the document's evidence is the sum of
/// its sentences' (and of the text between them).
pub fn detect_document(text: &str, sentences: &[std::ops::Range<usize>]) -> (Guess, Vec<Lang>) {
    detect_document_in(text, sentences, None)
}

/// [`detect_document`] for a part of a larger document whose language is already
/// known (`known`, from [`decide_parts`]): the sentences lean towards that language,
/// and it is the guess returned. Without `known`, the part is a document of its own.
pub fn detect_document_in(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    known: Option<Guess>,
) -> (Guess, Vec<Lang>) {
    let mut total = Evidence::default();
    let mut each = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for r in sentences {
        if r.start > at {
            total.add(&gather(&text[at..r.start]));
        }
        let ev = gather(&text[r.clone()]);
        total.add(&ev);
        each.push(ev);
        at = at.max(r.end);
    }
    if at < text.len() {
        total.add(&gather(&text[at..]));
    }
    let doc = known.unwrap_or_else(|| {
        let guess = decide(text, &total.with_bonus(), Lang::Und);
        // A Russian text whose Kazakh letters all stand in short quoted names
        // (Открыто 14 штабов «Қамқор қыс».) is judged without those names.
        // (looked for only then: a pass over the whole text)
        match guess.lang {
            Lang::Kk => outside_quoted_names(text)
                .map_or(guess, |rest| decide(&rest, &gather(&rest).with_bonus(), Lang::Und)),
            _ => guess,
        }
    });
    let langs = sentences
        .iter()
        .zip(&each)
        .map(|(r, ev)| {
            let s = &text[r.clone()];
            // A sentence whose Kazakh letters are all in short quoted names
            // (📢 Канал фонда «Шуақ») is judged without them; in a Kazakh document
            // only when what is left says enough (Открыто 14 штабов «Қамқор қыс».,
            // not Фото: «Маңғыстау жастары» ЖРО).
            // What is left may be too little or look like another language
            // (жетекшісі without its Kazakh name reads as Ukrainian): then the
            // whole sentence decides.
            outside_quoted_names(s)
                .and_then(|rest| {
                    let ev = gather(&rest);
                    (doc.lang != Lang::Kk || ev.cyrillic >= KK_DOC_RU_SENTENCE)
                        .then(|| decide(&rest, &ev.with_bonus(), doc.lang).lang)
                })
                .filter(|&lang| lang != Lang::Und)
                .unwrap_or_else(|| {
                    let lang = decide(s, &ev.with_bonus(), doc.lang).lang;
                    // A Kazakh sentence around a Russian name and its spelled-out
                    // form (Оны 2019 жылы «Серебряный возраст» РОО (Республиканское
                    // общественное объединение) ашқан.) is judged without them,
                    // when what is left has Kazakh letters and says Kazakh.
                    match (doc.lang, lang) {
                        (Lang::Kk, Lang::Ru) => without_names_and_brackets(s)
                            .map(|rest| decide(&rest, &gather(&rest).with_bonus(), Lang::Kk).lang)
                            .filter(|&l| l == Lang::Kk)
                            .unwrap_or(lang),
                        _ => lang,
                    }
                })
        })
        .collect();
    (doc, langs)
}

/// The text of a sentence without its quoted names («...» of six words or fewer)
/// and its bracketed asides, when it has some and Kazakh letters stand outside
/// them. `None` otherwise.
fn without_names_and_brackets(sentence: &str) -> Option<String> {
    if !sentence.contains(['«', '(']) {
        return None;
    }
    let (rest, removed) = without_marked(sentence, &['«', '('], |mark, inner| {
        mark == '(' || (inner.split_whitespace().count() <= 6 && !inner.contains('«'))
    });
    (removed && has_kk_letter(rest.as_bytes())).then_some(rest)
}

/// The text of a sentence without its quoted names, when all its Kazakh letters
/// stand in them: «...» of four words or fewer. `None` when there is no such
/// name, or Kazakh letters outside them.
fn outside_quoted_names(sentence: &str) -> Option<String> {
    if !has_kk_letter(sentence.as_bytes()) || !sentence.contains('«') {
        return None;
    }
    let (rest, removed) = without_marked(sentence, &['«'], |_, name| {
        has_kk_letter(name.as_bytes()) && name.split_whitespace().count() <= 4 && !name.contains('«')
    });
    (removed && !has_kk_letter(rest.as_bytes())).then_some(rest)
}

/// `sentence` with each span opened by one of `opens` (« or a round bracket)
/// and closed by its mate replaced by a space where `remove(open, inside)` says
/// so, and whether any was: spans are taken left to right, one closing at the
/// first mate after its opening (an unclosed one ends the search).
fn without_marked(sentence: &str, opens: &[char], remove: impl Fn(char, &str) -> bool) -> (String, bool) {
    let mut rest = String::with_capacity(sentence.len());
    let mut removed = false;
    let mut tail = sentence;
    while let Some(open) = tail.find(opens) {
        let mark = tail[open..].chars().next().unwrap_or('«');
        let close_mark = if mark == '(' { ')' } else { '»' };
        let after = &tail[open + mark.len_utf8()..];
        let Some(close) = after.find(close_mark) else { break };
        rest.push_str(&tail[..open]);
        if remove(mark, &after[..close]) {
            removed = true;
            rest.push(' ');
        } else {
            rest.push_str(&tail[open..open + mark.len_utf8() + close + close_mark.len_utf8()]);
        }
        tail = &after[close + close_mark.len_utf8()..];
    }
    rest.push_str(tail);
    (rest, removed)
}

/// The evidence of one part of a document too large to hold, to be summed over
/// its parts ([`Evidence::add`]) and decided by [`decide_parts`]. Parts cut
/// between words sum to the evidence of the whole.
pub fn part_evidence(text: &str) -> Evidence {
    gather(text)
}

/// The language of a document from the sum of its parts' evidence
/// ([`part_evidence`]): the decision [`detect_document`] takes on the whole text.
/// `sample`, a part of the text, is only read when its letters are mostly of
/// another script (to ask whatlang whether it is Cyrillic).
pub fn decide_parts(sample: &str, total: &Evidence) -> Guess {
    decide(sample, &total.with_bonus(), Lang::Und)
}

impl Evidence {
    /// Add the evidence of another part of the same document.
    pub fn add(&mut self, o: &Evidence) {
        self.log_odds += o.log_odds;
        self.cyrillic += o.cyrillic;
        self.other_letters += o.other_letters;
        self.words += o.words;
        self.kk_letters += o.kk_letters;
        self.kk_i += o.kk_i;
        self.foreign_cyrillic += o.foreign_cyrillic;
    }

    /// The evidence with the weight of having any Kazakh letter at all.
    fn with_bonus(mut self) -> Evidence {
        if self.kk_letters + self.kk_i > 0 {
            self.log_odds += ANY_KK_LETTER;
        }
        self
    }
}

/// Gather the evidence of `text` in one pass.
pub fn evidence(text: &str) -> Evidence {
    gather(text).with_bonus()
}

/// The evidence of `text` without the one-off weight of any Kazakh letter.
fn gather(text: &str) -> Evidence {
    let tables = tables();
    let mut ev = Evidence::default();
    let mut w = Word::default();
    for c in text.chars() {
        let code = letter(c);
        if code != 0 {
            if w.len == 0 {
                w.capital = c.is_uppercase();
            }
            if code == FOREIGN {
                ev.foreign_cyrillic += 1;
                ev.cyrillic += 1;
                w.push(code);
            } else {
                ev.cyrillic += 1;
                if code == I_KK {
                    ev.kk_i += 1;
                } else if code >= FIRST_KK {
                    ev.kk_letters += 1;
                }
                w.push(code);
            }
        } else if (c == 'i' || c == 'I') && w.len > 0 {
            // Latin i inside a Cyrillic word: Kazakh і typed on a Russian keyboard.
            ev.cyrillic += 1;
            ev.kk_i += 1;
            w.push(I_KK);
        } else {
            if w.len > 0 {
                ev.log_odds += score_word(&w, tables);
                ev.words += 1;
                w = Word::default();
            }
            if c.is_alphabetic() {
                ev.other_letters += 1;
            }
        }
    }
    if w.len > 0 {
        ev.log_odds += score_word(&w, tables);
        ev.words += 1;
    }
    ev
}

/// Share of Cyrillic letters above which a text is taken as Russian or Kazakh
/// without asking whatlang.
const CYRILLIC_SURE: f32 = 0.6;
/// Share of Cyrillic letters above which a text with some Cyrillic words is taken as
/// Russian or Kazakh with Latin names in it (`Xiaomi вдвое дешевле iPhone`).
const CYRILLIC_MIXED: f32 = 0.35;
/// Cyrillic letters outside quoted Kazakh names that a sentence of a Kazakh
/// document needs to be judged Russian without them.
const KK_DOC_RU_SENTENCE: u32 = 20;
/// How far `detect_sentence` leans towards the document language, in log-odds.
const DOC_PRIOR: f32 = 2.0;

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn decide(text: &str, ev: &Evidence, doc: Lang) -> Guess {
    let fallback = |score: f32| match doc {
        Lang::Und => Guess { lang: Lang::Und, score },
        lang => Guess { lang, score: 0.5 },
    };
    let letters = ev.cyrillic + ev.other_letters;
    if ev.cyrillic == 0 {
        // No Cyrillic at all: another language (or no letters: nothing to say).
        if ev.other_letters >= 8 {
            return Guess { lang: Lang::Und, score: 0.9 };
        }
        return fallback(if letters == 0 { 0.0 } else { 0.5 });
    }
    let share = ev.cyrillic as f32 / letters as f32;
    if share < CYRILLIC_SURE && (share < CYRILLIC_MIXED || ev.cyrillic < 8) {
        // Mostly another script: let whatlang say whether it is Cyrillic-script text.
        // Few letters overall: too little to tell.
        // Inside a document, only a real sentence of another language is `Und`.
        let enough = if doc == Lang::Und { 8 } else { 20 };
        if ev.other_letters >= enough {
            let cyrillic =
                whatlang::detect(text).is_some_and(|info| info.script() == whatlang::Script::Cyrillic);
            if !cyrillic {
                return Guess { lang: Lang::Und, score: 1.0 - share };
            }
        }
    }
    if ev.foreign_cyrillic > 0 && ev.foreign_cyrillic * 100 >= ev.cyrillic && ev.kk_letters == 0 {
        // Ukrainian, Belarusian, Serbian, Tatar ...
        return Guess { lang: Lang::Und, score: 0.8 };
    }
    if ev.kk_letters == 0 && ev.kk_i > 0 && ev.cyrillic >= 40 && is_ukrainian(text) {
        return Guess { lang: Lang::Und, score: 0.7 };
    }
    let mut x = ev.log_odds;
    match doc {
        Lang::Ru => x -= DOC_PRIOR,
        Lang::Kk => x += DOC_PRIOR,
        Lang::Und => {}
    }
    if doc == Lang::Und && x.abs() < 0.3 && ev.cyrillic < 6 {
        // Too little text to tell.
        return Guess { lang: Lang::Und, score: 1.0 - sigmoid(x.abs()) };
    }
    let p = sigmoid(x);
    if x > 0.0 { Guess { lang: Lang::Kk, score: p } } else { Guess { lang: Lang::Ru, score: 1.0 - p } }
}

/// Kazakh text whose only Kazakh letter is `і` is rare; Ukrainian looks like that.
/// whatlang knows Ukrainian (and calls Kazakh Belarusian), so ask it. Ukrainian
/// has no ы, э, ъ or ё: a text with two of them is Russian naming Kazakh places
/// (акция «Таза Есіл»), whatever whatlang would say.
fn is_ukrainian(text: &str) -> bool {
    let russian_only = text.chars().filter(|c| matches!(c, 'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ё')).count();
    russian_only < 2 && whatlang::detect(text).is_some_and(|info| info.lang() == whatlang::Lang::Ukr)
}

// ---------------------------------------------------------------------------
// Alphabet

/// Alphabet indices: 1..=33 Russian а..я with ё, 34..=42 Kazakh-only, 43 foreign.
const RU_LETTERS: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
const KK_LETTERS: &str = "әғқңөұүһі";
const FIRST_KK: u8 = 34;
const I_KK: u8 = 42;
const FOREIGN: u8 = 43;

const fn ru(c: char) -> u8 {
    // а..е = 1..6, ё = 7, ж..я = 8..33
    let c = c as u32;
    if c == 0x451 {
        7
    } else if c <= 0x435 {
        (c - 0x430 + 1) as u8
    } else {
        (c - 0x430 + 2) as u8
    }
}

const A: u8 = ru('а');
const E: u8 = ru('е');
const YO: u8 = ru('ё');
const ZH: u8 = ru('ж');
const I: u8 = ru('и');
const Y_SHORT: u8 = ru('й');
const O: u8 = ru('о');
const U: u8 = ru('у');
const F: u8 = ru('ф');
const TS: u8 = ru('ц');
const CH: u8 = ru('ч');
const SH: u8 = ru('ш');
const SHCH: u8 = ru('щ');
const HARD: u8 = ru('ъ');
const Y: u8 = ru('ы');
const SOFT: u8 = ru('ь');
const EH: u8 = ru('э');
const YU: u8 = ru('ю');
const YA: u8 = ru('я');

/// Alphabet index of a letter, 0 when it is not Cyrillic.
#[inline]
fn letter(c: char) -> u8 {
    let u = c as u32;
    match u {
        0x430..=0x44F => ru(c),
        0x410..=0x42F => ru(char::from_u32(u + 0x20).unwrap_or('а')),
        0x451 | 0x401 => YO,
        0x4D9 | 0x4D8 => FIRST_KK,     // ә
        0x493 | 0x492 => FIRST_KK + 1, // ғ
        0x49B | 0x49A => FIRST_KK + 2, // қ
        0x4A3 | 0x4A2 => FIRST_KK + 3, // ң
        0x4E9 | 0x4E8 => FIRST_KK + 4, // ө
        0x4B1 | 0x4B0 => FIRST_KK + 5, // ұ
        0x4AF | 0x4AE => FIRST_KK + 6, // ү
        0x4BB | 0x4BA => FIRST_KK + 7, // һ
        0x456 | 0x406 => I_KK,         // і
        0x483..=0x489 => 0,            // combining marks
        0x400..=0x52F => FOREIGN,
        _ => 0,
    }
}

/// Alphabet index of a letter given as a lowercase string character (for tables).
fn table_letter(c: char) -> u8 {
    if let Some(p) = RU_LETTERS.chars().position(|x| x == c) {
        debug_assert_eq!(ru(c) as usize, p + 1);
        return (p + 1) as u8;
    }
    if let Some(p) = KK_LETTERS.chars().position(|x| x == c) {
        return FIRST_KK + p as u8;
    }
    panic!("not a table letter: {c:?}")
}

// ---------------------------------------------------------------------------
// Words

const KEY_LETTERS: usize = 10;
const KEY_MASK: u64 = (1 << (6 * KEY_LETTERS)) - 1;

#[derive(Default)]
struct Word {
    /// Last ten letters, six bits each, the last letter lowest.
    key: u64,
    len: u32,
    /// Starts with a capital letter: likely a name, which says less about the language.
    capital: bool,
    /// Contains a Kazakh-only letter.
    kk: bool,
    /// Contains a letter native Kazakh words do not use (ё ъ ь щ ц ч ф э).
    ru_letter: bool,
    /// Contains a letter of another Cyrillic language.
    foreign: bool,
    /// Kazakh spelling patterns Russian does not have (жы, шы, йы, уы, иы, initial ы).
    kk_spelling: bool,
    /// Vowels seen so far (for the first-syllable `о` and vowel harmony).
    vowels: u32,
    /// `о` after the first syllable.
    late_o: bool,
    back: bool,
    front: bool,
    prev: u8,
}

impl Word {
    #[inline]
    fn push(&mut self, c: u8) {
        if self.len == 0 && c == Y {
            self.kk_spelling = true;
        }
        if c == Y && matches!(self.prev, ZH | SH | Y_SHORT | U | I) {
            self.kk_spelling = true;
        }
        match c {
            A | Y => self.back = true,
            E => self.front = true,
            O => {
                self.back = true;
                if self.vowels > 0 {
                    self.late_o = true;
                }
            }
            YO | HARD | SOFT | SHCH | TS | CH | F | EH => self.ru_letter = true,
            FOREIGN => self.foreign = true,
            _ => {}
        }
        if c >= FIRST_KK && c != FOREIGN {
            self.kk = true;
        }
        if matches!(c, A | E | I | O | U | Y | EH | YU | YA | YO) {
            self.vowels += 1;
        }
        self.key = ((self.key << 6) | c as u64) & KEY_MASK;
        self.len += 1;
        self.prev = c;
    }
}

/// Weight of one word, in log-odds (positive = Kazakh).
#[inline]
fn score_word(w: &Word, t: &Tables) -> f32 {
    let s = score_letters(w, t);
    if w.capital { s * CAPITAL_FACTOR } else { s }
}

#[inline]
fn score_letters(w: &Word, t: &Tables) -> f32 {
    if w.foreign {
        return 0.0;
    }
    if w.kk {
        return KK_LETTER_WORD;
    }
    let mut s = NO_KK_LETTER_WORD;
    if w.kk_spelling {
        s += KK_SPELLING;
    }
    let len = w.len as usize;
    if len <= KEY_LETTERS
        && let Some(x) = t.words.get(w.key | (len as u64) << 60)
    {
        return (s + x).clamp(-WORD_CAP, WORD_CAP);
    }
    let mut suffix = 0.0;
    let max = (len - 1).min(MAX_SUFFIX);
    for k in (1..=max).rev() {
        let key = (w.key & ((1u64 << (6 * k)) - 1)) | (k as u64) << 60;
        if let Some(x) = t.suffixes.get(key) {
            suffix = x;
            break;
        }
    }
    s += suffix;
    // Loanword cues, unless the word carries a clearly Kazakh ending: a Russian
    // loan with Kazakh inflection (`операциядан`) is Kazakh.
    if suffix < KK_INFLECTED {
        if w.ru_letter {
            s += RU_LETTER;
        }
        if w.late_o {
            s += LATE_O;
        }
        if w.back && w.front {
            s += MIXED_HARMONY;
        }
    }
    s.clamp(-WORD_CAP, WORD_CAP)
}

const KK_LETTER_WORD: f32 = 3.5;
/// Added once when any word has a Kazakh-only letter: Russian text rarely has one.
const ANY_KK_LETTER: f32 = 1.5;
const CAPITAL_FACTOR: f32 = 0.5;
const NO_KK_LETTER_WORD: f32 = -0.4;
const KK_SPELLING: f32 = 2.5;
const RU_LETTER: f32 = -0.7;
const LATE_O: f32 = -0.7;
const MIXED_HARMONY: f32 = -0.5;
/// A suffix weight from which a word counts as Kazakh-inflected.
const KK_INFLECTED: f32 = 1.5;
const WORD_CAP: f32 = 4.0;
const MAX_SUFFIX: usize = 5;

// ---------------------------------------------------------------------------
// Tables

/// Whole words, with their weight (positive = Kazakh). Written by hand: the most
/// frequent function words and a few very common content words of news text,
/// without Kazakh-only letters (words with those are Kazakh anyway). The whole-word
/// weight replaces the suffix weight.
pub const FUNCTION_WORDS: &[(&str, f32)] = &[
    // Kazakh
    ("мен", 2.5),
    ("бен", 2.5),
    ("пен", 2.5),
    ("деп", 3.0),
    ("бар", 1.5),
    ("ал", 1.5),
    ("ол", 2.5),
    ("олар", 2.5),
    ("оны", 2.5),
    ("одан", 2.0),
    ("осы", 2.5),
    ("осыдан", 2.5),
    ("осылай", 2.5),
    ("осылайша", 2.5),
    ("сол", 2.0),
    ("сонда", 2.5),
    ("сондай", 2.5),
    ("осындай", 2.5),
    ("мына", 2.0),
    ("мынадай", 2.5),
    ("онда", 2.0),
    ("мында", 2.0),
    ("осында", 2.5),
    ("бойынша", 3.0),
    ("болып", 3.0),
    ("болады", 3.0),
    ("болды", 3.0),
    ("болса", 3.0),
    ("болу", 3.0),
    ("болатын", 3.0),
    ("болмады", 3.0),
    ("болмайды", 3.0),
    ("керек", 3.0),
    ("жыл", 3.0),
    ("жылы", 3.0),
    ("жылдан", 3.0),
    ("жылда", 3.0),
    ("жылдары", 3.0),
    ("тек", 1.5),
    ("енди", 1.0),
    ("алып", 2.5),
    ("алу", 2.5),
    ("алды", 2.5),
    ("алады", 2.5),
    ("алатын", 2.5),
    ("деген", 2.5),
    ("дегенмен", 2.5),
    ("жатыр", 3.0),
    ("сатып", 3.0),
    ("табылады", 3.0),
    ("аталады", 3.0),
    ("атты", 2.5),
    ("келер", 2.0),
    ("келе", 2.0),
    ("келген", 2.5),
    ("кезде", 2.5),
    ("кеше", 2.0),
    ("биыл", 3.0),
    ("былтыр", 3.0),
    ("туралы", 3.0),
    ("арасында", 3.0),
    ("да", 0.5),
    ("де", 1.5),
    ("та", 1.0),
    ("ма", 1.0),
    ("ме", 1.0),
    ("ба", 1.0),
    ("бе", 1.0),
    ("па", 1.0),
    ("пе", 1.0),
    ("емес", 3.0),
    ("екен", 2.5),
    ("сонымен", 2.5),
    ("адам", 2.0),
    ("адамдар", 3.0),
    ("ел", 2.0),
    ("елде", 2.5),
    ("елдер", 2.5),
    ("облысы", 2.5),
    ("ауданы", 2.5),
    ("ауыл", 2.5),
    ("мектеп", 2.5),
    ("жас", 2.0),
    ("жастар", 3.0),
    ("ерекше", 2.0),
    ("саны", 2.0),
    ("сайын", 2.5),
    ("барып", 2.5),
    ("отыр", 2.5),
    ("ай", 1.0),
    ("айы", 2.0),
    ("апта", 2.0),
    ("су", 1.5),
    ("бес", 1.5),
    ("алты", 2.0),
    ("отыз", 2.5),
    ("елу", 2.5),
    ("алпыс", 2.5),
    ("сексен", 2.5),
    ("тарих", 1.5),
    ("немесе", 3.0),
    ("мысалы", 3.0),
    ("рет", 2.0),
    ("жасанды", 3.0),
    ("жалпы", 3.0),
    ("шамамен", 3.0),
    ("басты", 2.0),
    ("шара", 2.0),
    ("жоба", 3.0),
    ("жобасы", 3.0),
    ("бала", 2.0),
    ("балам", 3.0),
    ("ана", 1.5),
    ("ата", 1.5),
    ("аты", 2.0),
    ("жер", 2.0),
    ("жерде", 3.0),
    ("ет", 1.5),
    ("орын", 2.0),
    ("жол", 2.0),
    ("жолы", 2.5),
    ("сен", 2.0),
    ("наурыз", 3.0),
    ("мамыр", 3.0),
    ("маусым", 3.0),
    ("тамыз", 3.0),
    ("дан", 1.5),
    ("ден", 2.0),
    ("нан", 1.5),
    ("нен", 2.0),
    ("тан", 1.5),
    ("тен", 2.0),
    ("ге", 2.0),
    ("ке", 2.0),
    ("ы", 1.5),
    ("сы", 2.0),
    // Russian
    ("и", -2.0),
    ("в", -2.0),
    ("во", -2.0),
    ("на", -2.0),
    ("не", -1.0),
    ("что", -2.5),
    ("чтобы", -2.5),
    ("с", -2.0),
    ("со", -2.0),
    ("по", -2.0),
    ("к", -2.0),
    ("ко", -2.0),
    ("а", -1.5),
    ("но", -2.0),
    ("за", -2.0),
    ("из", -2.0),
    ("от", -2.0),
    ("о", -2.0),
    ("об", -2.0),
    ("для", -2.5),
    ("до", -1.5),
    ("как", -2.5),
    ("это", -2.5),
    ("он", -1.0),
    ("она", -2.5),
    ("оно", -2.5),
    ("они", -2.5),
    ("мы", -2.0),
    ("вы", -2.0),
    ("я", -2.0),
    ("ты", -1.5),
    ("его", -2.5),
    ("ее", -2.5),
    ("их", -2.5),
    ("у", -2.0),
    ("же", -2.5),
    ("бы", -2.5),
    ("ли", -2.0),
    ("так", -2.5),
    ("уже", -2.5),
    ("или", -2.5),
    ("при", -2.5),
    ("только", -2.5),
    ("был", -2.5),
    ("была", -2.5),
    ("было", -2.5),
    ("были", -2.5),
    ("быть", -2.5),
    ("будет", -2.5),
    ("будут", -2.5),
    ("есть", -2.5),
    ("все", -2.0),
    ("всех", -2.5),
    ("всего", -2.5),
    ("этот", -2.5),
    ("эта", -2.5),
    ("эти", -2.5),
    ("том", -2.0),
    ("тем", -2.0),
    ("той", -1.5),
    ("также", -2.5),
    ("тоже", -2.5),
    ("после", -2.5),
    ("более", -2.5),
    ("между", -2.5),
    ("через", -2.5),
    ("около", -2.5),
    ("если", -2.5),
    ("где", -2.5),
    ("когда", -2.5),
    ("тогда", -2.5),
    ("всегда", -2.5),
    ("здесь", -2.5),
    ("там", -2.0),
    ("год", -2.5),
    ("года", -2.5),
    ("году", -2.5),
    ("лет", -2.5),
    ("себя", -2.5),
    ("сейчас", -2.5),
    ("еще", -2.5),
    ("очень", -2.5),
    ("даже", -2.5),
    ("ни", -2.0),
    ("нет", -2.5),
    ("под", -2.5),
    ("над", -2.5),
    ("перед", -2.5),
    ("без", -2.5),
    ("про", -2.5),
    ("ему", -2.5),
    ("им", -2.0),
    ("нам", -2.5),
    ("вам", -2.5),
    ("нас", -2.5),
    ("вас", -2.5),
    ("мне", -2.5),
    ("него", -2.5),
    ("нее", -2.5),
    ("ним", -2.5),
    ("ней", -2.5),
    ("них", -2.5),
    ("один", -2.5),
    ("одна", -2.5),
    ("два", -2.5),
    ("две", -2.5),
    ("три", -2.5),
    ("пять", -2.5),
    ("может", -2.5),
    ("можно", -2.5),
    ("нужно", -2.5),
    ("надо", -2.5),
    ("свой", -2.5),
    ("раз", -1.5),
    ("вот", -2.5),
    ("потом", -2.5),
    ("теперь", -2.5),
    ("сегодня", -2.5),
    ("человек", -2.5),
    ("люди", -2.5),
    ("тысяч", -2.5),
    ("тысячи", -2.5),
    ("доллар", -2.0),
    ("долларов", -2.5),
    ("лидер", -2.0),
    ("орден", -2.5),
    ("этап", -2.0),
    ("обмен", -2.0),
    ("создан", -2.0),
    ("сказал", -2.5),
    ("заявил", -2.5),
    ("стал", -2.0),
    ("стали", -2.5),
];

/// Word endings with their weight (positive = Kazakh), the longest match counts.
/// Written by hand from the inflection of both languages; an ending shared by both
/// gets a small weight, or a longer ending that separates them.
pub const SUFFIXES: &[(&str, f32)] = &[
    // Kazakh past tense, accusative, 3rd person (-ды/-ты), with Russian look-alikes
    ("ды", 1.0),
    ("ады", 2.0),
    ("йды", 3.0),
    ("ылды", 3.0),
    ("алды", 2.5),
    ("ынды", 2.0),
    ("зды", 1.5),
    ("ызды", 3.0),
    ("арды", 2.5),
    ("ерды", 1.0),
    ("рды", 1.0),
    ("оды", -1.5),
    ("еды", -1.0),
    ("нды", -0.5),
    ("тты", 2.0),
    ("ты", 0.0),
    ("сты", 0.5),
    // plural
    ("лар", 2.5),
    ("лер", 2.5),
    ("дар", 2.0),
    ("дер", 1.5),
    ("тар", 1.5),
    ("тер", 1.0),
    ("ллар", -1.0),
    ("ктер", 0.0),
    ("лары", 3.0),
    ("дары", 3.0),
    ("тары", 3.0),
    ("ларда", 3.0),
    ("лерде", 3.0),
    ("дарда", 3.0),
    ("тарда", 3.0),
    ("ларды", 3.0),
    ("ларын", 3.0),
    ("лерге", 3.0),
    ("дерге", 3.0),
    ("терге", 3.0),
    // participles
    ("ген", 2.0),
    ("кен", 1.5),
    ("атын", 3.0),
    ("йтын", 3.0),
    ("етин", 1.0),
    // instrumental
    ("мен", 1.5),
    ("бен", 2.0),
    ("пен", 2.0),
    ("бмен", -2.0),
    ("амен", -0.5),
    // ablative
    ("дан", 2.0),
    ("здан", -1.5),
    ("ден", 2.0),
    ("тан", 1.0),
    ("стан", -0.5),
    ("хстан", -2.0),
    ("тен", 1.5),
    ("нан", 1.5),
    ("нен", 1.5),
    ("ынан", 3.0),
    // locative
    ("де", 0.8),
    ("оде", -1.5),
    ("еде", -1.0),
    ("нде", 2.5),
    ("нда", 0.5),
    ("ында", 3.0),
    ("ыда", 1.5),
    ("ода", -1.5),
    ("еда", -1.0),
    ("луда", 2.5),
    ("ауда", 2.5),
    ("уде", 1.0),
    ("пте", 2.0),
    ("пта", 1.5),
    ("та", -0.5),
    // dative
    ("ге", 0.8),
    ("оге", -1.5),
    ("йге", 3.0),
    ("ке", 0.3),
    ("нке", -1.0),
    ("вке", -1.5),
    ("ске", -1.0),
    ("жке", -1.5),
    ("дке", -1.5),
    ("лке", -1.0),
    ("пке", 1.5),
    ("ына", 2.0),
    ("сына", 3.0),
    // accusative / possessive
    ("оны", -1.5),
    ("ены", -1.0),
    ("йны", -1.0),
    ("ины", -0.5),
    ("асы", 1.5),
    ("ясы", 3.0),
    ("ысы", 3.0),
    ("осы", -1.5),
    ("усы", -1.0),
    ("ссы", -1.0),
    ("рсы", -1.0),
    ("нсы", -1.0),
    ("шы", 2.0),
    ("ылы", 2.5),
    ("йлы", 2.5),
    ("уы", 2.0),
    ("ын", 1.2),
    ("сын", 1.5),
    ("ым", -0.8),
    ("дым", 1.5),
    ("лдым", 3.0),
    ("адым", 2.5),
    ("ттым", 3.0),
    ("ияда", 3.0),
    ("иядан", 3.0),
    ("ясын", 3.0),
    ("ялы", 3.0),
    ("лса", 2.5),
    ("тса", 2.0),
    ("оп", -0.5),
    ("ымыз", 3.0),
    // verbs
    ("ып", 2.5),
    ("ап", 1.5),
    ("еп", 1.5),
    ("п", 1.0),
    ("ип", -1.0),
    ("пп", -1.5),
    ("ыз", 2.5),
    ("мыз", 3.0),
    ("мын", 3.0),
    ("из", -0.5),
    ("ыр", 1.5),
    ("ир", -1.0),
    ("ыс", 1.5),
    ("ыл", 1.5),
    ("ык", -1.0),
    ("ау", 2.0),
    ("еу", 2.0),
    ("лу", 0.5),
    ("ру", 0.5),
    ("рек", 1.0),
    // Russian adjective and noun endings
    ("ого", -3.0),
    ("его", -3.0),
    ("ому", -2.5),
    ("ему", -2.0),
    ("ой", -1.5),
    ("ей", -1.2),
    ("ый", -2.0),
    ("ий", -2.0),
    ("ая", -2.0),
    ("яя", -2.0),
    ("ое", -2.0),
    ("ее", -2.0),
    ("ие", -2.0),
    ("ые", -2.0),
    ("ых", -2.5),
    ("их", -1.5),
    ("ыми", -2.5),
    ("ими", -2.5),
    ("ами", -2.0),
    ("ями", -2.5),
    ("ам", -1.0),
    ("ям", -2.0),
    ("ах", -1.5),
    ("ях", -2.0),
    ("ом", -1.2),
    ("ем", -1.0),
    ("им", -2.0),
    ("ов", -1.0),
    ("ев", -1.0),
    ("в", -0.8),
    ("ин", -1.0),
    ("ина", -1.0),
    ("он", -1.0),
    ("ос", -1.0),
    ("ус", -0.8),
    ("сс", -1.0),
    ("ил", -1.5),
    ("ол", -0.5),
    ("ет", -0.3),
    ("ает", -2.5),
    ("яет", -2.5),
    ("ует", -2.5),
    ("еет", -2.0),
    ("ит", -1.0),
    ("ют", -1.5),
    ("ят", -1.5),
    ("ут", -1.0),
    ("ть", -1.8),
    ("ться", -3.0),
    ("тся", -3.0),
    ("ся", -2.5),
    ("сь", -2.0),
    ("ость", -3.0),
    ("ости", -2.5),
    ("ции", -2.0),
    ("цию", -2.5),
    ("ций", -2.5),
    ("ства", -2.5),
    ("ство", -2.5),
    ("ству", -2.5),
    ("ка", -0.8),
    ("а", -0.3),
    ("и", -1.0),
    ("о", -1.5),
    ("ю", -1.5),
    ("ью", -2.0),
    ("я", -0.8),
    ("ия", -0.2),
    ("ья", -2.0),
    ("ля", -1.5),
    ("мя", -1.5),
    ("ь", -1.2),
    ("ду", -1.0),
    ("му", -1.0),
    ("ку", -0.5),
    ("ли", -0.5),
    ("ло", -1.5),
    ("ец", -1.5),
    ("ч", -1.5),
    ("ж", -1.0),
    ("х", -1.0),
    ("б", -1.5),
    ("г", -1.5),
    ("д", -1.5),
    ("ш", -0.5),
];

// ---------------------------------------------------------------------------
// Lookup tables

/// An open-addressing map from u64 keys (never 0) to weights.
struct Map {
    slots: Vec<(u64, f32)>,
    shift: u32,
}

impl Map {
    fn new(entries: impl Iterator<Item = (u64, f32)>) -> Map {
        let entries: Vec<_> = entries.collect();
        let bits = (entries.len() * 4).next_power_of_two().trailing_zeros().max(4);
        let mut map = Map { slots: vec![(0, 0.0); 1 << bits], shift: 64 - bits };
        let mask = map.slots.len() - 1;
        for (key, weight) in entries {
            let mut i = map.slot(key);
            while map.slots[i].0 != 0 && map.slots[i].0 != key {
                i = (i + 1) & mask;
            }
            map.slots[i] = (key, weight);
        }
        map
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<f32> {
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, w) = self.slots[i];
            if k == key {
                return Some(w);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

struct Tables {
    words: Map,
    suffixes: Map,
}

/// Key of a table string: its letters, six bits each, and its length in the top bits.
fn table_key(s: &str) -> u64 {
    let mut key = 0u64;
    let mut len = 0u64;
    for c in s.chars() {
        key = (key << 6) | table_letter(c) as u64;
        len += 1;
    }
    assert!(len as usize <= KEY_LETTERS, "table entry too long: {s}");
    key | len << 60
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        for (s, _) in SUFFIXES {
            assert!(s.chars().count() <= MAX_SUFFIX, "suffix too long: {s}");
        }
        Tables {
            words: Map::new(FUNCTION_WORDS.iter().map(|&(s, w)| (table_key(s), w))),
            suffixes: Map::new(SUFFIXES.iter().map(|&(s, w)| (table_key(s), w))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text and language of each part a split gives `s`.
    fn split_texts(s: &str, parts: Option<Vec<(std::ops::Range<usize>, Lang)>>) -> Vec<(&str, Lang)> {
        parts.expect("a split").into_iter().map(|(r, l)| (&s[r], l)).collect()
    }

    #[test]
    fn a_sentence_quoting_speech_in_the_other_language_splits_at_the_quote() {
        let s = "Қордың өкілі орыс тілінде сөйлеп: «Мы передали сто комплектов зимней одежды семьям района», – деді.";
        let texts = split_texts(s, quoted_speech(s));
        assert_eq!(
            texts,
            [
                ("Қордың өкілі орыс тілінде сөйлеп: «", Lang::Kk),
                ("Мы передали сто комплектов зимней одежды семьям района", Lang::Ru),
                ("», – деді.", Lang::Kk),
            ]
        );
        // The other way round: Kazakh speech in a Russian sentence.
        let s =
            "Аким района сказал журналистам: «Біз биыл көпбалалы отбасыларға көмек көрсетуді жалғастырамыз».";
        let langs: Vec<Lang> = split_texts(s, quoted_speech(s)).into_iter().map(|p| p.1).collect();
        assert_eq!(langs, [Lang::Ru, Lang::Kk, Lang::Ru]);
    }

    #[test]
    fn a_bilingual_headline_splits_at_its_slash() {
        let s = "Наурыз қарсаңында 300-ден астам отбасыға көмек берілді / Более 300 семей получили помощь в преддверии Наурыза";
        let texts = split_texts(s, bilingual_halves(s));
        assert_eq!(texts[0], ("Наурыз қарсаңында 300-ден астам отбасыға көмек берілді", Lang::Kk));
        assert_eq!(texts[1], (" / Более 300 семей получили помощь в преддверии Наурыза", Lang::Ru));
        // One language on both sides, or a short side: no split.
        assert_eq!(bilingual_halves("Волонтеры помогли семьям / Помощь получили двести семей района"), None);
        assert_eq!(bilingual_halves("Көмек көрсетілді / Помощь"), None);
        // A body's two names side by side, a masthead.
        let s = "Шу ауданы әкімдігі | Акимат Шуского района";
        let texts = split_texts(s, bilingual_halves(s));
        assert_eq!(texts[0], ("Шу ауданы әкімдігі", Lang::Kk));
        assert_eq!(texts[1], (" | Акимат Шуского района", Lang::Ru));
    }

    #[test]
    fn quoted_names_and_one_language_do_not_split() {
        // A Kazakh name in a Russian sentence: a name, not speech.
        assert_eq!(
            quoted_speech("Волонтеры движения «Ұлттық волонтерлік желі» помогли семьям в Алматы."),
            None
        );
        // Speech in the sentence's own language.
        assert_eq!(
            quoted_speech(
                "Директор фонда сказал: «Мы передали сто комплектов зимней одежды семьям района», – и ушел."
            ),
            None
        );
        assert_eq!(
            quoted_speech("Ол: «Біз биыл көпбалалы отбасыларға көмек көрсетуді жалғастырамыз», – деді."),
            None
        );
        // No quotes.
        assert_eq!(quoted_speech("Қордың өкілі орыс тілінде сөйледі."), None);
    }

    #[test]
    fn speech_across_sentences_splits_where_its_quote_opens_or_closes() {
        // The quote goes on into the next sentence.
        let s = "Қордың өкілі орыс тілінде сөйлеп: «Мы передали сто комплектов зимней одежды семьям района.";
        let texts = split_texts(s, quoted_speech(s));
        assert_eq!(
            texts,
            [
                ("Қордың өкілі орыс тілінде сөйлеп: «", Lang::Kk),
                ("Мы передали сто комплектов зимней одежды семьям района.", Lang::Ru)
            ]
        );
        // The quote began in an earlier sentence and closes here.
        let s = "Өткен жылы шамамен бір мың балаға көмек көрсеттік», – рассказала председатель профсоюза «Жолшы» Динара Тлеуова.";
        let texts = split_texts(s, quoted_speech(s));
        assert_eq!(texts[0], ("Өткен жылы шамамен бір мың балаға көмек көрсеттік", Lang::Kk));
        assert_eq!(texts[1].1, Lang::Ru);
        assert!(texts[1].0.contains("профсоюза «Жолшы»"));
        // A short tail after the closing mark, in the quote's language: no split.
        assert_eq!(
            quoted_speech("Біз биыл көпбалалы отбасыларға көмек көрсетуді жалғастырамыз», – деді ол."),
            None
        );
    }

    #[test]
    fn clauses_of_two_languages_split_and_one_language_does_not() {
        let s = "Организаторы: Управление культуры области Абай, ОО «Общество инвалидов г. Семей», «Семей жарқын болашақ» қоғамдық қоры.";
        let texts = split_texts(s, mixed_clauses(s));
        assert_eq!(
            texts,
            [
                (
                    "Организаторы: Управление культуры области Абай, ОО «Общество инвалидов г. Семей»,",
                    Lang::Ru
                ),
                (" «Семей жарқын болашақ» қоғамдық қоры.", Lang::Kk)
            ]
        );
        // A Russian clause in a Kazakh sentence, after a dash.
        let s = "Акцияға 40 ерікті қатысып, қарттарға азық-түлік таратты – всего помощь получили более ста пенсионеров района.";
        let texts = split_texts(s, mixed_clauses(s));
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[0].1, Lang::Kk);
        assert_eq!(texts[1], ("– всего помощь получили более ста пенсионеров района.", Lang::Ru));
        // One language, commas or not; a quoted Kazakh name in a Russian clause.
        assert_eq!(
            mixed_clauses(
                "Еріктілер, студенттер және мектеп оқушылары, барлығы 200-ден астам адам, қатысты."
            ),
            None
        );
        assert_eq!(
            mixed_clauses(
                "Волонтеры движения «Ұлттық волонтерлік желі», студенты и школьники помогли семьям."
            ),
            None
        );
        assert_eq!(mixed_clauses("Волонтеры, студенты и школьники помогли семьям."), None);
    }

    fn seed(name: &str) -> String {
        let path = format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    const RU: [&str; 3] =
        ["000_104fcb57e43907bc.txt", "002_1fc65b57c4236b9e.txt", "004_46a251cf4611923a.txt"];
    const KK: [&str; 2] = ["001_698266dcd5ed38bd.txt", "003_12f6269e5992b855.txt"];

    #[test]
    fn seeds_are_detected() {
        for name in RU {
            let g = detect(&seed(name));
            assert_eq!(g.lang, Lang::Ru, "{name}: {g:?}");
            assert!(g.score > 0.99, "{name}: {g:?}");
        }
        for name in KK {
            let g = detect(&seed(name));
            assert_eq!(g.lang, Lang::Kk, "{name}: {g:?}");
            assert!(g.score > 0.99, "{name}: {g:?}");
        }
    }

    #[test]
    fn one_pass_over_a_document_decides_as_separate_passes_do() {
        for name in RU.iter().chain(&KK) {
            let text = seed(name);
            let ranges = crate::segment::split(&text);
            let (doc, langs) = detect_document(&text, &ranges);
            let alone = detect(&text);
            assert_eq!(doc.lang, alone.lang, "{name}");
            assert!((doc.score - alone.score).abs() < 1e-4, "{name}: {doc:?} {alone:?}");
            for (r, l) in ranges.iter().zip(&langs) {
                assert_eq!(
                    *l,
                    detect_sentence(&text[r.clone()], doc.lang).lang,
                    "{name}: {:?}",
                    &text[r.clone()]
                );
            }
        }
        let mixed = "Акция прошла в Алматы.\n\nБұл шараға жүзден астам ерікті қатысты.";
        let ranges = crate::segment::split(mixed);
        let (_, langs) = detect_document(mixed, &ranges);
        assert_eq!(langs, vec![Lang::Ru, Lang::Kk]);
    }

    #[test]
    fn seed_lines_follow_their_document() {
        // Every non-empty line of a seed, as a sentence of its document.
        for (names, lang) in [(&RU[..], Lang::Ru), (&KK[..], Lang::Kk)] {
            for name in names {
                for line in seed(name).lines().filter(|l| !l.trim().is_empty()) {
                    let g = detect_sentence(line, lang);
                    assert_eq!(g.lang, lang, "{name}: {line}");
                }
            }
        }
    }

    #[test]
    fn russian_quoting_kazakh_names_stays_russian() {
        for text in [
            "Волонтёры движения «Біргеміз» и проекта «Жасыл ел» высадили в парке более тысячи деревьев.",
            "В акции «Біргеміз» приняли участие студенты.",
            "Фонд «Қамқор» передал продукты малообеспеченным семьям.",
        ] {
            let g = detect(text);
            assert_eq!(g.lang, Lang::Ru, "{text}: {g:?}");
            assert!(g.score > 0.9, "{text}: {g:?}");
        }
    }

    #[test]
    fn kazakh_with_russian_names_stays_kazakh() {
        for text in [
            "Волонтерлер Алексей Омельницкий мен Дмитрий Пыхтин қарттарға көмек көрсетті.",
            "Акцияға Сергей Иванов та қатысты.",
            "Бұл туралы Владимир Петров айтты.",
        ] {
            let g = detect(text);
            assert_eq!(g.lang, Lang::Kk, "{text}: {g:?}");
        }
    }

    #[test]
    fn kazakh_without_kazakh_letters() {
        // Decided by endings and words alone.
        for text in [
            "Былтыр 2000 тоннадан астам алма сатылды.",
            "карантин жарияланбайды.",
            "нысандарды мынадай автобустармен аралайды.",
            "сатып алып жатырмын.",
        ] {
            assert_eq!(detect(text).lang, Lang::Kk, "{text}");
        }
        for text in [
            "За отчетный период выручка выросла.",
            "Волонтеры помогли пожилым людям.",
            "в пудреницах и портсигарах",
        ] {
            assert_eq!(detect(text).lang, Lang::Ru, "{text}");
        }
    }

    #[test]
    fn latin_i_inside_cyrillic_word_is_kazakh_i() {
        // "Бiз" and "бiрге" written with a Latin i.
        assert_eq!(detect("Бiз бiрге жұмыс iстеймiз").lang, Lang::Kk);
    }

    #[test]
    fn other_languages_are_und() {
        for text in [
            "Volunteers planted more than a thousand trees in the city park on Saturday.",
            "Les bénévoles ont planté plus de mille arbres dans le parc.",
            "志愿者在公园里种了一千多棵树。",
            // Ukrainian, with і but no other Kazakh letter, and Belarusian with ў.
            "Волонтери допомагають літнім людям у місті, і це дуже важливо для громади.",
            "Валанцёры дапамагаюць пажылым людзям ў горадзе, і гэта вельмі важна для ўсіх.",
        ] {
            let g = detect(text);
            assert_eq!(g.lang, Lang::Und, "{text}: {g:?}");
            assert!((0.0..=1.0).contains(&g.score));
        }
    }

    #[test]
    fn russian_naming_kazakh_places_with_i_is_not_ukrainian() {
        // і is these sentences' only Kazakh letter, and whatlang calls them
        // Ukrainian; ы, э, ъ, ё say Russian.
        for text in [
            "Сегодня ОО «Семей еріктілері» объединяет свыше 1 400 добровольцев.",
            "Мы также сотрудничаем с ОФ «Жетісу еріктілері» и мобильным оператором Tele2.",
        ] {
            assert_eq!(detect_sentence(text, Lang::Ru).lang, Lang::Ru, "{text}");
        }
    }

    #[test]
    fn no_letters_is_und() {
        for text in ["", "   \n\t ", "2024", "12.05.2024, 15:30", "—", "+7 (727) 123-45-67"] {
            assert_eq!(detect(text).lang, Lang::Und, "{text:?}");
            assert_eq!(detect_sentence(text, Lang::Und).lang, Lang::Und, "{text:?}");
        }
    }

    #[test]
    fn quoted_kazakh_names_outside_the_judgement() {
        assert_eq!(outside_quoted_names("📢 Канал фонда «Шуақ»").as_deref(), Some("📢 Канал фонда  "));
        // Kazakh letters outside the quotes, a long quotation, no Kazakh letter
        assert_eq!(outside_quoted_names("Қордың арнасы «Шуақ»"), None);
        assert_eq!(outside_quoted_names("Ол айтты: «Біз биыл көпбалалы отбасыларға көмек көрсетеміз»"), None);
        assert_eq!(outside_quoted_names("Канал фонда «Добро»"), None);
        let text = "Волонтеры помогли семьям пожилых людей в области. 📢 Канал фонда «Шуақ»";
        let first = text.find(". ").unwrap() + 1;
        let (doc, langs) = detect_document(text, &[0..first, first + 1..text.len()]);
        assert_eq!((doc.lang, langs), (Lang::Ru, vec![Lang::Ru, Lang::Ru]));
        // A one-sentence Russian document, and a Russian sentence of a Kazakh
        // document, whose only Kazakh letters are in a name
        let one = "Открыто 14 волонтерских штабов «Қамқор қыс».";
        let (doc, langs) = detect_document(one, std::slice::from_ref(&(0..one.len())));
        assert_eq!((doc.lang, langs), (Lang::Ru, vec![Lang::Ru]));
        let text = "Павлодар облысында еріктілер қарттарға көмектесті. Открыто 14 волонтерских штабов «Қамқор қыс». \
                    Жастар «Қамқор» акциясына барды. Фото: «Маңғыстау жастары» ЖРО";
        let ends: Vec<usize> = text.match_indices(". ").map(|(i, _)| i + 1).collect();
        let ranges = [0..ends[0], ends[0] + 1..ends[1], ends[1] + 1..ends[2], ends[2] + 1..text.len()];
        let (doc, langs) = detect_document(text, &ranges);
        // A Kazakh sentence without its name stays Kazakh; a caption with too
        // little left outside its name is judged whole.
        assert_eq!((doc.lang, langs), (Lang::Kk, vec![Lang::Kk, Lang::Ru, Lang::Kk, Lang::Kk]));
    }

    #[test]
    fn a_kazakh_sentence_around_a_russian_name_stays_kazakh() {
        // The name in quotes and its legal form spelled out in brackets outweigh
        // the Kazakh words around them; without them the sentence is Kazakh. A
        // Russian sentence with a Kazakh name in quotes stays Russian.
        let text = "Қарттар орталығы мерейтойын атап өтті, оған қаланың ардагерлері келді. \
                    Оны 2019 жылы «Серебряный возраст» РОО (Республиканское общественное объединение) ашқан. \
                    Благодарим общественное объединение «Қамқор» за помощь.";
        let ends: Vec<usize> = text.match_indices(". ").map(|(i, _)| i + 1).collect();
        let ranges = [0..ends[0], ends[0] + 1..ends[1], ends[1] + 1..text.len()];
        let (doc, langs) = detect_document(text, &ranges);
        assert_eq!((doc.lang, langs), (Lang::Kk, vec![Lang::Kk, Lang::Kk, Lang::Ru]));
        assert_eq!(without_names_and_brackets("Благодарим фонд «Добро»."), None);
    }

    #[test]
    fn sentences_lean_to_the_document() {
        for doc in [Lang::Ru, Lang::Kk] {
            for text in ["2024", "12.05.2024", "Астана", "Алматы, 5", "Фото: Tengrinews"] {
                assert_eq!(detect_sentence(text, doc).lang, doc, "{text} in {doc:?}");
            }
        }
        // Clear evidence wins over the document.
        assert_eq!(detect_sentence("Волонтеры помогли пожилым людям в этом году.", Lang::Kk).lang, Lang::Ru);
        assert_eq!(detect_sentence("Еріктілер қарттарға көмек көрсетті.", Lang::Ru).lang, Lang::Kk);
    }

    #[test]
    fn russian_with_latin_names() {
        assert_eq!(detect("Xiaomi вдвое дешевле iPhone.").lang, Lang::Ru);
        assert_eq!(detect("Компания Semmel Concerts выступила организатором концерта.").lang, Lang::Ru);
    }

    #[test]
    fn latin_kazakh_and_mixed_scripts_do_not_panic() {
        let texts = [
            "Qazaqstan Respublikasynyń Prezidenti Astanada volonterlermen kezdesti.",
            "Qazaqstanda eriktiler jyly ótti",
            "Біз bіrge ＡＢＣ 小人 xiǎorén ъъъ ӘӘӘ ї ў 😀 \u{301}",
            "iiiiiii Iii і І",
            "ааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааааа",
            "\u{0}\u{FEFF}а\u{200D}ә",
        ];
        for text in texts {
            for doc in [Lang::Ru, Lang::Kk, Lang::Und] {
                let g = detect_sentence(text, doc);
                assert!((0.0..=1.0).contains(&g.score), "{text}: {g:?}");
            }
        }
        // Latin-script Kazakh is not taken for Russian.
        assert_ne!(detect(texts[0]).lang, Lang::Ru);
        assert_ne!(detect(texts[1]).lang, Lang::Ru);
    }

    #[test]
    fn scores_are_in_range() {
        let long = seed(RU[0]).repeat(20);
        for text in [long.as_str(), "и", "ә", "Да.", "Иә."] {
            for doc in [Lang::Ru, Lang::Kk, Lang::Und] {
                let g = detect_sentence(text, doc);
                assert!((0.0..=1.0).contains(&g.score), "{g:?}");
                assert!(!g.score.is_nan());
            }
        }
    }

    #[test]
    fn tables_are_consistent() {
        let mut seen = std::collections::HashSet::new();
        for (s, _) in FUNCTION_WORDS {
            assert!(seen.insert(*s), "duplicate word {s}");
        }
        seen.clear();
        for (s, _) in SUFFIXES {
            assert!(seen.insert(*s), "duplicate suffix {s}");
        }
        let t = tables();
        for (s, w) in FUNCTION_WORDS {
            assert_eq!(t.words.get(table_key(s)), Some(*w), "{s}");
        }
        for (s, w) in SUFFIXES {
            assert_eq!(t.suffixes.get(table_key(s)), Some(*w), "{s}");
        }
    }

    #[test]
    fn letters_fold_case() {
        assert_eq!(letter('а'), 1);
        assert_eq!(letter('А'), 1);
        assert_eq!(letter('я'), 33);
        assert_eq!(letter('Я'), 33);
        assert_eq!(letter('ё'), YO);
        assert_eq!(letter('Ё'), YO);
        assert_eq!(letter('Қ'), letter('қ'));
        assert_eq!(letter('І'), I_KK);
        assert_eq!(letter('ї'), FOREIGN);
        assert_eq!(letter('q'), 0);
        for c in RU_LETTERS.chars().chain(KK_LETTERS.chars()) {
            assert_eq!(letter(c), table_letter(c), "{c}");
        }
    }
}
