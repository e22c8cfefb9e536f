//! Gazetteers: name lists in `rules/gazetteers/*.toml`, expanded to every
//! inflected form by [`crate::inflect`], so that a list holds lemmas only.
//!
//! A file `rules/gazetteers/NAME.toml` is referenced in patterns as `@NAME`
//! (Russian and Kazakh forms), `@NAME.ru` or `@NAME.kk`. Each entry:
//!
//! ```toml
//! [[entry]]
//! key = "KZ-75"                  # one identifier across languages
//! kind = "city"                  # free classification
//! ru = ["Алматы", "Алма-Ата"]    # Russian lemmas; the first is the value's name
//! kk = ["Алматы"]                # Kazakh lemmas; the first is the value's name
//! ru_abbr = []                   # matched as written, not inflected
//! kk_abbr = []
//! ```
//!
//! A file may say `inflect = false` at the top for lists of fixed names, and
//! `latin = ["kz-", ...]` for the key prefixes of the entries whose one-word
//! names are also matched in Latin letters ([`crate::latin`]: Ertis, Qyzyljar).
//! Names are matched case-sensitively as written and in capitals (headlines).

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::inflect;
use crate::lang::Lang;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDef {
    #[serde(default = "yes")]
    inflect: bool,
    #[serde(default)]
    description: Option<String>,
    /// The key prefixes of the entries whose one-word names are also found in
    /// Latin letters ([`crate::latin`]: Ertis, Qyzyljar), ambiguous entries aside.
    #[serde(default)]
    latin: Vec<String>,
    #[serde(default)]
    entry: Vec<EntryDef>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
struct EntryDef {
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    ru: Vec<String>,
    #[serde(default)]
    kk: Vec<String>,
    #[serde(default)]
    ru_abbr: Vec<String>,
    #[serde(default)]
    kk_abbr: Vec<String>,
    /// Inflection hints per lemma (see [`crate::inflect::RuHint`], [`crate::inflect::KkHint`]).
    #[serde(default)]
    ru_hints: BTreeMap<String, String>,
    #[serde(default)]
    kk_hints: BTreeMap<String, String>,
    /// The key of the entry this one names too (РК names KZ): mentions aggregate under it.
    #[serde(default)]
    same_as: Option<String>,
    /// Names that are also common words or personal names: a match needs context.
    #[serde(default)]
    ambiguous: bool,
    /// Names whose capitals are another thing's name: the lemmas' forms are
    /// not matched written in capitals (АЛЖИР, the camp, not Algeria).
    #[serde(default)]
    no_caps: bool,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// One entry of a gazetteer.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: Option<String>,
    pub kind: Option<String>,
    pub ru: Option<String>,
    pub kk: Option<String>,
    /// Its names are also personal names or common words (Сатпаев, Қонаев,
    /// Темірлан): a mention that reads as a person's name is none of it
    /// ([`reads_as_person`]).
    pub ambiguous: bool,
}

impl Entry {
    /// The canonical name in `lang`, falling back to the other language.
    pub fn name(&self, lang: Lang) -> &str {
        let (first, second) = if lang == Lang::Kk { (&self.kk, &self.ru) } else { (&self.ru, &self.kk) };
        first.as_deref().or(second.as_deref()).unwrap_or("")
    }
}

/// The surface forms of one lemma: itself when the file does not inflect, else
/// the forms [`crate::inflect`] generates for its language (with the entry's hint).
fn lemma_forms(lemma: &str, lang: Lang, inflect: bool, hint: Option<&String>) -> Result<Vec<String>, String> {
    Ok(match (inflect, lang, hint) {
        (false, _, _) => vec![lemma.to_string()],
        (true, Lang::Kk, None) => inflect::kk_forms(lemma),
        (true, Lang::Kk, Some(h)) => inflect::kk_forms_hinted(lemma, h)?,
        (true, _, None) => inflect::ru_forms(lemma),
        (true, _, Some(h)) => inflect::ru_forms_hinted(lemma, h)?,
    })
}

/// A Kazakh lemma of one capitalized word with a letter Russian lacks, ending
/// in a consonant (Қонаев, Өскемен; not Алматы, not Жаңа қала, not Нұра, whose
/// genitive Нұры is the Kazakh "its light" of names like «Өмір Нұры»): Russian
/// sentences decline it.
fn kazakh_word_name(lemma: &str) -> bool {
    !lemma.contains([' ', '-'])
        && lemma.starts_with(char::is_uppercase)
        && lemma.chars().count() >= 4
        && lemma.contains(|c: char| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c))
        && lemma.chars().last().is_some_and(|c| !"аәеёиіоөуұүыэюяйь".contains(c))
}

