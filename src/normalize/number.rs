//! Numbers written in digits or words, Russian and Kazakh: the values of the
//! `num` and `mult` groups of count rules.
//!
//! The regex macros that find these forms are in `rules/common/numbers.toml`;
//! a test below checks that every form those macros match is read here, and
//! that the word macros match exactly the word forms read here.
//!
//! # Digits
//! Thousands separators are a space, U+00A0, U+202F, U+2009 or U+2007 (groups
//! of exactly three digits after a head of one to three), or commas or points
//! repeated in the same way (`1,200,000`). The decimal mark is a comma or a
//! point (`51,5`, `51.5`); when both occur the last one is the decimal mark
//! (`1,200.5`, `1.200,5`).
//!
//! **A single comma or point followed by exactly three digits** (`1,200`,
//! `3.500`) is ambiguous. In Kazakhstani news the decimal mark is a comma, but
//! a count of people or events is an integer and nobody pads a decimal with
//! trailing zeros (`1,2 тыс.` is written, not `1,200 тыс.` … except before a
//! multiplier, where three decimals are common: `1,250 млрд тенге`). So:
//! [`parse_number`] reads `1,200` as **1200** (the integer-part head must be 1–3
//! digits without a leading zero; `0,500` is 0.5 and `1234,567` is 1234.567),
//! and [`amount`] with a multiplier reads it as a **decimal**:
//! `amount("1,250", Some("млрд"))` is 1.25e9.
//!
//! Case suffixes may follow the digits, with or without a hyphen:
//! Kazakh `600-ден`, `390-ға`, `60 000-нан`, `100-ге`, `5-тен`, `266-сы`,
//! `3-еуі`, `100-дей` (approximative "about 100": the value is 100, see
//! [`has_approx_suffix`]); Russian `20-ти`, `2-х`, `7-ми`, `2-мя`, `5-ью`.
//! Ordinal suffixes (`2-ші`, `10-шы`, `3-й`, `5-го`, `2-м`) and anything else
//! give `None`.
//!
//! # Words
//! Russian cardinals in every case and gender, compounds in the usual order
//! (`сто двадцать три`, `двух тысяч пятисот`), scale words (`тысяча`,
//! `миллион`, `миллиард`, `триллион`), `полтора/полторы/полутора` = 1.5, the
//! collectives `двое … десятеро` (and oblique `пятерых`) and `полтысячи`,
//! `полсотни`, `полмиллиона`, `полмиллиарда` (collectives and пол- words only
//! alone).
//!
//! Kazakh cardinals `бір … тоғыз`, `он … тоқсан`, `жүз`, `мың`, `миллион`,
//! `миллиард`, `триллион`, compounds (`екі жүз елу` = 250, `он бес` = 15), with
//! a case suffix on the last word only (`отызға`, `жүзден`, `екі мыңнан`), and
//! the collectives `екеу … тоғызау`, `онау` with possessive and case suffixes
//! (`бесеуі`, `екеуіне`), alone. Exceptions, because the forms are mostly other
//! words: `бір` takes no suffix (`бірге` "together", `бірден` "at once",
//! `бірдей` "same"), `он` takes only `-нан -ға -ның -ды -мен` (`онда` "there",
//! `ондай` "such"), `біреу` ("someone") is not read. Still ambiguous and left
//! to the rules: `бір` (also the article "a"), `жүз` ("face", "swim"),
//! `тоқсан` ("quarter"). Not read at all: `семью`, far more often "family" (на
//! каждую семью) than "with seven".
//!
//! Text is lowercased and `ё` read as `е`. Kazakh text typed with a Latin `i`
//! for `і` is not handled (neither here nor in the macros).
//!
//! Not read by [`parse_number`]: vague plurals (`десятки`, `сотни`,
//! `мыңдаған`, `миллиардтаған`); [`order_base`] gives their base. Note that
//! `тысячи` is both "thousands" (vague) and the genitive "(более) тысячи" =
//! 1000: [`parse_number`] reads it as 1000 and [`order_base`] also as 1000;
//! telling the two apart is the rules' task.

/// Thousands separators accepted between digit groups.
const SPACES: [char; 5] = [' ', '\u{a0}', '\u{202f}', '\u{2009}', '\u{2007}'];
/// Hyphens accepted between digits and a suffix.
const HYPHENS: [char; 4] = ['-', '\u{2010}', '\u{2011}', '\u{2013}'];

/// Kazakh case suffixes (all harmony variants; harmony is not checked).
const KK_CASE: [&str; 33] = [
    "дан", "ден", "тан", "тен", "нан", "нен", // ablative
    "ға", "ге", "қа", "ке", // dative
    "ның", "нің", "дың", "дің", "тың", "тің", // genitive
    "ны", "ні", "ды", "ді", "ты", "ті", // accusative
    "да", "де", "та", "те", // locative
    "мен", "бен", "пен", // instrumental
    "дай", "дей", "тай", "тей", // approximative / comparative
];
/// Case endings after a possessive suffix (`-ы/-і/-сы/-сі`).
const KK_POSS_CASE: [&str; 10] = ["н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "мен"];
/// Suffixes `он` (10) may take; the others make other words (`онда`, `ондай`).
const KK_ON_CASE: [&str; 5] = ["нан", "ға", "ның", "ды", "мен"];
/// Russian endings written after digits (`20-ти`, `2-х`, `7-ми`, `2-мя`, `5-ью`).
const RU_DIGIT_SUFFIX: [&str; 11] = ["ти", "ми", "мя", "х", "ух", "ех", "ёх", "ть", "ю", "ью", "и"];

/// A number as an exact decimal: `mantissa × 10^-frac`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Decimal {
    mantissa: u128,
    frac: u32,
}

impl Decimal {
    /// The value times `10^exp`, with a single rounding.
    fn scaled(self, exp: i32) -> f64 {
        let e = exp - self.frac as i32;
        if e >= 0 {
            match 10u128.checked_pow(e as u32).and_then(|p| self.mantissa.checked_mul(p)) {
                Some(v) => v as f64,
                None => self.mantissa as f64 * 10f64.powi(e),
            }
        } else {
            self.mantissa as f64 / 10f64.powi(-e)
        }
    }
}

/// How a lone `,ddd` / `.ddd` is read.
#[derive(Clone, Copy, PartialEq)]
enum Lone3 {
    Thousands,
    Decimal,
}

/// Lowercase, `ё` as `е`, whitespace runs (any Unicode space) as one space, trimmed.
fn normalize(s: &str) -> String {
    let lower = s.trim().to_lowercase().replace('ё', "е");
    let mut out = String::with_capacity(lower.len());
    let mut space = false;
    for c in lower.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Whether a string is only ASCII digits (and not empty).
fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Digits (with optional leading decimal digits) to a mantissa.
fn mantissa_of(int: &str, frac: &str) -> Option<Decimal> {
    let mut m: u128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        m = m.checked_mul(10)?.checked_add((b - b'0') as u128)?;
    }
    Some(Decimal { mantissa: m, frac: frac.len() as u32 })
}

/// Groups after the first must be exactly three digits, the first one to three.
fn grouped(groups: &[&str]) -> bool {
    groups.len() >= 2
        && groups.iter().all(|g| all_digits(g))
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// A number in digits, without suffix: `3 572`, `51,5`, `1,200`, `1 200,5`.
fn parse_digits(s: &str, lone3: Lone3) -> Option<Decimal> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if s.contains(SPACES) {
        // Space-grouped; the last group may carry a decimal part.
        let groups: Vec<&str> = s.split(SPACES).collect();
        let (last, head) = groups.split_last()?;
        let (last_int, frac) = match last.find([',', '.']) {
            Some(i) => (&last[..i], &last[i + 1..]),
            None => (*last, ""),
        };
        if !frac.is_empty() && !all_digits(frac) || last.ends_with([',', '.']) {
            return None;
        }
        let mut all: Vec<&str> = head.to_vec();
        all.push(last_int);
        if !grouped(&all) {
            return None;
        }
        return mantissa_of(&all.concat(), frac);
    }
    let commas = s.matches(',').count();
    let points = s.matches('.').count();
    match (commas, points) {
        (0, 0) => {
            if all_digits(s) {
                mantissa_of(s, "")
            } else {
                None
            }
        }
        (c, 0) | (0, c) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let parts: Vec<&str> = s.split(mark).collect();
            if c >= 2 {
                return if grouped(&parts) { mantissa_of(&parts.concat(), "") } else { None };
            }
            let (int, frac) = (parts[0], parts[1]);
            if !all_digits(int) || !all_digits(frac) {
                return None;
            }
            let ambiguous = frac.len() == 3 && int.len() <= 3 && !int.starts_with('0');
            if ambiguous && lone3 == Lone3::Thousands {
                mantissa_of(&[int, frac].concat(), "")
            } else {
                mantissa_of(int, frac)
            }
        }
        _ => {
            // Both marks: the last one is the decimal mark and occurs once.
            let last = s.rfind([',', '.'])?;
            let dec = s[last..].chars().next()?;
            let sep = if dec == ',' { '.' } else { ',' };
            let (int, frac) = (&s[..last], &s[last + 1..]);
            if int.contains(dec) || !all_digits(frac) {
                return None;
            }
            let parts: Vec<&str> = int.split(sep).collect();
            if grouped(&parts) { mantissa_of(&parts.concat(), frac) } else { None }
        }
    }
}

