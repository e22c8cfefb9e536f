//! Noun phrases back to the nominative, for organization names and legal forms.
//!
//! Russian: the leading adjectives and the first noun of the phrase inflect
//! (Управления молодежной политики → Управление молодежной политики; Общественного
//! фонда → Общественный фонд); the rest is a genitive complement and stays. The head
//! noun is recognised by its lemma in the `[org_head_m]`, `[org_head_f]`,
//! `[org_head_n]` lexicons (all its case forms are generated), which also gives the
//! gender the adjectives agree with.
//!
//! Kazakh: only the last word inflects; case endings after the possessive are
//! removed (басқармасының → басқармасы, департаментімен → департаменті,
//! қорының → қоры).

use std::collections::HashMap;

use crate::inflect;
use crate::rules::Lexicon;

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Gender {
    M,
    F,
    N,
}

/// Every case form (lowercase) of every head-noun lemma, with the lemma and its
/// gender; built once per lexicon, on first use.
#[derive(Debug, Default)]
pub struct HeadIndex(HashMap<String, (String, Gender)>);

impl HeadIndex {
    fn build(lex: &Lexicon) -> HeadIndex {
        let mut map = HashMap::new();
        for (table, g) in [("org_head_m", Gender::M), ("org_head_f", Gender::F), ("org_head_n", Gender::N)] {
            let Some(entries) = lex.tables.get(table) else {
                continue;
            };
            for (_, lemmas) in entries {
                for lemma in lemmas {
                    // The first lemma to claim a form keeps it (tables in m, f, n order).
                    map.entry(lemma.clone()).or_insert_with(|| (lemma.clone(), g));
                    for f in head_forms(lemma, g) {
                        map.entry(f.to_lowercase()).or_insert_with(|| (lemma.clone(), g));
                    }
                }
            }
        }
        HeadIndex(map)
    }
}

/// The head noun's lemma and gender if `word` is a case form of a known head noun.
fn head(word: &str, lex: &Lexicon) -> Option<(String, Gender)> {
    let index = lex.head_index.get_or_init(|| HeadIndex::build(lex));
    let (lemma, g) = index.0.get(&word.to_lowercase())?;
    Some((match_case(word, lemma), *g))
}

/// The case forms of a head noun's lemma: those [`inflect::ru_forms`] generates,
/// plus the neuter declension it leaves out (управление: управления, управлению,
/// управлением, управлении; агентство: агентства, агентству, агентством, агентстве)
/// and the feminine soft-sign declension (сеть: сети, сетью). Both halves of a
/// hyphenated compound decline, case by case (школа-гимназия: школы-гимназии).
fn head_forms(lemma: &str, g: Gender) -> Vec<String> {
    let mut forms = inflect::ru_forms(lemma);
    let lower = lemma.to_lowercase();
    if let Some((a, b)) = lower.split_once('-') {
        let hint = inflect::RuHint::default();
        let (ca, cb) = (inflect::ru_case_forms(a, &hint), inflect::ru_case_forms(b, &hint));
        for (xs, ys) in ca.iter().zip(cb.iter()) {
            for f in xs.iter().flat_map(|x| ys.iter().map(move |y| format!("{x}-{y}"))) {
                if !forms.contains(&f) {
                    forms.push(f);
                }
            }
        }
    }
    let mut add = |stem: &str, endings: &[&str]| {
        for e in endings {
            let f = format!("{stem}{e}");
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
    };
    match g {
        Gender::N => {
            if let Some(stem) = lower.strip_suffix("ие") {
                add(&format!("{stem}и"), &["е", "я", "ю", "ем", "и"]);
            } else if let Some(stem) = lower.strip_suffix("ье") {
                add(&format!("{stem}ь"), &["е", "я", "ю", "ем", "и"]);
            } else if let Some(stem) = lower.strip_suffix('о') {
                add(stem, &["о", "а", "у", "ом", "е"]);
            } else if let Some(stem) = lower.strip_suffix('е') {
                add(stem, &["е", "я", "ю", "ем"]);
            }
        }
        Gender::F => {
            if let Some(stem) = lower.strip_suffix('ь') {
                add(stem, &["ь", "и", "ью"]);
            }
        }
        Gender::M => {}
    }
    forms
}

/// `lemma` written with the capitalization of `like` (Title, UPPER or lower).
fn match_case(like: &str, lemma: &str) -> String {
    let upper =
        like.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase()) && like.chars().count() > 1;
    if upper {
        return lemma.to_uppercase();
    }
    if like.chars().next().is_some_and(char::is_uppercase) {
        let mut c = lemma.chars();
        return c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
    }
    lemma.to_string()
}