fn entry_name(e: &EntryDef) -> String {
    e.key.clone().or_else(|| e.ru.first().cloned()).or_else(|| e.kk.first().cloned()).unwrap_or_default()
}

/// A surface form and what it names.
#[derive(Debug, Clone, Copy)]
struct Hit {
    entry: u32,
    /// The lemma the form was generated from (index into `lemmas`), `u32::MAX`
    /// for abbreviations of an entry with a lemma of their language (they name
    /// the entry by it).
    lemma: u32,
    /// The language the form belongs to (both when ru and kk share it).
    ru: bool,
    kk: bool,
}

impl Hit {
    /// Does the form belong to `lang` (`Und`: to either)?
    fn names_in(&self, lang: Lang) -> bool {
        match lang {
            Lang::Ru => self.ru,
            Lang::Kk => self.kk,
            Lang::Und => true,
        }
    }
}

/// The surface forms of a gazetteer and what each names, packed for look-ups:
/// one string holding every form, sorted, searched by bisection. A hash map of
/// owned strings held four to five times the bytes (a heap block per form,
/// 70 000 of them and their capitals), and the run kept it to its end.
#[derive(Debug, Default)]
struct FormIndex {
    text: String,
    /// (start, end) of each form in `text`, in the order of the forms.
    spans: Vec<(u32, u32)>,
    hits: Vec<Hit>,
}

impl FormIndex {
    fn new(map: HashMap<String, Hit>) -> FormIndex {
        let mut pairs: Vec<(String, Hit)> = map.into_iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut index = FormIndex {
            text: String::with_capacity(pairs.iter().map(|p| p.0.len()).sum()),
            spans: Vec::with_capacity(pairs.len()),
            hits: Vec::with_capacity(pairs.len()),
        };
        for (form, hit) in pairs {
            let start = index.text.len() as u32;
            index.text.push_str(&form);
            index.spans.push((start, index.text.len() as u32));
            index.hits.push(hit);
        }
        index
    }

    fn get(&self, form: &str) -> Option<&Hit> {
        let i = self.spans.binary_search_by(|&(s, e)| self.text[s as usize..e as usize].cmp(form)).ok()?;
        Some(&self.hits[i])
    }

    fn len(&self) -> usize {
        self.spans.len()
    }
}

/// A loaded gazetteer with every surface form.
#[derive(Debug)]
pub struct Gazetteer {
    pub name: String,
    pub description: Option<String>,
    pub entries: Vec<Entry>,
    /// Every surface form while the file is read; moved into `forms` at its end.
    building: HashMap<String, Hit>,
    forms: FormIndex,
    /// Forms the file writes for one entry in one language and for another
    /// entry in the other (Арал: the sea's Russian name, the city Аральск's
    /// Kazakh one): the later entry's claim, looked up in its own language.
    other_language: HashMap<String, Hit>,
    /// Claims that lost a form to an earlier entry, while the file is read.
    lost: Vec<(String, Hit)>,
    lemmas: Vec<String>,
    ru_forms: Vec<String>,
    kk_forms: Vec<String>,
}