/// Kazakh suffixes that may follow digits (without the hyphen).
fn is_kk_digit_suffix(s: &str) -> bool {
    if KK_CASE.contains(&s) {
        return true;
    }
    // possessive: 266-сы, 3-і, with a case after it
    for p in ["сы", "сі", "ы", "і"] {
        if let Some(rest) = s.strip_prefix(p)
            && (rest.is_empty() || KK_POSS_CASE.contains(&rest))
        {
            return true;
        }
    }
    is_collective_suffix(s)
}

/// Collective `-еу/-ау` with an optional possessive and case: `3-еуі`, `екеуіне`;
/// after digits also its possessive written `-уы` (`6-уы`, алтауы).
fn is_collective_suffix(s: &str) -> bool {
    if let Some(r) = s.strip_prefix("уы").or_else(|| s.strip_prefix("уі")) {
        return r.is_empty() || KK_POSS_CASE.contains(&r);
    }
    let Some(rest) = s.strip_prefix("еу").or_else(|| s.strip_prefix("ау")) else {
        return false;
    };
    if rest.is_empty() || KK_CASE.contains(&rest) {
        return true;
    }
    match rest.strip_prefix('і').or_else(|| rest.strip_prefix('ы')) {
        Some(r) => r.is_empty() || KK_POSS_CASE.contains(&r),
        None => false,
    }
}

/// A Russian or Kazakh suffix after digits.
fn is_digit_suffix(s: &str) -> bool {
    RU_DIGIT_SUFFIX.contains(&s) || is_kk_digit_suffix(s)
}

/// The digit form of a normalized string: the number, and a multiplier exponent
/// when the digits are followed by a space and a multiplier (`2,5 млн`).
fn parse_digit_form(t: &str) -> Option<(Decimal, i32)> {
    let end = t
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == ',' || c == '.' || SPACES.contains(&c)))
        .map_or(t.len(), |(i, _)| i);
    let (num, rest) = t.split_at(end);
    if rest.is_empty() {
        return Some((parse_digits(num, Lone3::Thousands)?, 0));
    }
    let trimmed = num.trim_end_matches(SPACES);
    if trimmed.len() < num.len() {
        let exp = multiplier_exp(rest)?;
        return Some((parse_digits(trimmed, Lone3::Decimal)?, exp));
    }
    let suffix = rest.strip_prefix(HYPHENS).unwrap_or(rest);
    if is_digit_suffix(suffix) { Some((parse_digits(num, Lone3::Thousands)?, 0)) } else { None }
}

/// The value of a number as captured by a rule's `num` group, in digits
/// (optionally with a case suffix or followed by a multiplier) or in words;
/// `None` for anything that is not a cardinal number.
///
/// ```
/// use derek::normalize::number::parse_number;
/// assert_eq!(parse_number("3 572"), Some(3572.0));
/// assert_eq!(parse_number("51,5"), Some(51.5));
/// assert_eq!(parse_number("600-ден"), Some(600.0));
/// assert_eq!(parse_number("двадцати пяти"), Some(25.0));
/// assert_eq!(parse_number("екі жүз елуден"), Some(250.0));
/// assert_eq!(parse_number("пятый"), None);
/// ```
pub fn parse_number(s: &str) -> Option<f64> {
    let t = normalize(s);
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return match parse_digit_form(&t) {
            Some((d, exp)) => Some(d.scaled(exp)),
            None => parse_mixed(&t),
        };
    }
    parse_words(&t)
}

/// Digit groups joined by scale words, as Kazakh news writes large numbers:
/// `2 мың 300` = 2300, `1 млн 850 мың` = 1850000, `3 миллион 200 мыңнан`,
/// `4 мың 500-ге`. Each group after the first is below a thousand and the
/// scales fall (мың after млн, not before); a case suffix only on the last
/// token. `None` for anything else (a single group, `5 мың` alone, which
/// [`parse_digit_form`] reads).
fn parse_mixed(t: &str) -> Option<f64> {
    let toks: Vec<&str> = t.split(' ').collect();
    if toks.len() < 3 {
        return None;
    }
    let mut total = 0.0;
    let mut group: Option<f64> = None;
    let mut last_exp = i32::MAX;
    for (i, tok) in toks.iter().enumerate() {
        let last = i + 1 == toks.len();
        if tok.starts_with(|c: char| c.is_ascii_digit()) {
            if group.is_some() {
                return None;
            }
            let digits: String = tok.chars().take_while(char::is_ascii_digit).collect();
            let rest = &tok[digits.len()..];
            // Only the last group may carry a Kazakh case ending (2 мың 300-ге).
            let suffix_ok =
                rest.is_empty() || (last && is_kk_digit_suffix(rest.strip_prefix(HYPHENS).unwrap_or(rest)));
            if !suffix_ok {
                return None;
            }
            let v: f64 = digits.parse().ok()?;
            if digits.len() > 3 || (i > 0 && v >= 1000.0) {
                return None;
            }
            group = Some(v);
        } else {
            let exp = multiplier_exp(tok)?;
            if exp >= last_exp || (!last && tok.chars().any(|c| !c.is_alphabetic())) {
                return None;
            }
            // only the last token takes a case suffix (мыңнан), others are bare
            if !last && !["мың", "млн", "миллион", "млрд", "миллиард"].contains(tok)
            {
                return None;
            }
            total += group.take()? * 10f64.powi(exp);
            last_exp = exp;
        }
    }
    Some(total + group.unwrap_or(0.0))
}

/// The factor of a multiplier word (`тыс.`, `тысяч`, `млн`, `миллионов`,
/// `млрд`, `мың`, `мыңнан`, `млн-нан`, `миллиардтан`, `трлн` …): 1e3, 1e6, 1e9
/// or 1e12. `мыңдай` ("about a thousand") gives 1000; the rule sets the
/// approximation (see [`has_approx_suffix`]). Vague plurals (`мыңдаған`)
/// give `None` (see [`order_base`]).
pub fn parse_multiplier(s: &str) -> Option<f64> {
    // Every multiplier starts with т, м or с (тыс., тысяч, млн, мың, миллион,
    // триллион, сотни ...): other words, most of the counted nouns asked about, go no further.
    if !s.trim_start().starts_with(['т', 'Т', 'м', 'М', 'с', 'С']) {
        return None;
    }
    multiplier_exp(&normalize(s)).map(|e| 10f64.powi(e))
}

/// What may follow a scale word's possessive -ы (мыңы, миллионы, млн-ы): nothing
/// or a case (мыңын, миллионына, млн-ында); the grammar's `KK_THOUSAND_POSS` and
/// MULT spell the same endings.
pub(crate) const KK_SCALE_POSS_TAIL: [&str; 7] = ["", "н", "на", "нда", "нан", "ның", "мен"];

/// A scale word with a possessive, "N thousand / million of them" (олардың 31
/// мыңы, 2 мыңын, 58,9 миллионы): a multiplier after digits, no number word by
/// itself (the grammar's `KK_THOUSAND_POSS`); its decimal exponent.
fn kk_scale_poss(t: &str) -> Option<i32> {
    [("мыңы", 3), ("миллионы", 6), ("миллиарды", 9), ("триллионы", 12)]
        .iter()
        .find_map(|&(p, e)| t.strip_prefix(p).is_some_and(|r| KK_SCALE_POSS_TAIL.contains(&r)).then_some(e))
}

/// The decimal exponent of a normalized multiplier.
fn multiplier_exp(t: &str) -> Option<i32> {
    let abbrev = [("тыс", 3), ("млн", 6), ("млрд", 9), ("трлн", 12)];
    for (a, e) in abbrev {
        if let Some(rest) = t.strip_prefix(a) {
            if rest.is_empty() || rest == "." {
                return Some(e);
            }
            // Kazakh: млн-нан, млрд-қа; with a possessive, "N million of them"
            // (оның 22 млн-ы, 5 млрд-ын)
            if a != "тыс" {
                let suf = rest.strip_prefix(HYPHENS).unwrap_or(rest);
                if KK_CASE.contains(&suf)
                    || suf.strip_prefix('ы').is_some_and(|r| KK_SCALE_POSS_TAIL.contains(&r))
                {
                    return Some(e);
                }
            }
        }
    }
    if let Some(e) = kk_scale_poss(t) {
        return Some(e);
    }
    // a hundred as a noun after a number: полторы сотни, две сотни, пять сотен
    if ["сотни", "сотен", "сотню", "сотня"].contains(&t) {
        return Some(2);
    }
    // and ten: два десятка, полтора десятка, три десятка (20, 15, 30)
    if ["десятка", "десятков", "десятку", "десяткам", "десятками", "десятках", "десятком"].contains(&t)
    {
        return Some(1);
    }
    match parse_words(t) {
        // only a scale word by itself, not "пять тысяч"
        Some(v) if !t.contains(' ') && [1e3, 1e6, 1e9, 1e12].contains(&v) => Some(v.log10().round() as i32),
        _ => None,
    }
}

/// The value of a count's number and optional multiplier:
/// `amount("50", Some("тысяч"))` = 50000, `amount("51,5", Some("млн"))` =
/// 51500000 exactly, `amount("пять", Some("тысяч"))` = 5000. Digits are
/// scaled as exact decimals, so there is no float noise (`28,1` тыс. is 28100,
/// not 28100.000000000004). With a multiplier a lone `,ddd` is a decimal part
/// (`1,250 млрд` = 1.25e9).
pub fn amount(num: &str, mult: Option<&str>) -> Option<f64> {
    let mult = mult.map(str::trim).filter(|m| !m.is_empty());
    let Some(m) = mult else {
        // a head number with its multiplier: 31 мыңы
        if let Some((digits, m)) = num.trim().rsplit_once([' ', '\u{a0}'])
            && kk_scale_poss(&normalize(m)).is_some()
        {
            return amount(digits, Some(m));
        }
        return parse_number(num);
    };
    let exp = multiplier_exp(&normalize(m))?;
    let t = normalize(num);
    // digit groups joined by scale words, the multiplier the last scale: 1 млн 850 + мың
    if t.contains(|c: char| c.is_alphabetic()) && t.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_mixed(&format!("{t} {}", normalize(m)));
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        let d = parse_digits(&t, Lone3::Decimal).or_else(|| {
            // digits with a suffix before the multiplier (rare): read as usual
            parse_digit_form(&t).filter(|&(_, e)| e == 0).map(|(d, _)| d)
        })?;
        Some(d.scaled(exp))
    } else {
        // Word values are integers or halves: the product is exact.
        Some(parse_words(&t)? * 10f64.powi(exp))
    }
}