const ADJ_ENDINGS: [&str; 18] = [
    "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ую", "юю", "ая", "яя", "ый", "ий", "ое",
    "ее",
];

/// An adjective ending of a Russian word, if it has one (with the stem).
pub(crate) fn adjective(word: &str) -> Option<(&str, &str)> {
    let lower = word.to_lowercase();
    for e in ADJ_ENDINGS {
        if lower.ends_with(e) && lower.chars().count() > e.chars().count() + 2 {
            let cut = word.len() - e.len();
            if word.is_char_boundary(cut) {
                return Some((&word[..cut], &word[cut..]));
            }
        }
    }
    None
}

/// Russian adjective stem + ending in the nominative of `g`.
///
/// A masculine adjective already in a nominative ending (Областной центр,
/// Западный суд) stays as written: no oblique masculine ending is -ый, -ий or
/// -ой. Otherwise the ending is read off the stem; stems whose ending is
/// stressed (окружн-ой, городск-ой) are listed in the `[adj_stressed]` lexicon,
/// since the spelling does not tell them from казахск-ий or западн-ый.
pub(crate) fn adjective_nominative(stem: &str, ending: &str, g: Gender, lex: &Lexicon) -> String {
    let lower_stem = stem.to_lowercase();
    let lower_end = ending.to_lowercase();
    if g == Gender::M && matches!(lower_end.as_str(), "ый" | "ий" | "ой") {
        return format!("{stem}{ending}");
    }
    let stressed = g == Gender::M && {
        let folded = crate::rules::fold(&lower_stem);
        lex.tables
            .get("adj_stressed")
            .is_some_and(|t| t.iter().any(|(_, stems)| stems.iter().any(|x| folded.ends_with(x.as_str()))))
    };
    // Soft stems (синий, последний) and stems ending in г/к/х/ж/ш/ч/щ take и-forms.
    let soft = lower_end.starts_with(['е', 'я', 'ю'])
        || lower_end == "ий" && !lower_stem.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
    let velar = lower_stem.ends_with(['г', 'к', 'х', 'ж', 'ш', 'ч', 'щ']);
    let end = match (g, soft || velar) {
        (Gender::M, _) if stressed => "ой",
        (Gender::M, true) => "ий",
        (Gender::M, false) => "ый",
        (Gender::F, true) if soft => "яя",
        (Gender::F, _) => "ая",
        (Gender::N, true) if soft => "ее",
        (Gender::N, _) => "ое",
    };
    let upper = ending.chars().all(char::is_uppercase);
    format!("{stem}{}", if upper { end.to_uppercase() } else { end.to_string() })
}

/// An ordinal written with digits and a case ending (2-м, 3-го, 1-й, 5-ой), as it
/// stands before the adjectives of a name: the digits.
fn ordinal(word: &str) -> Option<&str> {
    let (num, end) = word.split_once('-')?;
    let ok_end = matches!(
        end,
        "й" | "ый"
            | "ий"
            | "ой"
            | "го"
            | "ого"
            | "му"
            | "ому"
            | "м"
            | "ом"
            | "я"
            | "ая"
            | "ю"
            | "ую"
            | "е"
            | "ое"
    );
    (!num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) && ok_end).then_some(num)
}

/// Is the phrase an adjective and a head noun, nothing else (Норвежская
/// компания, Верховный суд)?
pub fn ru_adjective_and_head(phrase: &str, lex: &Lexicon) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    words.len() == 2 && adjective(words[0]).is_some() && head(words[1], lex).is_some()
}

/// A Russian noun phrase in the nominative.
pub fn ru(phrase: &str, lex: &Lexicon) -> String {
    let words: Vec<&str> = phrase.split(' ').collect();
    // Find the first head noun; only adjectives (and a leading ordinal) may precede it.
    let modifier = |k: usize, a: &str| adjective(a).is_some() || (k == 0 && ordinal(a).is_some());
    for (i, w) in words.iter().enumerate() {
        if let Some((lemma, g)) = head(w, lex) {
            if !words[..i].iter().enumerate().all(|(k, a)| modifier(k, a)) {
                break;
            }
            let mut out: Vec<String> = words[..i]
                .iter()
                .map(|a| {
                    if let Some(num) = ordinal(a).filter(|_| adjective(a).is_none()) {
                        let end = match g {
                            Gender::M => "й",
                            Gender::F => "я",
                            Gender::N => "е",
                        };
                        return format!("{num}-{end}");
                    }
                    let (stem, ending) = adjective(a).expect("checked above");
                    adjective_nominative(stem, ending, g, lex)
                })
                .collect();
            out.push(lemma);
            out.extend(words[i + 1..].iter().map(|s| s.to_string()));
            return out.join(" ");
        }
        if !modifier(i, w) {
            break;
        }
    }
    phrase.to_string()
}