impl Gazetteer {
    /// Parse a gazetteer file; `name` is its file stem.
    pub fn parse(name: &str, text: &str) -> Result<Gazetteer, String> {
        let def: FileDef = toml::from_str(text).map_err(|e| e.to_string())?;
        // A key names one entry: a second entry of the same key is a copy, or one
        // whose names should be tied to it by same_as.
        let mut keys = std::collections::HashSet::new();
        if let Some(k) = def.entry.iter().filter_map(|e| e.key.as_deref()).find(|k| !keys.insert(*k)) {
            return Err(format!("entry {k} twice (one entry per key; tie other names to it with same_as)"));
        }
        let mut g = Gazetteer {
            name: name.to_string(),
            description: def.description,
            entries: Vec::new(),
            building: HashMap::new(),
            forms: FormIndex::default(),
            other_language: HashMap::new(),
            lost: Vec::new(),
            lemmas: Vec::new(),
            ru_forms: Vec::new(),
            kk_forms: Vec::new(),
        };
        // The case forms of every lemma, generated in parallel (most of the start-up
        // of a large gazetteer), then added in file order.
        use rayon::prelude::*;
        let generated: Vec<Result<Vec<Vec<String>>, String>> = def
            .entry
            .par_iter()
            .map(|e| {
                let name = entry_name(e);
                let mut out = Vec::new();
                for (lemmas, hints, lang) in [(&e.ru, &e.ru_hints, Lang::Ru), (&e.kk, &e.kk_hints, Lang::Kk)]
                {
                    for lemma in lemmas {
                        out.push(
                            lemma_forms(lemma, lang, def.inflect, hints.get(lemma))
                                .map_err(|m| format!("entry {name}: hint for {lemma}: {m}"))?,
                        );
                    }
                }
                Ok(out)
            })
            .collect();
        for (e, forms) in def.entry.iter().zip(generated) {
            let mut forms = forms?.into_iter();
            let idx = g.entries.len() as u32;
            if e.ru.is_empty() && e.kk.is_empty() && e.ru_abbr.is_empty() && e.kk_abbr.is_empty() {
                return Err(format!("entry {} has no names", e.key.as_deref().unwrap_or("(without key)")));
            }
            let key = e.same_as.clone().or(e.key.clone());
            g.entries.push(Entry {
                key,
                kind: e.kind.clone(),
                ru: e.ru.first().or(e.ru_abbr.first()).cloned(),
                kk: e.kk.first().or(e.kk_abbr.first()).cloned(),
                ambiguous: e.ambiguous,
            });
            for (lemmas, lang) in [(&e.ru, Lang::Ru), (&e.kk, Lang::Kk)] {
                for lemma in lemmas {
                    let forms = forms.next().unwrap_or_default();
                    g.lemmas.push(lemma.clone());
                    let l = (g.lemmas.len() - 1) as u32;
                    for f in forms {
                        g.add(f, idx, l, lang, !e.no_caps);
                    }
                }
            }
            // An abbreviation names the entry by its lemma (ВКО: Восточно-Казахстанская
            // область); in an entry without a lemma of its language, each
            // abbreviation names itself (Гугл is not renamed Google, nor КПО KPO).
            let own = |g: &mut Gazetteer, a: &str, lemmas: &[String]| {
                if lemmas.is_empty() {
                    g.lemmas.push(a.to_string());
                    (g.lemmas.len() - 1) as u32
                } else {
                    u32::MAX
                }
            };
            for a in &e.ru_abbr {
                let l = own(&mut g, a, &e.ru);
                g.add(a.clone(), idx, l, Lang::Ru, false);
            }
            for a in &e.kk_abbr {
                let l = own(&mut g, a, &e.kk);
                // Kazakh abbreviations take case suffixes after a hyphen: ШҚО-да, АҚШ-қа.
                let forms = if def.inflect { inflect::kk_abbr_forms(a) } else { vec![a.clone()] };
                for f in forms {
                    g.add(f, idx, l, Lang::Kk, false);
                }
            }
        }
        // A form the file writes for a later entry in a language the earlier
        // claimant never names it in is the later entry's in that language.
        for (form, hit) in std::mem::take(&mut g.lost) {
            let first = g.building[&form];
            if (hit.ru && !first.ru) || (hit.kk && !first.kk) {
                g.other_language.entry(form).or_insert(hit);
            }
        }
        // A one-word Kazakh name with a Kazakh letter declined in Russian, as
        // Russian sentences write it (из Қонаева, в Түркістане, в Өскемене): Russian
        // forms naming the entry by its Russian name, added after every form the
        // file writes so that none is taken from another entry.
        if def.inflect {
            // Not the first word of a longer name (Ақмол's genitive is Ақмола, the
            // region's bare name in «Ақмола жастары»).
            let heads: std::collections::HashSet<&str> = def
                .entry
                .iter()
                .flat_map(|e| e.ru.iter().chain(&e.kk))
                .filter_map(|l| l.split_once(' ').map(|(head, _)| head))
                .collect();
            for (idx, e) in def.entry.iter().enumerate() {
                for lemma in e.kk.iter().filter(|l| kazakh_word_name(l)) {
                    for f in inflect::ru_forms(lemma) {
                        if !g.building.contains_key(&f) && !heads.contains(f.as_str()) {
                            g.add(f, idx as u32, u32::MAX, Lang::Ru, true);
                        }
                    }
                }
            }
        }
        // Latin spellings last, so that every form the file writes (Pavlodar,
        // Oral) keeps the entry it names; each names its entry in both languages.
        for (idx, e) in def.entry.iter().enumerate() {
            if e.ambiguous
                || !e.key.as_ref().is_some_and(|k| def.latin.iter().any(|p| k.starts_with(p.as_str())))
            {
                continue;
            }
            for lemma in e.ru.iter().chain(&e.kk) {
                for latin in crate::latin::spellings(lemma) {
                    g.add(latin.clone(), idx as u32, u32::MAX, Lang::Ru, true);
                    g.add(latin, idx as u32, u32::MAX, Lang::Kk, true);
                }
            }
        }
        g.forms = FormIndex::new(std::mem::take(&mut g.building));
        Ok(g)
    }