/// The value of digits with one comma, a lone `,ddd` read as a decimal part, as
/// Russian and Kazakh write a measure (`42,195` km is 42.195, where `1,200`
/// people are 1 200): `None` for text with a point or no comma, or no number.
///
/// ```
/// use derek::normalize::number::decimal_comma;
/// assert_eq!(decimal_comma("42,195"), Some(42.195));
/// assert_eq!(decimal_comma("1,5"), Some(1.5));
/// assert_eq!(decimal_comma("1 200,500"), Some(1200.5));
/// assert_eq!(decimal_comma("1.200"), None);
/// assert_eq!(decimal_comma("1200"), None);
/// ```
pub fn decimal_comma(num: &str) -> Option<f64> {
    let t = normalize(num);
    if !t.contains(',') || t.contains('.') {
        return None;
    }
    parse_digits(&t, Lone3::Decimal).map(|d| d.scaled(0))
}

/// Whether a number token ends with the Kazakh approximative suffix
/// `-дай/-дей/-тай/-тей` ("about": `100-дей`, `мыңдай`, `жүздей`); the value is
/// read as usual and a rule may set the approximation to `about`.
pub fn has_approx_suffix(s: &str) -> bool {
    let t = normalize(s);
    ["дай", "дей", "тай", "тей"].iter().any(|a| t.ends_with(a)) && parse_number(&t).is_some()
}

/// The base of a vague plural ("order" counts in the guidelines): `десятки` 10,
/// `сотни` 100, `тысячи` 1000, `миллионы` 1e6, `миллиарды` 1e9 in any case;
/// Kazakh `ондаған` 10, `жүздеген` 100, `мыңдаған` 1000, `миллиондаған` 1e6,
/// `миллиардтаған` 1e9. `None` otherwise.
pub fn order_base(s: &str) -> Option<f64> {
    let t = normalize(s);
    let ru: [(&str, &[&str], f64); 6] = [
        // the singular (десятка, сотню) after an approximation word: около сотни
        ("десятк", &["и", "ов", "ам", "ами", "ах", "а", "у"], 10.0),
        // (its nominative, десяток пунктов: about ten)
        ("десят", &["ок"], 10.0),
        ("сот", &["ни", "ен", "ням", "нями", "нях", "ню"], 100.0),
        ("тысяч", &["и", "", "ам", "ами", "ах"], 1e3),
        ("миллион", &["ы", "ов", "ам", "ами", "ах"], 1e6),
        ("миллиард", &["ы", "ов", "ам", "ами", "ах"], 1e9),
    ];
    for (stem, ends, v) in ru {
        if let Some(rest) = t.strip_prefix(stem)
            && ends.contains(&rest)
        {
            return Some(v);
        }
    }
    let kk = [
        ("ондаған", 10.0),
        ("жүздеген", 100.0),
        ("мыңдаған", 1e3),
        ("миллиондаған", 1e6),
        ("миллиардтаған", 1e9),
    ];
    if let Some(&(_, v)) = kk.iter().find(|(w, _)| t == *w) {
        return Some(v);
    }
    // Kazakh: a number before a vague plural multiplies its base (он мыңдаған,
    // "tens of thousands": 10 000); бірнеше, "several", before a round number
    // makes it vague (бірнеше жүз, бірнеше мың: hundreds, thousands).
    if let Some((first, rest)) = t.split_once(' ') {
        if first == "бірнеше" {
            return order_base(rest)
                .or_else(|| parse_number(rest).filter(|v| [100.0, 1e3, 1e6, 1e9].contains(v)));
        }
        if let (Some(base), Some(&(_, v))) = (parse_number(first), kk.iter().find(|(w, _)| rest == *w)) {
            return Some(base * v);
        }
    }
    // In digits: 100-деген, 1000-даған, 10-даған (a power of ten, a hyphen and
    // the suffix of жүздеген).
    let digits: String = t.chars().take_while(|c| c.is_ascii_digit() || SPACES.contains(c)).collect();
    let rest = t[digits.len()..].strip_prefix(HYPHENS)?;
    let digits: String = digits.chars().filter(char::is_ascii_digit).collect();
    let v: f64 = digits.parse().ok()?;
    let power_of_ten = digits.starts_with('1') && digits.len() > 1 && digits[1..].bytes().all(|b| b == b'0');
    (power_of_ten && ["даған", "деген", "таған", "теген"].contains(&rest)).then_some(v)
}

/// The role of a number word in a compound.
#[derive(Clone, Copy, Debug, PartialEq)]
enum W {
    /// 1–9
    Unit(f64),
    /// Russian 10–19
    Teen(f64),
    /// 20–90 (Kazakh 10–90)
    Tens(f64),
    /// Russian 100–900
    Hundreds(f64),
    /// Kazakh `жүз`: 100, or times the unit before it
    HundredMul,
    /// 10^n: тысяча, миллион, миллиард, триллион
    Scale(i32),
    /// полтора = 1.5, only before a scale or alone
    Half,
    /// a word that is a number only by itself (collectives, пол-)
    Whole(f64),
    /// Kazakh `жарым`: plus a half, after a group (бес жарым 5.5, екі жарым
    /// миллион 2.5e6) or half the scale after a scale (мың жарым 1500)
    PlusHalf,
}