/// Kazakh case endings that follow a possessive -ы/-і/-сы/-сі, longest first.
const KK_AFTER_POSSESSIVE: [&str; 14] =
    ["ндағы", "ндегі", "менен", "ның", "нің", "нда", "нде", "нан", "нен", "мен", "на", "не", "н", "ға"];

/// Kazakh case endings of a bare noun (no possessive before them), longest first.
const KK_BARE_CASES: [&str; 29] = [
    "ның", "нің", "дың", "дің", "тың", "тің", "дан", "ден", "тан", "тен", "нан", "нен", "мен", "пен", "бен",
    "да", "де", "та", "те", "ға", "ге", "қа", "ке", "ны", "ні", "ды", "ді", "ты", "ті",
];

/// A Kazakh noun phrase in the nominative: case endings after the last word's
/// possessive are removed, or after a head noun of the `[kk_bare_head]` lexicon
/// table, which takes no possessive after a number or an "атындағы" phrase
/// (№3 мектеп-гимназияда, ... атындағы жалпы орта білім беретін мектептің).
pub fn kk(phrase: &str, lex: &Lexicon) -> String {
    let (head_start, last) = match phrase.rfind(' ') {
        Some(i) => (i + 1, &phrase[i + 1..]),
        None => (0, phrase),
    };
    let lower = last.to_lowercase();
    for e in KK_BARE_CASES {
        if let Some(stem) = lower.strip_suffix(e)
            && lex.lookup("kk_bare_head", stem.rsplit('-').next().unwrap_or(stem)).is_some()
        {
            let cut = head_start + stem.len();
            if lower.len() == last.len() && phrase.is_char_boundary(cut) {
                return phrase[..cut].to_string();
            }
        }
    }
    for e in KK_AFTER_POSSESSIVE {
        if let Some(stem) = lower.strip_suffix(e)
            && stem.ends_with(['ы', 'і'])
            && stem.chars().count() >= 3
        {
            let cut = head_start + last.len() - last.to_lowercase().len() + stem.len();
            // Lowercasing Cyrillic keeps byte lengths, so `cut` is a boundary of `phrase`.
            if phrase.is_char_boundary(cut) {
                return phrase[..cut].to_string();
            }
        }
    }
    phrase.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        let mut l = Lexicon::default();
        l.tables.insert("org_head_m".into(), vec![("m".into(), vec!["фонд".into(), "центр".into()])]);
        l.tables.insert(
            "org_head_f".into(),
            vec![("f".into(), vec!["служба".into(), "лига".into(), "сеть".into()])],
        );
        l.tables.insert(
            "org_head_n".into(),
            vec![(
                "n".into(),
                vec!["управление".into(), "министерство".into(), "агентство".into(), "бюро".into()],
            )],
        );
        l
    }

    #[test]
    fn russian_heads_and_adjectives_return_to_the_nominative() {
        let l = lex();
        assert_eq!(
            ru("Управления молодежной политики г. Алматы", &l),
            "Управление молодежной политики г. Алматы"
        );
        assert_eq!(ru("Управлением молодежной политики", &l), "Управление молодежной политики");
        assert_eq!(ru("Региональной службы коммуникаций", &l), "Региональная служба коммуникаций");
        assert_eq!(ru("Общественного фонда", &l), "Общественный фонд");
        assert_eq!(ru("Молодежного ресурсного центра", &l), "Молодежный ресурсный центр");
        assert_eq!(ru("Лига волонтеров", &l), "Лига волонтеров");
        assert_eq!(ru("Клуб добряков", &l), "Клуб добряков", "unknown heads stay as written");
        assert_eq!(ru("управлении образования области", &l), "управление образования области");
        assert_eq!(ru("Министерством культуры", &l), "Министерство культуры");
        assert_eq!(ru("Министерстве культуры и информации", &l), "Министерство культуры и информации");
        assert_eq!(ru("Агентства по делам", &l), "Агентство по делам");
        assert_eq!(ru("Национальной волонтерской сети", &l), "Национальная волонтерская сеть");
        assert_eq!(ru("Национальной волонтерской сетью", &l), "Национальная волонтерская сеть");
        assert_eq!(ru("Бюро национальной статистики", &l), "Бюро национальной статистики");
    }

    #[test]
    fn adjective_and_head_is_exactly_two_words() {
        let l = lex();
        assert!(ru_adjective_and_head("Норвежская служба", &l));
        assert!(ru_adjective_and_head("Национальному фонду", &l));
        assert!(ru_adjective_and_head("Волонтерское агентство", &l));
        assert!(!ru_adjective_and_head("Национальная волонтерская служба", &l));
        assert!(!ru_adjective_and_head("Служба коммуникаций", &l));
        assert!(!ru_adjective_and_head("Норвежская компания", &l), "компания is no head of this lexicon");
    }

    #[test]
    fn masculine_nominative_adjectives_stay_and_stressed_stems_take_oi() {
        let mut l = lex();
        l.tables.insert("org_head_m".into(), vec![("m".into(), vec!["центр".into(), "суд".into()])]);
        l.tables
            .insert("adj_stressed".into(), vec![("stems".into(), vec!["окружн".into(), "областн".into()])]);
        assert_eq!(ru("Областной центр развития", &l), "Областной центр развития");
        assert_eq!(ru("Областного центра развития", &l), "Областной центр развития");
        assert_eq!(ru("Западном окружном военном суде", &l), "Западный окружной военный суд");
        assert_eq!(ru("2-м Западном окружном военном суде", &l), "2-й Западный окружной военный суд");
        assert_eq!(
            ru("3-го Городского центра", &l),
            "3-й Городский центр",
            "stems not listed read as unstressed"
        );
        assert_eq!(ru("Национальной службы", &l), "Национальная служба");
        assert_eq!(ru("2-й службы", &l), "2-я служба");
    }

    #[test]
    fn head_forms_decline_neuter_and_soft_feminine_nouns() {
        let n = head_forms("управление", Gender::N);
        for f in ["управления", "управлению", "управлением", "управлении"]
        {
            assert!(n.iter().any(|x| x == f), "{f} missing from {n:?}");
        }
        let n = head_forms("агентство", Gender::N);
        for f in ["агентства", "агентству", "агентством", "агентстве"] {
            assert!(n.iter().any(|x| x == f), "{f} missing from {n:?}");
        }
        let f = head_forms("сеть", Gender::F);
        for x in ["сети", "сетью"] {
            assert!(f.iter().any(|y| y == x), "{x} missing from {f:?}");
        }
        assert!(head_forms("фонд", Gender::M).iter().any(|x| x == "фонда"));
        let c = head_forms("школа-гимназия", Gender::F);
        for x in ["школы-гимназии", "школе-гимназии", "школой-гимназией", "школу-гимназию"]
        {
            assert!(c.iter().any(|y| y == x), "{x} missing from {c:?}");
        }
        assert!(!c.iter().any(|y| y == "школы-гимназией"), "the halves agree in case: {c:?}");
    }

    #[test]
    fn kazakh_last_word_loses_its_case_ending() {
        let mut l = Lexicon::default();
        l.tables.insert(
            "kk_bare_head".into(),
            vec![("head".into(), ["мектеп", "гимназия", "университет"].map(String::from).to_vec())],
        );
        assert_eq!(kk("Жастар саясаты басқармасының", &l), "Жастар саясаты басқармасы");
        assert_eq!(kk("Жастар саясаты басқармасымен", &l), "Жастар саясаты басқармасы");
        assert_eq!(kk("Төтенше жағдайлар департаментімен", &l), "Төтенше жағдайлар департаменті");
        assert_eq!(kk("Өңірлік коммуникациялар қызметінің", &l), "Өңірлік коммуникациялар қызметі");
        assert_eq!(kk("қоғамдық қорының", &l), "қоғамдық қоры");
        assert_eq!(kk("Абай ауданындағы", &l), "Абай ауданы");
        assert_eq!(kk("қоры", &l), "қоры");
        // after a bare school head, not a possessive
        assert_eq!(kk("№3 мектеп-гимназияда", &l), "№3 мектеп-гимназия");
        assert_eq!(kk("жалпы орта білім беретін мектептің", &l), "жалпы орта білім беретін мектеп");
        assert_eq!(kk("Ақ желкен", &l), "Ақ желкен", "no case ending, nothing cut");
        assert_eq!(kk("мектептер", &l), "мектептер", "a plural is no case form of мектеп");
        assert_eq!(kk("Ш. Уәлиханов атындағы университетті", &l), "Ш. Уәлиханов атындағы университет");
        assert_eq!(kk("№3 мектепте", &Lexicon::default()), "№3 мектепте", "heads come from the lexicon");
    }
}