    fn add(&mut self, form: String, entry: u32, lemma: u32, lang: Lang, with_caps: bool) {
        if form.is_empty() {
            return;
        }
        let mut variants = vec![form.clone()];
        let caps = form.to_uppercase();
        if with_caps && caps != form {
            variants.push(caps);
        }
        // A name that opens with a lowercase word opens a sentence or a headline
        // with a capital too (область Абай: Область Абай › Экология).
        let mut chars = form.chars();
        if with_caps && let Some(first) = chars.next().filter(|c| c.is_lowercase()) {
            variants.push(first.to_uppercase().chain(chars).collect());
        }
        for v in variants {
            let hit = self.building.entry(v.clone()).or_insert(Hit { entry, lemma, ru: false, kk: false });
            // The first entry to claim a form keeps it; the language flags accumulate.
            if hit.entry == entry {
                match lang {
                    Lang::Ru => hit.ru = true,
                    _ => hit.kk = true,
                }
            } else if lemma != u32::MAX {
                let (ru, kk) = (lang == Lang::Ru, lang != Lang::Ru);
                self.lost.push((v.clone(), Hit { entry, lemma, ru, kk }));
            }
            let list = if lang == Lang::Ru { &mut self.ru_forms } else { &mut self.kk_forms };
            list.push(v);
        }
    }

    /// Drop the per-language lists of surface forms once the automata and the
    /// patterns that embed this gazetteer are built ([`Gazetteer::forms`] is
    /// empty after it; look-ups by form are not affected): several megabytes of
    /// strings the run would otherwise keep to its end.
    pub fn release_form_lists(&mut self) {
        self.ru_forms = Vec::new();
        self.kk_forms = Vec::new();
    }

    /// Surface forms of one language (`Und` for both), longest first, for a regex alternation.
    pub fn forms(&self, lang: Lang) -> Vec<&str> {
        let mut v: Vec<&str> = match lang {
            Lang::Ru => self.ru_forms.iter().map(String::as_str).collect(),
            Lang::Kk => self.kk_forms.iter().map(String::as_str).collect(),
            Lang::Und => self.ru_forms.iter().chain(&self.kk_forms).map(String::as_str).collect(),
        };
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.dedup();
        v
    }

    /// The entry a surface form names, and the name to report for it: the lemma
    /// the form comes from (Нұр-Сұлтанда → Нұр-Сұлтан, not the entry's current
    /// name Астана); for an abbreviation, the entry's name in the form's own
    /// language, else in the text's language `lang`.
    pub fn lookup(&self, form: &str, lang: Lang) -> Option<(&Entry, &str)> {
        let hit = self.claim(form, lang)?;
        let entry = &self.entries[hit.entry as usize];
        if let Some(lemma) = self.lemmas.get(hit.lemma as usize) {
            return Some((entry, lemma));
        }
        let name_lang = match (hit.ru, hit.kk) {
            (true, false) => Lang::Ru,
            (false, true) => Lang::Kk,
            _ => lang,
        };
        Some((entry, entry.name(name_lang)))
    }

    /// Is `form` a surface form of this gazetteer in `lang` (`Und`: in either)?
    pub fn has_form(&self, form: &str, lang: Lang) -> bool {
        self.entry_in(form, lang).is_some()
    }

