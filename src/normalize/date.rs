//! Date values in the guidelines' TIMEX-like grammar: `2023`, `2023-12-04`,
//! `XXXX-12`, `Y0`, `Y-1`, `Y0-03`, `Y0-01-01`, `D-1`, `2025-WI`, intervals
//! `A/B`, and "since" intervals `A/Y0` (constant `since = true`, or a `since`
//! group when the word is optional).
//!
//! Groups: `day`, `month`, `year` (first point), `day2`, `month2`, `year2`, `season2`
//! (second point of an interval), `rel` (a relative expression looked up in the
//! `[relative]` lexicon; digits in it stand for N: `N жыл бұрын` = `Y-{n}`; a
//! number in words goes in an `n` group inside `rel`: шесть лет назад = `Y-6`),
//! `season`. Constants: `value` (a fixed value), `rel`, `since = true`.
//! A point missing a month or a year takes it from the other point
//! (с 4 по 9 декабря: XXXX-12-04/XXXX-12-09).
//! A `year` group may hold a decade (`1980-х`, `2000-е`: `198X`, `200X`) or a
//! Kazakh year in ordinal words (`екі мың жиырмасыншы`: 2020); a `day` group a
//! Kazakh ordinal day (`бірінші сәуір`); a `season` group a season adjective
//! (`көктемгі`, `весенний`) as well as a noun.
//!
//! A date that only anchors a part of a year the grammar has no value for (a
//! quarter, a half-year: `[year_part]` in the lexicon) is no date: в первом
//! квартале 2024 года, 2026 жылдың бірінші тоқсанына дейін.

use super::{Context, month};
use crate::record::Value;

#[derive(Default, Clone)]
struct Point {
    /// A base that replaces the year: `Y0`, `Y-1`, or a full relative value.
    rel: Option<String>,
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    season: Option<&'static str>,
    /// A decade: the first three digits of its first year (`198` for the 1980s).
    decade: Option<String>,
}

impl Point {
    fn is_empty(&self) -> bool {
        self.rel.is_none() && self.year.is_none() && self.month.is_none() && self.day.is_none()
    }

    fn render(&self) -> String {
        if let Some(d) = &self.decade {
            return format!("{d}X");
        }
        let mut s = match (&self.rel, self.year) {
            (Some(r), _) => r.clone(),
            (None, Some(y)) => format!("{y:04}"),
            (None, None) => "XXXX".to_string(),
        };
        if let Some(season) = self.season {
            s.push('-');
            s.push_str(season);
            return s;
        }
        // Only a bare relative year (Y0, Y-1, Y+1) takes a month and day;
        // Y0-01-01, M-1 or D-1 are complete.
        let takes_more = self.rel.as_deref().is_none_or(|r| {
            r.strip_prefix('Y')
                .is_some_and(|n| n.trim_start_matches(['+', '-']).chars().all(|c| c.is_ascii_digit()))
        });
        if !takes_more {
            return s;
        }
        if let Some(m) = self.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = self.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    }
}

/// A year: four digits, or a Kazakh ordinal in words; a year of the last
/// century by its last two digits, 50 to 99, when a rule allows it (Kazakh
/// `93-інші жылы`, `тоқсан үшінші жылы`: 1993).
fn year(s: &str) -> Option<i32> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        let y = i32::try_from(kk_ordinal(s)?).ok()?;
        return match y {
            1000..=2999 => Some(y),
            50..=99 => Some(1900 + y),
            _ => None,
        };
    }
    let y: i32 = digits.parse().ok()?;
    match digits.len() {
        4 if (1000..=2999).contains(&y) => Some(y),
        2 if (50..=99).contains(&y) => Some(1900 + y),
        _ => None,
    }
}

