//! Month names and seasons, Russian and Kazakh.
//!
//! The regex macros `MONTH_RU`, `MONTH_KK`, `SEASON_RU`, `SEASON_KK` in
//! `rules/common/numbers.toml` match the forms read here (checked by a test).
//!
//! Ambiguities left to the rules (they see the context): Kazakh `қазан` is
//! October and also "cauldron" (and Russian `Казань` in `Казани`-like contexts
//! is not read, but `қазан` is); Kazakh `май` is "oil"; Kazakh `жаз` is
//! "summer" and the imperative "write!"; Russian `лета` is also a genitive of
//! "лето" in "с лета" only (the plural `лет` "years" is not read).

/// Lowercase with `ё` as `е`, trimmed.
fn normalize(s: &str) -> String {
    s.trim().to_lowercase().replace('ё', "е")
}

/// Russian month stems taking the soft endings `-ь -я -е -ю -ем`.
const RU_SOFT: [(&str, u32); 9] = [
    ("январ", 1),
    ("феврал", 2),
    ("апрел", 4),
    ("июн", 6),
    ("июл", 7),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
];
const RU_SOFT_ENDINGS: [&str; 5] = ["ь", "я", "е", "ю", "ем"];
/// `март` and `август` with `- -а -е -у -ом`.
const RU_HARD: [(&str, u32); 2] = [("март", 3), ("август", 8)];
const RU_HARD_ENDINGS: [&str; 5] = ["", "а", "е", "у", "ом"];
/// `май`: `май мая мае маю маем`.
const RU_MAY_ENDINGS: [&str; 5] = ["й", "я", "е", "ю", "ем"];
/// Abbreviations, written with their dot.
const RU_ABBREV: [(&str, u32); 14] = [
    ("янв", 1),
    ("фев", 2),
    ("февр", 2),
    ("мар", 3),
    ("апр", 4),
    ("июн", 6),
    ("июл", 7),
    ("авг", 8),
    ("сен", 9),
    ("сент", 9),
    ("окт", 10),
    ("ноя", 11),
    ("нояб", 11),
    ("дек", 12),
];

const KK_MONTHS: [(&str, u32); 12] = [
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
];
const KK_ABBREV: [(&str, u32); 12] = [
    ("қаң", 1),
    ("ақп", 2),
    ("нау", 3),
    ("сәу", 4),
    ("мам", 5),
    ("мау", 6),
    ("шіл", 7),
    ("там", 8),
    ("қыр", 9),
    ("қаз", 10),
    ("қар", 11),
    ("жел", 12),
];

/// Kazakh case suffixes on a month name (harmony is not checked).
const KK_CASE: [&str; 33] = [
    "дағы", "дегі", "тағы", "тегі", // "of (the month)"
    "дан", "ден", "тан", "тен", "нан", "нен", // ablative
    "ның", "нің", "дың", "дің", "тың", "тің", // genitive
    "мен", "бен", "пен", // instrumental
    "ға", "ге", "қа", "ке", // dative
    "ны", "ні", "ды", "ді", "ты", "ті", // accusative
    "да", "де", "та", "те", // locative
];
/// After a possessive `-ы/-і/-сы/-сі`: желтоқсанында, шілдесінде.
const KK_POSS_CASE: [&str; 12] =
    ["ндағы", "ндегі", "нда", "нде", "нан", "нен", "ның", "нің", "мен", "на", "не", "н"];

fn is_kk_poss(s: &str, possessives: &[&str]) -> bool {
    possessives.iter().any(|p| s.strip_prefix(p).is_some_and(|r| r.is_empty() || KK_POSS_CASE.contains(&r)))
}

