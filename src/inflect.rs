//! Inflected forms of gazetteer lemmas: Russian case endings and Kazakh suffixes
//! with vowel harmony and consonant assimilation.
//!
//! Every form is produced by a suffix rule from the lemma; nothing here is a list
//! of typed forms. The output of [`ru_forms`] / [`kk_forms`] starts with the lemma,
//! contains no empty strings and no duplicates, and its order depends only on the
//! input. Over-generation is a deliberate choice: where the spelling of an ending
//! depends on stress or usage that a rule cannot see (Russian `-ом`/`-ем` after a
//! sibilant, Kazakh `-ның`/`-дың` after a final `и`), both variants are produced,
//! because a form that is not a word never matches anything in a text, while a
//! missing form loses a mention. Letter case follows the word: an all-capitals
//! word (`АСТАНА`) gets all-capitals endings (`АСТАНЕ`).
//!
//! # Russian
//!
//! Six singular cases (nominative, genitive, dative, accusative, instrumental,
//! prepositional) of one word:
//!
//! * `-а` (Астана): `-ы` (`-и` after г к х ж ш ч щ), `-е`, `-у`, `-ой` (and `-ей`
//!   after ж ш ч щ ц).
//! * `-ия` (Турция): `-ии`, `-ию`, `-ией`; other `-я` (Корея): `-и`, `-е`, `-ю`,
//!   `-ей`.
//! * hard consonant (Шымкент, Казахстан): `-а`, `-у`, `-ом` (`-ем` too after
//!   ж ш ч щ ц), `-е`; accusative = nominative (places are inanimate).
//! * `-й` after a vowel (Семей, Костанай): `-я`, `-ю`, `-ем`, `-е`.
//! * `-ь`: masculine (`-я -ю -ем -е`, Есиль) or feminine (`-и -ью`, Казань); with no
//!   hint both are produced.
//! * `-о`, `-е`, `-ы`, `-и`, `-у`, `-ю`, `-э`, `-ё` (Алматы, Актобе, Баку, Тбилиси,
//!   Кокшетау): indeclinable, except a short list of common geographic nouns
//!   (море, озеро, село, водохранилище ...) and Slavic village names in `-ово
//!   -ево -ино -ыно`, which get both the indeclinable and the declined neuter forms
//!   (Бородино, Бородина, Бородине).
//! * adjectives by their own nominative ending: `-ый -ий -ой` (masculine),
//!   `-ая -яя` (feminine), `-ое -ее` (neuter), `-ые -ие` (plural); `-ий` after
//!   г к х takes `-ого`, elsewhere `-его`.
//! * a hyphenated word inflects only its last part (Усть-Каменогорска,
//!   Северо-Казахстанской, Нью-Йорке, Алма-Аты).
//!
//! Multiword names: the leading words that look like adjectives (nominative
//! adjective endings above) agree with the **head**, which is the first word that
//! is not an adjective; every word after the head stays as written. So
//! "Северо-Казахстанская область" → "Северо-Казахстанской области",
//! "Абайский район" → "Абайского района", "Республика Казахстан" → "Республики
//! Казахстан", "район Абай" → "района Абай", "Соединенные Штаты Америки" (with the
//! `pl` hint) → "Соединенных Штатов Америки". A single-word adjective (Рудный)
//! declines as an adjective, except that a lone word in `-ой` is read as a noun
//! (Ханой). Parts joined by the word `и` inflect in parallel (Босния и
//! Герцеговина → Боснии и Герцеговины).
//!
//! Coordination: for a name made of leading adjectives and a common head noun
//! (область, район, округ, ...), the adjectives in the singular followed by the
//! head in the plural of the same case are also produced, because that is how a
//! shared head is written: "в Павлодарской и Карагандинской областях" contains
//! "Костанайской областях", "на Акмолинскую и Западно-Казахстанскую области"
//! contains "Западно-Казахстанскую области". [`ru_modifier_forms`] gives the bare
//! adjective forms ("Актюбинской") for a caller that wants to handle the ellipsis.
//!
//! Every form containing `ё` is also produced with `е` (news rarely writes `ё`).
//!
//! Hints ([`RuHint`], comma-separated flags, e.g. `"f"` or `"pl,head=2"`):
//! `indecl` (no inflection at all), `m` / `f` (gender of a `-ь` noun), `pl`
//! (the name is plural: Нидерланды → Нидерландов, Нидерландам ...; Соединенные
//! Штаты Америки), `noun` (a word in `-ий -ый -ой` is a noun: Маврикий →
//! Маврикия), `decl` (decline a `-о`/`-е` head as a neuter noun), `fleeting`
//! (the last vowel of the head drops in the oblique cases: Египет → Египта),
//! `head=N` (1-based index of the head word; the words before it agree, the words
//! after it stay fixed).
//!
//! # Kazakh
//!
//! Only the last word of a multiword name inflects; the words before it are fixed.
//!
//! Vowel harmony is decided by the last vowel of the word: back а о ұ ы and the
//! Russian-loan letters я ё ю у; front ә е ө ү і and the loan letters и э. A `у`
//! right after a vowel is the consonant w (Көкшетау: the deciding vowel is а, so
//! Көкшетауда; Бейнеу: е, so Бейнеуде); a `у` after a consonant is read as the back
//! vowel ұw (Ақсу → Ақсуда). A final soft sign makes the word front (Израиль →
//! Израильде). A word with no vowel at all (an abbreviation) gets both sets.
//!
//! The first letter of a suffix follows the last sound of the word: a vowel; a
//! nasal м н ң; a sonorant л р й and the glide у (also ю); voiced з ж; or
//! voiceless к қ п с т ш щ ф х ц ч, with б в г ғ д counted as voiceless as in
//! standard orthography (Белград → Белградта). A trailing ь/ъ is skipped when
//! looking at the last sound.
//!
//! | case | after vowel | м н ң | л р й у | з ж | voiceless |
//! |---|---|---|---|---|---|
//! | genitive | -ның | -ның | -дың | -дың | -тың |
//! | dative | -ға | -ға | -ға | -ға | -қа |
//! | accusative | -ны | -ды | -ды | -ды | -ты |
//! | locative | -да | -да | -да | -да | -та |
//! | ablative | -дан | -нан | -дан | -дан | -тан |
//! | instrumental | -мен | -мен | -мен | -бен | -пен |
//! | attributive (loc. + -ғы) | -дағы | -дағы | -дағы | -дағы | -тағы |
//!
//! (front: -нің -ге/-ке -ні -де -ден -дегі ...; the instrumental also as
//! -менен/-бенен/-пенен.) A final `и` (Тбилиси, Бали) is read both as a vowel and
//! as ій, so both -ның and -дің, -ны and -ді are produced. A Russian loan ending
//! in `ск` (Степногорск) also gets the forms with an inserted і
//! (Степногорскіде) that Kazakh writers often use, and the front suffixes
//! without it (Степногорскте, Степногорсктегі).
//!
//! Possessive heads: when a multiword name ends in a word in -ы/-і (Абай ауданы,
//! Алматы облысы, Қазақстан Республикасы, Каспий теңізі), that word is a 3rd
//! person possessive and takes the pronominal -н-: -ның, -на, -н, -нда, -нан,
//! -мен, -ндағы (Абай ауданында, Абай ауданына, Абай ауданын). If the head is a
//! known geographic noun (аудан, облыс, республика, теңіз, өзен, көл, қала, ауыл,
//! округ, кент) its plural possessive is produced as well, for shared heads
//! (Мәртөк және Қобда аудандарындағы contains "Қобда аудандарындағы"); the plural
//! is formed by rule (-лар after a vowel and р й у, -дар after л м н ң з ж, -тар
//! after voiceless, then -ы/-і).
//!
//! Hints ([`KkHint`]): `indecl`, `front`, `back`, `both` (harmony override),
//! `poss` / `noposs` (force or forbid the possessive reading of the last word).
//!
//! [`kk_abbr_forms`] gives the hyphenated case forms of an abbreviation (ШҚО-да,
//! АҚШ-қа, ҚР-дың): all variants of every case, since the reading of the letters
//! decides the ending.

use std::collections::HashSet;

// ---------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------

/// Collects forms in first-seen order without duplicates or empty strings.
#[derive(Default)]
struct Forms {
    seen: HashSet<String>,
    out: Vec<String>,
}

impl Forms {
    fn push(&mut self, s: String) {
        if !s.is_empty() && !self.seen.contains(&s) {
            self.seen.insert(s.clone());
            self.out.push(s);
        }
    }
}

/// True when the word has at least two letters and all of its letters are
/// capitals.
fn is_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// `word` without its last `drop` characters, followed by `add` written in the
/// letter case of the word.
fn respell(word: &str, drop: usize, add: &str) -> String {
    let n = word.chars().count();
    let mut s: String = word.chars().take(n.saturating_sub(drop)).collect();
    if is_caps(word) {
        s.push_str(&add.to_uppercase());
    } else {
        s.push_str(add);
    }
    s
}