/// Russian number words, lowercased, `ё` written `е`. The plural одни, одних,
/// одними ("some", в одних регионах) are left out: they are not counts.
const RU_WORDS: &[(&str, W)] = {
    use W::*;
    &[
        ("один", Unit(1.0)),
        ("одна", Unit(1.0)),
        ("одно", Unit(1.0)),
        ("одного", Unit(1.0)),
        ("одной", Unit(1.0)),
        ("одному", Unit(1.0)),
        ("одним", Unit(1.0)),
        ("одном", Unit(1.0)),
        ("одну", Unit(1.0)),
        ("одною", Unit(1.0)),
        ("два", Unit(2.0)),
        ("две", Unit(2.0)),
        ("двух", Unit(2.0)),
        ("двум", Unit(2.0)),
        ("двумя", Unit(2.0)),
        ("три", Unit(3.0)),
        ("трех", Unit(3.0)),
        ("трем", Unit(3.0)),
        ("тремя", Unit(3.0)),
        ("четыре", Unit(4.0)),
        ("четырех", Unit(4.0)),
        ("четырем", Unit(4.0)),
        ("четырьмя", Unit(4.0)),
        ("пять", Unit(5.0)),
        ("пяти", Unit(5.0)),
        ("пятью", Unit(5.0)),
        ("шесть", Unit(6.0)),
        ("шести", Unit(6.0)),
        ("шестью", Unit(6.0)),
        ("семь", Unit(7.0)),
        ("семи", Unit(7.0)),
        ("восемь", Unit(8.0)),
        ("восьми", Unit(8.0)),
        ("восемью", Unit(8.0)),
        ("восьмью", Unit(8.0)),
        ("девять", Unit(9.0)),
        ("девяти", Unit(9.0)),
        ("девятью", Unit(9.0)),
        ("десять", Teen(10.0)),
        ("десяти", Teen(10.0)),
        ("десятью", Teen(10.0)),
        ("одиннадцать", Teen(11.0)),
        ("одиннадцати", Teen(11.0)),
        ("одиннадцатью", Teen(11.0)),
        ("двенадцать", Teen(12.0)),
        ("двенадцати", Teen(12.0)),
        ("двенадцатью", Teen(12.0)),
        ("тринадцать", Teen(13.0)),
        ("тринадцати", Teen(13.0)),
        ("тринадцатью", Teen(13.0)),
        ("четырнадцать", Teen(14.0)),
        ("четырнадцати", Teen(14.0)),
        ("четырнадцатью", Teen(14.0)),
        ("пятнадцать", Teen(15.0)),
        ("пятнадцати", Teen(15.0)),
        ("пятнадцатью", Teen(15.0)),
        ("шестнадцать", Teen(16.0)),
        ("шестнадцати", Teen(16.0)),
        ("шестнадцатью", Teen(16.0)),
        ("семнадцать", Teen(17.0)),
        ("семнадцати", Teen(17.0)),
        ("семнадцатью", Teen(17.0)),
        ("восемнадцать", Teen(18.0)),
        ("восемнадцати", Teen(18.0)),
        ("восемнадцатью", Teen(18.0)),
        ("девятнадцать", Teen(19.0)),
        ("девятнадцати", Teen(19.0)),
        ("девятнадцатью", Teen(19.0)),
        ("двадцать", Tens(20.0)),
        ("двадцати", Tens(20.0)),
        ("двадцатью", Tens(20.0)),
        ("тридцать", Tens(30.0)),
        ("тридцати", Tens(30.0)),
        ("тридцатью", Tens(30.0)),
        ("сорок", Tens(40.0)),
        ("сорока", Tens(40.0)),
        ("пятьдесят", Tens(50.0)),
        ("пятидесяти", Tens(50.0)),
        ("пятьюдесятью", Tens(50.0)),
        ("шестьдесят", Tens(60.0)),
        ("шестидесяти", Tens(60.0)),
        ("шестьюдесятью", Tens(60.0)),
        ("семьдесят", Tens(70.0)),
        ("семидесяти", Tens(70.0)),
        ("семьюдесятью", Tens(70.0)),
        ("восемьдесят", Tens(80.0)),
        ("восьмидесяти", Tens(80.0)),
        ("восемьюдесятью", Tens(80.0)),
        ("восьмьюдесятью", Tens(80.0)),
        ("девяносто", Tens(90.0)),
        ("девяноста", Tens(90.0)),
        ("сто", Hundreds(100.0)),
        ("ста", Hundreds(100.0)),
        ("двести", Hundreds(200.0)),
        ("двухсот", Hundreds(200.0)),
        ("двумстам", Hundreds(200.0)),
        ("двумястами", Hundreds(200.0)),
        ("двухстах", Hundreds(200.0)),
        ("триста", Hundreds(300.0)),
        ("трехсот", Hundreds(300.0)),
        ("тремстам", Hundreds(300.0)),
        ("тремястами", Hundreds(300.0)),
        ("трехстах", Hundreds(300.0)),
        ("четыреста", Hundreds(400.0)),
        ("четырехсот", Hundreds(400.0)),
        ("четыремстам", Hundreds(400.0)),
        ("четырьмястами", Hundreds(400.0)),
        ("четырехстах", Hundreds(400.0)),
        ("пятьсот", Hundreds(500.0)),
        ("пятисот", Hundreds(500.0)),
        ("пятистам", Hundreds(500.0)),
        ("пятьюстами", Hundreds(500.0)),
        ("пятистах", Hundreds(500.0)),
        ("шестьсот", Hundreds(600.0)),
        ("шестисот", Hundreds(600.0)),
        ("шестистам", Hundreds(600.0)),
        ("шестьюстами", Hundreds(600.0)),
        ("шестистах", Hundreds(600.0)),
        ("семьсот", Hundreds(700.0)),
        ("семисот", Hundreds(700.0)),
        ("семистам", Hundreds(700.0)),
        ("семьюстами", Hundreds(700.0)),
        ("семистах", Hundreds(700.0)),
        ("восемьсот", Hundreds(800.0)),
        ("восьмисот", Hundreds(800.0)),
        ("восьмистам", Hundreds(800.0)),
        ("восемьюстами", Hundreds(800.0)),
        ("восьмьюстами", Hundreds(800.0)),
        ("восьмистах", Hundreds(800.0)),
        ("девятьсот", Hundreds(900.0)),
        ("девятисот", Hundreds(900.0)),
        ("девятистам", Hundreds(900.0)),
        ("девятьюстами", Hundreds(900.0)),
        ("девятистах", Hundreds(900.0)),
        ("тысяча", Scale(3)),
        ("тысячи", Scale(3)),
        ("тысяче", Scale(3)),
        ("тысячу", Scale(3)),
        ("тысячей", Scale(3)),
        ("тысячею", Scale(3)),
        ("тысячью", Scale(3)),
        ("тысяч", Scale(3)),
        ("тысячам", Scale(3)),
        ("тысячами", Scale(3)),
        ("тысячах", Scale(3)),
        ("полтора", Half),
        ("полторы", Half),
        ("полутора", Half),
        ("полсотни", Whole(50.0)),
        ("полтысячи", Whole(500.0)),
        ("полмиллиона", Whole(500_000.0)),
        ("полмиллиарда", Whole(500_000_000.0)),
        // oblique cases: более полумиллиона, около полусотни
        ("полусотни", Whole(50.0)),
        ("полусотне", Whole(50.0)),
        ("полутысячи", Whole(500.0)),
        ("полутысяче", Whole(500.0)),
        ("полумиллиона", Whole(500_000.0)),
        ("полумиллиону", Whole(500_000.0)),
        ("полумиллионом", Whole(500_000.0)),
        ("полумиллиарда", Whole(500_000_000.0)),
        ("двое", Whole(2.0)),
        ("двоих", Whole(2.0)),
        ("двоим", Whole(2.0)),
        ("двоими", Whole(2.0)),
        ("трое", Whole(3.0)),
        ("троих", Whole(3.0)),
        ("троим", Whole(3.0)),
        ("троими", Whole(3.0)),
    ]
};

/// Stems of Russian collectives `четверо … десятеро`, with `-о -ых -ым -ыми`.
const RU_COLLECTIVE: [(&str, f64); 7] = [
    ("четвер", 4.0),
    ("пятер", 5.0),
    ("шестер", 6.0),
    ("семер", 7.0),
    ("восьмер", 8.0),
    ("девятер", 9.0),
    ("десятер", 10.0),
];

/// Stems of Russian scale nouns declined like `миллион`.
const RU_SCALES: [(&str, i32); 3] = [("миллион", 6), ("миллиард", 9), ("триллион", 12)];
/// Not the plural `-ы` (`миллионы` is vague, see [`order_base`]).
const RU_SCALE_ENDINGS: [&str; 9] = ["", "а", "у", "ом", "е", "ов", "ам", "ами", "ах"];

fn ru_word(t: &str) -> Option<W> {
    if let Some(&(_, w)) = RU_WORDS.iter().find(|(f, _)| *f == t) {
        return Some(w);
    }
    for (stem, e) in RU_SCALES {
        if t.strip_prefix(stem).is_some_and(|r| RU_SCALE_ENDINGS.contains(&r)) {
            return Some(W::Scale(e));
        }
    }
    for (stem, v) in RU_COLLECTIVE {
        if t.strip_prefix(stem).is_some_and(|r| ["о", "ых", "ым", "ыми"].contains(&r)) {
            return Some(W::Whole(v));
        }
    }
    None
}

/// Kazakh number stems.
const KK_STEMS: &[(&str, W)] = {
    use W::*;
    &[
        ("бір", Unit(1.0)),
        ("екі", Unit(2.0)),
        ("үш", Unit(3.0)),
        ("төрт", Unit(4.0)),
        ("бес", Unit(5.0)),
        ("алты", Unit(6.0)),
        ("жеті", Unit(7.0)),
        ("сегіз", Unit(8.0)),
        ("тоғыз", Unit(9.0)),
        ("он", Tens(10.0)),
        ("жиырма", Tens(20.0)),
        ("отыз", Tens(30.0)),
        ("қырық", Tens(40.0)),
        ("елу", Tens(50.0)),
        ("алпыс", Tens(60.0)),
        ("жетпіс", Tens(70.0)),
        ("сексен", Tens(80.0)),
        ("тоқсан", Tens(90.0)),
        ("жүз", HundredMul),
        ("мың", Scale(3)),
        ("миллион", Scale(6)),
        ("миллиард", Scale(9)),
        ("триллион", Scale(12)),
    ]
};

/// Kazakh collectives: `екеу` = 2 … `онау` = 10 (`біреу` "someone" is left out).
const KK_COLLECTIVE: [(&str, f64); 9] = [
    ("екеу", 2.0),
    ("үшеу", 3.0),
    ("төртеу", 4.0),
    ("бесеу", 5.0),
    ("алтау", 6.0),
    ("жетеу", 7.0),
    ("сегізеу", 8.0),
    ("тоғызау", 9.0),
    ("онау", 10.0),
];

/// A Kazakh number word; a suffix is allowed on the last word only.
fn kk_word(t: &str, last: bool) -> Option<W> {
    // жарты ("half") before a scale: half of it (жарты миллиард)
    if t == "жарты" && !last {
        return Some(W::Unit(0.5));
    }
    if let Some(rest) = t.strip_prefix("жарым")
        && (rest.is_empty() || (last && KK_CASE.contains(&rest)))
    {
        return Some(W::PlusHalf);
    }
    // a part of a whole as the last word (жиырма екісі, бесі, отызының)
    if last && let Some(v) = kk_part_value(t) {
        return Some(if v < 10.0 { W::Unit(v) } else { W::Tens(v) });
    }
    // бірі ends a number only after a ten, a hundred or a thousand (он бірі),
    // which the pattern (NUM_KK_HEAD) sees to; alone it is "one of them"
    if last && kk_biri(t) {
        return Some(W::Unit(1.0));
    }
    for &(stem, w) in KK_STEMS {
        let Some(rest) = t.strip_prefix(stem) else {
            continue;
        };
        if rest.is_empty() {
            return Some(w);
        }
        let ok = last
            && match stem {
                "бір" => false,
                "он" => KK_ON_CASE.contains(&rest),
                _ => KK_CASE.contains(&rest),
            };
        if ok {
            return Some(w);
        }
    }
    None
}

/// Kazakh numbers in the possessive of a part of a whole ("two, five, thirty of
/// them"), as the macro KK_PART in rules/common/numbers.toml lists them: not бірі,
/// оны, тоқсаны ("one of", "him", "its quarter"), and үші without -н (үшін "for").
const KK_PART_FORMS: [(&str, f64); 13] = [
    ("екісі", 2.0),
    ("төрті", 4.0),
    ("бесі", 5.0),
    ("алтысы", 6.0),
    ("жетісі", 7.0),
    ("сегізі", 8.0),
    ("тоғызы", 9.0),
    ("жиырмасы", 20.0),
    ("отызы", 30.0),
    ("елуі", 50.0),
    ("алпысы", 60.0),
    ("жетпісі", 70.0),
    ("сексені", 80.0),
];
/// Case endings after such a part (бесіне, отызының).
const KK_PART_CASE: [&str; 10] = ["н", "не", "на", "нде", "нда", "нен", "нан", "нің", "ның", "мен"];

