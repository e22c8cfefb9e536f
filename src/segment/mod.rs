//! Sentence segmentation for Russian and Kazakh news.
//!
//! Rule-based and single-pass. A byte table picks out the few bytes that can end a
//! sentence (`. ? ! ; …`, line breaks) and straight quotes (counted, to tell an
//! opening `"` from a closing one in text with spaces around punctuation); every
//! other byte costs one table look-up. At each candidate the splitter reads
//!
//! * the *tail*: the run of final punctuation with the closing quotes and brackets
//!   glued to it (`?!»`, `.")`, `...`), and in pre-tokenized text the closers and
//!   marks that stand apart after spaces (`слово . " Дальше`, `что ? ? Так`);
//! * the whitespace after it, and how many line breaks it holds;
//! * the word on the left (`т.д`, `г`, `А`, `2023`) and the token before that;
//! * the first letter on the right, looking past dashes and opening quotes.
//!
//! and decides:
//!
//! * a blank line always ends a sentence; no whitespace after the mark never does
//!   (`5.12.2023`, `Vecher.kz`, `т.е.`, `Қ.Тоқаев`);
//! * a lowercase letter on the right (also after a dash: `«...!» – сказала она`) or a
//!   comma, colon or semicolon means no boundary; the exceptions are a dash after a
//!   period or an ellipsis (`... лидерах. — сказал он` starts a new sentence) and a
//!   period set apart by spaces after an ordinary word (`слово . дальше`), which in
//!   pre-tokenized corpora is a boundary;
//! * `?`, `!` and ellipses end a sentence before anything else;
//! * a single period ends one unless the word before it is an initial (`Е. Досаев`,
//!   `А. С. Пушкин`), a list number at the start of a sentence (`1. Первое`), or an
//!   abbreviation from [`abbrev`]: *head* abbreviations never end a sentence
//!   (`ул. Абая`, `им.`, `проф.`, `англ.`), *tail* ones do when a capital follows
//!   (`и т.д. В`, `5 млн. Это`, `т.б. Сол`), and units (`г.`, `в.`, `ғ.`, `км.`) end
//!   one only after a number (`в 2023 г. В` but `г. Алматы`). Unknown lowercase words
//!   without a vowel are taken for abbreviations too;
//! * inside round brackets a period after a lowercase word does not end a sentence
//!   (`(швед. Stockholms blodbad)`); smileys and stray closing brackets (`:)`,
//!   `=))`, `... )`) end one before a capital;
//! * a semicolon ends a sentence before a capital, a digit or a dash and a capital
//!   (`; 2) ...`, `; - Пункт`), as in razdel's corpora;
//! * a line break without final punctuation ends a sentence (headline, photo or
//!   speaker caption, dateline, widget timestamps and counters) unless the next line
//!   starts with a lowercase letter or the line ends in a comma, a word-wrap hyphen,
//!   an opening bracket or quote, a preposition or conjunction, or a colon that is
//!   not a caption in capitals (`ТАТЬЯНА МИРОНЮК, ... ДИРЕКТОРЫ:`).
//!
//! Sentences are byte ranges trimmed of Unicode whitespace; together they cover
//! every non-whitespace character. Nothing is allocated per candidate.

mod abbrev;

use std::ops::Range;

use abbrev::Kind;

/// Split `text` into sentences: byte ranges, in order, not overlapping, each
/// trimmed of surrounding whitespace, together covering every non-space character.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut s = Splitter { text, bytes: text.as_bytes(), out: Vec::new(), start: 0, quotes: 0, parens: 0 };
    s.run();
    s.out
}

/// Bytes that may start a candidate: `. ? ! ; " ( )`, line breaks, and the lead bytes
/// of `…`, `‼`, `⁉`, `⁈`, U+2028/2029 (0xE2) and U+0085 (0xC2).
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b';' as usize] = true;
    t[b'"' as usize] = true;
    t[b'(' as usize] = true;
    t[b')' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'\r' as usize] = true;
    t[0x0B] = true;
    t[0x0C] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | ';' | '…' | '‼' | '⁉' | '⁈' | '⁇')
}

