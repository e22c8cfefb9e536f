//! Latin spellings of Cyrillic place names, as Kazakhstan's brand and
//! organization names write them: ТОО «Ertis Road Service», «Tobyl Agro Food»,
//! ТОО «Zerendi Milk», АО «Kurchatov Energy Systems». GUIDELINES annotate a
//! place inside an organization's name, and such names are mostly Latin.
//!
//! No one romanization rules there: Қ is Q (the Latin alphabet of 2021, and
//! most new brands) or K (passports, older firms), Ж is Zh or J, Й is Y or I,
//! Х is Kh or H. [`spellings`] gives the few spellings these choices make, from
//! a Russian or a Kazakh name (Иртыш: Irtysh; Ертіс: Ertis; Қостанай: Qostanai,
//! Kostanay...). The gazetteer ([`crate::gazetteer`]) adds them as written forms
//! of the entries of the kinds its file names.

/// One romanization: the Latin for each Cyrillic letter (lowercase).
#[derive(Clone, Copy)]
struct Scheme {
    /// Қ
    q: &'static str,
    /// Ж
    zh: &'static str,
    /// Й
    y: &'static str,
    /// Х, Һ
    kh: &'static str,
}

/// The schemes brand names use: Kazakh Latin without diacritics (Qyzylorda,
/// Aqtobe), the same with J (Qyzyljar, Jetisu), and the passport style
/// (Kyzylorda, Aktobe, Kostanay) with Y or I for Й (Altay, Altai).
const SCHEMES: [Scheme; 4] = [
    Scheme { q: "q", zh: "zh", y: "i", kh: "h" },
    Scheme { q: "q", zh: "j", y: "i", kh: "h" },
    Scheme { q: "k", zh: "zh", y: "y", kh: "kh" },
    Scheme { q: "k", zh: "zh", y: "i", kh: "kh" },
];

/// The Latin of one lowercase Cyrillic letter under `s`; `None` for a letter
/// with no Latin (a word in another script).
fn letter(c: char, s: Scheme) -> Option<&'static str> {
    Some(match c {
        'а' | 'ә' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ғ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => s.zh,
        'з' => "z",
        'и' => "i",
        'й' => s.y,
        'к' => "k",
        'қ' => s.q,
        'л' => "l",
        'м' => "m",
        'н' | 'ң' => "n",
        'о' | 'ө' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ұ' | 'ү' => "u",
        'ф' => "f",
        'х' | 'һ' => s.kh,
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'і' => "i",
        'ю' => "yu",
        'я' => "ya",
        '-' => "-",
        _ => return None,
    })
}

/// The Latin spellings of a one-word Cyrillic name (hyphens allowed), each
/// with the name's capitals: `Қызылжар` gives Qyzylzhar, Qyzyljar, Kyzylzhar.
/// Empty for a name of several words, with a letter of no Latin, or shorter
/// than four letters in Latin (Ақ, Ор: too many words and brands read so).
pub fn spellings(name: &str) -> Vec<String> {
    if name.chars().any(char::is_whitespace) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for s in SCHEMES {
        let mut latin = String::new();
        let mut upper_next = false;
        for c in name.chars() {
            let lower: String = c.to_lowercase().collect();
            let Some(l) = lower.chars().next().and_then(|lc| letter(lc, s)) else {
                return Vec::new();
            };
            if c.is_uppercase() {
                upper_next = true;
            }
            for lc in l.chars() {
                if upper_next {
                    latin.extend(lc.to_uppercase());
                    upper_next = false;
                } else {
                    latin.push(lc);
                }
            }
        }
        if latin.chars().filter(char::is_ascii_alphabetic).count() >= 4 && !out.contains(&latin) {
            out.push(latin);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_names_in_the_spellings_brands_use() {
        let has = |name: &str, latin: &str| {
            let s = spellings(name);
            assert!(s.iter().any(|x| x == latin), "{name}: {latin} not in {s:?}");
        };
        has("Ертіс", "Ertis");
        has("Иртыш", "Irtysh");
        has("Тобыл", "Tobyl");
        has("Алтай", "Altai");
        has("Алтай", "Altay");
        has("Зеренді", "Zerendi");
        has("Ақсу", "Aqsu");
        has("Ақсу", "Aksu");
        has("Бестөбе", "Bestobe");
        has("Ульба", "Ulba");
        has("Қызылжар", "Qyzyljar");
        has("Қызылорда", "Kyzylorda");
        has("Жетісу", "Jetisu");
        has("Казахстан", "Kazakhstan");
        has("Усть-Каменогорск", "Ust-Kamenogorsk");
        assert_eq!(spellings("Қызылжар").len(), 3, "Zh and J with Q, then K: {:?}", spellings("Қызылжар"));
    }

    #[test]
    fn no_spelling_for_phrases_short_names_or_other_scripts() {
        assert!(spellings("Восточно-Казахстанская область").is_empty());
        assert!(spellings("Ақ").is_empty());
        assert!(spellings("Орал").len() == 1, "Oral: one spelling");
        assert!(spellings("Ταλας").is_empty());
    }
}