    /// The entry `form` names as a form of `lang` (`Und`: of either), if it is one.
    pub fn entry_in(&self, form: &str, lang: Lang) -> Option<&Entry> {
        self.claim(form, lang).filter(|h| h.names_in(lang)).map(|h| &self.entries[h.entry as usize])
    }

    /// What `form` names read in `lang`: the entry that claims it in that
    /// language when two entries share it across languages, else its first.
    fn claim(&self, form: &str, lang: Lang) -> Option<&Hit> {
        let other = self.other_language.get(form).filter(|h| lang != Lang::Und && h.names_in(lang));
        other.or_else(|| self.forms.get(form))
    }

    /// Whether `word` is a form, or names a district by its bare name (a
    /// district paper's Ескелді, ЕСКЕЛДІ ЖАРШЫСЫ: Ескелді ауданы), in capitals too.
    pub fn has_form_or_district(&self, word: &str, lang: Lang) -> bool {
        if self.has_form(word, lang) {
            return true;
        }
        let mut chars = word.chars();
        let Some(first) = chars.next() else { return false };
        let title: String = first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect();
        self.has_form(&title, lang) || self.has_form(&format!("{title} ауданы"), lang)
    }

    /// Number of distinct surface forms.
    pub fn form_count(&self) -> usize {
        self.forms.len()
    }
}

/// Whether a place key names a country: an ISO 3166-1 alpha-2 code (KZ, RU),
/// not a region's ISO 3166-2 code (KZ-71) nor a slug (kz-city-aktau).
pub fn country_key(key: &str) -> bool {
    key.len() == 2 && key.bytes().all(|b| b.is_ascii_uppercase())
}

/// Endings of a Russian or Kazakh surname (Ахметова, Сейтжанов, Нұрланұлы) and
/// of a surname in -ский (Покровский).
pub(crate) const SURNAME_ENDINGS: &[&str] =
    &["ов", "ев", "ова", "ева", "ин", "ина", "ұлы", "қызы", "улы", "кызы", "ский", "ская"];

/// Whether `word` reads as a surname: capitalized, with one of `endings`.
pub(crate) fn reads_as_surname(word: &str, endings: &[&str]) -> bool {
    word.starts_with(char::is_uppercase) && endings.iter().any(|s| word.ends_with(s))
}