/// The value of a Kazakh part of a whole (екісі, бесіне, отызы, үшіне).
fn kk_part_value(t: &str) -> Option<f64> {
    if let Some(rest) = t.strip_prefix("үші") {
        return ["", "не", "нде", "нен", "нің", "мен"].contains(&rest).then_some(3.0);
    }
    KK_PART_FORMS.iter().find_map(|&(form, v)| {
        let rest = t.strip_prefix(form)?;
        (rest.is_empty() || KK_PART_CASE.contains(&rest)).then_some(v)
    })
}

/// Whether a word is a Kazakh part of a whole ([`kk_part_value`]).
pub fn kk_part(w: &str) -> bool {
    kk_part_value(&normalize(w)).is_some()
}

/// A Kazakh collective with its suffixes (`бесеуі`, `екеуіне`, `үшеуден`).
fn kk_collective(t: &str) -> Option<f64> {
    KK_COLLECTIVE.iter().find_map(|&(stem, v)| {
        let rest = t.strip_prefix(stem)?;
        // the stem ends in еу/ау: re-attach it and check the suffix
        let suffix = format!("{}{}", &stem[stem.len() - "еу".len()..], rest);
        is_collective_suffix(&suffix).then_some(v)
    })
}

/// A number in words, Russian or Kazakh (one language per number).
fn parse_words(t: &str) -> Option<f64> {
    let toks: Vec<&str> = t.split(' ').filter(|s| !s.is_empty()).collect();
    if toks.is_empty() {
        return None;
    }
    // (Russian с половиной after a group is a half more: двух с половиной
    // тысяч, 2 500)
    let ru = |toks: &[&str]| {
        let mut ws = Vec::with_capacity(toks.len());
        let mut i = 0;
        while i < toks.len() {
            if toks[i] == "с" && toks.get(i + 1) == Some(&"половиной") {
                ws.push(W::PlusHalf);
                i += 2;
            } else {
                ws.push(ru_word(toks[i])?);
                i += 1;
            }
        }
        Some(ws)
    };
    if let Some(ws) = ru(&toks)
        && let Some(v) = combine(&ws)
    {
        return Some(v);
    }
    if toks.len() == 1
        && let Some(v) = kk_collective(toks[0])
    {
        return Some(v);
    }
    let n = toks.len();
    if n == 1 && kk_biri(toks[0]) {
        return None;
    }
    let ws = toks.iter().enumerate().map(|(i, s)| kk_word(s, i + 1 == n)).collect::<Option<Vec<W>>>()?;
    combine(&ws)
}

/// бірі with a case ending or none: "one of them" alone, the last word of a
/// number after a ten, a hundred or a thousand (он бірі).
fn kk_biri(t: &str) -> bool {
    t.strip_prefix("бірі").is_some_and(|rest| rest.is_empty() || KK_PART_CASE.contains(&rest))
}