/// Month number 1–12 from a Russian month name in any case (`января`,
/// `январе`, `январём`, `мая`, `марта`) or abbreviation with its dot (`янв.`,
/// `дек.`), or from a Kazakh month name with any suffix (`желтоқсанда`,
/// `желтоқсанында`, `қыркүйегінде`, `шілдесінде`) or abbreviation (`ақп.`).
/// Case-insensitive; `None` for anything else.
///
/// ```
/// use derek::normalize::month::month;
/// assert_eq!(month("января"), Some(1));
/// assert_eq!(month("Желтоқсанында"), Some(12));
/// assert_eq!(month("январский"), None);
/// ```
pub fn month(s: &str) -> Option<u32> {
    let t = normalize(s);
    if let Some(a) = t.strip_suffix('.') {
        return RU_ABBREV.iter().chain(KK_ABBREV.iter()).find(|(x, _)| *x == a).map(|&(_, m)| m);
    }
    for (stem, m) in RU_SOFT {
        if t.strip_prefix(stem).is_some_and(|r| RU_SOFT_ENDINGS.contains(&r)) {
            return Some(m);
        }
    }
    for (stem, m) in RU_HARD {
        if t.strip_prefix(stem).is_some_and(|r| RU_HARD_ENDINGS.contains(&r)) {
            return Some(m);
        }
    }
    if t.strip_prefix("ма").is_some_and(|r| RU_MAY_ENDINGS.contains(&r)) {
        return Some(5);
    }
    for (stem, m) in KK_MONTHS {
        if let Some(r) = t.strip_prefix(stem)
            && (r.is_empty() || KK_CASE.contains(&r) || is_kk_poss(r, &["сы", "сі", "ы", "і"]))
        {
            return Some(m);
        }
    }
    // қыркүйек: к becomes г before a vowel (қыркүйегі, қыркүйегінде)
    if t.strip_prefix("қыркүйег").is_some_and(|r| is_kk_poss(r, &["і", "ы"])) {
        return Some(9);
    }
    None
}

/// Russian season nouns and their endings.
const RU_SEASONS: [(&str, &[&str], &str); 4] = [
    ("зим", &["а", "ы", "е", "у", "ой", "ою"], "WI"),
    ("весн", &["а", "ы", "е", "у", "ой", "ою"], "SP"),
    ("лет", &["о", "а", "у", "ом", "е"], "SU"),
    ("осен", &["ь", "и", "ью"], "FA"),
];
/// Kazakh season nouns and the suffixed forms read (a closed list: `қысқа` is
/// "short", `жазды` "wrote", `күзгі` an adjective; `қыстағы` "of the winter";
/// the comitative of a comparison: `2024 жылғы жазбен салыстырғанда`).
/// The patterns' SEASON_KK (rules/common/numbers.toml) lists the same forms.
const KK_SEASONS: [(&str, &[&str], &str); 4] = [
    ("қыс", &["", "та", "тағы", "тың", "тан", "пен", "ы", "ында", "ындағы", "ынан", "ына", "ымен"], "WI"),
    (
        "көктем",
        &["", "де", "дегі", "нің", "нен", "мен", "ге", "і", "інде", "індегі", "інен", "іне", "імен"],
        "SP",
    ),
    (
        "жаз",
        &["", "да", "дағы", "дың", "дан", "бен", "ға", "ы", "ында", "ындағы", "ынан", "ына", "ымен"],
        "SU",
    ),
    (
        "күз",
        &["", "де", "дегі", "дің", "ден", "бен", "ге", "і", "інде", "індегі", "інен", "іне", "імен"],
        "FA",
    ),
];

/// Season code `WI`, `SP`, `SU`, `FA` from a season noun: Russian `зима зимой
/// зимы зиму`, `весна весной`, `лето летом`, `осень осенью осени` (nouns only,
/// not `зимний`); Kazakh `қыс қыста`, `көктем көктемде`, `жаз жазда`, `күз
/// күзде`. Note that Kazakh `жаз` is also the imperative "write!".
pub fn season(s: &str) -> Option<&'static str> {
    let t = normalize(s);
    RU_SEASONS
        .iter()
        .chain(KK_SEASONS.iter())
        .find_map(|&(stem, ends, code)| t.strip_prefix(stem).filter(|r| ends.contains(r)).map(|_| code))
}