/// A decade written as its first year with a plural ending: `1980-х`, `1990-е`
/// give `198`, `199` (the value is `198X`); two Russian digits from 20 to 90 are
/// a decade of the 20th century (`90-е` gives `199`; `00` and `10` could be
/// either century and give nothing). In Kazakh the plural is the word `жылдар`
/// (a rule's group ends there): `2000-жылдар`, `1990 жылдар`, and the decades of
/// the last century by two digits or in ordinal words, `90-жылдар`,
/// `90-ыншы жылдар`, `тоқсаныншы жылдар` (`199`).
fn decade(s: &str) -> Option<String> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = s[digits.len()..].trim_start_matches(['-', '\u{2010}', '\u{2011}', '\u{2013}']);
    let ending = rest.to_lowercase();
    let plural = ["е", "х", "ые", "ых", "ми", "м"];
    if digits.ends_with('0') && plural.contains(&ending.as_str()) {
        return match digits.len() {
            4 => Some(digits[..3].to_string()),
            2 if digits.as_bytes()[0] >= b'2' => Some(format!("19{}", &digits[..1])),
            _ => None,
        };
    }
    // Kazakh: the number, an optional ordinal ending, then жылдар.
    let head =
        ending.strip_suffix("жылдар")?.trim_end().trim_end_matches(['-', '\u{2010}', '\u{2011}', '\u{2013}']);
    const TENS_19: [(&str, char); 7] = [
        ("отызыншы", '3'),
        ("қырқыншы", '4'),
        ("елуінші", '5'),
        ("алпысыншы", '6'),
        ("жетпісінші", '7'),
        ("сексенінші", '8'),
        ("тоқсаныншы", '9'),
    ];
    if digits.is_empty() {
        return TENS_19.iter().find(|(w, _)| *w == head).map(|(_, d)| format!("19{d}"));
    }
    let ordinal = ["", "ыншы", "інші", "сыншы", "сінші", "шы", "ші", "нші", "ншы"];
    if !ordinal.contains(&head) || !digits.ends_with('0') {
        return None;
    }
    match digits.len() {
        4 if digits.starts_with("19") || digits.starts_with("20") || digits.starts_with("18") => {
            Some(digits[..3].to_string())
        }
        2 if ('3'..='9').contains(&digits.chars().next()?) => Some(format!("19{}", &digits[..1])),
        _ => None,
    }
}

/// Kazakh ordinal words and the cardinals they are made from.
const KK_ORDINALS: [(&str, &str); 20] = [
    ("бірінші", "бір"),
    ("екінші", "екі"),
    ("үшінші", "үш"),
    ("төртінші", "төрт"),
    ("бесінші", "бес"),
    ("алтыншы", "алты"),
    ("жетінші", "жеті"),
    ("сегізінші", "сегіз"),
    ("тоғызыншы", "тоғыз"),
    ("оныншы", "он"),
    ("жиырмасыншы", "жиырма"),
    ("жиырмасынші", "жиырма"),
    ("отызыншы", "отыз"),
    ("қырқыншы", "қырық"),
    ("елуінші", "елу"),
    ("алпысыншы", "алпыс"),
    ("жетпісінші", "жетпіс"),
    ("сексенінші", "сексен"),
    ("тоқсаныншы", "тоқсан"),
    ("жүзінші", "жүз"),
];

/// A Kazakh number in words whose last word is an ordinal: `екі мың
/// жиырмасыншы` 2020, `мың тоғыз жүз тоқсан жетінші` 1997, `екі мыңыншы` 2000,
/// `он бесінші` 15. `None` when the last word is not an ordinal.
fn kk_ordinal(s: &str) -> Option<u32> {
    let t = s.trim().to_lowercase();
    let (head, last) = match t.rsplit_once(char::is_whitespace) {
        Some((h, l)) => (h.trim_end(), l),
        None => ("", t.as_str()),
    };
    let card = if last == "мыңыншы" {
        "мың"
    } else {
        KK_ORDINALS.iter().find(|(o, _)| *o == last).map(|(_, c)| *c)?
    };
    let words = if head.is_empty() { card.to_string() } else { format!("{head} {card}") };
    // A leading "мың" (one thousand) is written without "бір".
    let words = if words.starts_with("мың") { format!("бір {words}") } else { words };
    let n = super::number::parse_number(&words)?;
    (n.fract() == 0.0 && n >= 1.0).then_some(n as u32)
}

/// A month by name, or by number (05.12.2023).
fn month_of(s: &str) -> Option<u32> {
    // (a Kazakh month's name with айы, "the month of", in a case after it:
    // қазан айынан, мамыр айына)
    if let Some((name, ai)) = s.trim().rsplit_once(char::is_whitespace)
        && ai.to_lowercase().starts_with("айы")
    {
        return month::month(name.trim());
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        let m: u32 = s.parse().ok()?;
        return (1..=12).contains(&m).then_some(m);
    }
    month::month(s)
}