fn last_chars(word_lower: &str, n: usize) -> String {
    let v: Vec<char> = word_lower.chars().collect();
    v[v.len().saturating_sub(n)..].iter().collect()
}

fn char_from_end(word_lower: &str, i: usize) -> Option<char> {
    word_lower.chars().rev().nth(i)
}

/// Splits a word at its last hyphen: ("Усть-", "Каменогорск").
fn split_last_part(word: &str) -> (&str, &str) {
    match word.rfind('-') {
        Some(i) if i + 1 < word.len() => (&word[..i + 1], &word[i + 1..]),
        _ => ("", word),
    }
}

// ---------------------------------------------------------------------------
// Russian
// ---------------------------------------------------------------------------

const NOM: usize = 0;
const GEN: usize = 1;
const DAT: usize = 2;
const ACC: usize = 3;
const INS: usize = 4;
const PRE: usize = 5;

/// Variants of one word (or phrase) in the six cases, in the order nominative,
/// genitive, dative, accusative, instrumental, prepositional.
type Paradigm = [Vec<String>; 6];

fn same_in_all(w: &str) -> Paradigm {
    std::array::from_fn(|_| vec![w.to_string()])
}

/// Gender of a Russian noun in `-ь`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
}

/// Inflection hint for a Russian lemma (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuHint {
    /// Do not inflect at all.
    pub indecl: bool,
    /// Gender of a `-ь` noun; `None` produces both declensions.
    pub gender: Option<Gender>,
    /// The name is grammatically plural.
    pub plural: bool,
    /// A word ending in `-ий -ый -ой` is a noun, not an adjective.
    pub noun: bool,
    /// Decline a head in `-о`/`-е` as a neuter noun.
    pub decl: bool,
    /// The last vowel of the head drops in the oblique cases (Египет → Египта).
    pub fleeting: bool,
    /// 1-based index of the head word in a multiword name.
    pub head: Option<usize>,
}

impl RuHint {
    /// Parses comma-separated flags: `indecl`, `m`, `f`, `pl`, `noun`, `decl`,
    /// `fleeting`, `head=N`. The empty string is the default hint.
    pub fn parse(s: &str) -> Result<RuHint, String> {
        let mut h = RuHint::default();
        for flag in s.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "indecl" => h.indecl = true,
                "m" => h.gender = Some(Gender::Masculine),
                "f" => h.gender = Some(Gender::Feminine),
                "pl" => h.plural = true,
                "noun" => h.noun = true,
                "decl" => h.decl = true,
                "fleeting" => h.fleeting = true,
                _ => match flag.strip_prefix("head=").map(str::parse::<usize>) {
                    Some(Ok(n)) if n >= 1 => h.head = Some(n),
                    _ => return Err(format!("unknown Russian inflection hint {flag:?}")),
                },
            }
        }
        Ok(h)
    }
}

/// Common geographic nouns in `-о`/`-е` that decline (names in `-о`/`-е` do not).
const RU_NEUTER_COMMON: &[&str] =
    &["море", "озеро", "село", "водохранилище", "ущелье", "побережье", "урочище", "поселение"];

/// Common head nouns whose plural is produced for shared heads, with the
/// declension class that the plural endings follow.
const RU_COMMON_HEADS: &[(&str, RuPlural)] = &[
    ("область", RuPlural::FemSoft),
    ("район", RuPlural::MascHard),
    ("микрорайон", RuPlural::MascHard),
    ("округ", RuPlural::MascHard),
    ("аул", RuPlural::MascHard),
    ("край", RuPlural::MascJ),
    ("река", RuPlural::FemA),
    ("республика", RuPlural::FemA),
];

#[derive(Clone, Copy, Debug)]
enum RuPlural {
    FemSoft,
    MascHard,
    MascJ,
    FemA,
}

fn is_ru_vowel(c: char) -> bool {
    "аеёиоуыэюя".contains(c)
}

/// The nominative ending marks the word as an adjective.
fn ru_is_adjective(lower: &str, alone: bool, hint: &RuHint) -> bool {
    if hint.noun || lower.chars().count() < 4 {
        return false;
    }
    let end = last_chars(lower, 2);
    match end.as_str() {
        "ый" | "ий" | "ая" | "яя" | "ое" | "ее" | "ые" | "ие" => true,
        "ой" => !alone,
        _ => false,
    }
}

fn ru_adjective(word: &str) -> Paradigm {
    let (pre, part) = split_last_part(word);
    let lower = part.to_lowercase();
    let end = last_chars(&lower, 2);
    let before = char_from_end(&lower, 2).unwrap_or(' ');
    let velar = "гкх".contains(before);
    let sibilant = "жшчщ".contains(before);
    let f = |add: &str| format!("{pre}{}", respell(part, 2, add));
    let one = |add: &str| vec![f(add)];
    let nom = vec![word.to_string()];
    match end.as_str() {
        "ый" => [nom.clone(), one("ого"), one("ому"), nom, one("ым"), one("ом")],
        "ий" if velar => [nom.clone(), one("ого"), one("ому"), nom, one("им"), one("ом")],
        "ий" => [nom.clone(), one("его"), one("ему"), nom, one("им"), one("ем")],
        "ой" if velar || sibilant => [nom.clone(), one("ого"), one("ому"), nom, one("им"), one("ом")],
        "ой" => [nom.clone(), one("ого"), one("ому"), nom, one("ым"), one("ом")],
        "ая" if sibilant => {
            let ej = vec![f("ей"), f("ой")];
            [nom, ej.clone(), ej.clone(), one("ую"), ej.clone(), ej]
        }
        "ая" => [nom, one("ой"), one("ой"), one("ую"), one("ой"), one("ой")],
        "яя" => [nom, one("ей"), one("ей"), one("юю"), one("ей"), one("ей")],
        "ое" if velar || sibilant => [nom.clone(), one("ого"), one("ому"), nom, one("им"), one("ом")],
        "ое" => [nom.clone(), one("ого"), one("ому"), nom, one("ым"), one("ом")],
        "ее" => [nom.clone(), one("его"), one("ему"), nom, one("им"), one("ем")],
        "ые" => [nom.clone(), one("ых"), one("ым"), nom, one("ыми"), one("ых")],
        "ие" => [nom.clone(), one("их"), one("им"), nom, one("ими"), one("их")],
        _ => same_in_all(word),
    }
}