/// Does the mention `start..end` of `text` read as a person's name rather than
/// a place: after an initial (І. Жансүгіров, К.Сатпаева), after a capitalized
/// word inside its sentence with only spaces between (Ілияс Жансүгіров), before
/// a surname (Темірлан Әбенов), after an age (14-летняя Милана), or named after
/// (Сәтбаев атындағы, имени Кунаева)? For the places of `ambiguous` entries;
/// `sentence` is where the mention's sentence starts (a capital there proves
/// nothing).
pub fn reads_as_person(text: &str, sentence: usize, start: usize, end: usize) -> bool {
    const SPACES: [char; 2] = [' ', '\u{a0}'];
    let word = |c: &char| c.is_alphabetic() || *c == '-';
    let before = text[..start].trim_end_matches(SPACES);
    let spaced_before = before.len() < start;
    // an initial: one capital letter and a dot, no letter before it
    let mut back = before.chars().rev();
    let initial = back.next() == Some('.')
        && back.next().is_some_and(char::is_uppercase)
        && back.next().is_none_or(|c| !c.is_alphabetic());
    let prev: String = before.chars().rev().take_while(word).collect::<Vec<_>>().into_iter().rev().collect();
    let prev_start = before.len() - prev.len();
    let opens = ['.', '!', '?', '\n', ':', '«', '"', '(', '–', '—'];
    let inside_sentence =
        prev_start > sentence && !text[sentence.min(prev_start)..prev_start].trim_end().ends_with(opens);
    // a preposition is no first name (В Рудном, – В Конаеве)
    let prepositions =
        ["в", "во", "из", "на", "по", "к", "ко", "с", "со", "от", "до", "у", "под", "над", "за", "для"];
    let preposition = prepositions.contains(&prev.to_lowercase().as_str());
    // nor is a Kazakh word in the ablative, a place the way starts from
    // (Талдықорғаннан Қонаевқа; not -тан: Нұрсұлтан is a first name)
    let ablative = prev.chars().count() > 6 && ["нан", "нен", "дан", "ден"].iter().any(|s| prev.ends_with(s));
    // a byline's label before a first name (Автор: Дана Сатпаева, Фото: ...)
    let label = text[..prev_start].trim_end_matches(SPACES);
    let label = label.char_indices().rev().nth(7).map_or(label, |(i, _)| &label[i..]).to_lowercase();
    let byline = ["автор:", "фото:", "текст:", "авторы:"].iter().any(|l| label.ends_with(l));
    let prev_capital = spaced_before
        && (inside_sentence || byline)
        && !preposition
        && !ablative
        && prev.chars().next().is_some_and(char::is_uppercase);
    let after = &text[end..];
    let after_trim = after.trim_start_matches(SPACES);
    let next: String = after_trim.chars().take_while(word).collect();
    let next_surname = after_trim.len() < after.len() && reads_as_surname(&next, SURNAME_ENDINGS);
    // (a title after the bare name: Исатай батыр, Исатай батырдың; a place
    // named with its title, Отеген батыр, Балпық би, is a longer form that the
    // gazetteer finds first)
    let titled = ["атындағы", "батыр", "батырдың", "батырға", "батырды", "би", "бидің", "хан", "ханның"]
        .contains(&next.to_lowercase().as_str());
    let named_after = titled || prev.to_lowercase() == "имени" || before.ends_with("им.");
    // a given name said to be one (Медина есімді қыз, девочка по имени Медина)
    let called = ["есімді", "есімі", "атты"].contains(&next.to_lowercase().as_str())
        || before.to_lowercase().ends_with("по имени");
    // a name after an age (14-летняя Милана, 7 жастағы Милана)
    let prev_lower = prev.to_lowercase();
    let aged = ["летняя", "летний", "летнего", "летней", "летнему", "летнюю", "летним", "жастағы", "жасар"]
        .iter()
        .any(|e| prev_lower.ends_with(e));
    initial || prev_capital || next_surname || named_after || called || aged
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[[entry]]
key = "TR"
ru = ["Турция"]
kk = ["Түркия"]

[[entry]]
key = "KZ"
ru = ["Республика Казахстан"]
kk = ["Қазақстан Республикасы"]
ru_abbr = ["РК"]
kk_abbr = ["ҚР"]
"#;

    #[test]
    fn lookup_gives_lemma_in_the_forms_language() {
        let g = Gazetteer::parse("places", SAMPLE).unwrap();
        let (e, name) = g.lookup("Турция", Lang::Kk).unwrap();
        assert_eq!((e.key.as_deref(), name), (Some("TR"), "Турция"));
        assert_eq!(g.lookup("ТҮРКИЯ", Lang::Ru).unwrap().1, "Түркия");
        assert_eq!(g.lookup("РК", Lang::Ru).unwrap().1, "Республика Казахстан");
        assert_eq!(g.lookup("ҚР", Lang::Kk).unwrap().1, "Қазақстан Республикасы");
        assert!(g.lookup("рк", Lang::Ru).is_none(), "abbreviations are case-sensitive");
        let ru = g.forms(Lang::Ru);
        assert!(ru.contains(&"РК") && ru.contains(&"Турция") && !ru.contains(&"Түркия"));
        assert!(ru.windows(2).all(|w| w[0].len() >= w[1].len()), "longest first");
    }

    #[test]
    fn a_form_two_entries_write_in_two_languages_names_each_in_its_own() {
        // The city Аральск is Арал in Kazakh; the sea is Арал in Russian.
        let text = "[[entry]]\nkey = \"city\"\nru = [\"Аральск\"]\nkk = [\"Арал\"]\n\n\
                    [[entry]]\nkey = \"sea\"\nru = [\"Арал\"]\nkk = [\"Арал теңізі\"]\n";
        let g = Gazetteer::parse("places", text).unwrap();
        let key = |form, lang| g.lookup(form, lang).and_then(|(e, _)| e.key.clone());
        assert_eq!(key("Арал", Lang::Kk).as_deref(), Some("city"));
        assert_eq!(key("Арал", Lang::Ru).as_deref(), Some("sea"));
        assert_eq!(g.lookup("Арал", Lang::Ru).unwrap().1, "Арал");
        assert!(g.has_form("Арал", Lang::Ru) && g.has_form("Арал", Lang::Kk));
        assert_eq!(key("Арал", Lang::Und).as_deref(), Some("city"), "the first claim otherwise");
        // an entry that names a form in both languages keeps it in both
        assert_eq!(key("Аральск", Lang::Kk).as_deref(), Some("city"));
    }

    #[test]
    fn a_key_names_one_entry() {
        let text = "[[entry]]\nkey = \"org-kbtu\"\nru_abbr = [\"КБТУ\"]\n\n[[entry]]\nkey = \"org-kbtu\"\nru_abbr = [\"КБТУ\"]\n";
        let err = Gazetteer::parse("organizations", text).err().unwrap_or_default();
        assert!(err.contains("org-kbtu twice"), "{err}");
    }

    #[test]
    fn latin_spellings_for_the_key_prefixes_the_file_names() {
        let g = Gazetteer::parse(
            "places",
            r#"
latin = ["kz-", "river-"]

[[entry]]
key = "river-irtysh"
ru = ["Иртыш"]
kk = ["Ертіс"]
ru_abbr = ["Irtysh"]

[[entry]]
key = "kz-city-aksu"
ru = ["Аксу"]
kk = ["Ақсу"]

[[entry]]
key = "kz-city-kurchatov"
ru = ["Курчатов"]
ambiguous = true

[[entry]]
key = "city-kurgan"
ru = ["Курган"]
kk = ["Қорған"]

[[entry]]
key = "kz-village-irtysh"
ru = ["Иртыш"]
"#,
        )
        .unwrap();
        let key = |form: &str| g.lookup(form, Lang::Ru).map(|(e, _)| e.key.clone().unwrap_or_default());
        // from either language's name, in capitals too, named in the asked language
        assert_eq!(key("Ertis").as_deref(), Some("river-irtysh"));
        assert_eq!(key("ERTIS").as_deref(), Some("river-irtysh"));
        assert_eq!(g.lookup("Aqsu", Lang::Ru).unwrap().1, "Аксу");
        assert_eq!(g.lookup("Aksu", Lang::Kk).unwrap().1, "Ақсу");
        // a form the file writes keeps its entry; no Latin for ambiguous names
        // nor for keys outside the prefixes
        assert_eq!(key("Irtysh").as_deref(), Some("river-irtysh"));
        assert!(key("Kurchatov").is_none() && key("Qorgan").is_none() && key("Kurgan").is_none());
        // Latin forms are of both languages, and not inflected
        assert!(g.has_form("Ertis", Lang::Ru) && g.has_form("Ertis", Lang::Kk));
        assert!(key("Ertiste").is_none());
    }

    #[test]
    fn every_form_is_found_and_nothing_between_them() {
        let g = Gazetteer::parse("places", SAMPLE).unwrap();
        let forms: Vec<String> = g.forms(Lang::Und).into_iter().map(String::from).collect();
        assert_eq!(g.form_count(), forms.iter().collect::<std::collections::HashSet<_>>().len());
        for f in &forms {
            assert!(g.has_form(f, Lang::Und), "{f}");
        }
        // Prefixes, extensions and neighbours in the sorted index are not forms.
        for miss in ["Тур", "Турцияя", "", "Р", "РКК", "Қазақстан"] {
            assert!(!g.has_form(miss, Lang::Und), "{miss}");
        }
        assert!(g.has_form("Түркияда", Lang::Kk) && !g.has_form("Түркияда", Lang::Ru));
    }

    #[test]
    fn a_form_is_named_by_its_own_lemma() {
        let g = Gazetteer::parse(
            "places",
            "[[entry]]\nkey = \"KZ-71\"\nru = [\"Астана\", \"Нур-Султан\"]\nkk = [\"Астана\", \"Нұр-Сұлтан\"]\n",
        )
        .unwrap();
        assert_eq!(
            g.lookup("Нұр-Сұлтанда", Lang::Kk).map(|(e, n)| (e.key.as_deref(), n)),
            Some((Some("KZ-71"), "Нұр-Сұлтан"))
        );
        assert_eq!(g.lookup("Нур-Султане", Lang::Ru).unwrap().1, "Нур-Султан");
        assert_eq!(g.lookup("Астане", Lang::Ru).unwrap().1, "Астана");
    }

    #[test]
    fn a_district_is_known_by_its_bare_name_in_any_case() {
        let g = Gazetteer::parse(
            "places",
            "[[entry]]\nkey = \"d\"\nru = [\"Ескельдинский район\"]\nkk = [\"Ескелді ауданы\"]\n",
        )
        .unwrap();
        assert!(!g.has_form("Ескелді", Lang::Kk));
        assert!(g.has_form_or_district("Ескелді", Lang::Kk));
        assert!(g.has_form_or_district("ЕСКЕЛДІ", Lang::Kk));
        assert!(!g.has_form_or_district("Ескел", Lang::Kk));
    }

    #[test]
    fn a_kazakh_name_declined_in_russian_names_the_russian_lemma() {
        let g = Gazetteer::parse(
            "places",
            r#"
[[entry]]
key = "konaev"
ru = ["Конаев"]
kk = ["Қонаев"]

[[entry]]
key = "akmola"
ru = ["Акмолинская область"]
kk = ["Ақмола облысы"]

[[entry]]
key = "akmol"
ru = ["Акмол"]
kk = ["Ақмол"]

[[entry]]
key = "nura"
ru = ["Нура"]
kk = ["Нұра"]
"#,
        )
        .unwrap();
        let (e, name) = g.lookup("Қонаева", Lang::Ru).unwrap();
        assert_eq!((e.key.as_deref(), name), (Some("konaev"), "Конаев"));
        assert!(g.has_form("Қонаеве", Lang::Ru) && !g.has_form("Қонаеве", Lang::Kk));
        assert_eq!(
            g.lookup("Қонаев", Lang::Kk).map(|(_, n)| n),
            Some("Қонаев"),
            "the Kazakh form keeps its lemma"
        );
        assert!(!g.has_form("Ақмола", Lang::Und), "the first word of a region's name");
        assert!(!g.has_form("Нұры", Lang::Und), "a name in -а is not declined");
    }

    #[test]
    fn entries_without_names_are_refused() {
        let err = Gazetteer::parse("x", "[[entry]]\nkey = \"K\"\n").unwrap_err();
        assert!(err.contains("entry K has no names"), "{err}");
    }

    #[test]
    fn a_mention_that_reads_as_a_person() {
        use super::reads_as_person;
        let at = |t: &str, w: &str| {
            let s = t.find(w).unwrap();
            reads_as_person(t, 0, s, s + w.len())
        };
        assert!(at("Акцияға І. Жансүгіров атындағы университет қатысты.", "Жансүгіров"));
        assert!(at("Студенты университета имени Сатпаева пришли.", "Сатпаева"));
        assert!(at("Ақын Ілияс Жансүгіров туралы кеш өтті.", "Жансүгіров"));
        assert!(at("Жобаны Темірлан Әбенов бастады.", "Темірлан"));
        assert!(!at("В Сатпаеве открыли центр.", "Сатпаеве"));
        assert!(!at("Жансүгіров ауылында 20 ерікті жұмыс істейді.", "Жансүгіров"));
        assert!(!at("Еріктілер Алматы облысы, Жансүгіров ауылына барды.", "Жансүгіров"));
        assert!(!at("Помощь доставили в Конаев Алматинской области.", "Конаев"));
        assert!(!at("Конаев, 19 июля – В Конаеве прошла акция.", "Конаеве"));
        assert!(!at("Итоги 02.03.2026, 15:40\n\nВ Рудном открылась мастерская.", "Рудном"));
        // a place in the ablative before it is where the way starts, no first name
        assert!(!at("Облыс орталығы Талдықорғаннан Қонаевқа көшірілді.", "Қонаевқа"));
        assert!(at("Жиынға Нұрсұлтан Қонаев келді.", "Қонаев"));
        assert!(at("Қаражат 4 жасар Медина есімді қыздың емделуіне жұмсалады.", "Медина"));
        assert!(at("Помогли девочке по имени Медина.", "Медина"));
        // a batyr's or a bi's title after the bare name
        assert!(at("Ауылда Исатай батыр атындағы мектеп бар.", "Исатай"));
        assert!(at("Исатай батырдың ерлігі туралы кеш өтті.", "Исатай"));
        assert!(!at("Исатайда 40 ерікті жұмыс істеді.", "Исатайда"));
        // a byline's first name (a line's label is no sentence start)
        assert!(at("Автор: Дана Сатпаева | 10 октября 2025", "Сатпаева"));
        assert!(at("Фото: Айгерим Сатпаева", "Сатпаева"));
        assert!(!at("Темы: Сатпаев, Жезказган", "Сатпаев"));
    }
}