/// `THH:MM` from the `hour` and `minute` groups, when both are there and valid.
fn time(ctx: &Context) -> Option<String> {
    let h: u32 = ctx.group("hour")?.parse().ok()?;
    let m: u32 = ctx.group("minute")?.parse().ok()?;
    (h < 24 && m < 60).then(|| format!("T{h:02}:{m:02}"))
}

/// A Kazakh day of the month as a cardinal in words with a possessive ending
/// and perhaps a case ending after the month in the genitive (наурыздың
/// `жиырма бесі`, `он төрті`, `бірінде`, `жиырма екісінен`, `алтысына`):
/// the number, or `None`.
fn kk_day_cardinal(s: &str) -> Option<u32> {
    const CARDINALS: [&str; 12] =
        ["бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма", "отыз"];
    const CASES: [&str; 13] =
        ["", "нда", "нде", "нан", "нен", "ның", "нің", "мен", "на", "не", "н", "ны", "ні"];
    const POSS: [&str; 4] = ["сы", "сі", "ы", "і"];
    let t = s.trim().to_lowercase();
    let (head, last) = match t.rsplit_once(char::is_whitespace) {
        Some((h, l)) => (h.trim_end(), l),
        None => ("", t.as_str()),
    };
    let card = CASES.iter().find_map(|case| {
        let w = last.strip_suffix(case)?;
        POSS.iter().find_map(|p| w.strip_suffix(p).filter(|b| CARDINALS.contains(b)))
    })?;
    let words = if head.is_empty() { card.to_string() } else { format!("{head} {card}") };
    let n = super::number::parse_number(&words)?;
    (n.fract() == 0.0 && (1.0..=31.0).contains(&n)).then_some(n as u32)
}

fn day(s: &str) -> Option<u32> {
    let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() {
        return kk_ordinal(s).or_else(|| kk_day_cardinal(s)).filter(|d| (1..=31).contains(d));
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A relative expression to its value: exact look-up, then with digits as N.
fn relative(ctx: &Context, text: &str) -> Option<String> {
    let lex = &ctx.set.lexicon;
    if let Some(v) = lex.lookup("relative", text) {
        return Some(v.to_string());
    }
    // A number in words (шесть лет назад, пятилетней давности): the `n` group.
    if let Some(n) = ctx.group("n").filter(|n| !n.chars().any(|c| c.is_ascii_digit())) {
        let k = super::number::parse_number(n).filter(|k| k.fract() == 0.0 && *k >= 1.0)?;
        let templ = text.replacen(n, "N", 1);
        return lex.lookup("relative", &templ).map(|v| v.replace("{n}", &(k as i64).to_string()));
    }
    let n: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
    if n.is_empty() {
        return None;
    }
    let mut templ = String::new();
    let mut in_digits = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                templ.push('N');
            }
            in_digits = true;
        } else {
            templ.push(c);
            in_digits = false;
        }
    }
    lex.lookup("relative", &templ).map(|v| v.replace("{n}", &n))
}