/// Singular noun paradigm of one word.
fn ru_noun(word: &str, hint: &RuHint) -> Paradigm {
    if hint.indecl {
        return same_in_all(word);
    }
    if hint.plural {
        return ru_plural_noun(word);
    }
    let (pre, part) = split_last_part(word);
    let lower = part.to_lowercase();
    let n = lower.chars().count();
    if n < 2 {
        return same_in_all(word);
    }
    let last = char_from_end(&lower, 0).unwrap();
    let before = char_from_end(&lower, 1).unwrap();
    let f = |drop: usize, add: &str| format!("{pre}{}", respell(part, drop, add));
    let nom = vec![word.to_string()];
    let velar_or_sib = "гкхжшчщ".contains(before);
    let sib_c = "жшчщц".contains(before);
    match last {
        'а' => {
            let genitive = if velar_or_sib { "и" } else { "ы" };
            let ins = if sib_c { vec![f(1, "ей"), f(1, "ой")] } else { vec![f(1, "ой")] };
            [nom, vec![f(1, genitive)], vec![f(1, "е")], vec![f(1, "у")], ins, vec![f(1, "е")]]
        }
        'я' if before == 'и' => {
            [nom, vec![f(1, "и")], vec![f(1, "и")], vec![f(1, "ю")], vec![f(1, "ей")], vec![f(1, "и")]]
        }
        'я' => [nom, vec![f(1, "и")], vec![f(1, "е")], vec![f(1, "ю")], vec![f(1, "ей")], vec![f(1, "е")]],
        // церковь loses its fleeting о: церкви, церковью
        'ь' if lower.ends_with("церковь") => {
            [nom.clone(), vec![f(3, "ви")], vec![f(3, "ви")], nom, vec![f(1, "ью")], vec![f(3, "ви")]]
        }
        'ь' => {
            let masc = [vec![f(1, "я")], vec![f(1, "ю")], vec![f(1, "ем")], vec![f(1, "е")]];
            let fem = [vec![f(1, "и")], vec![f(1, "и")], vec![f(1, "ью")], vec![f(1, "и")]];
            let pick = |m: &Vec<String>, fm: &Vec<String>| -> Vec<String> {
                match hint.gender {
                    Some(Gender::Masculine) => m.clone(),
                    Some(Gender::Feminine) => fm.clone(),
                    None => m.iter().chain(fm.iter()).cloned().collect(),
                }
            };
            [
                nom.clone(),
                pick(&masc[0], &fem[0]),
                pick(&masc[1], &fem[1]),
                nom,
                pick(&masc[2], &fem[2]),
                pick(&masc[3], &fem[3]),
            ]
        }
        'й' if before == 'и' && hint.noun => {
            [nom.clone(), vec![f(2, "ия")], vec![f(2, "ию")], nom, vec![f(2, "ием")], vec![f(2, "ии")]]
        }
        'й' if is_ru_vowel(before) => {
            [nom.clone(), vec![f(1, "я")], vec![f(1, "ю")], nom, vec![f(1, "ем")], vec![f(1, "е")]]
        }
        'о' | 'е' => {
            let common = RU_NEUTER_COMMON.contains(&lower.as_str());
            let slavic = ["ово", "ево", "ёво", "ино", "ыно"].contains(&last_chars(&lower, 3).as_str());
            if !(common || slavic || hint.decl) {
                return same_in_all(word);
            }
            let decl: Paradigm = if last == 'о' {
                [
                    nom.clone(),
                    vec![f(1, "а")],
                    vec![f(1, "у")],
                    nom.clone(),
                    vec![f(1, "ом")],
                    vec![f(1, "е")],
                ]
            } else if sib_c {
                [
                    nom.clone(),
                    vec![f(1, "а")],
                    vec![f(1, "у")],
                    nom.clone(),
                    vec![f(1, "ем")],
                    vec![f(1, "е")],
                ]
            } else {
                [
                    nom.clone(),
                    vec![f(1, "я")],
                    vec![f(1, "ю")],
                    nom.clone(),
                    vec![f(1, "ем")],
                    vec![f(1, "е")],
                ]
            };
            if common || hint.decl {
                decl
            } else {
                // Slavic village names: both the indeclinable and the declined use.
                std::array::from_fn(|c| {
                    let mut v = vec![word.to_string()];
                    v.extend(decl[c].iter().cloned());
                    v
                })
            }
        }
        c if is_ru_vowel(c) || !c.is_alphabetic() => same_in_all(word),
        _ => {
            // Hard consonant; with `fleeting`, the last е/ё/о of the stem drops.
            let base: String = if hint.fleeting {
                let lc: Vec<char> = lower.chars().collect();
                match (0..lc.len()).rev().find(|&i| "еёо".contains(lc[i])) {
                    Some(i) => part.chars().enumerate().filter(|&(j, _)| j != i).map(|(_, c)| c).collect(),
                    None => part.to_string(),
                }
            } else {
                part.to_string()
            };
            let g = |add: &str| format!("{pre}{}", respell(&base, 0, add));
            let ins = if "жшчщц".contains(last) { vec![g("ем"), g("ом")] } else { vec![g("ом")] };
            [nom.clone(), vec![g("а")], vec![g("у")], nom, ins, vec![g("е")]]
        }
    }
}

/// Plural paradigm of a noun in `-ы`/`-и` (Нидерланды, Озерки, Штаты) or in
/// `-а`/`-я` (Кольсайские озера, Фарерские острова, Известия).
fn ru_plural_noun(word: &str) -> Paradigm {
    let (pre, part) = split_last_part(word);
    let lower = part.to_lowercase();
    let last = char_from_end(&lower, 0).unwrap_or(' ');
    let before = char_from_end(&lower, 1).unwrap_or(' ');
    let f = |add: &str| format!("{pre}{}", respell(part, 1, add));
    let nom = vec![word.to_string()];
    match last {
        'ы' => [nom.clone(), vec![f("ов"), f("")], vec![f("ам")], nom, vec![f("ами")], vec![f("ах")]],
        'и' if "гкхжшчщ".contains(before) => {
            [nom.clone(), vec![f("ов"), f("ей"), f("")], vec![f("ам")], nom, vec![f("ами")], vec![f("ах")]]
        }
        'и' => [nom.clone(), vec![f("ей"), f("ь")], vec![f("ям")], nom, vec![f("ями")], vec![f("ях")]],
        // a plural in -а/-я: озера → озер, острова → островов; моря → морей,
        // Известия → Известий
        'а' => [nom.clone(), vec![f(""), f("ов")], vec![f("ам")], nom, vec![f("ами")], vec![f("ах")]],
        'я' => {
            let genitive = if before == 'и' { f("й") } else { f("ей") };
            [nom.clone(), vec![genitive], vec![f("ям")], nom, vec![f("ями")], vec![f("ях")]]
        }
        _ => same_in_all(word),
    }
}

/// Plural paradigm of a common head noun (область → области, областей, ...).
fn ru_common_plural(word: &str) -> Option<Paradigm> {
    let lower = word.to_lowercase();
    let class = RU_COMMON_HEADS.iter().find(|(w, _)| *w == lower).map(|(_, c)| *c)?;
    let one = |drop: usize, add: &str| vec![respell(word, drop, add)];
    let velar = "гкхжшчщ".contains(char_from_end(&lower, 0).unwrap_or(' '));
    Some(match class {
        RuPlural::FemSoft => {
            [one(1, "и"), one(1, "ей"), one(1, "ям"), one(1, "и"), one(1, "ями"), one(1, "ях")]
        }
        RuPlural::MascHard => {
            let nom = if velar { "и" } else { "ы" };
            [one(0, nom), one(0, "ов"), one(0, "ам"), one(0, nom), one(0, "ами"), one(0, "ах")]
        }
        RuPlural::MascJ => {
            [one(1, "я"), one(1, "ев"), one(1, "ям"), one(1, "я"), one(1, "ями"), one(1, "ях")]
        }
        RuPlural::FemA => {
            let before = char_from_end(&lower, 1).unwrap_or(' ');
            let nom = if "гкхжшчщ".contains(before) { "и" } else { "ы" };
            [one(1, nom), one(1, ""), one(1, "ам"), one(1, nom), one(1, "ами"), one(1, "ах")]
        }
    })
}

/// Joins per-word paradigms case by case (every combination of variants).
fn combine(parts: &[Paradigm]) -> Paradigm {
    std::array::from_fn(|c| {
        let mut acc = vec![String::new()];
        for (i, p) in parts.iter().enumerate() {
            let mut next = Vec::new();
            for a in &acc {
                for v in &p[c] {
                    next.push(if i == 0 { v.clone() } else { format!("{a} {v}") });
                }
            }
            acc = next;
        }
        acc
    })
}

/// A Russian name without the conjunction `и`: per-case forms, the coordination
/// forms (adjectives + plural head) and the bare modifier forms.
struct RuAnalysis {
    cases: Paradigm,
    coordination: Paradigm,
    modifiers: Paradigm,
}

fn ru_analyse(phrase: &str, hint: &RuHint) -> RuAnalysis {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let empty: Paradigm = std::array::from_fn(|_| Vec::new());
    if words.is_empty() || hint.indecl {
        return RuAnalysis { cases: same_in_all(phrase), coordination: empty.clone(), modifiers: empty };
    }
    let alone = words.len() == 1;
    let head = match hint.head {
        Some(n) => Some((n - 1).min(words.len() - 1)),
        None => words.iter().position(|w| !ru_is_adjective(&w.to_lowercase(), alone, hint)),
    };
    let mut parts: Vec<Paradigm> = Vec::new();
    let mut coord: Vec<Paradigm> = Vec::new();
    let mut mods: Vec<Paradigm> = Vec::new();
    let mut has_common_plural = false;
    for (i, w) in words.iter().enumerate() {
        let p = match head {
            Some(h) if i < h => ru_adjective(w),
            Some(h) if i == h => ru_noun(w, hint),
            // a batyr's title declines with his name (в Отегене батыре)
            Some(_) if *w == "батыр" => ru_noun(w, &RuHint::default()),
            Some(_) => same_in_all(w),
            None => ru_adjective(w),
        };
        match head {
            Some(h) if i < h => {
                coord.push(p.clone());
                mods.push(p.clone());
            }
            Some(h) if i == h => match ru_common_plural(w) {
                Some(pl) if h > 0 && !hint.plural => {
                    has_common_plural = true;
                    coord.push(pl);
                }
                _ => coord.push(p.clone()),
            },
            _ => coord.push(p.clone()),
        }
        parts.push(p);
    }
    RuAnalysis {
        cases: combine(&parts),
        coordination: if has_common_plural { combine(&coord) } else { empty.clone() },
        modifiers: if mods.is_empty() || head.is_none() { empty } else { combine(&mods) },
    }
}