/// Characters that close what a sentence opened and stay with it.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '“' | '’' | '›' | ')' | ']' | '}' | '"' | '\'')
}

/// Closers that can never open anything, so that standing alone after a space they
/// still belong to the left (pre-tokenized text).
fn is_closer_only(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | ')' | ']' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '"' | '\'' | '‘' | '‹' | '(' | '[' | '{')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'ә'
            | 'і'
            | 'ө'
            | 'ұ'
            | 'ү'
            | 'a'
            | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
    )
}

/// Whether a Russian word looks like a verb form (`помочь`, `сообщить`, `дали`,
/// `поможет`), after which `им` is a pronoun.
fn ends_like_verb(word: &str) -> bool {
    const ENDINGS: [&str; 18] = [
        "ть", "ти", "чь", "ли", "ет", "ит", "ют", "ят", "ешь", "ишь", "ал", "ял", "ил", "ел", "ала", "яла",
        "ила", "ела",
    ];
    ENDINGS.iter().any(|e| word.ends_with(e))
}

fn is_roman(c: char) -> bool {
    matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M' | 'Х' | 'І')
}

/// What the word before a period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Left {
    /// Nothing word-like (a bracket, a quote, `%`).
    Nothing,
    /// An ordinary word or number that can end a sentence.
    Plain,
    /// A single capital letter, or dotted capitals (`А.С`).
    Initial,
    /// A number that opens its sentence (`1. Первое`).
    ListNumber,
    Abbrev(Kind),
}

/// Final punctuation with what is glued to it.
#[derive(Clone, Copy, Debug, Default)]
struct Tail {
    end: usize,
    quotes: u32,
    dots: u32,
    ellipsis: bool,
    strong: bool,
    /// Closing round brackets.
    closed: u32,
    /// Whether the tail ends in a closer.
    closer_last: bool,
    semicolon: bool,
}

struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: Vec<Range<usize>>,
    /// Start of the current sentence (not yet trimmed).
    start: usize,
    /// Straight double quotes seen since the last blank line.
    quotes: u32,
    /// Round brackets open in the current sentence.
    parens: u32,
}