/// The value of a sequence of number words in the usual order: per scale a
/// group `[hundreds] [tens] [unit|teen]` (Kazakh `[unit] жүз [tens] [unit]`),
/// scales decreasing; `None` for any other order.
fn combine(ws: &[W]) -> Option<f64> {
    if let [W::Whole(v)] = ws {
        return Some(*v);
    }
    let mut total = 0.0;
    let mut group = 0.0;
    // 0 empty, 1 after hundreds, 2 after tens, 3 after unit/teen/half, 4 after жарым
    let mut stage = 0u8;
    let mut unit_only = false;
    let mut last_scale = i32::MAX;
    for &w in ws {
        match w {
            W::Hundreds(v) => {
                if stage != 0 {
                    return None;
                }
                group += v;
                stage = 1;
                unit_only = false;
            }
            W::HundredMul => {
                if stage == 0 {
                    group = 100.0;
                } else if unit_only {
                    group *= 100.0;
                } else {
                    return None;
                }
                stage = 1;
                unit_only = false;
            }
            W::Tens(v) => {
                if stage >= 2 {
                    return None;
                }
                group += v;
                stage = 2;
                unit_only = false;
            }
            W::Teen(v) => {
                if stage >= 2 {
                    return None;
                }
                group += v;
                stage = 3;
                unit_only = false;
            }
            W::Unit(v) => {
                if stage >= 3 {
                    return None;
                }
                unit_only = stage == 0;
                group += v;
                stage = 3;
            }
            W::Half => {
                if stage != 0 {
                    return None;
                }
                group = 1.5;
                stage = 3;
                unit_only = false;
            }
            W::Scale(e) => {
                if e >= last_scale {
                    return None;
                }
                let g = if stage == 0 { 1.0 } else { group };
                total += g * 10f64.powi(e);
                group = 0.0;
                stage = 0;
                unit_only = false;
                last_scale = e;
            }
            W::Whole(_) => return None,
            // after a scale, half of it (мың жарым 1500, екі мың жарым 2500)
            W::PlusHalf if stage == 0 && last_scale != i32::MAX => {
                total += 0.5 * 10f64.powi(last_scale);
                stage = 4;
                unit_only = false;
            }
            W::PlusHalf => {
                if stage == 0 || stage == 4 {
                    return None;
                }
                group += 0.5;
                stage = 4;
                unit_only = false;
            }
        }
    }
    Some(total + group)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn n(s: &str) -> Option<f64> {
        parse_number(s)
    }

    #[test]
    fn digits() {
        assert_eq!(n("3 572"), Some(3572.0));
        assert_eq!(n("3\u{a0}572"), Some(3572.0));
        assert_eq!(n("3\u{202f}572"), Some(3572.0));
        assert_eq!(n("3\u{2009}572"), Some(3572.0));
        assert_eq!(n("50 000"), Some(50000.0));
        assert_eq!(n("1 000 000"), Some(1e6));
        assert_eq!(n("51,5"), Some(51.5));
        assert_eq!(n("51.5"), Some(51.5));
        assert_eq!(n("0,5"), Some(0.5));
        assert_eq!(n("1 200,5"), Some(1200.5));
        assert_eq!(n("1,200,000"), Some(1.2e6));
        assert_eq!(n("1,200.5"), Some(1200.5));
        assert_eq!(n("1.200,5"), Some(1200.5));
        assert_eq!(n("649"), Some(649.0));
        assert_eq!(n(" 8 "), Some(8.0));
        // the decision on a lone ",ddd": thousands without a multiplier
        assert_eq!(n("1,200"), Some(1200.0));
        assert_eq!(n("3.500"), Some(3500.0));
        assert_eq!(n("0,500"), Some(0.5));
        assert_eq!(n("1234,567"), Some(1234.567));
        assert_eq!(n("51,50"), Some(51.5));
        // malformed
        assert_eq!(n("3 57"), None);
        assert_eq!(n("3572 000"), None);
        assert_eq!(n("1,2,3"), None);
        assert_eq!(n("1,"), None);
        assert_eq!(n("1 200,"), None);
        assert_eq!(n("30-40"), None);
        assert_eq!(n("8:30"), None);
        assert_eq!(n(""), None);
        assert_eq!(n("   "), None);
        assert_eq!(n("abc"), None);
        assert_eq!(n("5%"), None);
    }

    #[test]
    fn digit_suffixes() {
        for (s, v) in [
            ("600-ден", 600.0),
            ("600ден", 600.0),
            ("390-ға", 390.0),
            ("30-дан", 30.0),
            ("100-ге", 100.0),
            ("5-тен", 5.0),
            ("60-қа", 60.0),
            ("60 000-нан", 60000.0),
            ("14-нің", 14.0),
            ("266-сы", 266.0),
            ("3-еуі", 3.0),
            ("2-еуінің", 2.0),
            ("100-дей", 100.0),
            ("20-ти", 20.0),
            ("20ти", 20.0),
            ("5-ти", 5.0),
            ("2-х", 2.0),
            ("3-х", 3.0),
            ("7-ми", 7.0),
            ("2-мя", 2.0),
            ("2-ух", 2.0),
            ("3-ёх", 3.0),
            ("5-ью", 5.0),
            ("20–ти", 20.0),
            ("600-ДЕН", 600.0),
        ] {
            assert_eq!(n(s), Some(v), "{s}");
        }
        for s in [
            "2-ші",
            "10-шы",
            "3-інші",
            "2023-й",
            "5-го",
            "2-м",
            "10-я",
            "30-летие",
            "5-",
            "5-ақ",
            "2023-жылы",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
    }

    #[test]
    fn digits_with_multiplier_inside() {
        assert_eq!(n("2,5 млн"), Some(2.5e6));
        assert_eq!(n("50 тысяч"), Some(50000.0));
        assert_eq!(n("1,250 млрд"), Some(1.25e9));
        assert_eq!(n("50 волонтеров"), None);
    }

    #[test]
    fn russian_words() {
        for (s, v) in [
            ("один", 1.0),
            ("одна", 1.0),
            ("одного", 1.0),
            ("одной", 1.0),
            ("два", 2.0),
            ("две", 2.0),
            ("двух", 2.0),
            ("двум", 2.0),
            ("двумя", 2.0),
            ("три", 3.0),
            ("трёх", 3.0),
            ("трем", 3.0),
            ("четыре", 4.0),
            ("пять", 5.0),
            ("пяти", 5.0),
            ("пятью", 5.0),
            ("ПЯТЬ", 5.0),
            ("Семь", 7.0),
            ("семи", 7.0),
            ("девятнадцать", 19.0),
            ("двадцать", 20.0),
            ("двадцати", 20.0),
            ("двадцатью", 20.0),
            ("сорока", 40.0),
            ("пятидесяти", 50.0),
            ("девяноста", 90.0),
            ("сто", 100.0),
            ("ста", 100.0),
            ("двести", 200.0),
            ("двухсот", 200.0),
            ("двумстам", 200.0),
            ("девятисот", 900.0),
            ("тысяча", 1000.0),
            ("тысячи", 1000.0),
            ("тысячу", 1000.0),
            ("тысячей", 1000.0),
            ("тысяч", 1000.0),
            ("тысячам", 1000.0),
            ("миллион", 1e6),
            ("миллиона", 1e6),
            ("миллиардов", 1e9),
            ("полтора", 1.5),
            ("полторы", 1.5),
            ("полутора", 1.5),
            ("двадцать пять", 25.0),
            ("двадцати пяти", 25.0),
            ("сто двадцать три", 123.0),
            ("сто десять", 110.0),
            ("сто пять", 105.0),
            ("две тысячи пятьсот", 2500.0),
            ("пять тысяч", 5000.0),
            ("пяти тысяч", 5000.0),
            ("двух миллионов", 2e6),
            ("полтора миллиона", 1.5e6),
            ("полторы тысячи", 1500.0),
            ("два миллиона триста тысяч", 2.3e6),
            ("тысяча двести", 1200.0),
            ("сто тысяч", 1e5),
            ("двести пятьдесят тысяч", 250_000.0),
            ("пятерых", 5.0),
            ("двое", 2.0),
            ("троих", 3.0),
            ("семеро", 7.0),
            ("полтысячи", 500.0),
            ("полмиллиона", 5e5),
            ("полумиллиона", 5e5),
            ("полусотни", 50.0),
            ("  двадцать \u{a0} пять ", 25.0),
        ] {
            assert_eq!(n(s), Some(v), "{s}");
        }
        for s in [
            "пятый",
            "пятого",
            "первый",
            "двадцатый",
            "сотый",
            "тысячный",
            "пять пять",
            "пять двадцать",
            "двадцать десять",
            "сто двести",
            "тысяча миллион",
            "тысяча тысяч",
            "двое волонтеров",
            "пятеро двое",
            "полтора два",
            "сотни",
            "десятки",
            "миллионы",
            "волонтеров",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
    }

    #[test]
    fn kazakh_words() {
        for (s, v) in [
            ("бір", 1.0),
            ("екі", 2.0),
            ("Екі", 2.0),
            ("үш", 3.0),
            ("бес", 5.0),
            ("БЕС", 5.0),
            ("он", 10.0),
            ("он бес", 15.0),
            ("жиырма", 20.0),
            ("отыз", 30.0),
            ("отызға", 30.0),
            ("отыздан", 30.0),
            ("қырық", 40.0),
            ("елу", 50.0),
            ("елуден", 50.0),
            ("сексенге", 80.0),
            ("тоқсан", 90.0),
            ("жүз", 100.0),
            ("жүзден", 100.0),
            ("жиырмаға", 20.0),
            ("онға", 10.0),
            ("оннан", 10.0),
            ("екі жүз", 200.0),
            ("екі жүз елу", 250.0),
            ("екі жүз елуден", 250.0),
            ("бір жүз", 100.0),
            ("жүз он бес", 115.0),
            ("бес мың", 5000.0),
            ("мың", 1000.0),
            ("мыңнан", 1000.0),
            ("екі мыңнан", 2000.0),
            ("Екі мыңнан", 2000.0),
            ("екі мың бес жүз", 2500.0),
            ("бес жүз мың", 500_000.0),
            ("он миллион", 1e7),
            ("үш миллиард", 3e9),
            ("жиырма бес", 25.0),
            ("жиырма бір", 21.0),
            ("бесеу", 5.0),
            ("бесеуі", 5.0),
            ("екеуі", 2.0),
            ("екеуіне", 2.0),
            ("алтауы", 6.0),
            ("үшеуден", 3.0),
            ("онау", 10.0),
            ("мыңдай", 1000.0),
        ] {
            assert_eq!(n(s), Some(v), "{s}");
        }
        for s in [
            "бесінші",
            "екінші",
            "оныншы",
            "бірінші",
            "бірге",
            "бірден",
            "бірдей",
            "жиырма бірден",
            "онда",
            "ондай",
            "оны",
            "оның",
            "үшін",
            "біреу",
            "бесжүз",
            "мыңдаған",
            "ондаған",
            "екіге бес",
            "бес бес",
            "он жүз",
            "мың мың",
            "бесеуі бес",
        ] {
            assert_eq!(n(s), None, "{s}");
        }
    }

    #[test]
    fn multipliers() {
        for (s, v) in [
            ("тыс.", 1e3),
            ("тыс", 1e3),
            ("Тыс.", 1e3),
            ("тысяч", 1e3),
            ("тысячи", 1e3),
            ("тысяча", 1e3),
            ("тысячам", 1e3),
            ("млн", 1e6),
            ("млн.", 1e6),
            ("миллион", 1e6),
            ("миллиона", 1e6),
            ("миллионов", 1e6),
            ("миллионами", 1e6),
            ("млрд", 1e9),
            ("млрд.", 1e9),
            ("миллиард", 1e9),
            ("миллиарда", 1e9),
            ("миллиардов", 1e9),
            ("мың", 1e3),
            ("мыңнан", 1e3),
            ("мыңға", 1e3),
            ("мыңның", 1e3),
            ("мыңдай", 1e3),
            ("млн-нан", 1e6),
            ("млрд-қа", 1e9),
            ("млн-ы", 1e6),
            ("млрд-ын", 1e9),
            ("миллионнан", 1e6),
            ("миллиардтан", 1e9),
            ("трлн", 1e12),
        ] {
            assert_eq!(parse_multiplier(s), Some(v), "{s}");
        }
        for s in ["k", "K", "тысячный", "мыңдаған", "пять тысяч", "сто", "тыс-нан", "", "млн.."]
        {
            assert_eq!(parse_multiplier(s), None, "{s}");
        }
    }

    #[test]
    fn amounts() {
        assert_eq!(amount("50", Some("тысяч")), Some(50000.0));
        assert_eq!(amount("51,5", Some("млн")), Some(51_500_000.0));
        assert_eq!(amount("пять", Some("тысяч")), Some(5000.0));
        assert_eq!(amount("28,1", Some("тыс.")), Some(28100.0));
        assert_eq!(amount("4,1", Some("тысячи")), Some(4100.0));
        assert_eq!(amount("5,3", Some("тыс.")), Some(5300.0));
        assert_eq!(amount("6,1", Some("млрд")), Some(6_100_000_000.0));
        assert_eq!(amount("2,5", Some("мыңға")), Some(2500.0));
        assert_eq!(amount("39", Some("миллиард")), Some(39e9));
        assert_eq!(amount("1,250", Some("млрд")), Some(1.25e9));
        assert_eq!(amount("0,3", Some("млн")), Some(300_000.0));
        assert_eq!(amount("полтора", Some("млн")), Some(1.5e6));
        assert_eq!(amount("двух", Some("миллионов")), Some(2e6));
        assert_eq!(amount("Екі", Some("мыңнан")), Some(2000.0));
        assert_eq!(amount("31 мыңы", None), Some(31000.0));
        assert_eq!(amount("2", Some("мыңын")), Some(2000.0));
        assert_eq!(amount("полторы", Some("сотни")), Some(150.0));
        assert_eq!(amount("мыңы", None), None);
        assert_eq!(amount("5 мыңынан", None), Some(5000.0));
        assert_eq!(amount("58,9", Some("миллионы")), Some(58_900_000.0));
        assert_eq!(amount("1,200", None), Some(1200.0));
        assert_eq!(amount("51,5", None), Some(51.5));
        assert_eq!(amount("600-ден", None), Some(600.0));
        assert_eq!(amount("50", Some("  ")), Some(50.0));
        assert_eq!(amount("50", Some("штук")), None);
        assert_eq!(amount("пятый", Some("тысяч")), None);
        // float noise: every one-decimal value times a multiplier is exact
        for i in 0..10_000u32 {
            let s = format!("{},{}", i / 10, i % 10);
            let want = (i as u64 * 100) as f64;
            assert_eq!(amount(&s, Some("тыс.")), Some(want), "{s}");
            assert_eq!(amount(&s, Some("млн")), Some(want * 1000.0), "{s}");
        }
    }

    #[test]
    fn helpers() {
        assert!(has_approx_suffix("100-дей"));
        assert!(has_approx_suffix("мыңдай"));
        assert!(!has_approx_suffix("100-ден"));
        assert!(!has_approx_suffix("ондай"));
        assert_eq!(order_base("сотни"), Some(100.0));
        assert_eq!(order_base("Десятки"), Some(10.0));
        assert_eq!(order_base("десятков"), Some(10.0));
        assert_eq!(order_base("десяток"), Some(10.0));
        assert_eq!(order_base("тысячи"), Some(1000.0));
        assert_eq!(order_base("мыңдаған"), Some(1000.0));
        assert_eq!(order_base("миллиардтаған"), Some(1e9));
        assert_eq!(order_base("жүздеген"), Some(100.0));
        assert_eq!(order_base("он мыңдаған"), Some(1e4));
        assert_eq!(order_base("Жүз мыңдаған"), Some(1e5));
        assert_eq!(order_base("бірнеше жүз"), Some(100.0));
        assert_eq!(order_base("бірнеше мыңнан"), Some(1000.0));
        assert_eq!(order_base("бірнеше ондаған"), Some(10.0));
        assert_eq!(order_base("бірнеше бес"), None);
        assert_eq!(order_base("он бес"), None);
        assert_eq!(parse_number("двух с половиной тысяч"), Some(2500.0));
        assert_eq!(parse_number("два с половиной миллиона"), Some(2.5e6));
        assert_eq!(parse_number("с половиной тысяч"), None);
        assert_eq!(parse_number("бес жарым"), Some(5.5));
        assert_eq!(parse_number("жарты миллиард"), Some(5e8));
        assert_eq!(parse_number("жарты"), None);
        assert_eq!(parse_number("екі жарым миллион"), Some(2.5e6));
        assert_eq!(parse_number("бір жарым мыңнан"), Some(1500.0));
        assert_eq!(parse_number("мың жарымнан"), Some(1500.0));
        assert_eq!(parse_number("екі мың жарым"), Some(2500.0));
        assert_eq!(parse_number("жарым"), None);
        assert_eq!(parse_number("бес жарым он"), None);
        assert_eq!(order_base("100-деген"), Some(100.0));
        assert_eq!(order_base("1000-даған"), Some(1000.0));
        assert_eq!(order_base("1 000-даған"), Some(1000.0));
        assert_eq!(order_base("10-даған"), Some(10.0));
        assert_eq!(order_base("200-деген"), None);
        assert_eq!(order_base("100-ден"), None);
        assert_eq!(order_base("сто"), None);
        assert_eq!(order_base("сотню"), Some(100.0));
        assert_eq!(order_base("десятка"), Some(10.0));
    }

    /// Space-grouped digits as written in the news.
    fn grouped_with(n: u64, sep: &str) -> String {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn every_way_of_writing_digits_gives_the_same_value() {
        let mut ns: Vec<u64> = (0..2000).collect();
        ns.extend((1..400).map(|i| i * 997 + 1000));
        ns.extend((1..200).map(|i| i * 1_234_567));
        ns.extend([999_999, 1_000_000, 1_000_001, 999_999_999_999]);
        for n in ns {
            let want = Some(n as f64);
            let mut forms = vec![n.to_string()];
            for sep in [" ", "\u{a0}", "\u{202f}", "\u{2009}"] {
                forms.push(grouped_with(n, sep));
            }
            if n >= 1_000_000 {
                forms.push(grouped_with(n, ","));
            }
            let bases = forms.clone();
            for b in &bases {
                for suf in [
                    "-ден", "-ға", "ден", "-нан", "-ке", "-ның", "-дай", "-сы", "-еуі", "-ти", "-х", "ти",
                    "-ми",
                ] {
                    forms.push(format!("{b}{suf}"));
                }
                if !b.contains(',') {
                    forms.push(format!("{b},0"));
                }
            }
            for f in forms {
                assert_eq!(parse_number(&f), want, "{f:?}");
            }
        }
    }

    // ---- consistency with rules/common/numbers.toml ----

    const TOML: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/common/numbers.toml"));

    pub(crate) struct Macros {
        defs: std::collections::BTreeMap<String, String>,
    }

    impl Macros {
        pub(crate) fn load() -> Macros {
            let table: toml::Table = toml::from_str(TOML).expect("numbers.toml parses");
            let define = table["define"].as_table().expect("[define]");
            let defs =
                define.iter().map(|(k, v)| (k.clone(), v.as_str().expect("string").to_string())).collect();
            Macros { defs }
        }

        pub(crate) fn expand(&self, name: &str) -> String {
            let re = regex::Regex::new(r"\{([A-Z0-9_]+)\}").unwrap();
            let mut s = self.defs.get(name).unwrap_or_else(|| panic!("no macro {name}")).clone();
            for _ in 0..50 {
                let next = re
                    .replace_all(&s, |c: &regex::Captures| {
                        let d = self.defs.get(&c[1]).unwrap_or_else(|| panic!("undefined {{{}}}", &c[1]));
                        format!("(?:{d})")
                    })
                    .into_owned();
                if next == s {
                    return s;
                }
                s = next;
            }
            panic!("recursive macro {name}");
        }

        pub(crate) fn anchored(&self, name: &str) -> regex::Regex {
            regex::Regex::new(&format!("^(?:{})$", self.expand(name)))
                .unwrap_or_else(|e| panic!("{name}: {e}"))
        }

        /// Unanchored, as at the end of a rule's pattern: the engine checks word
        /// edges after the match and does not backtrack into the alternatives.
        pub(crate) fn unanchored(&self, name: &str) -> regex::Regex {
            regex::Regex::new(&self.expand(name)).unwrap()
        }

        /// The first match that starts and ends at word edges, searched as the
        /// engine does (`extract.rs`): no backtracking into alternatives, a
        /// match off the edges is dropped and the search goes on one character
        /// further.
        pub(crate) fn engine_find<'t>(re: &regex::Regex, text: &'t str) -> Option<&'t str> {
            let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let mut pos = 0;
            while pos <= text.len() {
                let m = re.find_at(text, pos)?;
                let (s, e) = (m.start(), m.end());
                let open = !(is_word(text[..s].chars().next_back()) && is_word(text[s..].chars().next()));
                let close = !(is_word(text[..e].chars().next_back()) && is_word(text[e..].chars().next()));
                if s < e && open && close {
                    return Some(m.as_str());
                }
                pos = s + text[s..].chars().next().map_or(1, char::len_utf8);
            }
            None
        }

        pub(crate) fn names(&self) -> impl Iterator<Item = &String> {
            self.defs.keys()
        }
    }

    #[test]
    fn every_macro_compiles_and_uses_no_capturing_group() {
        let m = Macros::load();
        for name in m.names() {
            assert!(name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'), "{name}");
            let re = m.anchored(name);
            assert_eq!(re.captures_len(), 1, "{name} has a capturing group");
            assert!(!m.defs[name].contains(r"\b"), "{name} uses \\b");
        }
        // NUM is used once or twice per count rule: it must stay far below the
        // regex crate's default limit of 10 MB.
        let num = regex::RegexBuilder::new(&m.expand("NUM")).size_limit(2 << 20).build();
        assert!(num.is_ok(), "NUM compiles to more than 2 MB");
    }

    #[test]
    fn macros_match_what_parse_number_reads() {
        let m = Macros::load();
        let num = m.anchored("NUM");
        let digits = m.anchored("NUM_DIGITS");
        let word_ru = m.anchored("NUM_WORD_RU");
        let word_kk = m.anchored("NUM_WORD_KK");
        let mult = m.anchored("MULT");
        for (s, v) in [
            ("3 572", 3572.0),
            ("3\u{a0}572", 3572.0),
            ("3\u{202f}572", 3572.0),
            ("50 000", 50000.0),
            ("51,5", 51.5),
            ("51.5", 51.5),
            ("1,200", 1200.0),
            ("1,200,000", 1.2e6),
            ("2023", 2023.0),
        ] {
            assert!(digits.is_match(s), "NUM_DIGITS {s:?}");
            assert!(num.is_match(s), "NUM {s:?}");
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        for (s, v) in [
            ("600-ден", 600.0),
            ("60 000-нан", 60000.0),
            ("390-ға", 390.0),
            ("60-қа", 60.0),
            ("266-сы", 266.0),
            ("3-еуі", 3.0),
            ("100-дей", 100.0),
            ("20-ти", 20.0),
            ("2-х", 2.0),
            ("7-ми", 7.0),
            ("5ти", 5.0),
            ("двадцать пять", 25.0),
            ("двадцати пяти тысяч", 25000.0),
            ("пятерых", 5.0),
            ("семи", 7.0),
            ("полтора миллиона", 1.5e6),
            ("две тысячи пятьсот", 2500.0),
            ("тысяча", 1000.0),
            ("ДВУХ", 2.0),
            ("трёх", 3.0),
            ("екі жүз елу", 250.0),
            ("екі жүз елуден", 250.0),
            ("Екі мыңнан", 2000.0),
            ("отыздан", 30.0),
            ("сексенге", 80.0),
            ("он миллион", 1e7),
            ("бесеуі", 5.0),
            ("он бес", 15.0),
        ] {
            assert!(num.is_match(s), "NUM {s:?}");
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        let kk_attr = m.anchored("NUM_KK_ATTR");
        for (s, v) in [("2 мың 300", 2300.0), ("4 мың 500-ге", 4500.0), ("1 млн 850", 1_000_850.0)]
        {
            assert!(kk_attr.is_match(s), "NUM_KK_ATTR {s:?}");
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        for (s, v) in [
            ("1 млн 850 мың", 1_850_000.0),
            ("3 миллион 200 мыңнан", 3_200_000.0),
            ("12 млрд 400 млн", 12_400_000_000.0),
        ] {
            assert_eq!(parse_number(s), Some(v), "{s}");
        }
        for s in ["2 мың 2023", "300 мың 2 млн", "5 мың", "2 мыңнан 300", "2 мың 300 400"]
        {
            assert_eq!(parse_mixed(&normalize(s)), None, "{s}");
        }
        assert_eq!(amount("1 млн 850", Some("мың")), Some(1_850_000.0));
        assert_eq!(amount("2 мың 300", None), Some(2300.0));
        for s in
            ["2023-й", "2-ші", "5-го", "30-40", "8:30", "3 57", "пятый", "бесінші", "бірге", "онда", "ондай"]
        {
            assert!(!num.is_match(s), "NUM should not match {s:?}");
        }
        for s in ["пятый", "пятого", "первый", "сотни", "пять пять"] {
            assert!(!word_ru.is_match(s), "NUM_WORD_RU {s:?}");
        }
        for s in ["бесінші", "екінші", "мыңдаған", "бірден", "оны", "бес бес", "екіге бес"]
        {
            assert!(!word_kk.is_match(s), "NUM_WORD_KK {s:?}");
        }
        for (s, v) in [
            ("тыс.", 1e3),
            ("тыс", 1e3),
            ("тысяч", 1e3),
            ("тысячи", 1e3),
            ("тысячами", 1e3),
            ("млн", 1e6),
            ("млн.", 1e6),
            ("миллионов", 1e6),
            ("млрд", 1e9),
            ("миллиарда", 1e9),
            ("мың", 1e3),
            ("мыңнан", 1e3),
            ("мыңға", 1e3),
            ("млн-нан", 1e6),
            ("миллиардтан", 1e9),
            ("Млн", 1e6),
        ] {
            assert!(mult.is_match(s), "MULT {s:?}");
            assert_eq!(parse_multiplier(s), Some(v), "{s}");
        }
        for s in ["мыңдаған", "тысячный", "k", "тыс-нан"] {
            assert!(!mult.is_match(s), "MULT {s:?}");
        }
    }

    /// Unanchored search (a number at the end of a pattern) takes the whole number,
    /// not a prefix that ends inside a word.
    #[test]
    fn macros_find_whole_numbers_in_text() {
        let m = Macros::load();
        let num = m.unanchored("NUM");
        let mult = m.unanchored("MULT");
        for (text, want) in [
            ("более двадцати пяти тысяч человек", "двадцати пяти тысяч"),
            ("около 30-ти нуждающимся", "30-ти"),
            ("600-ден астам іс-шара", "600-ден"),
            ("60 000-нан астам волонтер", "60 000-нан"),
            ("екі жүз елуден астам", "екі жүз елуден"),
            ("Екі мыңнан астам студент", "Екі мыңнан"),
            ("в 2023 году 500 человек", "2023"),
            ("пятерых лесничих", "пятерых"),
            ("бесеуі келді", "бесеуі"),
            ("сто двадцать три волонтера", "сто двадцать три"),
            ("2,5 мыңға жуық", "2,5"),
        ] {
            assert_eq!(num.find(text).map(|x| x.as_str()), Some(want), "{text}");
            assert_eq!(Macros::engine_find(&num, text), Some(want), "{text}");
        }
        // "300 202|3" is the first match; the engine drops it and goes on. In a
        // rule, what follows the number (\s+ and a noun) makes the regex back off.
        assert_eq!(num.find("около 300 2023 года").map(|x| x.as_str()), Some("300 202"));
        assert_eq!(mult.find("2,5 мыңға жуық").map(|x| x.as_str()), Some("мыңға"));
        assert_eq!(mult.find("50 миллионов тенге").map(|x| x.as_str()), Some("миллионов"));
        assert_eq!(mult.find("28,1 тыс. организаций").map(|x| x.as_str()), Some("тыс."));
        assert_eq!(Macros::engine_find(&mult, "мыңдаған адам"), None);
        assert_eq!(Macros::engine_find(&num, "бесінші орын"), None);
        assert_eq!(Macros::engine_find(&num, "пятый раз"), None);
    }

    /// Every single word read is found whole by an unanchored search (no
    /// alternative stops inside it), as at the end of a rule's pattern.
    #[test]
    fn macros_find_every_word_form_whole() {
        let m = Macros::load();
        let num = m.unanchored("NUM");
        let mult = m.unanchored("MULT");
        let mut forms: Vec<String> = RU_WORDS.iter().map(|(f, _)| f.to_string()).collect();
        for (stem, _) in RU_SCALES {
            forms.extend(RU_SCALE_ENDINGS.iter().map(|e| format!("{stem}{e}")));
        }
        for (stem, _) in RU_COLLECTIVE {
            forms.extend(["о", "ых", "ым", "ыми"].iter().map(|e| format!("{stem}{e}")));
        }
        for (stem, _) in KK_STEMS {
            forms.extend(KK_CASE.iter().chain([""].iter()).map(|c| format!("{stem}{c}")));
        }
        for (stem, _) in KK_COLLECTIVE {
            forms.extend(
                ["", "і", "ы", "іне", "ін", "інің", "ге", "ден"].iter().map(|c| format!("{stem}{c}")),
            );
        }
        for f in forms.iter().filter(|f| parse_number(f).is_some()) {
            let text = format!("{f} адам");
            assert_eq!(num.find(&text).map(|x| x.as_str()), Some(f.as_str()), "NUM in {text:?}");
            if parse_multiplier(f).is_some() {
                assert_eq!(mult.find(&text).map(|x| x.as_str()), Some(f.as_str()), "MULT in {text:?}");
            }
        }
        for n in ["5", "3 572", "51,5", "1,200,000"] {
            for suf in
                ["", "-ден", "-ға", "-ның", "-дай", "-сы", "-еуі", "-еуіне", "-ти", "-х", "-ух", "-ми", "-ью"]
            {
                let f = format!("{n}{suf}");
                let text = format!("{f} адам");
                assert_eq!(num.find(&text).map(|x| x.as_str()), Some(f.as_str()), "NUM in {text:?}");
            }
        }
    }

    /// The word macros match exactly the word forms and compounds parse_number reads.
    #[test]
    fn word_macros_agree_with_parse_number() {
        let m = Macros::load();
        let ru = m.anchored("NUM_WORD_RU");
        let kk = m.anchored("NUM_WORD_KK");
        // parse_number reads both languages: compare with either macro
        let words =
            regex::Regex::new(&format!("^(?:{}|{})$", m.expand("NUM_WORD_RU"), m.expand("NUM_WORD_KK")))
                .unwrap();

        let mut ru_forms: Vec<String> = RU_WORDS.iter().map(|(f, _)| f.to_string()).collect();
        for (stem, _) in RU_SCALES {
            ru_forms.extend(RU_SCALE_ENDINGS.iter().map(|e| format!("{stem}{e}")));
        }
        for (stem, _) in RU_COLLECTIVE {
            ru_forms.extend(["о", "ых", "ым", "ыми"].iter().map(|e| format!("{stem}{e}")));
        }
        let mut bad = Vec::new();
        // The macros do not check that the last scale word is smaller than the
        // ones before it (to stay small): "тысяча тысяч" is matched, not read.
        let scales = |s: &str| {
            s.split(' ')
                .filter(|t| matches!(ru_word(t).or_else(|| kk_word(t, true)), Some(W::Scale(_))))
                .count()
        };
        // A number ending in a part of a whole (жиырма екісі) is read, but matched by
        // NUM_KK_HEAD (a count of its own), not by the number-word macros.
        let head = regex::Regex::new(&format!("^(?:{})$", m.expand("NUM_KK_HEAD"))).unwrap();
        let mut check = |re: &regex::Regex, s: &str| {
            let (matched, read) = (re.is_match(s), parse_number(s).is_some());
            if matched && !read && scales(s) >= 2 {
                return;
            }
            if !matched && read && s.rsplit(' ').next().is_some_and(|w| kk_part(w) || kk_biri(w)) {
                if !head.is_match(s) {
                    bad.push(format!("{s:?}: read as a part of a whole, NUM_KK_HEAD misses it"));
                }
                return;
            }
            if matched != read {
                bad.push(format!("{s:?}: regex {} parse {:?}", re.is_match(s), parse_number(s)));
            }
        };
        for a in &ru_forms {
            assert!(ru.is_match(a), "NUM_WORD_RU misses {a}");
            check(&words, a);
            for b in &ru_forms {
                check(&words, &format!("{a} {b}"));
            }
        }
        let nominative = [
            "один",
            "два",
            "пять",
            "десять",
            "двенадцать",
            "двадцать",
            "сорок",
            "сто",
            "двести",
            "тысяча",
            "тысячи",
            "миллион",
            "миллиона",
            "миллиард",
            "полтора",
            "двое",
        ];
        for a in nominative {
            for b in nominative {
                for c in nominative {
                    check(&words, &format!("{a} {b} {c}"));
                    for d in ["три", "тысяч", "сорок"] {
                        check(&words, &format!("{a} {b} {c} {d}"));
                    }
                }
            }
        }

        let mut kk_last: Vec<String> = Vec::new();
        let suffixes: Vec<&str> = KK_CASE
            .iter()
            .copied()
            .chain(["", "ы", "і", "сы", "інші", "ыншы", "ншы", "ақ", "дағы", "ау", "еу"])
            .collect();
        for (stem, _) in KK_STEMS {
            for s in &suffixes {
                kk_last.push(format!("{stem}{s}"));
            }
        }
        for (stem, _) in KK_COLLECTIVE {
            for s in ["", "і", "ы", "іне", "ін", "інің", "ге", "ден", "ақ", "інші"] {
                kk_last.push(format!("{stem}{s}"));
            }
        }
        kk_last.push("біреу".into());
        for (stem, _) in KK_STEMS {
            assert!(kk.is_match(stem), "NUM_WORD_KK misses {stem}");
        }
        let bare: Vec<&str> = KK_STEMS.iter().map(|(s, _)| *s).collect();
        for l in &kk_last {
            check(&words, l);
            for a in &bare {
                check(&words, &format!("{a} {l}"));
            }
        }
        for a in &bare {
            for b in &bare {
                for c in &bare {
                    check(&words, &format!("{a} {b} {c}"));
                    check(&words, &format!("{a} {b} {c}ден"));
                }
            }
        }
        for s in [
            "екі мың бес жүз елу",
            "бір миллиард екі жүз миллион",
            "бес жүз мың үш жүз он бірге",
            "он бес мыңнан",
        ] {
            check(&words, s);
        }
        assert!(bad.is_empty(), "{} disagreements:\n{}", bad.len(), bad[..bad.len().min(40)].join("\n"));
    }
}