/// Splits a name at the conjunction `и` and analyses the parts in parallel.
fn ru_analyse_full(lemma: &str, hint: &RuHint) -> RuAnalysis {
    let words: Vec<&str> = lemma.split_whitespace().collect();
    if !words.contains(&"и") || hint.indecl {
        return ru_analyse(lemma, hint);
    }
    let phrases: Vec<String> = words.split(|w| *w == "и").map(|ws| ws.join(" ")).collect();
    let analyses: Vec<RuAnalysis> = phrases.iter().map(|p| ru_analyse(p, hint)).collect();
    let joined: Vec<Paradigm> = analyses.iter().map(|a| a.cases.clone()).collect();
    let cases: Paradigm = std::array::from_fn(|c| {
        let mut acc = vec![String::new()];
        for (i, p) in joined.iter().enumerate() {
            let mut next = Vec::new();
            for a in &acc {
                for v in &p[c] {
                    next.push(if i == 0 { v.clone() } else { format!("{a} и {v}") });
                }
            }
            acc = next;
        }
        acc
    });
    RuAnalysis {
        cases,
        coordination: std::array::from_fn(|_| Vec::new()),
        modifiers: std::array::from_fn(|_| Vec::new()),
    }
}

fn push_with_yo(forms: &mut Forms, s: &str) {
    forms.push(s.to_string());
    if s.contains('ё') || s.contains('Ё') {
        forms.push(s.replace('ё', "е").replace('Ё', "Е"));
    }
}

fn ru_collect(lemma: &str, paradigms: &[&Paradigm]) -> Vec<String> {
    let mut forms = Forms::default();
    push_with_yo(&mut forms, lemma);
    for p in paradigms {
        for c in [NOM, GEN, DAT, ACC, INS, PRE] {
            for s in &p[c] {
                push_with_yo(&mut forms, s);
            }
        }
    }
    forms.out
}

/// Every surface form of a Russian lemma (the lemma itself included, first).
pub fn ru_forms(lemma: &str) -> Vec<String> {
    ru_forms_with(lemma, &RuHint::default())
}

/// [`ru_forms`] with an inflection hint.
pub fn ru_forms_with(lemma: &str, hint: &RuHint) -> Vec<String> {
    let lemma = lemma.trim();
    if lemma.is_empty() {
        return Vec::new();
    }
    let a = ru_analyse_full(lemma, hint);
    ru_collect(lemma, &[&a.cases, &a.coordination])
}

/// [`ru_forms_with`] taking the hint as text ([`RuHint::parse`]).
pub fn ru_forms_hinted(lemma: &str, hint: &str) -> Result<Vec<String>, String> {
    Ok(ru_forms_with(lemma, &RuHint::parse(hint)?))
}

/// The six case forms of a Russian lemma, in the order nominative, genitive,
/// dative, accusative, instrumental, prepositional (each with its variants,
/// without the coordination forms).
pub fn ru_case_forms(lemma: &str, hint: &RuHint) -> [Vec<String>; 6] {
    ru_analyse_full(lemma.trim(), hint).cases
}

/// The forms of the leading adjectives of a multiword Russian name without its
/// head noun ("Актюбинская область" → Актюбинская, Актюбинской, Актюбинскую ...),
/// for the ellipsis of a shared head ("в Павлодарской и Карагандинской областях").
/// Empty when the name has no leading adjective.
pub fn ru_modifier_forms(lemma: &str, hint: &RuHint) -> Vec<String> {
    let a = ru_analyse_full(lemma.trim(), hint);
    if a.modifiers.iter().all(|v| v.is_empty()) {
        return Vec::new();
    }
    let mut forms = Forms::default();
    for c in [NOM, GEN, DAT, ACC, INS, PRE] {
        for s in &a.modifiers[c] {
            push_with_yo(&mut forms, s);
        }
    }
    forms.out
}

// ---------------------------------------------------------------------------
// Kazakh
// ---------------------------------------------------------------------------

/// Vowel harmony of a Kazakh suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Harmony {
    Back,
    Front,
}

/// Inflection hint for a Kazakh lemma (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KkHint {
    /// Do not inflect at all.
    pub indecl: bool,
    /// Harmony override: an empty list means "decide by the last vowel"; two
    /// entries produce both sets of suffixes.
    pub harmony: Vec<Harmony>,
    /// `Some(true)`: the last word is a 3rd person possessive; `Some(false)`: it
    /// is not; `None`: decide by the rule (multiword name ending in -ы/-і).
    pub possessive: Option<bool>,
}

impl KkHint {
    /// Parses comma-separated flags: `indecl`, `front`, `back`, `both`, `poss`,
    /// `noposs`. The empty string is the default hint.
    pub fn parse(s: &str) -> Result<KkHint, String> {
        let mut h = KkHint::default();
        for flag in s.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            match flag {
                "indecl" => h.indecl = true,
                "front" => h.harmony = vec![Harmony::Front],
                "back" => h.harmony = vec![Harmony::Back],
                "both" => h.harmony = vec![Harmony::Back, Harmony::Front],
                "poss" => h.possessive = Some(true),
                "noposs" => h.possessive = Some(false),
                _ => return Err(format!("unknown Kazakh inflection hint {flag:?}")),
            }
        }
        Ok(h)
    }
}

/// Class of the last sound of a Kazakh word, which decides the first letter of
/// a suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum KkFinal {
    Vowel,
    Nasal,
    Sonorant,
    Voiced,
    Voiceless,
}

const KK_BACK: &str = "аоұыяёюу";
const KK_FRONT: &str = "әеөүіиэ";

fn is_kk_vowel(c: char) -> bool {
    KK_BACK.contains(c) || KK_FRONT.contains(c)
}

/// Harmony decided by the last vowel (see the module documentation).
fn kk_harmony(word_lower: &str) -> Vec<Harmony> {
    // A name in Russian -ев (Қонаев, Сәтбаев) takes the harmony of the vowel
    // before it as well (Қонаевта, Сәтбаевқа) as the front one.
    if let Some(stem) = word_lower.strip_suffix("ев").filter(|s| s.chars().count() >= 2) {
        let mut hs = kk_harmony(stem);
        if !hs.contains(&Harmony::Front) {
            hs.push(Harmony::Front);
        }
        return hs;
    }
    // A final soft sign asks for the front suffixes (Беларусьте), but writers
    // follow the vowel before it as often (Беларусьтан): both.
    if let Some(stem) = word_lower.strip_suffix('ь') {
        let mut hs = kk_harmony(stem);
        if !hs.contains(&Harmony::Front) {
            hs.push(Harmony::Front);
        }
        return hs;
    }
    let chars: Vec<char> = word_lower.chars().filter(|c| c.is_alphabetic()).collect();
    for i in (0..chars.len()).rev() {
        let c = chars[i];
        if (c == 'у' || c == 'ю') && i > 0 && is_kk_vowel(chars[i - 1]) {
            continue; // glide after a vowel
        }
        // ё of a Russian or foreign name (Кёльн, Гёте) is read either way
        // (Кёльнде, Кёльнда)
        if c == 'ё' {
            return vec![Harmony::Back, Harmony::Front];
        }
        // so is the soft ю of a foreign name (Вильнюста, Вильнюстегі)
        if c == 'ю' && i > 0 && !is_kk_vowel(chars[i - 1]) {
            return vec![Harmony::Back, Harmony::Front];
        }
        if KK_BACK.contains(c) {
            return vec![Harmony::Back];
        }
        if KK_FRONT.contains(c) {
            return vec![Harmony::Front];
        }
    }
    vec![Harmony::Back, Harmony::Front]
}

/// Classes of the last sound (a final и gives two readings).
fn kk_finals(word_lower: &str) -> Vec<KkFinal> {
    let c = word_lower.chars().rev().find(|c| c.is_alphabetic() && *c != 'ь' && *c != 'ъ');
    match c {
        None => vec![KkFinal::Vowel],
        Some('и') => vec![KkFinal::Vowel, KkFinal::Sonorant],
        Some('у' | 'ю') => vec![KkFinal::Sonorant],
        Some(c) if is_kk_vowel(c) => vec![KkFinal::Vowel],
        Some('м' | 'н' | 'ң') => vec![KkFinal::Nasal],
        Some('л' | 'р' | 'й') => vec![KkFinal::Sonorant],
        Some('з' | 'ж') => vec![KkFinal::Voiced],
        Some(_) => vec![KkFinal::Voiceless],
    }
}

/// Picks the back or front spelling of a suffix.
fn hv(h: Harmony, back: &'static str, front: &'static str) -> &'static str {
    match h {
        Harmony::Back => back,
        Harmony::Front => front,
    }
}