impl<'a> Splitter<'a> {
    fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            let b = self.bytes[i];
            if !INTERESTING[b as usize] {
                i += 1;
                continue;
            }
            i = match b {
                b'"' => {
                    self.quotes += 1;
                    i + 1
                }
                b'.' | b'?' | b'!' | b';' => self.punct(i),
                b'(' | b')' => self.bracket(i),
                b'\n' | b'\r' | 0x0B | 0x0C => self.line_break(i),
                _ => {
                    let c = self.char_at(i);
                    if is_terminal(c) {
                        self.punct(i)
                    } else if is_line_break(c) {
                        self.line_break(i)
                    } else {
                        i + c.len_utf8()
                    }
                }
            };
        }
        self.push(n);
    }

    fn char_at(&self, i: usize) -> char {
        self.text[i..].chars().next().unwrap_or('\0')
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text[..i].chars().next_back()
    }

    /// Ends the current sentence just before `at` and starts the next one there.
    fn push(&mut self, at: usize) {
        let seg = &self.text[self.start..at];
        let lead = seg.len() - seg.trim_start().len();
        let body = seg.trim();
        if !body.is_empty() {
            let s = self.start + lead;
            self.out.push(s..s + body.len());
        }
        self.start = at;
        self.parens = 0;
    }

    /// Skips whitespace from `i`; returns where it ends and how many line breaks it
    /// holds (`\r\n` is one).
    fn skip_space(&self, mut i: usize) -> (usize, u32) {
        let mut breaks = 0;
        while i < self.bytes.len() {
            let b = self.bytes[i];
            if b == b' ' || b == b'\t' {
                i += 1;
                continue;
            }
            if b < 0x80 {
                match b {
                    b'\n' | 0x0B | 0x0C => breaks += 1,
                    b'\r' => {
                        if self.bytes.get(i + 1) != Some(&b'\n') {
                            breaks += 1
                        }
                    }
                    _ => break,
                }
                i += 1;
                continue;
            }
            let c = self.char_at(i);
            if !c.is_whitespace() {
                break;
            }
            if is_line_break(c) {
                breaks += if c == '\u{2029}' { 2 } else { 1 };
            }
            i += c.len_utf8();
        }
        (i, breaks)
    }

    /// Reads the tail starting at `i` (which is a terminal mark or a closer) into `t`.
    fn scan_tail(&self, mut i: usize, t: &mut Tail) {
        while i < self.bytes.len() {
            let c = self.char_at(i);
            match c {
                '.' => t.dots += 1,
                '…' => t.ellipsis = true,
                '?' | '!' | '‼' | '⁉' | '⁈' | '⁇' => t.strong = true,
                ';' => t.semicolon = true,
                '"' => t.quotes += 1,
                ')' => t.closed += 1,
                c if is_closer(c) => {}
                _ => break,
            }
            t.closer_last = is_closer(c);
            i += c.len_utf8();
        }
        t.end = i;
    }

    /// Handles final punctuation at `p0`; returns where to go on.
    fn punct(&mut self, p0: usize) -> usize {
        let mut t = Tail::default();
        self.scan_tail(p0, &mut t);
        let (mut r, mut breaks) = self.skip_space(t.end);
        if r == t.end {
            // Glued to what follows (`5.12`, `т.е.`, `Vecher.kz`) or end of text.
            self.quotes += t.quotes;
            self.parens = self.parens.saturating_sub(t.closed);
            return t.end;
        }
        // Closers and marks standing apart after spaces still belong to the left.
        while r < self.bytes.len() && breaks == 0 {
            let c = self.char_at(r);
            let odd = (self.quotes + t.quotes) % 2 == 1;
            let mark = is_terminal(c) && ((c != '.' && c != ';') || t.closer_last);
            let last_quote = c == '"' && self.only_marks_from(r);
            if !(mark || is_closer_only(c) || (c == '"' && (odd || last_quote))) {
                break;
            }
            let mut more = t;
            self.scan_tail(r, &mut more);
            let (r2, b2) = self.skip_space(more.end);
            if r2 == more.end && r2 < self.bytes.len() {
                break; // glued to a word: it opens the next sentence
            }
            t = more;
            r = r2;
            breaks += b2;
        }
        if r >= self.bytes.len() {
            return r;
        }
        self.quotes += t.quotes;
        self.parens = self.parens.saturating_sub(t.closed);
        if breaks >= 2 {
            self.quotes = 0; // a new paragraph: quotes do not run across it
        }
        if self.punct_ends(p0, &t, r, breaks) {
            self.push(r);
        }
        r
    }

    /// Handles round brackets at `i`: counts them, and takes smileys (`:)`, `=((`,
    /// `)))`, a `)` standing alone after a space that closes nothing) for the end of
    /// a sentence when a capital letter follows.
    fn bracket(&mut self, i: usize) -> usize {
        let b = self.bytes[i];
        let mut end = i;
        while end < self.bytes.len() && self.bytes[end] == b {
            end += 1;
        }
        let run = (end - i) as u32;
        let mut before = self.char_before(i);
        if before == Some('-') {
            before = self.char_before(i - 1).filter(|c| matches!(c, ':' | ';' | '='));
        }
        let face = matches!(before, Some(':' | ';' | '='));
        if !face {
            if b == b'(' {
                self.parens += run;
                return end;
            }
            if self.parens >= run {
                self.parens -= run;
                return end;
            }
            let alone = before.is_none_or(|c| c.is_whitespace()) || run >= 2;
            self.parens = 0;
            if !alone {
                return end; // `1) пункт`, a stray bracket after a word
            }
        }
        let mut t = Tail::default();
        self.scan_tail(end, &mut t);
        let (r, breaks) = self.skip_space(t.end);
        if r == t.end || r >= self.bytes.len() {
            self.quotes += t.quotes;
            return t.end;
        }
        self.quotes += t.quotes;
        let rc = self.char_at(r);
        let letter = self.right_letter(r);
        if breaks >= 2 || (letter.is_uppercase() && !is_dash(rc) && !rc.is_ascii_punctuation()) {
            self.push(r);
        }
        r
    }

    /// Whether only final marks, closers and whitespace remain from `r` on.
    fn only_marks_from(&self, r: usize) -> bool {
        self.text.len() - r <= 64
            && self.text[r..].chars().all(|c| c.is_whitespace() || is_terminal(c) || is_closer(c))
    }

    /// The first character on the right that tells the case: past dashes, opening
    /// quotes and brackets, and spaces between them (not line breaks).
    fn right_letter(&self, r: usize) -> char {
        let mut i = r;
        let mut steps = 0;
        while i < self.bytes.len() && steps < 8 {
            let c = self.char_at(i);
            if is_dash(c) || is_opener(c) || c == ' ' || c == '\u{a0}' {
                i += c.len_utf8();
                steps += 1;
            } else {
                return c;
            }
        }
        '\0'
    }

    fn punct_ends(&self, p0: usize, t: &Tail, r: usize, breaks: u32) -> bool {
        if breaks >= 2 {
            return true;
        }
        if self.text[self.start..p0].trim_start().is_empty() {
            return false; // a mark that opens a sentence does not end it
        }
        let rc = self.char_at(r);
        if matches!(rc, ',' | ';' | ':' | '/') {
            return false;
        }
        let dash = is_dash(rc);
        // After `(` the case inside does not tell (`. (Фото: ...)`, `. (іі) Сөз`),
        // but a number does (`!» (71:26).`).
        let letter = if rc == '(' {
            match self.bytes.get(r + 1) {
                Some(b) if b.is_ascii_digit() => '0',
                _ => 'A',
            }
        } else {
            self.right_letter(r)
        };
        let upper = letter.is_uppercase() || self.url_at(r);
        let lower = letter.is_lowercase() && !upper;
        let weak = !t.strong && !t.ellipsis && t.dots == 0;
        if t.semicolon && weak {
            // `; 2) ...`, `; - Пункт`, `; Новое`: list items and joined sentences.
            return (upper || letter.is_ascii_digit()) && (breaks >= 1 || rc != '«');
        }
        if lower {
            // After a period or an ellipsis a dash opens a new sentence even before
            // a lowercase word (`... лидерах. — сказал он`); after `!` and `?` it
            // introduces the speaker of what was said (`«Помогите!» – сказала она`).
            if dash && !t.strong {
                return t.ellipsis || t.dots >= 2 || matches!(self.left(p0).0, Left::Plain | Left::Nothing);
            }
            // `слово . дальше`: a period set apart by spaces ends a sentence in
            // pre-tokenized text, whatever the case of the next word.
            return !t.strong
                && !t.ellipsis
                && t.dots == 1
                && self.bytes[p0 - 1] == b' '
                && self.left(p0).0 == Left::Plain;
        }
        if breaks >= 1 {
            return true;
        }
        if t.strong || t.ellipsis || t.dots >= 2 {
            return true;
        }
        self.period_ends(p0, r, letter)
    }

    /// Whether a single period at `p0` ends a sentence, given where the right side
    /// starts and its first letter (past dashes and quotes).
    fn period_ends(&self, p0: usize, r: usize, letter: char) -> bool {
        let rc = self.char_at(r);
        let (left, after_number) = self.left(p0);
        if self.parens > 0 && left == Left::Plain && self.lowercase_word_before(p0) {
            return false; // `(швед. Stockholms blodbad)`: abbreviations in brackets
        }
        if self.outlet_after_dateline(p0, r) || self.time_after_dateline(p0, r) {
            return false;
        }
        match left {
            Left::Nothing | Left::Plain => true,
            Left::Initial | Left::ListNumber | Left::Abbrev(Kind::Head) => false,
            // `138 тыс. (Иногда ...)` ends, `18 проц. (при ...)` does not.
            Left::Abbrev(Kind::Tail) => {
                !letter.is_ascii_digit() && (rc != '(' || self.right_letter(r).is_uppercase())
            }
            // `в 2023 г. В` ends, `в 1332 г. «Князь` and `2008 г. № 142` do not.
            Left::Abbrev(Kind::Unit) => after_number && rc.is_uppercase(),
        }
    }

    /// A dateline naming its outlet after the date's period, the quoted name alone
    /// to the end of the line (`Семей, 11 июня 2025. «Вести Семей»`): one line of
    /// layout, not two sentences.
    fn outlet_after_dateline(&self, p0: usize, r: usize) -> bool {
        if !self.bytes[..p0].last().is_some_and(u8::is_ascii_digit) || self.char_at(r) != '«' {
            return false;
        }
        let line = self.text[r..].split('\n').next().unwrap_or("").trim_end();
        let inner = &line['«'.len_utf8()..];
        line.ends_with('»')
            && (2..=60).contains(&inner.chars().count())
            && !inner.trim_end_matches('»').contains(['«', '»'])
    }

    /// A dateline's time of day after the period that ends its date (`3 сәуір
    /// 2024. 17:20`, `29 желтоқсан 2024 жыл. 17:05`, `5 мая 2025 г. 10:30`):
    /// the time is the date's, not the start of a sentence.
    fn time_after_dateline(&self, p0: usize, r: usize) -> bool {
        let right = &self.bytes[r..];
        let digits = right.iter().take_while(|b| b.is_ascii_digit()).count();
        let time = (1..=2).contains(&digits)
            && right.get(digits) == Some(&b':')
            && right.get(digits + 1..digits + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit))
            && !right.get(digits + 3).is_some_and(u8::is_ascii_digit);
        if !time {
            return false;
        }
        let before = self.text[..p0].trim_end();
        let before = ["жыл", "Жыл", "года", "г", "ж"]
            .iter()
            .find_map(|w| before.strip_suffix(w).filter(|b| b.ends_with(' ')))
            .map_or(before, str::trim_end);
        let digits = before.chars().rev().take_while(char::is_ascii_digit).count();
        digits == 4 && ["19", "20"].iter().any(|c| before[before.len() - 4..].starts_with(c))
    }

    /// Whether the word before `p0` is written in lowercase.
    fn lowercase_word_before(&self, p0: usize) -> bool {
        self.char_before(p0).is_some_and(|c| c.is_lowercase())
    }

    /// Whether a web address starts at `r` (it ends a sentence like a capital).
    fn url_at(&self, r: usize) -> bool {
        let rest = &self.bytes[r..];
        rest.starts_with(b"http://") || rest.starts_with(b"https://") || rest.starts_with(b"www.")
    }

    /// Classifies the word that ends just before the period at `p0` (allowing the
    /// spaces of pre-tokenized text); the flag says whether a number precedes it.
    fn left(&self, p0: usize) -> (Left, bool) {
        let mut e = p0;
        while e > 0 && self.bytes[e - 1] == b' ' && p0 - e < 3 {
            e -= 1;
        }
        let spaced = e < p0;
        let mut s = e;
        while let Some(c) = self.char_before(s) {
            if c.is_alphanumeric() || c == '.' || c == '-' {
                s -= c.len_utf8();
                if e - s > 40 {
                    return (Left::Plain, false);
                }
            } else {
                break;
            }
        }
        while s < e && matches!(self.bytes[s], b'.' | b'-') {
            s += 1;
        }
        let word = &self.text[s..e];
        if word.is_empty() {
            return (Left::Nothing, false);
        }
        // Key: the word lowercased, on the stack. A single letter after another
        // single letter and a period joins it (`т. д`, `т . п`, `н. э`).
        let mut buf = [0u8; 48];
        let mut len = 0;
        let mut chars = word.chars();
        let first = chars.next().unwrap_or('\0');
        let single = chars.next().is_none();
        if single
            && first.is_lowercase()
            && let Some(prev) = self.spaced_letter_before(s)
        {
            len += prev.encode_utf8(&mut buf[len..]).len();
            buf[len] = b'.';
            len += 1;
        }
        let mut all_lower = true;
        for c in word.chars() {
            all_lower &= !c.is_uppercase();
            let lc = c.to_lowercase().next().unwrap_or(c);
            if len + lc.len_utf8() > buf.len() {
                return (Left::Plain, false);
            }
            len += lc.encode_utf8(&mut buf[len..]).len();
        }
        let key = std::str::from_utf8(&buf[..len]).unwrap_or("");
        let after_number = self.number_before(s);
        let numeric = word.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            || word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'));
        if numeric {
            // `1. Первое`, `IV. Глава`, `8.1. Раздел` at the start of a sentence are
            // list numbers; pre-tokenized corpora (`2 . Текст`) split after them.
            if !spaced && self.opens_sentence(s) {
                return (Left::ListNumber, after_number);
            }
            if word.len() > 1 || first.is_ascii_digit() {
                return (Left::Plain, after_number);
            }
        }
        if single && first.is_uppercase() {
            return (Left::Initial, after_number);
        }
        if let Some(k) = abbrev::kind(key) {
            let before = self.word_before(s);
            return match key {
                // `помогли им.` (the pronoun) against `школа им. Абая` (named after).
                "им" if ends_like_verb(before) => (Left::Plain, after_number),
                // `и пр.` (and so on) against `пр. Абая` (avenue).
                "пр" if before == "и" => (Left::Abbrev(Kind::Tail), after_number),
                // `в 2023 г. В` (a year) against `больницы №2 г. Алматы` (a city
                // after a numbered body).
                "г" if self.sign_number_before(s) => (Left::Abbrev(Kind::Head), after_number),
                _ => (Left::Abbrev(k), after_number),
            };
        }
        if let Some(dot) = word.rfind('.') {
            // Dotted: `А.С` (initials), `н.э`, `к.п.н`, `т.ғ.к` (abbreviations),
            // `Vecher.kz` (a name).
            let last = &word[dot + 1..];
            let mut lc = last.chars();
            let l0 = lc.next().unwrap_or('\0');
            if l0.is_uppercase() && lc.next().is_none() {
                return (Left::Initial, after_number);
            }
            if all_lower {
                let degree = (key.starts_with("к.") || key.starts_with("д."))
                    && (key.ends_with(".н") || key.ends_with("н.н"));
                if degree || key.contains(".ғ.") {
                    return (Left::Abbrev(Kind::Head), after_number);
                }
                if last.chars().count() <= 3 {
                    return (Left::Abbrev(Kind::Tail), after_number);
                }
            }
            return (Left::Plain, after_number);
        }
        let lower_letters = word.chars().all(|c| c.is_lowercase() || c == '-');
        if lower_letters && key.chars().count() <= 5 && !key.chars().any(is_vowel) {
            return (Left::Abbrev(Kind::Unit), after_number);
        }
        if single && first.is_lowercase() && !matches!(first, 'я' | 'и' | 'а' | 'о' | 'у') {
            return (Left::Abbrev(Kind::Unit), after_number);
        }
        (Left::Plain, after_number)
    }

    /// The word (letters only) before `s`, past spaces; empty if none or long.
    fn word_before(&self, s: usize) -> &str {
        let mut e = s;
        while e > 0 && self.bytes[e - 1] == b' ' && s - e < 3 {
            e -= 1;
        }
        let mut b = e;
        while let Some(c) = self.char_before(b) {
            if !c.is_alphabetic() || e - b > 32 {
                break;
            }
            b -= c.len_utf8();
        }
        &self.text[b..e]
    }

    /// The single letter before `s` when it is followed by a period and a space
    /// (`т. д`: at `д`, gives `т`).
    fn spaced_letter_before(&self, s: usize) -> Option<char> {
        let mut i = s;
        while i > 0 && self.bytes[i - 1] == b' ' && s - i < 2 {
            i -= 1;
        }
        if i == s || i == 0 || self.bytes[i - 1] != b'.' {
            return None;
        }
        let mut i = i - 1;
        while i > 0 && self.bytes[i - 1] == b' ' && s - i < 4 {
            i -= 1;
        }
        let c = self.char_before(i)?;
        let before = self.char_before(i - c.len_utf8());
        (c.is_lowercase() && !before.is_some_and(|b| b.is_alphanumeric())).then_some(c)
    }

    /// Whether only spaces, opening quotes, dashes or `§` stand between the
    /// sentence start and `s`.
    fn opens_sentence(&self, s: usize) -> bool {
        s >= self.start
            && s - self.start <= 16
            && self.text[self.start..s]
                .chars()
                .all(|c| c.is_whitespace() || is_opener(c) || is_dash(c) || c == '§')
    }

    /// Whether the token before byte `s` (past spaces) is a number: has a digit
    /// (`2023`, `1990-х`, `51,5`) or is a Roman numeral (`XX`).
    /// Whether the token before `s` is a number after the sign № (`№2`, `№ 15`).
    fn sign_number_before(&self, s: usize) -> bool {
        let text = &self.text[..s];
        let mut tokens = text.split_whitespace().rev();
        let Some(last) = tokens.next() else { return false };
        let digits = last.trim_start_matches('№');
        !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits.len() < last.len() || tokens.next() == Some("№"))
    }

    fn number_before(&self, s: usize) -> bool {
        let mut e = s;
        while e > 0 && matches!(self.bytes[e - 1], b' ' | b'\t') {
            e -= 1;
        }
        if e == s && e > 0 {
            return false;
        }
        let mut i = e;
        let mut digit = false;
        let mut roman = true;
        let mut any = false;
        while let Some(c) = self.char_before(i) {
            if c.is_whitespace() || e - i > 24 {
                break;
            }
            any = true;
            digit |= c.is_ascii_digit();
            roman &= is_roman(c);
            i -= c.len_utf8();
        }
        any && (digit || roman)
    }

    /// Handles a line break at `i` that no final punctuation came before.
    fn line_break(&mut self, i: usize) -> usize {
        let mut ws = i;
        while let Some(c) = self.char_before(ws) {
            if !c.is_whitespace() || ws <= self.start {
                break;
            }
            ws -= c.len_utf8();
        }
        let (r, breaks) = self.skip_space(i);
        if r >= self.bytes.len() {
            return r;
        }
        if self.text[self.start..ws].trim_start().is_empty() {
            return r;
        }
        if breaks >= 2 {
            self.quotes = 0;
        }
        if self.line_ends(ws, r, breaks) {
            self.push(r);
        }
        r
    }

    /// Whether a line that ends at `ws` (before its trailing spaces) and is
    /// followed by the line starting at `r` ends a sentence.
    fn line_ends(&self, ws: usize, r: usize, breaks: u32) -> bool {
        if breaks >= 2 {
            return true;
        }
        if self.right_letter(r).is_lowercase() {
            return false;
        }
        let Some(prev) = self.char_before(ws) else {
            return true;
        };
        match prev {
            ',' | '«' | '„' | '(' | '[' | '{' => false,
            ':' => self.caps_line(ws - 1),
            c if is_dash(c) => {
                // A word-wrap hyphen is glued to its word; a dash after a space
                // (`КазТАГ –`) closes a dateline.
                let before = self.char_before(ws - c.len_utf8());
                !(c == '-' && before.is_some_and(|b| b.is_alphabetic()))
            }
            c if c.is_alphabetic() => !self.continuation_word(ws),
            _ => true,
        }
    }

    /// Whether the line ending at `end` is a caption in capitals: letters, at least
    /// two, none lowercase.
    fn caps_line(&self, end: usize) -> bool {
        let mut i = end;
        let mut upper = 0;
        while let Some(c) = self.char_before(i) {
            if is_line_break(c) {
                break;
            }
            if c.is_lowercase() || end - i > 400 {
                return false;
            }
            if c.is_uppercase() {
                upper += 1;
            }
            i -= c.len_utf8();
        }
        upper >= 2
    }

    /// Whether the word ending at `end` is a preposition or conjunction.
    fn continuation_word(&self, end: usize) -> bool {
        let mut s = end;
        while let Some(c) = self.char_before(s) {
            if !(c.is_alphabetic() || c == '/') || end - s > 16 {
                break;
            }
            s -= c.len_utf8();
        }
        let word = &self.text[s..end];
        if word.len() > 14 || word.chars().any(|c| c.is_uppercase()) {
            return false;
        }
        abbrev::is_continuation_word(word)
    }
}

#[cfg(test)]
mod tests;