pub fn normalize(ctx: &Context) -> Option<Value> {
    if anchors_a_year_part(ctx) {
        return None;
    }
    // (a `since` group: the word of "since" is optional in the pattern, былтыр
    // желтоқсаннан бері)
    let since = ctx.constant("since").is_some_and(|s| s == "true") || ctx.group("since").is_some();
    let finish = |v: String| {
        let v = if since && !v.contains('/') { format!("{v}/Y0") } else { v };
        Some(Value::Date { value: v, relative: None })
    };
    if let Some(v) = ctx.constant("value") {
        return finish(v);
    }
    // (a season by its noun or its adjective, in either point)
    let season = |s: &str| month::season(s).or_else(|| month::season_adjective(s));
    let mut a = Point {
        rel: match ctx.group("rel") {
            Some(r) => Some(relative(ctx, r)?),
            None => ctx.constant("rel"),
        },
        year: match ctx.group("year") {
            Some(y) if decade(y).is_some() => None,
            Some(y) => Some(year(y)?),
            None => ctx.constant("year").and_then(|y| year(&y)),
        },
        month: match (ctx.group("month"), ctx.group("month_abbr")) {
            (Some(m), _) => Some(month_of(m)?),
            // a month abbreviated without its dot (a dateline's 18 мар –)
            (None, Some(a)) => Some(month::month(&format!("{}.", a.trim_end_matches('.')))?),
            (None, None) => ctx.constant("month").and_then(|m| m.parse().ok()),
        },
        day: match ctx.group("day") {
            Some(d) => Some(day(d)?),
            None => ctx.constant("day").and_then(|d| d.parse().ok()),
        },
        season: match ctx.group("season") {
            Some(s) => Some(season(s)?),
            None => None,
        },
        decade: ctx.group("year").and_then(decade),
    };
    let mut b = Point {
        year: match ctx.group("year2") {
            Some(y) if decade(y).is_some() => None,
            Some(y) => Some(year(y)?),
            None => None,
        },
        decade: ctx.group("year2").and_then(decade),
        month: match (ctx.group("month2"), ctx.group("months")) {
            (Some(m), _) => Some(month_of(m)?),
            // the first months of a year, counted (алғашқы тоғыз айында, 9
            // месяцев 2025 года): up to the last of them
            (None, Some(n)) => Some(months_count(n)?),
            (None, None) => None,
        },
        day: match ctx.group("day2") {
            Some(d) => Some(day(d)?),
            None => None,
        },
        season: match ctx.group("season2") {
            Some(s) => Some(season(s)?),
            None => None,
        },
        ..Point::default()
    };
    if a.is_empty() && a.season.is_none() && a.decade.is_none() {
        return None;
    }
    // маусым is June and a season: an ordinal in words before it in the
    // accusative or bare possessive counts seasons (биыл екінші маусымын
    // аяқтады), no day of June (тоғызыншы маусымына is one).
    if let (Some(d), Some(m)) = (ctx.group("day"), ctx.group("month"))
        && !d.starts_with(|c: char| c.is_ascii_digit())
        && matches!(m.to_lowercase().as_str(), "маусымын" | "маусымды" | "маусымы")
    {
        return None;
    }
    if b.is_empty() {
        let mut v = a.render();
        if let (Some(t), Some(_)) = (time(ctx), a.day) {
            v.push_str(&t);
        }
        return finish(v);
    }
    // Share what one point of an interval leaves implicit.
    if a.month.is_none() && a.day.is_some() {
        a.month = b.month;
    }
    if a.year.is_none() && a.rel.is_none() {
        a.year = b.year;
    }
    if b.month.is_none() && b.day.is_some() {
        b.month = a.month;
    }
    if b.year.is_none() {
        b.year = a.year;
        b.rel = a.rel.clone();
    }
    finish(format!("{}/{}", a.render(), b.render()))
}

/// A count of months from January (тоғыз, 9, девять, шести), 2 to 12.
fn months_count(n: &str) -> Option<u32> {
    let v = super::number::amount(n.trim(), None)?;
    (v.fract() == 0.0 && (2.0..=12.0).contains(&v)).then_some(v as u32)
}