/// Case suffixes of a plain (non-possessive) word, in the order genitive, dative,
/// accusative, locative, ablative, instrumental, attributive.
fn kk_plain_suffixes(fin: KkFinal, h: Harmony) -> Vec<&'static str> {
    use KkFinal::*;
    let genitive = match fin {
        Vowel | Nasal => hv(h, "ның", "нің"),
        Sonorant | Voiced => hv(h, "дың", "дің"),
        Voiceless => hv(h, "тың", "тің"),
    };
    let dat = match fin {
        Voiceless => hv(h, "қа", "ке"),
        _ => hv(h, "ға", "ге"),
    };
    let acc = match fin {
        Vowel => hv(h, "ны", "ні"),
        Voiceless => hv(h, "ты", "ті"),
        _ => hv(h, "ды", "ді"),
    };
    let (loc, attr) = match fin {
        Voiceless => (hv(h, "та", "те"), hv(h, "тағы", "тегі")),
        _ => (hv(h, "да", "де"), hv(h, "дағы", "дегі")),
    };
    let abl = match fin {
        Nasal => hv(h, "нан", "нен"),
        Voiceless => hv(h, "тан", "тен"),
        _ => hv(h, "дан", "ден"),
    };
    let ins: [&str; 2] = match fin {
        Voiced => ["бен", "бенен"],
        Voiceless => ["пен", "пенен"],
        _ => ["мен", "менен"],
    };
    vec![genitive, dat, acc, loc, abl, ins[0], ins[1], attr]
}

/// Case suffixes of a 3rd person possessive (pronominal -н-).
fn kk_possessive_suffixes(h: Harmony) -> Vec<&'static str> {
    vec![
        hv(h, "ның", "нің"),
        hv(h, "на", "не"),
        "н",
        hv(h, "нда", "нде"),
        hv(h, "нан", "нен"),
        "мен",
        "менен",
        hv(h, "ндағы", "ндегі"),
    ]
}

/// Geographic head nouns whose plural possessive is produced (Қобда аудандары).
const KK_HEADS: &[&str] =
    &["аудан", "облыс", "республика", "теңіз", "өзен", "көл", "қала", "ауыл", "округ", "кент"];

/// 3rd person possessive of a noun: аудан → ауданы, қала → қаласы.
fn kk_possessive_of(base: &str) -> String {
    let lower = base.to_lowercase();
    let h = kk_harmony(&lower)[0];
    let last = lower.chars().last().unwrap_or(' ');
    if is_kk_vowel(last) && last != 'у' {
        respell(base, 0, hv(h, "сы", "сі"))
    } else {
        respell(base, 0, hv(h, "ы", "і"))
    }
}

/// Plural possessive of a possessive head word: ауданы → аудандары,
/// облысы → облыстары, Республикасы → Республикалары.
fn kk_plural_possessive(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let caps = is_caps(word);
    for base in KK_HEADS {
        if kk_possessive_of(base) != lower {
            continue;
        }
        let h = kk_harmony(base)[0];
        let last = base.chars().last().unwrap();
        let pl = if is_kk_vowel(last) || "рйу".contains(last) {
            hv(h, "лар", "лер")
        } else if "лмнңзж".contains(last) {
            hv(h, "дар", "дер")
        } else {
            hv(h, "тар", "тер")
        };
        // Keep the word's own spelling of the base (its capital letter).
        let n = base.chars().count();
        let stem: String = word.chars().take(n).collect();
        let mut s = format!("{stem}{pl}{}", hv(h, "ы", "і"));
        if caps {
            s = s.to_uppercase();
        }
        return Some(s);
    }
    None
}

/// Every surface form of a Kazakh lemma (the lemma itself included, first).
pub fn kk_forms(lemma: &str) -> Vec<String> {
    kk_forms_with(lemma, &KkHint::default())
}

/// [`kk_forms_with`] taking the hint as text ([`KkHint::parse`]).
pub fn kk_forms_hinted(lemma: &str, hint: &str) -> Result<Vec<String>, String> {
    Ok(kk_forms_with(lemma, &KkHint::parse(hint)?))
}

/// [`kk_forms`] with an inflection hint.
pub fn kk_forms_with(lemma: &str, hint: &KkHint) -> Vec<String> {
    let lemma = lemma.trim();
    let mut forms = Forms::default();
    if lemma.is_empty() {
        return forms.out;
    }
    forms.push(lemma.to_string());
    if hint.indecl {
        return forms.out;
    }
    let words: Vec<&str> = lemma.split_whitespace().collect();
    let last = *words.last().unwrap();
    let prefix = words[..words.len() - 1].join(" ");
    let with_prefix = |w: String| {
        if prefix.is_empty() { w } else { format!("{prefix} {w}") }
    };
    let lower = last.to_lowercase();
    let harmonies = if hint.harmony.is_empty() { kk_harmony(&lower) } else { hint.harmony.clone() };
    let ends_in_poss = matches!(lower.chars().last(), Some('ы' | 'і'));
    let possessive = hint.possessive.unwrap_or(words.len() > 1 && ends_in_poss);
    if possessive {
        for &h in &harmonies {
            for suf in kk_possessive_suffixes(h) {
                forms.push(with_prefix(respell(last, 0, suf)));
            }
        }
        if let Some(plural) = kk_plural_possessive(last) {
            forms.push(with_prefix(plural.clone()));
            let ph = kk_harmony(&plural.to_lowercase());
            for &h in &ph {
                for suf in kk_possessive_suffixes(h) {
                    forms.push(with_prefix(respell(&plural, 0, suf)));
                }
            }
        }
        return forms.out;
    }
    let mut stems: Vec<(String, Vec<Harmony>, Vec<KkFinal>)> =
        vec![(last.to_string(), harmonies, kk_finals(&lower))];
    if lower.ends_with("ск") {
        // Russian loan in -ск: the variant with an inserted і (Степногорскіде),
        // and the front suffixes that come with it written without the і
        // (Степногорскте, Степногорсктегі) as well as the back ones.
        let s = respell(last, 0, "і");
        stems.push((s, vec![Harmony::Front], vec![KkFinal::Vowel]));
        stems.push((last.to_string(), vec![Harmony::Front], kk_finals(&lower)));
    }
    for (stem, hs, finals) in &stems {
        for &h in hs {
            for &fin in finals {
                for suf in kk_plain_suffixes(fin, h) {
                    forms.push(with_prefix(respell(stem, 0, suf)));
                }
            }
        }
    }
    forms.out
}