/// Season adjectives: Kazakh `қысқы көктемгі жазғы күзгі`, Russian `зимний
/// весенний летний осенний` in any case and gender. Only a rule that ties the
/// season to a year (`осы көктемгі`, `этой весенней`) should read them: alone
/// they are no date (GUIDELINES.md).
pub fn season_adjective(s: &str) -> Option<&'static str> {
    let t = normalize(s);
    let kk = [("қысқы", "WI"), ("көктемгі", "SP"), ("жазғы", "SU"), ("күзгі", "FA")];
    if let Some(&(_, c)) = kk.iter().find(|(w, _)| *w == t) {
        return Some(c);
    }
    const RU_ADJ_ENDINGS: [&str; 12] =
        ["ий", "его", "ему", "им", "ем", "яя", "ей", "юю", "ее", "ие", "их", "ими"];
    [("зимн", "WI"), ("весенн", "SP"), ("летн", "SU"), ("осенн", "FA")]
        .iter()
        .find_map(|&(stem, code)| t.strip_prefix(stem).filter(|r| RU_ADJ_ENDINGS.contains(r)).map(|_| code))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::number::tests::Macros;

    #[test]
    fn russian_months() {
        for (s, m) in [
            ("январь", 1),
            ("января", 1),
            ("январе", 1),
            ("январём", 1),
            ("январем", 1),
            ("январю", 1),
            ("Февраля", 2),
            ("марта", 3),
            ("март", 3),
            ("мартом", 3),
            ("апреле", 4),
            ("май", 5),
            ("мая", 5),
            ("мае", 5),
            ("маем", 5),
            ("июня", 6),
            ("июле", 7),
            ("августа", 8),
            ("сентября", 9),
            ("октябре", 10),
            ("ноябрь", 11),
            ("ДЕКАБРЯ", 12),
            ("декабрём", 12),
            ("янв.", 1),
            ("фев.", 2),
            ("февр.", 2),
            ("сент.", 9),
            ("дек.", 12),
        ] {
            assert_eq!(month(s), Some(m), "{s}");
        }
        for s in [
            "январский",
            "майский",
            "мартовский",
            "ма",
            "янв",
            "дек",
            "сен",
            "мар",
            "марш",
            "июнь.",
            "",
            "2023",
        ] {
            assert_eq!(month(s), None, "{s}");
        }
    }

    #[test]
    fn kazakh_months() {
        for (s, m) in [
            ("қаңтар", 1),
            ("қаңтарда", 1),
            ("ақпан", 2),
            ("ақпанда", 2),
            ("наурызда", 3),
            ("сәуірде", 4),
            ("мамырда", 5),
            ("маусымда", 6),
            ("шілдеде", 7),
            ("шілдесінде", 7),
            ("тамызда", 8),
            ("қыркүйек", 9),
            ("қыркүйекте", 9),
            ("қыркүйегінде", 9),
            ("қыркүйегі", 9),
            ("қазанда", 10),
            ("қараша", 11),
            ("қарашада", 11),
            ("қарашасында", 11),
            ("желтоқсан", 12),
            ("желтоқсанда", 12),
            ("желтоқсанында", 12),
            ("желтоқсанның", 12),
            ("желтоқсаннан", 12),
            ("желтоқсандағы", 12),
            ("Желтоқсанға", 12),
            ("ақп.", 2),
            ("жел.", 12),
        ] {
            assert_eq!(month(s), Some(m), "{s}");
        }
        for s in ["қаңтарлық", "жел", "қар", "қазақ", "қазақстан", "шілдехана", "мамырлау"]
        {
            assert_eq!(month(s), None, "{s}");
        }
    }

    #[test]
    fn seasons() {
        for (s, c) in [
            ("зима", "WI"),
            ("зимой", "WI"),
            ("зиму", "WI"),
            ("зимы", "WI"),
            ("Весной", "SP"),
            ("весна", "SP"),
            ("лето", "SU"),
            ("летом", "SU"),
            ("осень", "FA"),
            ("осенью", "FA"),
            ("осени", "FA"),
            ("қыс", "WI"),
            ("қыста", "WI"),
            ("көктем", "SP"),
            ("көктемде", "SP"),
            ("жаз", "SU"),
            ("жазда", "SU"),
            ("жазбен", "SU"),
            ("қыспен", "WI"),
            ("күзімен", "FA"),
            ("күз", "FA"),
            ("күзде", "FA"),
        ] {
            assert_eq!(season(s), Some(c), "{s}");
        }
        for s in ["зимний", "летний", "лет", "осенний", "қысқа", "жазды", "күзгі", "жазу", "весенний", ""]
        {
            assert_eq!(season(s), None, "{s}");
        }
    }

    #[test]
    fn season_adjectives() {
        for (s, c) in [
            ("көктемгі", "SP"),
            ("Күзгі", "FA"),
            ("жазғы", "SU"),
            ("қысқы", "WI"),
            ("весенний", "SP"),
            ("зимней", "WI"),
            ("летних", "SU"),
            ("осенним", "FA"),
        ] {
            assert_eq!(season_adjective(s), Some(c), "{s}");
        }
        for s in ["көктем", "весна", "летний-то", "зимовка", "жазушы", ""] {
            assert_eq!(season_adjective(s), None, "{s}");
        }
    }

    /// The month and season macros match exactly the forms read here.
    #[test]
    fn macros_agree() {
        let m = Macros::load();
        let mru = m.anchored("MONTH_RU");
        let mkk = m.anchored("MONTH_KK");
        let sru = m.anchored("SEASON_RU");
        let skk = m.anchored("SEASON_KK");
        let mut bad = Vec::new();
        let unanchored: std::collections::HashMap<String, regex::Regex> =
            ["MONTH_RU", "MONTH_KK", "SEASON_RU", "SEASON_KK"]
                .iter()
                .map(|n| (m.anchored(n).as_str().to_string(), m.unanchored(n)))
                .collect();
        let mut check = |re: &regex::Regex, s: &str, read: bool| {
            if re.is_match(s) != read {
                bad.push(format!("{s:?}: regex {} read {read}", re.is_match(s)));
            }
            // found whole by an unanchored search, as at the end of a pattern
            let text = format!("{s} 2024");
            let found = unanchored[re.as_str()].find(&text).map(|x| x.as_str());
            if read && found != Some(s) {
                bad.push(format!("{s:?}: unanchored search finds {found:?}"));
            }
        };
        let junk = ["", "ский", "ь", "я", "е", "ю", "ем", "ём", "ом", "а", "у", "й", ".", "и", "ы", "ов"];
        let mut ru_stems: Vec<&str> = RU_SOFT.iter().chain(RU_HARD.iter()).map(|(s, _)| *s).collect();
        ru_stems.push("ма");
        ru_stems.extend(RU_ABBREV.iter().map(|(s, _)| *s));
        for stem in &ru_stems {
            for e in junk {
                let s = format!("{stem}{e}");
                check(&mru, &s, month(&s).is_some());
                check(&mru, &s.to_uppercase(), month(&s).is_some());
            }
        }
        let mut kk_suffixes: Vec<String> = KK_CASE.iter().map(|s| s.to_string()).collect();
        for p in ["сы", "сі", "ы", "і"] {
            kk_suffixes.push(p.to_string());
            kk_suffixes.extend(KK_POSS_CASE.iter().map(|c| format!("{p}{c}")));
        }
        kk_suffixes.extend(["", ".", "лық", "ақ", "ша", "дар"].map(String::from));
        let mut kk_stems: Vec<&str> = KK_MONTHS.iter().map(|(s, _)| *s).collect();
        kk_stems.push("қыркүйег");
        kk_stems.extend(KK_ABBREV.iter().map(|(s, _)| *s));
        for stem in &kk_stems {
            for e in &kk_suffixes {
                let s = format!("{stem}{e}");
                check(&mkk, &s, month(&s).is_some());
            }
        }
        for (stem, ends, _) in RU_SEASONS {
            for e in ends.iter().chain(junk.iter()) {
                let s = format!("{stem}{e}");
                check(&sru, &s, season(&s).is_some());
            }
        }
        for (stem, ends, _) in KK_SEASONS {
            for e in ends.iter().chain(kk_suffixes.iter().map(|s| s.as_str()).collect::<Vec<_>>().iter()) {
                let s = format!("{stem}{e}");
                check(&skk, &s, season(&s).is_some());
            }
        }
        assert!(bad.is_empty(), "{} disagreements:\n{}", bad.len(), bad.join("\n"));
        // a Russian month is never read as Kazakh or the other way round
        assert!(!mru.is_match("желтоқсан") && !mkk.is_match("января"));
    }
}