/// Whether the date is written with a part of a year that has no value in the
/// grammar: the word before it is one of `[year_part]`'s `before` forms (в
/// первом квартале текущего года, за первое полугодие 2023 года), or after it
/// (after a жыл word, an ordinal or both) comes a word starting with one of
/// its `after` stems (2025 жылдың үшінші тоқсанынан бастап, биылғы жылдың
/// алғашқы тоқсанында).
fn anchors_a_year_part(ctx: &Context) -> bool {
    let lex = &ctx.set.lexicon;
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let before = ctx.groups.before_span().split_whitespace().next_back().map(word);
    if before.is_some_and(|w| lex.lookup("year_part", &w) == Some("before")) {
        return true;
    }
    // Kazakh тоқсан is also "ninety" (биыл тоқсан бір жасқа толды): a жыл word
    // or an ordinal must come between.
    let mut after = ctx.groups.following().split_whitespace().map(word).take(3).peekable();
    let year_word = after.next_if(|w| w.starts_with("жыл")).is_some();
    let ordinal = after
        .next_if(|w| {
            w == "алғашқы"
                || w == "соңғы"
                || kk_ordinal(w).is_some()
                || w.ends_with("-ші")
                || w.ends_with("-шы")
        })
        .is_some();
    (year_word || ordinal)
        && after.next().is_some_and(|w| lex.lookup_prefix("year_part", &w) == Some("after"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_counted_from_january() {
        assert_eq!(months_count("тоғыз"), Some(9));
        assert_eq!(months_count("9"), Some(9));
        assert_eq!(months_count("девять"), Some(9));
        assert_eq!(months_count("шести"), Some(6));
        assert_eq!(months_count("он екі"), Some(12));
        assert_eq!(months_count("13"), None);
        assert_eq!(months_count("бір"), None, "one month is no interval");
    }

    #[test]
    fn kazakh_ordinal_years_and_days() {
        assert_eq!(year("екі мың жиырмасыншы"), Some(2020));
        assert_eq!(year("Екі мың он сегізінші"), Some(2018));
        assert_eq!(year("екі мыңыншы"), Some(2000));
        assert_eq!(year("екі мың жиырма бірінші"), Some(2021));
        assert_eq!(year("мың тоғыз жүз тоқсан жетінші"), Some(1997));
        assert_eq!(year("жиырмасыншы"), None, "not a year");
        assert_eq!(year("тоқсан үшінші"), Some(1993));
        assert_eq!(year("93-інші"), Some(1993));
        assert_eq!(year("18-інші"), None, "2018 or the 18th year");
        assert_eq!(year("бесінші"), None);
        assert_eq!(year("екі мың жиырма"), None, "a cardinal, not an ordinal");
        assert_eq!(day("бірінші"), Some(1));
        assert_eq!(day("тоғызыншы"), Some(9));
        assert_eq!(day("жиырма бесінші"), Some(25));
        assert_eq!(day("отыз екінші"), None);
        assert_eq!(day("жиырма бесі"), Some(25));
        assert_eq!(day("он төрті"), Some(14));
        assert_eq!(day("бесі"), Some(5));
        assert_eq!(day("бірінде"), Some(1));
        assert_eq!(day("жиырма екісінен"), Some(22));
        assert_eq!(day("алтысына"), Some(6));
        assert_eq!(day("отызы"), Some(30));
        assert_eq!(day("отыз бесі"), None, "no 35th");
        assert_eq!(day("кітабы"), None);
        assert_eq!(year("2023"), Some(2023));
    }

    #[test]
    fn a_kazakh_month_with_ai_after_it() {
        assert_eq!(month_of("қазан айынан"), Some(10));
        assert_eq!(month_of("мамыр айына"), Some(5));
        assert_eq!(month_of("мамыр"), Some(5));
        assert_eq!(month_of("мамыр күні"), None);
    }

    #[test]
    fn decades() {
        assert_eq!(decade("1980-х").as_deref(), Some("198"));
        assert_eq!(decade("2000-е").as_deref(), Some("200"));
        assert_eq!(decade("1970-ые").as_deref(), Some("197"));
        assert_eq!(decade("1985-х"), None, "not a decade's first year");
        assert_eq!(decade("1980"), None);
        assert_eq!(decade("1980-го"), None);
        assert_eq!(decade("90-е").as_deref(), Some("199"));
        assert_eq!(decade("60-х").as_deref(), Some("196"));
        assert_eq!(decade("10-е"), None, "1910s or 2010s");
        assert_eq!(decade("00-х"), None);
        assert_eq!(decade("95-е"), None);
        assert_eq!(decade("1990-жылдар").as_deref(), Some("199"));
        assert_eq!(decade("2000 жылдар").as_deref(), Some("200"));
        assert_eq!(decade("90-жылдар").as_deref(), Some("199"));
        assert_eq!(decade("50-інші жылдар").as_deref(), Some("195"));
        assert_eq!(decade("Тоқсаныншы жылдар").as_deref(), Some("199"));
        assert_eq!(decade("20-жылдар"), None, "1920s or 2020s");
        assert_eq!(decade("1995 жылдар"), None);
        assert_eq!(decade("жиырмасыншы жылдар"), None);
    }
}