/// Hyphenated case forms of a Kazakh abbreviation (ШҚО-да, АҚШ-қа, ҚР-дың), all
/// assimilation and harmony variants of every case, the abbreviation itself
/// first. The abbreviation stays as written.
pub fn kk_abbr_forms(abbr: &str) -> Vec<String> {
    let abbr = abbr.trim();
    let mut forms = Forms::default();
    if abbr.is_empty() {
        return forms.out;
    }
    forms.push(abbr.to_string());
    use KkFinal::*;
    for h in [Harmony::Back, Harmony::Front] {
        for fin in [Vowel, Nasal, Sonorant, Voiced, Voiceless] {
            for suf in kk_plain_suffixes(fin, h) {
                forms.push(format!("{abbr}-{suf}"));
            }
        }
    }
    forms.out
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn has(forms: &[String], expected: &[&str]) {
        for e in expected {
            assert!(forms.iter().any(|f| f == e), "missing {e:?} in {forms:?}");
        }
    }

    fn lacks(forms: &[String], unexpected: &[&str]) {
        for e in unexpected {
            assert!(!forms.iter().any(|f| f == e), "unexpected {e:?} in {forms:?}");
        }
    }

    fn well_formed(lemma: &str, forms: &[String]) {
        assert_eq!(forms.first().map(String::as_str), Some(lemma));
        assert!(forms.iter().all(|f| !f.is_empty()));
        let set: HashSet<&String> = forms.iter().collect();
        assert_eq!(set.len(), forms.len(), "duplicates in {forms:?}");
    }

    fn ru(lemma: &str) -> Vec<String> {
        let f = ru_forms(lemma);
        well_formed(lemma, &f);
        f
    }

    fn ruh(lemma: &str, hint: &str) -> Vec<String> {
        let f = ru_forms_hinted(lemma, hint).unwrap();
        well_formed(lemma, &f);
        f
    }

    fn kk(lemma: &str) -> Vec<String> {
        let f = kk_forms(lemma);
        well_formed(lemma, &f);
        f
    }

    fn kkh(lemma: &str, hint: &str) -> Vec<String> {
        let f = kk_forms_hinted(lemma, hint).unwrap();
        well_formed(lemma, &f);
        f
    }

    // ---- Russian ----

    #[test]
    fn ru_feminine_a() {
        let f = ru("Астана");
        has(&f, &["Астана", "Астаны", "Астане", "Астану", "Астаной"]);
        assert_eq!(f.len(), 5);
        has(&ru("Караганда"), &["Караганды", "Караганде", "Караганду", "Карагандой"]);
        has(&ru("Москва"), &["Москвы", "Москве", "Москву", "Москвой"]);
        has(&ru("Рига"), &["Риги", "Риге"]);
        lacks(&ru("Рига"), &["Ригы"]);
        has(&ru("Бородулиха"), &["Бородулихи", "Бородулихе", "Бородулиху", "Бородулихой"]);
        has(&ru("Алма-Ата"), &["Алма-Аты", "Алма-Ате", "Алма-Ату", "Алма-Атой"]);
        has(&ru("Ивановка"), &["Ивановки", "Ивановку", "Ивановке"]);
        has(&ru("Ница"), &["Ницы", "Нице", "Ницей", "Ницой"]);
    }

    #[test]
    fn ru_church_loses_its_fleeting_o() {
        let f = ru("Русская православная церковь");
        has(
            &f,
            &["Русской православной церкви", "Русскую православную церковь", "Русской православной церковью"],
        );
        lacks(&f, &["Русской православной церкови"]);
    }

    #[test]
    fn ru_ija_and_ja() {
        has(&ru("Турция"), &["Турции", "Турцию", "Турцией"]);
        lacks(&ru("Турция"), &["Турцие"]);
        has(&ru("Сирия"), &["Сирии", "Сирию", "Сирией"]);
        has(&ru("Россия"), &["России", "Россию", "Россией"]);
        has(&ru("Корея"), &["Кореи", "Корее", "Корею", "Кореей"]);
    }

    #[test]
    fn ru_hard_consonant() {
        has(&ru("Шымкент"), &["Шымкента", "Шымкенту", "Шымкентом", "Шымкенте"]);
        has(&ru("Казахстан"), &["Казахстана", "Казахстану", "Казахстаном", "Казахстане"]);
        has(&ru("Тараз"), &["Тараза", "Таразу", "Таразом", "Таразе"]);
        has(
            &ru("Усть-Каменогорск"),
            &["Усть-Каменогорска", "Усть-Каменогорску", "Усть-Каменогорском", "Усть-Каменогорске"],
        );
        has(&ru("Петропавловск"), &["Петропавловска", "Петропавловске"]);
        has(&ru("Нью-Йорк"), &["Нью-Йорка", "Нью-Йорке"]);
        has(&ru("Санкт-Петербург"), &["Санкт-Петербурга", "Санкт-Петербурге"]);
        has(&ru("Балхаш"), &["Балхаша", "Балхашу", "Балхашом", "Балхашем", "Балхаше"]);
        has(&ru("Нур-Султан"), &["Нур-Султана", "Нур-Султане"]);
    }

    #[test]
    fn ru_soft_and_j() {
        has(&ru("Семей"), &["Семея", "Семею", "Семеем", "Семее"]);
        has(&ru("Костанай"), &["Костаная", "Костанаю", "Костанаем", "Костанае"]);
        has(&ru("Бурабай"), &["Бурабая", "Бурабае"]);
        has(&ru("Китай"), &["Китая", "Китаю", "Китаем", "Китае"]);
        let kazan = ruh("Казань", "f");
        has(&kazan, &["Казани", "Казанью"]);
        lacks(&kazan, &["Казаня", "Казанем"]);
        has(&ruh("Есиль", "m"), &["Есиля", "Есилю", "Есилем", "Есиле"]);
        // Without a hint both genders.
        has(&ru("Сычуань"), &["Сычуани", "Сычуанью", "Сычуаня"]);
        has(&ruh("Маврикий", "noun"), &["Маврикия", "Маврикию", "Маврикием", "Маврикии"]);
    }

    #[test]
    fn ru_indeclinable() {
        for w in ["Алматы", "Актобе", "Баку", "Тбилиси", "Кокшетау", "Сочи", "Токио", "Перу"]
        {
            assert_eq!(ru(w), vec![w.to_string()], "{w}");
        }
        assert_eq!(ruh("Астана", "indecl"), vec!["Астана".to_string()]);
    }

    #[test]
    fn ru_slavic_neuter_and_common_nouns() {
        has(&ru("Бородино"), &["Бородино", "Бородина", "Бородину", "Бородином", "Бородине"]);
        has(
            &ru("Аральское море"),
            &["Аральского моря", "Аральскому морю", "Аральским морем", "Аральском море"],
        );
        has(&ru("Каспийское море"), &["Каспийского моря", "Каспийском море"]);
        has(&ru("озеро Балхаш"), &["озера Балхаш", "озере Балхаш", "озером Балхаш"]);
        has(
            &ru("Капшагайское водохранилище"),
            &["Капшагайского водохранилища", "Капшагайском водохранилище", "Капшагайским водохранилищем"],
        );
    }

    #[test]
    fn ru_adjectives() {
        has(&ru("Рудный"), &["Рудного", "Рудному", "Рудным", "Рудном"]);
        has(&ru("Боровое"), &["Борового", "Боровом"]);
        assert!(ru("Ханой").contains(&"Ханоя".to_string()));
    }

    #[test]
    fn ru_multiword_region() {
        let f = ru("Северо-Казахстанская область");
        has(
            &f,
            &[
                "Северо-Казахстанской области",
                "Северо-Казахстанскую область",
                "Северо-Казахстанской областью",
            ],
        );
        let f = ru("Восточно-Казахстанская область");
        has(&f, &["Восточно-Казахстанской области", "Восточно-Казахстанскую область"]);
        has(&ru("Туркестанская область"), &["Туркестанской области", "Туркестанскую область"]);
        has(&ru("Центральная Азия"), &["Центральной Азии", "Центральную Азию"]);
    }

    #[test]
    fn ru_multiword_district_and_republic() {
        has(
            &ru("Абайский район"),
            &["Абайского района", "Абайскому району", "Абайским районом", "Абайском районе"],
        );
        has(&ru("Алмалинский район"), &["Алмалинского района"]);
        let f = ru("Республика Казахстан");
        has(
            &f,
            &[
                "Республики Казахстан",
                "Республике Казахстан",
                "Республику Казахстан",
                "Республикой Казахстан",
            ],
        );
        lacks(&f, &["Республики Казахстана"]);
        has(&ru("область Абай"), &["области Абай", "областью Абай"]);
        has(&ru("район Абай"), &["района Абай", "районе Абай"]);
    }

    #[test]
    fn ru_coordination_forms() {
        has(&ru("Костанайская область"), &["Костанайской областях", "Костанайской областей"]);
        has(&ru("Западно-Казахстанская область"), &["Западно-Казахстанскую области"]);
        has(&ru("Джангельдинский район"), &["Джангельдинского районов"]);
        assert!(
            ru_modifier_forms("Актюбинская область", &RuHint::default()).contains(&"Актюбинской".to_string())
        );
        assert!(ru_modifier_forms("Астана", &RuHint::default()).is_empty());
    }

    #[test]
    fn ru_plural_names() {
        has(&ruh("Нидерланды", "pl"), &["Нидерландов", "Нидерландам", "Нидерландами", "Нидерландах"]);
        has(
            &ruh("Кольсайские озера", "pl"),
            &["Кольсайских озер", "Кольсайским озерам", "Кольсайскими озерами"],
        );
        has(&ruh("Фарерские острова", "pl"), &["Фарерских островов", "Фарерских островах"]);
        has(&ruh("Известия", "pl"), &["Известий", "Известиям", "Известиях"]);
        has(&ruh("Филиппины", "pl"), &["Филиппин", "Филиппинах"]);
        has(&ruh("Озерки", "pl"), &["Озерков", "Озерках"]);
        let f = ruh("Соединенные Штаты Америки", "pl");
        has(&f, &["Соединенных Штатов Америки", "Соединенным Штатам Америки", "Соединенных Штатах Америки"]);
        let f = ruh("Объединённые Арабские Эмираты", "pl");
        has(&f, &["Объединённых Арабских Эмиратов", "Объединенных Арабских Эмиратах"]);
    }

    #[test]
    fn ru_fleeting_and_conjunction() {
        has(&ruh("Египет", "fleeting"), &["Египта", "Египту", "Египтом", "Египте"]);
        lacks(&ruh("Египет", "fleeting"), &["Египета"]);
        has(&ru("Босния и Герцеговина"), &["Боснии и Герцеговины", "Боснией и Герцеговиной"]);
        has(&ru("Тринидад и Тобаго"), &["Тринидада и Тобаго"]);
    }

    #[test]
    fn ru_uppercase_and_yo() {
        has(&ru("АСТАНА"), &["АСТАНЕ", "АСТАНЫ"]);
        has(&ru("ПЕТРОПАВЛОВСК"), &["ПЕТРОПАВЛОВСКЕ"]);
        has(&ru("Озёрки"), &["Озерки"]);
    }

    #[test]
    fn ru_hint_parse() {
        assert!(RuHint::parse("pl,head=2").is_ok());
        assert_eq!(RuHint::parse("head=2").unwrap().head, Some(2));
        assert!(RuHint::parse("bogus").is_err());
        assert!(RuHint::parse("head=0").is_err());
        has(&ruh("Ростов-на-Дону", "indecl"), &["Ростов-на-Дону"]);
    }

    // ---- Kazakh ----

    #[test]
    fn kk_vowel_final() {
        has(
            &kk("Алматы"),
            &["Алматыда", "Алматыдағы", "Алматыдан", "Алматыға", "Алматының", "Алматыны", "Алматымен"],
        );
        has(&kk("Астана"), &["Астанада", "Астананың", "Астанаға", "Астанадан"]);
        has(&kk("Ақтөбе"), &["Ақтөбеде", "Ақтөбенің", "Ақтөбеге", "Ақтөбеден", "Ақтөбедегі"]);
        has(&kk("Түркия"), &["Түркиядағы", "Түркияда", "Түркияға", "Түркияның"]);
        has(&kk("Қарағанды"), &["Қарағандыда", "Қарағандының"]);
        has(&kk("Қызылорда"), &["Қызылордадан", "Қызылорданың"]);
    }

    #[test]
    fn kk_consonant_final() {
        has(&kk("Петропавл"), &["Петропавлда", "Петропавлдың", "Петропавлға", "Петропавлды"]);
        has(&kk("Қостанай"), &["Қостанайда", "Қостанайдың", "Қостанайға"]);
        has(&kk("Шымкент"), &["Шымкентте", "Шымкенттің", "Шымкентке", "Шымкенттен", "Шымкентпен"]);
        has(&kk("Қазақстан"), &["Қазақстанда", "Қазақстанның", "Қазақстанға", "Қазақстаннан", "Қазақстанды"]);
        has(&kk("Өзбекстан"), &["Өзбекстандағы"]);
        has(&kk("Тараз"), &["Таразда", "Тараздың", "Тараздан", "Таразбен"]);
        has(&kk("Семей"), &["Семейде", "Семейдің", "Семейге"]);
        has(&kk("Ресей"), &["Ресейде", "Ресейге"]);
        has(&kk("Бішкек"), &["Бішкекте", "Бішкекке"]);
        has(&kk("Түрксіб"), &["Түрксібте"]);
        has(&kk("Мақтарал"), &["Мақтаралға"]);
    }

    #[test]
    fn kk_glide_and_loans() {
        has(&kk("Көкшетау"), &["Көкшетауда", "Көкшетаудың", "Көкшетауға"]);
        has(&kk("Атырау"), &["Атырауда", "Атыраудан"]);
        has(&kk("Бейнеу"), &["Бейнеуде"]);
        has(&kk("Ақсу"), &["Ақсуда", "Ақсудың"]);
        has(&kk("Бали"), &["Балиге", "Балиде"]);
        has(&kk("Тбилиси"), &["Тбилисиде", "Тбилисидің", "Тбилисинің"]);
        has(&kk("Израиль"), &["Израильде", "Израильдің"]);
        // a soft sign after a back vowel: front, or the vowel's back suffixes
        has(&kk("Беларусь"), &["Беларусьте", "Беларусьтан", "Беларусьтің", "Беларусьқа"]);
        // a soft ю as the last vowel: either way
        has(&kk("Вильнюс"), &["Вильнюста", "Вильнюстегі", "Вильнюсте", "Вильнюстан"]);
        has(&kk("Степногорск"), &["Степногорскіде", "Степногорскта", "Степногорсктегі"]);
        has(&kkh("Нью-Йорк", "both"), &["Нью-Йоркта", "Нью-Йоркте"]);
        // a name in -ев takes the harmony of the vowel before it too
        has(&kk("Қонаев"), &["Қонаевта", "Қонаевқа", "Қонаевтан", "Қонаевтың"]);
        has(&kk("Сәтбаев"), &["Сәтбаевта", "Сәтбаевқа"]);
        // ё either way
        has(&kk("Кёльн"), &["Кёльнде", "Кёльнге", "Кёльнда"]);
        assert_eq!(kkh("Алматы", "indecl"), vec!["Алматы".to_string()]);
    }

    #[test]
    fn kk_hyphen_and_caps() {
        has(&kk("Нұр-Сұлтан"), &["Нұр-Сұлтанда", "Нұр-Сұлтанның", "Нұр-Сұлтанға"]);
        has(&kk("АСТАНА"), &["АСТАНАДА", "АСТАНАНЫҢ"]);
        has(&kk("Қазақстан Республикасы".to_uppercase().as_str()), &["ҚАЗАҚСТАН РЕСПУБЛИКАСЫНДА"]);
    }

    #[test]
    fn kk_possessive_heads() {
        has(
            &kk("Абай ауданы"),
            &[
                "Абай ауданында",
                "Абай ауданындағы",
                "Абай ауданының",
                "Абай ауданына",
                "Абай ауданын",
                "Абай ауданынан",
                "Абай ауданымен",
            ],
        );
        lacks(&kk("Абай ауданы"), &["Абай ауданыда", "Абай ауданыға"]);
        has(&kk("Алматы облысы"), &["Алматы облысында", "Алматы облысының", "Алматы облысына"]);
        has(&kk("Қазақстан Республикасы"), &["Қазақстан Республикасында", "Қазақстан Республикасының"]);
        has(&kk("Солтүстік Қазақстан облысы"), &["Солтүстік Қазақстан облысындағы"]);
        has(&kk("Каспий теңізі"), &["Каспий теңізінде", "Каспий теңізінің"]);
        has(&kk("Ертіс өзені"), &["Ертіс өзенінде"]);
        // Plural possessive for a shared head.
        has(&kk("Қобда ауданы"), &["Қобда аудандарындағы", "Қобда аудандары"]);
        has(&kk("Ақмола облысы"), &["Ақмола облыстарында"]);
        has(&kk("Балқаш көлі"), &["Балқаш көлдерінде", "Балқаш көлінде"]);
        // A non-possessive multiword name.
        has(&kk("Батыс Қазақстан"), &["Батыс Қазақстанда", "Батыс Қазақстанның"]);
        has(&kk("Оңтүстік Корея"), &["Оңтүстік Кореяда"]);
        has(&kkh("Жаңа Зеландия", "noposs"), &["Жаңа Зеландияда"]);
    }

    #[test]
    fn kk_abbreviations() {
        let f = kk_abbr_forms("ШҚО");
        has(&f, &["ШҚО", "ШҚО-да", "ШҚО-ның", "ШҚО-дағы"]);
        has(&kk_abbr_forms("АҚШ"), &["АҚШ-та", "АҚШ-қа", "АҚШ-тың"]);
        well_formed("ШҚО", &f);
    }

    #[test]
    fn kk_hint_parse() {
        assert!(KkHint::parse("both,poss").is_ok());
        assert!(KkHint::parse("nonsense").is_err());
    }

    #[test]
    fn empty_input() {
        assert!(ru_forms("").is_empty());
        assert!(kk_forms("  ").is_empty());
    }
}

#[cfg(test)]
mod gazetteer_tests {
    //! Checks of rules/gazetteers/places.toml against the inflection rules.
    use super::*;
    use serde::Deserialize;
    use std::collections::{BTreeMap, HashMap};

    const PLACES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/gazetteers/places.toml"));

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default)]
        #[allow(dead_code)]
        latin: Vec<String>,
        entry: Vec<Entry>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Entry {
        key: String,
        kind: String,
        ru: Vec<String>,
        kk: Vec<String>,
        ru_abbr: Vec<String>,
        kk_abbr: Vec<String>,
        #[serde(default)]
        ru_hints: BTreeMap<String, String>,
        #[serde(default)]
        kk_hints: BTreeMap<String, String>,
        #[serde(default)]
        same_as: Option<String>,
        #[serde(default)]
        #[allow(dead_code)]
        ambiguous: bool,
        #[serde(default)]
        #[allow(dead_code)]
        no_caps: bool,
        #[serde(default)]
        #[allow(dead_code)]
        note: Option<String>,
    }

    fn entries() -> Vec<Entry> {
        toml::from_str::<File>(PLACES).expect("places.toml parses").entry
    }

    fn ru_of(e: &Entry, lemma: &str) -> Vec<String> {
        let hint = RuHint::parse(e.ru_hints.get(lemma).map_or("", String::as_str)).unwrap();
        ru_forms_with(lemma, &hint)
    }

    fn kk_of(e: &Entry, lemma: &str) -> Vec<String> {
        let hint = KkHint::parse(e.kk_hints.get(lemma).map_or("", String::as_str)).unwrap();
        kk_forms_with(lemma, &hint)
    }

    /// form -> keys of the entries that generate it, per language.
    fn index(entries: &[Entry]) -> (HashMap<String, Vec<String>>, HashMap<String, Vec<String>>) {
        let mut ru: HashMap<String, Vec<String>> = HashMap::new();
        let mut kk: HashMap<String, Vec<String>> = HashMap::new();
        for e in entries {
            for l in &e.ru {
                for f in ru_of(e, l) {
                    let v = ru.entry(f).or_default();
                    if !v.contains(&e.key) {
                        v.push(e.key.clone());
                    }
                }
            }
            for l in &e.kk {
                for f in kk_of(e, l) {
                    let v = kk.entry(f).or_default();
                    if !v.contains(&e.key) {
                        v.push(e.key.clone());
                    }
                }
            }
        }
        (ru, kk)
    }

    #[test]
    fn file_is_well_formed() {
        let entries = entries();
        assert!(entries.len() > 300, "only {} entries", entries.len());
        let kinds = ["country", "region", "city", "district", "village", "river", "lake", "other"];
        let mut keys = HashSet::new();
        for e in &entries {
            assert!(keys.insert(e.key.clone()), "duplicate key {}", e.key);
            assert!(kinds.contains(&e.kind.as_str()), "{}: bad kind {}", e.key, e.kind);
            // ISO 3166-1 alpha-2 (KZ), or ISO 3166-2 (KZ-71, RU-TA, US-CA, RU-MOS).
            let sub = e.key.get(3..).unwrap_or("");
            let iso = e.key.len() == 2 && e.key.chars().all(|c| c.is_ascii_uppercase())
                || e.key.len() > 3
                    && e.key[..2].chars().all(|c| c.is_ascii_uppercase())
                    && e.key.as_bytes()[2] == b'-'
                    && (1..=3).contains(&sub.len())
                    && sub.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let slug = e.key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(iso || slug, "bad key {}", e.key);
            if e.kind == "country" && iso {
                assert_eq!(e.key.len(), 2, "{}", e.key);
            }
            // An entry tied to another (same_as) may name it by abbreviations alone
            // (США, same_as US); an abbreviation then names its entry by itself.
            let abbr_only = e.ru.is_empty() && e.kk.is_empty() && e.same_as.is_some();
            assert!(
                !e.ru.is_empty()
                    || !e.kk.is_empty()
                    || (abbr_only && !(e.ru_abbr.is_empty() && e.kk_abbr.is_empty())),
                "{}: no lemma",
                e.key
            );
            for s in e.ru.iter().chain(&e.kk).chain(&e.ru_abbr).chain(&e.kk_abbr) {
                assert!(!s.is_empty() && s.trim() == s, "{}: bad lemma {s:?}", e.key);
                assert!(!s.contains("  "), "{}: double space in {s:?}", e.key);
            }
            for (l, h) in &e.ru_hints {
                assert!(e.ru.contains(l), "{}: ru hint for unknown lemma {l}", e.key);
                RuHint::parse(h).unwrap_or_else(|err| panic!("{}: {err}", e.key));
            }
            for (l, h) in &e.kk_hints {
                assert!(e.kk.contains(l), "{}: kk hint for unknown lemma {l}", e.key);
                KkHint::parse(h).unwrap_or_else(|err| panic!("{}: {err}", e.key));
            }
            if !e.ru_abbr.is_empty() {
                assert!(!e.ru.is_empty() || abbr_only, "{}: ru_abbr without ru lemma", e.key);
            }
            if !e.kk_abbr.is_empty() {
                assert!(!e.kk.is_empty() || abbr_only, "{}: kk_abbr without kk lemma", e.key);
            }
        }
        for e in &entries {
            if let Some(s) = &e.same_as {
                assert!(keys.contains(s), "{}: same_as {s} is not a key", e.key);
            }
        }
    }

    #[test]
    fn lemmas_and_abbreviations_are_unique_per_language() {
        let entries = entries();
        let mut ru: HashMap<&str, &str> = HashMap::new();
        let mut kk: HashMap<&str, &str> = HashMap::new();
        for e in &entries {
            for l in e.ru.iter().chain(&e.ru_abbr) {
                if let Some(k) = ru.insert(l, &e.key) {
                    panic!("ru {l:?} in both {k} and {}", e.key);
                }
            }
            for l in e.kk.iter().chain(&e.kk_abbr) {
                if let Some(k) = kk.insert(l, &e.key) {
                    panic!("kk {l:?} in both {k} and {}", e.key);
                }
            }
        }
    }

    #[test]
    fn generated_forms_are_well_formed() {
        for e in &entries() {
            for l in &e.ru {
                let f = ru_of(e, l);
                assert_eq!(f.first(), Some(l));
                assert!(f.iter().all(|s| !s.is_empty()));
                assert_eq!(f.iter().collect::<HashSet<_>>().len(), f.len());
            }
            for l in &e.kk {
                let f = kk_of(e, l);
                assert_eq!(f.first(), Some(l));
                assert!(f.iter().all(|s| !s.is_empty()));
                assert_eq!(f.iter().collect::<HashSet<_>>().len(), f.len());
            }
        }
    }

    #[test]
    fn sample_forms_come_from_the_right_entries() {
        let (ru, kk) = index(&entries());
        let expect = |map: &HashMap<String, Vec<String>>, form: &str, key: &str| {
            let keys = map.get(form).unwrap_or_else(|| panic!("no entry generates {form:?}"));
            assert_eq!(keys, &vec![key.to_string()], "{form}");
        };
        expect(&kk, "Алматыда", "KZ-75");
        expect(&kk, "Алматыдағы", "KZ-75");
        expect(&ru, "Астане", "KZ-71");
        expect(&ru, "Астаны", "KZ-71");
        expect(&ru, "Нур-Султане", "KZ-71");
        expect(&kk, "Астанада", "KZ-71");
        expect(&kk, "Түркиядағы", "TR");
        expect(&ru, "Турции", "TR");
        expect(&kk, "Петропавлда", "kz-city-petropavl");
        expect(&ru, "Петропавловске", "kz-city-petropavl");
        expect(&kk, "Қостанайда", "kz-city-kostanay");
        expect(&kk, "Абай ауданындағы", "kz-shymkent-abai-district");
        expect(&ru, "Северо-Казахстанской области", "KZ-59");
        expect(&ru, "Восточно-Казахстанской области", "KZ-63");
        expect(&ru, "Абайской области", "KZ-10");
        expect(&ru, "области Абай", "KZ-10");
        expect(&ru, "Алмалинского района", "kz-almaty-almaly-district");
        expect(&ru, "Республики Казахстан", "kz-republic");
        expect(&ru, "Казахстане", "KZ");
        expect(&kk, "Қазақстанның", "KZ");
        expect(&kk, "Қазақстан Республикасының", "kz-republic");
        expect(&kk, "Шығыс Қазақстан облысындағы", "KZ-63");
        expect(&kk, "Алматы облысында", "KZ-19");
        expect(&kk, "Ақтөбеге", "kz-city-aktobe");
        expect(&kk, "Өзбекстандағы", "UZ");
        expect(&ru, "Семее", "kz-city-semey");
        expect(&ru, "Усть-Каменогорска", "kz-city-oskemen");
        expect(&ru, "Таразе", "kz-city-taraz");
        expect(&ru, "Шымкенте", "KZ-79");
        expect(&ru, "Бурабае", "kz-village-burabay");
        expect(&ru, "Жетысайском районе", "kz-district-zhetysai");
        expect(&ru, "Сузакского района", "kz-district-suzak");
        expect(&ru, "Костанайской областях", "KZ-39");
        expect(&ru, "Западно-Казахстанскую области", "KZ-27");
        expect(&kk, "Қобда аудандарындағы", "kz-district-kobda");
        expect(&kk, "Мақтарал ауданына", "kz-district-maktaaral");
        expect(&ru, "Нью-Йорке", "city-new-york");
        expect(&ru, "Центральной Азии", "world-central-asia");
        expect(&ru, "Соединенных Штатах Америки", "US");
        expect(&ru, "Египте", "EG");
        expect(&kk, "Балиге", "other-bali");
    }

    /// Forms generated by more than one entry in the same language: only the
    /// known, documented ambiguities are allowed.
    #[test]
    fn cross_entry_collisions_are_known() {
        let (ru, kk) = index(&entries());
        let mut found: Vec<String> = ru
            .iter()
            .chain(kk.iter())
            .filter(|(_, keys)| keys.len() > 1)
            .map(|(f, keys)| format!("{f} {}", keys.join(" ")))
            .collect();
        found.sort();
        assert!(found.is_empty(), "collisions:\n{}", found.join("\n"));
    }

    /// Prints the size of the gazetteer (cargo test -- --nocapture).
    #[test]
    fn statistics() {
        let entries = entries();
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        let (mut ru_n, mut kk_n) = (0, 0);
        for e in &entries {
            *kinds.entry(&e.kind).or_default() += 1;
            ru_n += e.ru.iter().map(|l| ru_of(e, l).len()).sum::<usize>();
            kk_n += e.kk.iter().map(|l| kk_of(e, l).len()).sum::<usize>();
        }
        println!("entries {} {kinds:?}; forms ru {ru_n} kk {kk_n}", entries.len());
    }
}
