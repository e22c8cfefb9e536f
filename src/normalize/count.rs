//! Count values: amount, approximation, unit, counted object and its category.
//!
//! Groups: `num` (the number, digits or words), `mult` (тысяч, млн, мың ...),
//! `approx` (более, около, астам ... looked up in the `[approx]` lexicon;
//! `approx_end` for a word that ends the count, асып, жуығы; `approx_mid` for
//! one between the number and its unit, 20 мыңнан астам тонна;
//! `approx_pre` for a Kazakh word before the number, кем дегенде, when there is
//! also room for one after it),
//! `unit` (тонн, тенге ... looked up in `[unit]`), `object` (the counted noun as
//! written), `num2` (the upper end of a range; the value keeps the lower bound)
//! and `mult2` (its multiplier, shared by the lower end when that has none),
//! `word` (the object where a rule takes any word after the number: 7 қойма),
//! `hint` (a word near an elliptic count that names what is counted: "8 из 11
//! стран" gives its category, not its object). A range whose upper end is not
//! above its lower end is no range (a score, a phone number).
//! The category comes from the rule, else from the object's stem in
//! `[category]`, else from the hint, else from the unit (`[unit_category]`),
//! else, for a count without object or unit, from the nearest word of a known
//! category before it in the sentence ("35 групп, сегодня их - 90"), else `other`.
//!
//! A match is no count (the normalizer gives `None`) when the context says the
//! number is something else: a percentage (before `%`), a time (after `:`), a part of a name or an
//! identifier (after `/`, `№`, a hyphen joined to a word, an opening quote), a
//! word in `[not_counted_before]` before it (сағат, статьи, ещё), a word in
//! `[not_counted]` (exact) or `[not_counted_stem]` (by stem) as its object or
//! between the number and the object (жастағы, лет, процентке), an ordinal word
//! there, or a year-like number (1800-2100 in four digits) whose object is of no
//! known category.

use super::{Context, number};
use crate::record::{Approx, Value};
use crate::rules::Lexicon;

pub fn normalize(ctx: &Context) -> Option<Value> {
    let lex = &ctx.set.lexicon;
    // (a percentage sign counts right after a number: 41 тысячи волонтеров – 14%
    // is a count and then a share, not a range of percentages)
    let ends_in_number = ctx.groups.span_text().ends_with(|c: char| c.is_ascii_digit());
    // (a plain number: digits alone, no scale word, unit or noun of a known
    // category after it, as a service's code is; в службу 112 поступило: the
    // code; в службе 64 волонтера counts)
    // (asked only after a word of `[code_before]`: the category look-up is not
    // paid by every count)
    let plain = || {
        ctx.group("mult").is_none()
            && ctx.group("unit").is_none()
            && ctx.group("num").is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            && ctx.group("object").or(ctx.group("word")).is_none_or(|o| object_category(lex, o).is_none())
    };
    // (a number opening a quoted sentence counts: «150 тенге — это дешевле, чем
    // автобус»; one opening a quoted title does not: «100 ата-әже кеші»)
    let before = ctx.groups.before_span();
    let speech = before.ends_with('«') && quoted_speech(ctx.groups.following());
    if !(speech || context_allows(lex, before, plain))
        || (ends_in_number
            && (is_percentage(ctx.groups.following())
                || is_clock_minutes(ctx.groups.following())
                || years_range_after(ctx.groups.following())))
        || ctx.group("num").is_some_and(is_phone)
        || russian_he(ctx)
        || kk_numerator(ctx)
        || model_number(ctx)
    {
        return None;
    }
    // A part of a time (Мне 86 лет, сорок из них я проработала на руднике): a
    // duration, no count.
    if ctx.group("hint").is_some_and(|h| lex.lookup("anaphor", h).is_some()) && part_of_a_time(lex, before) {
        return None;
    }
    // So is one after the partitive, из and an `[anaphor]` word (56 лет, из
    // них 19 она посвятила ...); not after a range of ages (в возрасте от 7 до
    // 52 лет, из них 19 детей: a part of the people).
    let partitive_before = before.trim_end().rsplit_once(char::is_whitespace).and_then(|(head, last)| {
        lex.lookup("anaphor", last)?;
        head.trim_end().strip_suffix("из")
    });
    if let Some(b) = partitive_before
        && part_of_a_time(lex, b)
        && !age_range_before(b)
    {
        return None;
    }
    let amount = match ctx.constant("amount") {
        Some(a) => {
            let base: f64 = a.parse().ok()?;
            match ctx.group("mult") {
                Some(m) => base * number::parse_multiplier(m)?,
                None => base,
            }
        }
        // Vague plurals (сотни, жүздеген) count in their base: 100, 1000; a scale
        // word after them multiplies it (десятки тысяч: 10 000).
        None if ctx.constant("approx").as_deref() == Some("order") => {
            let scale = match ctx.group("mult") {
                Some(m) => number::parse_multiplier(m)?,
                None => 1.0,
            };
            number::order_base(ctx.group("num")?)? * scale
        }
        // (the singular of a vague plural after an approximation word is one of
        // it: больше сотни, около десятка; so is one a rule reads as about:
        // десяток пунктов)
        None => {
            let about = ctx.group("approx").is_some() || ctx.constant("approx").as_deref() == Some("about");
            number::amount(ctx.group("num")?, ctx.group("mult").or(object_mult(ctx)).or(range_scale(ctx)))
                .or_else(|| about.then(|| number::order_base(ctx.group("num")?)).flatten())?
        }
    };
    // A number in two parts (48 млн 260 тыс. тенге, 41 тысяча 600 человек):
    // the lower part is added, when its scale is the smaller.
    let amount = match (ctx.group("num_low"), ctx.group("mult_low"), ctx.group("mult")) {
        (Some(n), m, Some(high)) => {
            let (low, scale) = (number::amount(n, m)?, number::parse_multiplier(high)?);
            if low >= scale {
                return None;
            }
            amount + low
        }
        _ => amount,
    };
    if !(amount.is_finite() && amount >= 0.0) {
        return None;
    }
    // A scale word standing for the number right after digits is the rest of
    // a number turned down (орта есеппен 40-60 мың ...: not "мың" = 1000).
    if ctx
        .group("num")
        .is_some_and(|n| n.chars().all(char::is_alphabetic) && number::parse_multiplier(n).is_some())
        && ctx.groups.before_span().trim_end().ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    // A list's figures share the noun after its last figure, not a scale word
    // (3, 5 миллиард: a decimal written apart, or two scales).
    if ctx.group("shared").is_some()
        && ctx.group("object").or(ctx.group("word")).is_some_and(|w| number::parse_multiplier(w).is_some())
    {
        return None;
    }
    // тысячи, тысячам ... alone are a vague plural (тысячи волонтеров: order,
    // left to the rule for vague plurals); after более, свыше they are 1000.
    if ctx.constant("approx").is_none()
        && ctx.group("approx").is_none()
        && ctx.group("mult").is_none()
        && ctx.group("num").is_some_and(|n| {
            let n = n.trim().to_lowercase();
            ["тысячи", "тысячам", "тысячами", "тысячах"].contains(&n.as_str())
        })
    {
        return None;
    }
    // "бір", "один" alone are mostly the article "a" or "one of" (бір топ азамат,
    // ещё один, одним утром): numbers in `[not_counted_num]` are no count alone.
    if ctx.group("mult").is_none()
        && ctx.group("num").is_some_and(|n| lex.lookup("not_counted_num", n).is_some())
    {
        return None;
    }
    // A Kazakh number in the locative (жетіде, 5-те, он жетіде) is a time or an
    // age ("at seven"), not how many; not so a head in the locative (екеуінде,
    // "in two of them"). Only in Kazakh: Russian ста, девяноста end so too.
    if ctx.group("mult").is_none()
        && ctx.lang == crate::lang::Lang::Kk
        && ctx.group("num").is_some_and(|n| {
            let n = n.to_lowercase();
            ["да", "де", "та", "те"].iter().any(|s| n.ends_with(s))
                && !["нда", "нде"].iter().any(|s| n.ends_with(s))
        })
    {
        return None;
    }
    // A range's upper end must be above its lower end (not a score 3-1, a
    // phone number 8-777, a date 12-05), each with its multiplier, or the other's
    // when it has none (от 500 тысяч до 3 млн, от 1 до 3 млн).
    if let Some(n2) = ctx.group("num2") {
        let scale = |g: &str| ctx.group(g).and_then(number::parse_multiplier);
        let (m1, m2) = (scale("mult"), scale("mult2"));
        // (not when the lower end carries its unit: 500 теңгеден 5 мың теңгеге
        // дейін is from 500)
        let shared = m2.filter(|_| !lower_end_has_unit(ctx));
        let lo = number::parse_number(ctx.group("num")?)? * m1.or(shared).unwrap_or(1.0);
        let hi = number::parse_number(n2).map(|hi| hi * m2.or(m1).unwrap_or(1.0));
        if hi.is_none_or(|hi| hi <= lo) {
            return None;
        }
        // Two figures joined by a dash alone, the second over twenty times the
        // first, are two cells of a table row (Алматы облысы — 9 — 410 млн
        // теңге), not a range.
        let dash_only = ctx
            .groups
            .between("num", "num2")
            .is_some_and(|b| b.contains(['-', '–', '—']) && !b.chars().any(char::is_alphabetic));
        if dash_only && hi.is_some_and(|hi| hi > 20.0 * lo) {
            return None;
        }
        // с 4 100 до 5 600 after a verb of change is where a figure went from and
        // to, two figures, not a range (выросло с 4 100 до 5 600 человек): the
        // range gives way to ru.count.change_from and the count after до.
        let from = ctx.groups.before_span().trim_end();
        let after_s = from.strip_suffix(['с', 'С']).or_else(|| from.strip_suffix("со"));
        // (the verb within the four words before с, as ru.count.change_from has it)
        let near_verb = || {
            let words = words_of(from);
            words[words.len().saturating_sub(5)..].iter().any(|w| change_verb(w))
        };
        if after_s.is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric())) && near_verb()
        {
            return None;
        }
        // The same in Kazakh, the verb after the range (донорлар саны 212-ден
        // 268-ге дейін өсті: from 212 to 268).
        if ctx.lang == crate::lang::Lang::Kk && kk_change_verb(lex, ctx.groups.following()) {
            return None;
        }
        // School years (учеников 8–11 классов, 5-9 сынып): grades, no count.
        let grade = ctx.group("object").or(ctx.group("word")).is_some_and(|o| {
            let o = o.to_lowercase();
            o.starts_with("класс") || o.starts_with("сынып")
        });
        if grade && hi.is_some_and(|hi| hi <= 12.0) {
            return None;
        }
    }
    // An approximation word taken for the word after the number, where nothing
    // follows it (қазір – 150-ден астам»): the approximation, no object.
    let word_approx = ctx.group("word").filter(|w| {
        ctx.group("object").is_none()
            && lex.lookup("approx", w.trim()).is_some()
            && !ctx.groups.following().trim_start().starts_with(char::is_alphanumeric)
    });
    // The Kazakh approximative suffix on the number, its multiplier or its unit
    // says "about": 100-дей, 6 мыңдай, 30 тоннадай.
    // (a multiplier the rule took for the counted noun too: (12 мыңдай))
    let suffix_about = ["num", "mult", "unit"].iter().any(|g| ctx.group(g).is_some_and(approximative))
        || object_mult(ctx).is_some_and(approximative);
    let approx = match ctx.constant("approx") {
        // A vague plural after an approximation word is one of it: около сотни,
        // более десятка волонтеров (about 100, more than 10), not "hundreds".
        Some(a) if a == "order" && ctx.group("approx").is_some() => ctx
            .group("approx")
            .and_then(|w| lex.lookup("approx", w))
            .and_then(Approx::parse)
            .unwrap_or(Approx::Order),
        Some(a) => Approx::parse(&a)?,
        // Words outside the lexicon (составило, құрайды) state the number as it is.
        // A word before the number (кем дегенде) counts when none follows it.
        // A range gives its lower bound: at least (30-40 адам).
        None if ctx.group("num2").is_some() => Approx::Ge,
        None => match [
            ctx.group("approx"),
            ctx.group("approx_end"),
            ctx.group("approx_mid"),
            ctx.group("approx_pre"),
            word_approx,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        {
            // the first word the lexicon knows: a verb of amount after the
            // number says nothing beside a word before it (шамамен 1,2 млн
            // теңгені құрайды: about); an adverb before a verb of excess is
            // not the approximation (5 мыңнан сәл асады: the verb's)
            words if !words.is_empty() => words
                .iter()
                .find_map(|w| {
                    let last = w.split_whitespace().last().unwrap_or(w);
                    lex.lookup("approx", w).or_else(|| lex.lookup_prefix("approx", w)).or_else(|| {
                        (last != *w)
                            .then(|| lex.lookup("approx", last).or_else(|| lex.lookup_prefix("approx", last)))
                            .flatten()
                    })
                })
                .and_then(Approx::parse)
                // (a word the lexicon does not know leaves the suffix its say:
                // небәрі отыздай клуб, "only about thirty")
                .unwrap_or(if suffix_about { Approx::About } else { Approx::Eq }),
            _ if suffix_about => Approx::About,
            _ => Approx::Eq,
        },
    };
    // A Kazakh dative noun with дейін after it: up to (санын 100 адамға дейін
    // жеткізу), the postposition outside the match.
    let approx = match ctx.group("object") {
        Some(o)
            if approx == Approx::Eq
                && ctx.lang == crate::lang::Lang::Kk
                && ["ға", "ге", "қа", "ке", "на", "не"].iter().any(|s| o.ends_with(s))
                && ctx.groups.following().split_whitespace().next() == Some("дейін")
                // (a figure reached: 212-ден 268-ге дейін өсті, from 212 to 268)
                && !kk_change_verb(lex, ctx.groups.following()) =>
        {
            Approx::Le
        }
        _ => approx,
    };
    // До after a verb of change and the figure it started from says where the
    // figure went, not a bound on it (выросло с 21 тысячи до 34 500 человек).
    let approx = match ctx.group("approx") {
        Some(w)
            if approx == Approx::Le
                && w.trim().eq_ignore_ascii_case("до")
                && changed_to(ctx.groups.before_span()) =>
        {
            Approx::Eq
        }
        // (and дейін before a Kazakh verb of change: 212-ден 268-ге дейін өсті)
        Some(w)
            if approx == Approx::Le
                && ["дейін", "шейін"].contains(&w.trim().to_lowercase().as_str())
                && (kk_change_verb(lex, ctx.groups.following())
                    || ctx.group("word").is_some_and(|w| kk_change_verb(lex, w))) =>
        {
            Approx::Eq
        }
        _ => approx,
    };
    let unit = match ctx.constant("unit") {
        Some(u) => Some(u),
        None => match ctx.group("unit") {
            Some(u) => Some(lex.lookup("unit", u).or_else(|| lex.lookup_prefix("unit", u))?.to_string()),
            None => None,
        },
    };
    let object = match object_mult(ctx) {
        // "2,5 тысячи": the multiplier stood where the object goes; there is no object.
        Some(_) => ctx.constant("object"),
        None if word_approx.is_some() => ctx.constant("object"),
        None => ctx
            .group("object")
            .or(ctx.group("word"))
            .map(|s| s.trim().to_string())
            .or_else(|| ctx.constant("object")),
    };
    // Он before a Russian verb is the pronoun "he" in a Russian quote of a
    // Kazakh text (он боялся), not the Kazakh ten.
    if ctx.lang == crate::lang::Lang::Kk
        && ctx.group("num").is_some_and(|n| ["он", "Он"].contains(&n))
        && object
            .as_deref()
            .into_iter()
            .chain(after_number(ctx, "object"))
            .flat_map(str::split_whitespace)
            .any(|w| ru_verb_form(w) || w.ends_with("ся") || w.ends_with("сь"))
    {
        return None;
    }
    // Years, durations, ages, percentages and the like are numbers but not counts
    // (but жас may be young people: young_ones).
    let young = young_ones(ctx, object.as_deref(), amount, approx);
    let time_word = object.as_deref().is_some_and(|o| not_counted(lex, o));
    // A day an adjective of `[event_day]` names is an event, no duration (64
    // донорских дня, 14 выездных дней).
    // (only a word of time is so rescued: 40 выездных приёмов say their own kind)
    let event_day = time_word
        && after_number(ctx, "object")
            .and_then(|b| b.split_whitespace().last())
            .is_some_and(|w| lex.lookup_prefix("event_day", w).is_some());
    if (!young && !event_day && (time_word || object.as_deref().is_some_and(is_ordinal)))
        || object.as_deref().is_some_and(|o| known_acronym(ctx, o) || not_counted_with_next(lex, ctx, o))
        || blocked_between(ctx, amount)
        || verb_after_adjective(ctx)
    {
        return None;
    }
    // A house number after its street and a comma (по улице Толе би, 142
    // работают; Абай көшесі, 15 үй) counts nothing; a noun of a known category
    // after it makes it a count again (на улице Абая, 20 волонтеров ...).
    if after_street(lex, ctx.groups.before_span())
        && object.as_deref().and_then(|o| object_category(lex, o)).is_none_or(|c| c == "other")
    {
        return None;
    }
    // A Kazakh verb taken for the word after the number is not what is counted
    // (nor one of `[verb]`, whose past tense in -ты/-ті nouns share: 268-ге
    // дейін өсті).
    let object = object.filter(|o| {
        !(ctx.lang == crate::lang::Lang::Kk
            && ctx.group("object").is_none()
            && ctx.group("word").is_some()
            && (kk_verb_form(o) || lex.lookup("verb", o).is_some()))
    });
    // So is a Russian verb (около 30 выезжают): the count is elliptic, its
    // category comes from the words before it.
    let object = object.filter(|o| !(ctx.lang == crate::lang::Lang::Ru && ru_verb_form(o)));
    // аз ("few") after a number in the ablative is "fewer than": with no counted
    // noun (олар 700-ден аз болатын) or before it (20-дан аз оқушы); аз
    // қамтылған is "low-income"
    let kk_fewer = ctx.lang == crate::lang::Lang::Kk
        && approx == Approx::Eq
        && ctx.group("num").is_some_and(is_kk_ablative);
    // (a unit in the ablative before аз too: 4 тоннадан аз өнім)
    let unit_fewer = ctx.lang == crate::lang::Lang::Kk
        && approx == Approx::Eq
        && object.is_none()
        && ctx.group("unit").is_some_and(is_kk_ablative)
        && opens_with_fewer(ctx.groups.following());
    let fewer = kk_fewer && object.as_deref().is_some_and(|o| is_fewer(o, ctx.groups.following()));
    let fewer_before = kk_fewer && after_number(ctx, "object").is_some_and(opens_with_fewer);
    let (object, approx) = if fewer {
        (None, Approx::Lt)
    } else if fewer_before || unit_fewer {
        (object, Approx::Lt)
    } else {
        (object, approx)
    };
    // A part of a whole after the number's first words (жиырма екісі студент:
    // twenty-two of them): the number ends at that word, read by a rule of its own.
    if ctx.lang == crate::lang::Lang::Kk
        && ["object", "word"]
            .iter()
            .any(|o| after_number(ctx, o).is_some_and(|b| b.split_whitespace().any(number::kk_part)))
    {
        return None;
    }
    // A fraction: a number in the ablative and "one of it" (үштен бірі, бестен екісі).
    if ctx.group("num").is_some_and(is_kk_ablative) && object.as_deref().is_some_and(is_fraction_part) {
        return None;
    }
    // A currency word taken for the object, where the unit's own match failed
    // (1,5 млн тенге каждый): it is the unit, and there is no object.
    let (unit, object) = match (&unit, object.as_deref()) {
        (None, Some(o)) if !o.contains(' ') && ctx.group("unit").is_none() => {
            match lex.lookup("unit", o).or_else(|| lex.lookup_prefix("unit", o)) {
                Some(u) if lex.lookup("unit_category", u) == Some("money") => (Some(u.to_string()), None),
                _ => (unit, object),
            }
        }
        _ => (unit, object),
    };
    // A measure's unit in the ablative taken for the counted noun before a word
    // of comparison (4 тоннадан аз): kk.count.unit reads it, as a unit.
    if ctx.lang == crate::lang::Lang::Kk && object.as_deref().is_some_and(|o| kk_unit_ablative(lex, o)) {
        return None;
    }
    // A number word taken for the object (оннан бес: a fraction, two numbers).
    if object.as_deref().is_some_and(|o| !o.contains(' ') && number::parse_number(o).is_some()) {
        return None;
    }
    if ordinal_prepositional(ctx, object.as_deref()) {
        return None;
    }
    // (the span ending at its counted noun: 25 лучших волонтеров года)
    let ends_in_noun = ctx
        .group("object")
        .or_else(|| ctx.group("word"))
        .is_some_and(|o| !o.trim().is_empty() && ctx.groups.span_text().trim_end().ends_with(o.trim()));
    if followed_by_not_counted(lex, ctx.groups.following(), ends_in_noun) {
        return None;
    }
    // What follows the counted word: after the span, or, where the span takes
    // what a classifier holds (86 бірлік техника, 300 қап ұн: a `held` group),
    // from that on, which says what the classifier counts.
    let after_object = match ctx.group("held") {
        Some(_) => ctx.groups.after("object").unwrap_or(ctx.groups.following()),
        None => ctx.groups.following(),
    };
    let object_cat = match object.as_deref() {
        // 300 жұп етік, 1 500 порция ыстық тамақ: what a classifier holds, when
        // its head (the last word) has a category of its own, is what is counted
        // (not кеңсе "office" of 30 қап кеңсе тауарларын)
        Some(_)
            if let Some(c) = ctx
                .group("held")
                .and_then(|h| h.split_whitespace().last())
                .and_then(|w| word_category(lex, w)) =>
        {
            Some(c)
        }
        // 3 тыс. единиц одежды, 12 пар сапог: a classifier counts what follows it
        Some(o) if lex.lookup("classifier", o).is_some() => following_category(lex, after_object),
        // провели 2 318 акций, в том числе 640 экологических и 385 донорских: a
        // relational adjective with its noun left out counts the noun before it
        // (the nearest word of a known category that is no such adjective)
        Some(o) if ctx.lang == crate::lang::Lang::Ru && elliptic_adjective(o, after_object) => {
            words_of(ctx.groups.before_span())
                .iter()
                .rev()
                .filter(|w| !elliptic_adjective(w, ""))
                .find_map(|w| word_category(lex, w))
                .or_else(|| object_category(lex, o))
        }
        // 120 иесіз ит: a Kazakh privative adjective (иесіз, ownerless) taken for
        // the counted word; the noun after it says what is counted
        Some(o)
            if ctx.lang == crate::lang::Lang::Kk
                && ["сыз", "сіз"].iter().any(|e| o.to_lowercase().ends_with(e)) =>
        {
            following_category(lex, after_object).or_else(|| object_category(lex, o))
        }
        // 90 мешков мусора, 300 қап ұн, мешков с песком: a bag counts what it
        // holds, when the words after it say; bags filled (қап толтырды,
        // заполнили ... мешков) hold sand for dams
        Some(o) if lex.lookup_prefix("container", o).is_some() => {
            container_category(lex, after_object, ctx.groups.preceding()).or_else(|| object_category(lex, o))
        }
        // 9 фур гуманитарной помощи, 40 машина отын, 2 вагон киім: a vehicle
        // named with its load, no preposition between, counts the aid
        // a vehicle whose load is counted right after it (3 жүк көлігімен 9
        // тонна жем-шөп): the vehicles themselves
        Some(o) if lex.lookup_prefix("vehicle", o).is_some() && load_counted_after(after_object) => {
            Some("other".to_string())
        }
        Some(o) if lex.lookup_prefix("vehicle", o).is_some() && carries_aid(lex, after_object) => {
            Some("aid".to_string())
        }
        // 12 детских садов, шести домам престарелых: a name of several words
        Some(o) if let Some(c) = phrase_category(lex, after_number(ctx, "object"), o, after_object) => {
            Some(c)
        }
        Some(o) => object_category(lex, o).map(|c| telling_modifier(ctx, c)).or_else(|| {
            // a noun of no known category after an adjective that says whose
            // (семь пожилых сельчан: elderly); not детских, волонтерских,
            // which qualify things as often (детских площадок, волонтерских штабов)
            modifier_category(lex, after_number(ctx, "object").unwrap_or(""))
                .filter(|c| c == "elderly" || c == "families")
        }),
        None => None,
    };
    // A Kazakh word for the people of a place (6 мыңға жуық маңғыстаулық,
    // мыңдаған ақтаулық): a place of the gazetteer and -лық / -лік.
    // (before the lexicon's stems: семейлік is no семей "families")
    let object_cat = match object_cat {
        _ if ctx.lang == crate::lang::Lang::Kk && object.as_deref().is_some_and(|o| demonym(ctx, o)) => {
            Some("people".to_string())
        }
        c => c,
    };
    if unit.is_none()
        && object_cat.is_none()
        && ctx.constant("category").is_none()
        && year_like(ctx.group("num"))
    {
        return None;
    }
    // Money is money whatever the phrase names or pays for (объем помощи составил
    // 5 млрд тенге, 2 млн тенге пожертвований, 250 мың теңгеден біржолғы көмек).
    let unit_cat = unit.as_deref().and_then(|u| lex.lookup("unit_category", u));
    // "People" who are the volunteers named just before (волонтеры фонда – свыше
    // 300 человек; волонтерских штабов, в которых состоят 3 тысячи человек).
    let object_cat = match object_cat {
        Some(c) if c == "people" && volunteers_named_before(lex, ctx.groups.preceding()) => {
            Some("volunteers".to_string())
        }
        c => c,
    };
    // Things of no known category that a verb of giving governs are aid
    // (передали 600 SIM-карт; 14 Wi-Fi роутер табыстады).
    let object_cat = match object_cat {
        None if object.as_deref().is_some_and(|o| !kk_recipient(o)) && unit.is_none() && given(ctx) => {
            Some("aid".to_string())
        }
        c => c,
    };
    // A Kazakh adjective in -лық of a counted noun before what a unit measures
    // (63 литр донорлық қан, or the adjective alone): the unit says what is
    // measured, not the adjective's stem.
    let adjective_of_counted = |w: &str| {
        // (донор-лық; not қалдық, a noun)
        KK_ADJ_SUFFIXES.iter().any(|s| {
            w.to_lowercase().strip_suffix(s).is_some_and(|stem| object_category(lex, stem).is_some())
        })
    };
    let object_cat = match (&object_cat, object.as_deref(), &unit) {
        (Some(_), Some(o), Some(_))
            if ctx.lang == crate::lang::Lang::Kk
                && o.split_whitespace().any(adjective_of_counted)
                && o.split_whitespace()
                    .all(|w| adjective_of_counted(w) || word_category(lex, w).is_none()) =>
        {
            None
        }
        _ => object_cat,
    };
    // (bare millions in a money clause: asked for the category, then the unit)
    let bare_cell = std::cell::OnceCell::new();
    let bare = || *bare_cell.get_or_init(|| bare_millions(ctx));
    // What a dash after a count without a noun names (из них 1 400 – дети:
    // children; only such a count asks); a part of a whole of volunteers,
    // elderly or children is one of them whatever the dash adds (Из 1 240
    // волонтеров 870 – студенты, 156 – пенсионеры).
    let apposition =
        object.is_none().then(|| apposition_category(lex, ctx.groups.following(), ctx.lang)).flatten();
    // (the whole is the word right before the number: Из 1 240 волонтеров 870,
    // Тыңдаушылардың 1 240-ы)
    let whole = (apposition.is_some() && partitive_rule(ctx))
        .then(|| words_of(ctx.groups.before_span()).last().copied())
        .flatten()
        // (in Kazakh the whole in the genitive, not the last part's noun)
        .filter(|w| {
            ctx.rule.lang != crate::rules::LangSel::Kk
                || ["ның", "нің", "дың", "дің", "тың", "тің"].iter().any(|g| w.ends_with(g))
        })
        .and_then(|w| word_category(lex, w))
        .filter(|w| ["volunteers", "elderly", "children"].contains(&w.as_str()));
    let apposition = match (apposition, whole) {
        (Some(a), Some(w)) if ["people", "children", "elderly", "volunteers"].contains(&a.as_str()) => {
            Some(w)
        }
        (a, _) => a,
    };
    let category = ctx
        .constant("category")
        .or_else(|| young.then(|| "people".to_string()))
        .or_else(|| event_day.then(|| "events".to_string()))
        .or_else(|| unit_cat.filter(|c| *c == "money").map(str::to_string))
        .or(object_cat)
        .or_else(|| ctx.group("hint").and_then(|h| object_category(lex, h)))
        // a weight or volume whose dash names what it is (оның 2,4 тоннасы –
        // пластик бөтелкелер: other), before the unit's own category
        .or_else(|| apposition.clone())
        .or_else(|| unit_cat.map(str::to_string))
        .or_else(|| {
            (object.is_none() && unit.is_none())
                .then(|| {
                    apposition
                        .clone()
                        .or_else(|| bare().then(|| "money".to_string()))
                        .or_else(|| context_category(lex, ctx.groups.preceding()))
                })
                .flatten()
        })
        // a Russian collective numeral counts people unless its noun says
        // otherwise (еще четверых ищут; двое суток is a duration, no count)
        .or_else(|| ctx.group("num").is_some_and(collective_ru).then(|| "people".to_string()))
        .unwrap_or_else(|| "other".to_string());
    // People whom the words after name old (участников войны, человек старше 60 лет).
    let category = match category {
        c if c == "people"
            && (elderly_named_after(ctx.groups.following())
                || elderly_named_before(ctx.groups.before_span())
                || elderly_home_before(ctx.groups.before_span())) =>
        {
            "elderly".to_string()
        }
        c => c,
    };
    // A bare part of a sum named before (7,9 млн тенге, из них 5 млн): its currency.
    let unit = match unit {
        None if object.is_none() && category == "money" => {
            context_currency(lex, ctx.groups.preceding()).or_else(|| bare().then(|| "KZT".to_string()))
        }
        u => u,
    };
    // A measure written with a comma and three digits is a decimal, as Russian
    // and Kazakh write one (42,195 км, 2,350 тонны); a lone ",ddd" elsewhere
    // stays thousands (1,200 тенге, as English-style sites write money).
    let amount = match (unit.as_deref(), ctx.group("num"), ctx.group("mult")) {
        (Some("km" | "kg" | "t" | "l" | "ha" | "m2"), Some(n), None) => {
            crate::normalize::number::decimal_comma(n).unwrap_or(amount)
        }
        _ => amount,
    };
    // A fraction with no unit counts nothing (средний балл вырос с 3,2 до 3,9;
    // срок сократился с 4,2 до 2,7 дня): people, events and things come whole
    // (no annotated count of the quality sets or domain_dev has one).
    if unit.is_none() && amount.fract() != 0.0 {
        return None;
    }
    Some(Value::Count { amount, approx, unit, object, category })
}

/// Whether the number stands inside a product's Latin name (DJI Mavic 3 Thermal,
/// iPhone 15 Pro): a Latin word right before it and a Latin word as its noun.
fn model_number(ctx: &Context) -> bool {
    let latin = |w: &str| {
        w.chars().any(|c| c.is_ascii_alphabetic()) && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    ctx.group("object")
        .or(ctx.group("word"))
        .is_some_and(|o| o.starts_with(|c: char| c.is_ascii_uppercase()) && latin(o))
        && ctx.groups.before_span().split_whitespace().next_back().is_some_and(latin)
}

/// Whether `word` is a Kazakh thousand, million or billion with a possessive,
/// bare or in a case (мыңы, миллионын, миллиардының): "N thousand of it".
pub fn kk_possessive_multiplier(word: &str) -> bool {
    let w = word.to_lowercase();
    // (abbreviated too, with a hyphen: оның 3 млн-ын қор бөлді)
    ["мыңы", "миллионы", "миллиарды", "триллионы", "млн-ы", "млрд-ы"]
        .iter()
        .any(|m| w.strip_prefix(m).is_some_and(|rest| number::KK_SCALE_POSS_TAIL.contains(&rest)))
}

/// Millions or billions of nothing named, in a clause that speaks of money
/// (собрали 58 миллионов на лечение, 5 млн выделило ТОО, 38 млн жинады: a word
/// of `[money_cue]` in the sentence's clause before or after the count): in
/// these news, a sum in tenge, as the gold has its 22 such counts. Without such
/// a word, millions are of seedlings or volunteers as often (6,2 млн көшет, оның
/// 5,1 миллионы жерсінген; превысить 1,5 млн).
fn bare_millions(ctx: &Context) -> bool {
    // (the multiplier is a group of its own, the object's word, or part of a
    // Kazakh number: 38 млн)
    let mult = ctx.group("mult").or(object_mult(ctx)).map(str::to_lowercase).unwrap_or_default();
    let num = ctx.group("num").map(str::to_lowercase).unwrap_or_default();
    let big = ["млн", "миллион", "млрд", "миллиард"];
    if !big.iter().any(|m| mult.starts_with(m) || num.split_whitespace().any(|w| w.starts_with(m))) {
        return false;
    }
    let lex = &ctx.set.lexicon;
    let before = ctx.groups.preceding();
    let before = &before[before.rfind(['.', ';', '!', '?', '(', '\n']).map_or(0, |i| i + 1)..];
    let after = ctx.groups.following();
    let after = &after[..after.find(['.', ';', '!', '?', ',', ')', '\n']).unwrap_or(after.len())];
    // (the span too: a Kazakh match may run on to the verb, 38 млн жинады)
    before
        .split(|c: char| !c.is_alphanumeric())
        .chain(ctx.groups.span_text().split(|c: char| !c.is_alphanumeric()))
        .chain(after.split(|c: char| !c.is_alphanumeric()))
        .any(|w| !w.is_empty() && lex.lookup_prefix("money_cue", w).is_some())
}

/// The currency of the nearest word before that names one (тенге, долларов),
/// within the sentence: the unit of a bare part of a sum.
fn context_currency(lex: &Lexicon, before: &str) -> Option<String> {
    before
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '$' | '₸' | '₽')))
        .rev()
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            let u = lex.lookup_prefix("unit", w)?;
            (lex.lookup("unit_category", u) == Some("money")).then(|| u.to_string())
        })
}

/// The text between a count's number (its multiplier when it has one, the
/// list's last figure when it shares that one's noun) and `group` (the counted
/// noun, or the word the rule took for it).
fn after_number<'a>(ctx: &Context<'a>, group: &str) -> Option<&'a str> {
    ["shared", "mult", "num"].iter().find_map(|g| ctx.groups.between(g, group))
}

/// A head of people (людей, человек, граждан) after an adjective that says
/// which (одиноких пожилых людей, 5 малолетних детей): the more telling
/// category of the adjective.
///
/// Not so a head that names whom itself, a whole word of `[category_word]`'s
/// people (200 многодетных матерей, көпбалалы ана: mothers, people).
fn telling_modifier(ctx: &Context, cat: String) -> String {
    if cat != "people" {
        return cat;
    }
    let lex = &ctx.set.lexicon;
    let head = ctx.group("object").and_then(|o| o.split_whitespace().last()).unwrap_or("").to_lowercase();
    if lex.lookup("category_word", &head) == Some("people") {
        return cat;
    }
    modifier_category(lex, after_number(ctx, "object").unwrap_or("")).unwrap_or(cat)
}

/// The category of the first word of a known category among the few words that
/// follow a classifier (единиц одежды и обуви, пар резиновых сапог), up to the
/// clause's end.
fn following_category(lex: &Lexicon, after: &str) -> Option<String> {
    first_clause(after).split_whitespace().take(3).find_map(|w| word_category(lex, w))
}

/// The Kazakh adjective suffix -лық in its six spellings (ақтаулық, семейлік,
/// 300 метрлік).
const KK_ADJ_SUFFIXES: [&str; 6] = ["лық", "лік", "дық", "дік", "тық", "тік"];

/// The category of what a bag or box holds: the first word of a known category
/// among the three after it in its clause (мусора, ұн, с песком), else other
/// where a verb of filling stands by it (15 мың қап толтырды: sandbags).
fn container_category(lex: &Lexicon, after: &str, before: &str) -> Option<String> {
    let clause = first_clause(after);
    // (a bag holds things: 30 қап кеңсе тауарлары is stationery, whatever кеңсе
    // counts alone)
    if let Some(c) = following_category(lex, clause).filter(|c| c == "aid" || c == "other") {
        return Some(c);
    }
    let filled = |w: &str| ["толтыр", "заполн", "наполн"].iter().any(|v| w.to_lowercase().contains(v));
    let near = words_of(clause).into_iter().take(3).chain(words_of(before).into_iter().rev().take(3));
    near.into_iter().any(filled).then(|| "other".to_string())
}

/// Whether the counted noun's last word is the acronym of a known organization
/// (96 пожарных ДЧС ЗКО: the firemen of the ДЧС, counted by a shorter rule;
/// ДЧС is one body, never a counted noun). Acronyms of no organization (НПО)
/// stay counted nouns.
fn known_acronym(ctx: &Context, object: &str) -> bool {
    let Some(last) = object.split_whitespace().last() else { return false };
    last.chars().count() >= 2
        && last.chars().all(|c| c.is_uppercase())
        && ctx.set.gazetteers.get("organizations").is_some_and(|g| g.has_form(last, crate::lang::Lang::Und))
}

/// Whether a Kazakh word names the people of a place: a form of the place
/// gazetteer (capitalized) with -лық / -лік / -дық / -дік / -тық / -тік after it
/// (маңғыстаулық, ақтаулық, семейлік), and a case or plural ending after it.
fn demonym(ctx: &Context, word: &str) -> bool {
    let w = word.trim().to_lowercase();
    if w.contains(char::is_whitespace) {
        return false;
    }
    let Some(places) = ctx.set.gazetteers.get("places") else { return false };
    // (with a case or plural ending after it: атыраулықты, алматылықтарға)
    let bases = [
        "",
        "ты",
        "ті",
        "қа",
        "ке",
        "тың",
        "тің",
        "тан",
        "тен",
        "пен",
        "тар",
        "тер",
        "тарға",
        "терге",
        "тарды",
        "терді",
    ]
    .iter()
    .filter_map(|e| w.strip_suffix(e));
    bases.into_iter().any(|base| {
        KK_ADJ_SUFFIXES.iter().any(|suffix| {
            base.strip_suffix(suffix).is_some_and(|stem| {
                let mut chars = stem.chars();
                let cap: String =
                    chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                stem.chars().count() >= 3 && places.has_form(&cap, crate::lang::Lang::Kk)
            })
        })
    })
}

/// Whether the words right after a vehicle name aid as its load: the first
/// word of a known category among the next three of the clause is aid, and no
/// preposition opens them (пять грузовиков с 22 тоннами груза counts trucks).
fn carries_aid(lex: &Lexicon, after: &str) -> bool {
    let clause = first_clause(after);
    let first = clause.split_whitespace().next().unwrap_or("");
    // `[vehicle_not_load]`: 2 машины скорой помощи are ambulances
    if !after.starts_with(char::is_whitespace) || lex.lookup("vehicle_not_load", first).is_some() {
        return false;
    }
    following_category(lex, clause).as_deref() == Some("aid")
}

/// Whether a number is a Russian collective numeral (двое, троих, четверым,
/// пятеро ... десятеро), which counts people or things in pairs.
fn collective_ru(num: &str) -> bool {
    let n = num.trim().to_lowercase();
    let stems = ["дво", "тро", "четвер", "пятер", "шестер", "семер", "восьмер", "девятер", "десятер"];
    let endings = ["е", "о", "их", "ых", "им", "ым", "ими", "ыми"];
    stems.iter().any(|s| n.strip_prefix(s).is_some_and(|rest| endings.contains(&rest)))
}

/// Whether a figure follows a vehicle right away: it counts the load (3 жүк
/// көлігімен 9 тонна жем-шөп), and the vehicles count themselves.
fn load_counted_after(after: &str) -> bool {
    after.split_whitespace().next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// The telling category (volunteers, children, elderly, families) of a word of
/// `words`, the last first.
fn modifier_category(lex: &Lexicon, words: &str) -> Option<String> {
    words
        .split_whitespace()
        .rev()
        .filter_map(|w| word_category(lex, w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
        .find(|c| ["volunteers", "children", "elderly", "families"].contains(&c.as_str()))
}

/// Whether a number token (`100-дей`, `мыңдай`) or unit (`тоннадай`) ends with
/// the Kazakh approximative suffix -дай/-дей/-тай/-тей ("about"); asked only of
/// the `num`, `mult` and `unit` groups, which hold no other words (ондай is no number).
fn approximative(s: &str) -> bool {
    let t = s.trim_end();
    ["дай", "дей", "тай", "тей"].iter().any(|a| t.ends_with(a)) && t.chars().count() > 4
}

/// Where a Kazakh counted noun phrase (a count's object, or the words a rule
/// took after the number) ends before its text does: the byte offset of the
/// first word that is no part of it, or `None` when all of it is.
/// - People or families before what they get, in the accusative (3 200 отбасы
///   азық-түлік себетін алады, 260 қария цифрлық сауатын ашты): the thing is
///   the verb's, the count ends at the people; not an adjective in -лық before
///   a noun (донорлық қан), nor a bare plural or мүгедек- opening a compound
///   (жастар орталығын, балалар үйін, мүгедектер арбасын: wheelchairs).
/// - A last word that is a verb form, a word of `[verb]` or of `[not_a_noun]`
///   (650 мыңнан астам адам атаулы әлеуметтік көмек: an adjective of the next
///   noun; 6 төсек болатын; 6 шақырым жерде), unless a category stem of several
///   words takes it in (зардап шеккен) or it may as well be a noun in the
///   accusative (kk_participle_uncertain).
pub(crate) fn kk_object_end(lex: &Lexicon, text: &str) -> Option<usize> {
    let at = text.rfind(char::is_whitespace)? + 1;
    let last = &text[at..];
    let person = |w: &str| {
        word_category(lex, w).is_some_and(|c| {
            matches!(c.as_str(), "people" | "families" | "elderly" | "children" | "volunteers")
        })
    };
    let ends = |w: &str, set: &[&str]| set.iter().any(|e| w.ends_with(e));
    if let Some(second) = text.find(char::is_whitespace).map(|i| i + 1).filter(|&i| i <= at) {
        let first = text[..second - 1].to_lowercase();
        if person(&first)
            && !person(last)
            && ends(&last.to_lowercase(), &["ын", "ін"])
            && !ends(&first, &["лар", "лер", "тар", "тер", "дар", "дер"])
            && !ends(&first, &KK_ADJ_SUFFIXES)
            && !first.starts_with("мүгедек")
        {
            return Some(second);
        }
    }
    let stem_reaches = lex.lookup_prefix_len("category", text).is_some_and(|(_, n)| n > at);
    let not_of_it = (kk_verb_form(last) && !kk_participle_uncertain(last))
        || lex.lookup("not_a_noun", last).is_some()
        || lex.lookup("verb", last).is_some();
    (!stem_reaches && not_of_it).then_some(at)
}

/// Kazakh nouns in -ыл / -іл, whose accusative (ауылды, гүлді) looks like a
/// passive past in -ылды / -ілді (ашылды, берілді).
const KK_NOUNS_IN_YL: [&str; 2] = ["ауыл", "гүл"];

/// Kazakh nouns in -ат / -ет, whose accusative (пакетін, себетін) looks like a
/// participle in -атын / -етін (болатын, келетін).
const KK_NOUNS_IN_AT_ET: [&str; 25] = [
    "көшет",
    "пакет",
    "билет",
    "планшет",
    "кабинет",
    "портрет",
    "букет",
    "сертификат",
    "комитет",
    "аппарат",
    "мандат",
    "қанат",
    "санат",
    "мақсат",
    "сағат",
    "табиғат",
    "жамағат",
    "себет",
    "зат",
    "сурет",
    "хат",
    "ақпарат",
    "мемлекет",
    "дәулет",
    "кәмпит",
];

/// A participle in -атын / -етін / -йтын / -йтін whose stem is none of the
/// common verbs (бол-, тұр-, кел-, бер-, ...): as often a noun in -ат / -ет in
/// the accusative that no list holds, so no reason alone to end a count
/// before it.
pub(crate) fn kk_participle_uncertain(w: &str) -> bool {
    const VERBS: [&str; 15] = [
        "бол",
        "тұр",
        "кел",
        "бер",
        "жүр",
        "ал",
        "қал",
        "көр",
        "істе",
        "жаса",
        "өт",
        "кет",
        "түс",
        "шық",
        "қатыс",
    ];
    let w = w.trim().to_lowercase();
    ["атын", "етін", "йтын", "йтін", "ятын"].iter().any(|e| w.ends_with(e))
        && !VERBS.iter().any(|v| w.starts_with(v))
}

/// A Kazakh verb form taken for the word after a number (30 адам жиналып,
/// 2 700 болған, 7 рейс ұйымдастырылады): converbs, participles, the present and
/// future, and verbal nouns of causatives (санын 20 мыңға жеткізуді, 12 мыңға
/// арттыру: "to raise it to"); such a word is not what is counted.
pub(crate) fn kk_verb_form(w: &str) -> bool {
    // (of a phrase, its last word: әлеуметтік дүкен is no participle)
    let w = w.split_whitespace().last().unwrap_or("").to_lowercase();
    let n = w.chars().count();
    let ends = |set: &[&str]| set.iter().any(|s| w.ends_with(s));
    // participles only in longer words: дүкен, мекен are nouns
    let participle = n > 5 && ends(&["ған", "ген", "қан", "кен"]);
    // -у after a causative's т, д, р, з, in the accusative or dative; bare,
    // such a word names a thing's use as often (оңалту кабинеті, тарату
    // пункті), and only the verbs of changing a number count
    let verbal_noun = n > 5
        && ends(&[
            "туды", "туді", "дуды", "дуді", "руды", "руді", "зуды", "зуді", "туға", "туге", "дуға", "дуге",
            "руға", "руге", "зуға", "зуге",
        ]);
    let change = ["жеткіз", "арттыр", "көбейт", "ұлғайт", "түсір", "азайт", "қысқарт"]
        .iter()
        .any(|v| w.starts_with(v) && w.len() > v.len());
    // (nouns in -ат / -ет in the accusative look like participles in -атын /
    // -етін: 10 мың ауызашар пакетін)
    let noun_accusative = KK_NOUNS_IN_AT_ET
        .iter()
        .any(|s| w.strip_suffix("ін").or_else(|| w.strip_suffix("ын")).is_some_and(|stem| stem.ends_with(s)));
    // (and nouns in -ыл / -іл in the accusative a passive past in -ылды / -ілді:
    // 18 ауылды аралады)
    let noun_accusative = noun_accusative
        || KK_NOUNS_IN_YL
            .iter()
            .any(|s| w.strip_suffix("ды").or_else(|| w.strip_suffix("ді")).is_some_and(|stem| stem == *s));
    let finite = !noun_accusative
        && n > 4
        && ends(&[
            "ып", "іп", "атын", "етін", "йтын", "йтін", "ады", "еді", "йды", "йді", "ылды", "ілді", "інді",
            "ынды", "са", "се",
        ]);
    participle || verbal_noun || change || finite
}

/// A Russian verb taken for the word after a number (ещё 30 выезжают,
/// 12 занимаются, 12 тысяч живут одни): the present tense plural in
/// -ают/-яют/-уют/-еют/-ьют/-оют, in -ут after в, д, с, з, г, ш, щ (живут,
/// ведут, несут, могут, пишут), and reflexives in -ся; no counted noun ends so
/// (приют, институт, маршрут, минут, депутат do not),
/// but a reflexive participle counts people (2 140 учащихся, 300 обучающихся).
/// Past plurals whose ending no noun after a number has (64 уехали, 12 пришли,
/// 30 вступили, 5 были) are verbs too; others in -ли (-али, -ели) end nouns
/// as well (3 детали, 2 медали, 4 недели) and stay, as do -ят nouns.
pub(crate) fn ru_verb_form(w: &str) -> bool {
    let w = w.trim().to_lowercase();
    !w.contains(' ')
        && (w.chars().count() > 4 || w.ends_with("шло"))
        && [
            "ают", "яют", "уют", "еют", "ьют", "оют", "вут", "дут", "сут", "зут", "гут", "шут", "щут", "ся",
            "или", "ыли", "яли", "шли", "шло", "хали", "лись",
        ]
        .iter()
        .any(|s| w.ends_with(s))
        && !["ихся", "ыхся", "иеся", "ийся"].iter().any(|s| w.ends_with(s))
}

/// A Russian short passive participle taken for the material after a unit
/// (96 квадратных метров построены, 2 млн тенге профинансированы, 5 гектаров
/// высажено): -ован- and -ирован- before -а/-о/-ы, or -ен- after a consonant a
/// participle's stem ends in, or after -о- (выделены, построено, положена); no
/// material after a unit ends so (сена, цемента, капусты are short or end
/// otherwise), but polyethylene and its kin do.
pub(crate) fn ru_short_participle(w: &str) -> bool {
    let w = w.trim().to_lowercase();
    if w.chars().count() < 7 || w.contains(' ') || w.contains("этилен") || w.contains("пропилен")
    {
        return false;
    }
    let Some(stem) = w.strip_suffix(['а', 'о', 'ы']) else { return false };
    stem.ends_with("ован")
        || stem.strip_suffix("ен").and_then(|s| s.chars().last()).is_some_and(|c| "вжшщчрдтло".contains(c))
}

/// Whether the rest of a quotation after a number (`after`, up to the closing
/// quote) reads as a sentence, not a title: a spaced dash, a comma or a
/// sentence's end inside it, no closing quote within 200 characters, or the
/// comma and dash of direct speech after it («20 волонтеров вышли», – сказал он).
fn quoted_speech(after: &str) -> bool {
    let inner: String = after.chars().take(200).take_while(|&c| c != '»').collect();
    let rest = after[inner.len()..].strip_prefix('»').unwrap_or("");
    let speech_tag =
        rest.trim_start().strip_prefix(',').is_some_and(|r| r.trim_start().starts_with(['–', '—', '-']));
    inner.chars().count() == after.chars().take(200).count()
        || speech_tag
        || inner.contains(" — ")
        || inner.contains(" – ")
        || inner.contains([',', '.', '!', '?', ':'])
}

/// Whether a Kazakh "ten" is the Russian "he" of a quoted Russian sentence
/// (Он ждёт их больше, чем выписку»: a quote the Kazakh speech tag after it made
/// a Kazakh sentence): capitalized Он before a Russian finite verb, a word with ё
/// or the ending of a present or past verb and no Kazakh letter (not Он бала);
/// or lowercase он after a Russian verb of speech (– сказал он корреспонденту,
/// after a Kazakh quote).
fn russian_he(ctx: &Context) -> bool {
    // The stems of Russian verbs of speech are the lexicon's `[speech_verb]`;
    // the verb is a past or present third person (сказал, говорит).
    let speech_verb = |w: &str| {
        let w = w.to_lowercase();
        ctx.set.lexicon.lookup_prefix("speech_verb", &w).is_some()
            && ["л", "ла", "т"].iter().any(|e| w.ends_with(e))
    };
    if ctx.group("num") == Some("он")
        && ctx.groups.before_span().split_whitespace().next_back().is_some_and(speech_verb)
    {
        return true;
    }
    let (Some("Он"), Some(word)) = (ctx.group("num"), ctx.group("object").or_else(|| ctx.group("word")))
    else {
        return false;
    };
    let w = word.trim();
    let kazakh = w.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c));
    !kazakh
        && w.chars().count() > 3
        && (w.contains('ё')
            || ["ет", "ит", "ут", "ют", "ает", "яет", "ал", "ил", "ел"].iter().any(|e| w.ends_with(e)))
}

/// A Russian verb or adverb taken for the object after an adjective in the
/// genitive plural (15 пожилых получили, 12 пострадавших госпитализированы,
/// 2,6 тысячи животных вместе с ...): the adjective is the counted noun, a span
/// of its own rule (ru.count.substantive_adjective); this longer one is none.
/// Past plurals in -ели are left out: 3 новых модели is a noun. Adverbs and
/// prepositions are `[not_a_noun]`.
fn verb_after_adjective(ctx: &Context) -> bool {
    if ctx.lang != crate::lang::Lang::Ru {
        return false;
    }
    let Some(object) = ctx.group("object") else { return false };
    let o = object.trim().to_lowercase();
    let verb = (o.chars().count() > 4
        && [
            "или", "али", "яли", "ыли", "ули", "лись", "лось", "лась", "лся", "ены", "аны", "ины", "ются",
            "ятся",
        ]
        .iter()
        .any(|s| o.ends_with(s)))
        || ctx.set.lexicon.lookup("not_a_noun", &o).is_some();
    // (the adjective right after the number; adjectives in the instrumental
    // may stand between it and the verb: 52 разыскиваемых живыми найдены; not a
    // unit: 640 квадратных метров разместились)
    let between: Vec<&str> =
        after_number(ctx, "object").map(|b| b.split_whitespace().collect()).unwrap_or_default();
    verb && between.first().is_some_and(|w| w.ends_with("ых") || w.ends_with("их"))
        && between[1..].iter().all(|w| w.ends_with("ыми") || w.ends_with("ими"))
}

/// Whether the word after a count makes it something else: a factor (екі есе
/// артты, 3 есеге), a percentage in words (15 пайызға): `[not_counted_after]`.
fn followed_by_not_counted(lex: &Lexicon, after: &str, counted_noun: bool) -> bool {
    let a = after.trim_start();
    let end = a.find(|c: char| !c.is_alphabetic()).unwrap_or(a.len());
    match lex.lookup("not_counted_after", &a[..end]) {
        _ if end == 0 => false,
        Some("bare") => !counted_noun,
        found => found.is_some(),
    }
}

/// Kazakh жас after a number is an age (5 жас, 18 жас) unless the number is
/// beyond any age (300 жас) or an approximation word follows the number (an
/// age says 60 жастан асқан, 20 жасқа жуық): мыңнан астам жас, жүзге жуық жас,
/// 60-қа тарта жас are so many young people, and so are жүздеген жас (a vague
/// plural is no age either).
fn young_people(object: Option<&str>, amount: f64, approx_after: bool) -> bool {
    (amount >= 150.0 || approx_after)
        && object.is_some_and(|o| ["жас", "жасты", "жастың"].contains(&o.trim().to_lowercase().as_str()))
}

/// Whether a Kazakh count's жас ("year of age", also "young one") counts young
/// people: past anyone's age or approximate (300 жас, 60-қа жуық жас:
/// `young_people`), after a word of persons (75 кандас жас, 25-30 белсенді жас;
/// an age follows its number), or before a word no age takes (`young_before`).
fn young_ones(ctx: &Context, object: Option<&str>, amount: f64, approx: Approx) -> bool {
    let lex = &ctx.set.lexicon;
    let approx_after =
        ctx.group("approx").is_some() || ctx.group("approx_end").is_some() || approx == Approx::Order;
    let after_persons = || {
        object.is_some_and(|o| o.to_lowercase() == "жас")
            && after_number(ctx, "object")
                .and_then(|b| b.split_whitespace().last())
                .is_some_and(|w| word_category(lex, &w.to_lowercase()).is_some())
    };
    let before_no_age = || {
        ["object", "word"]
            .iter()
            .any(|g| ctx.group(g).zip(ctx.groups.after(g)).is_some_and(|(o, after)| young_before(o, after)))
    };
    ctx.lang == crate::lang::Lang::Kk
        && (young_people(object, amount, approx_after) || after_persons() || before_no_age())
}

/// жас ("young one", also "year of age") with a case, before a word that no
/// age takes: young people (48 жасқа пәтер кілті табысталды, 11 жасты жұмыспен
/// қамтыды, 86 жас тұрақты жұмысқа қабылданды). An age goes on with аралығы,
/// дейін, толу, болу, тойлау (18 бен 29 жас аралығындағы, 14 жасқа толған, 18
/// жасқа дейінгі, 5 жас болды), or ends the clause (балалар 6 мен 14 жас).
fn young_before(object: &str, after: &str) -> bool {
    let o = object.trim().to_lowercase();
    if !["жас", "жасқа", "жасты", "жастың"].contains(&o.as_str()) {
        return false;
    }
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    let age_word = [
        "аралығ",
        "дейін",
        "шейін",
        "тол",
        "енді",
        "кел",
        "жет",
        "асқан",
        "асса",
        "шамасын",
        "жуық",
        "ерекшелі",
        // (5 жас болды, 90 жас тойлады: an age reached)
        "бол",
        "той",
    ];
    next.starts_with(|c: char| c.is_lowercase() && c.is_alphabetic())
        && !age_word.iter().any(|a| next.starts_with(a))
}

/// The Kazakh ablative endings (бестен, 10-нан).
const KK_ABLATIVE: [&str; 6] = ["дан", "ден", "тан", "тен", "нан", "нен"];

/// A Kazakh number in the ablative (үштен, 10-нан, бестен).
fn is_kk_ablative(num: &str) -> bool {
    let n = num.trim().to_lowercase();
    KK_ABLATIVE.iter().any(|s| n.ends_with(s))
}

/// Whether a Kazakh word is a measure's unit in the ablative (тоннадан,
/// келіден, км-ден, теңгеден): a unit the lexicon lists, and an ablative ending.
fn kk_unit_ablative(lex: &Lexicon, word: &str) -> bool {
    let w = word.trim().to_lowercase();
    KK_ABLATIVE
        .iter()
        .filter_map(|s| w.strip_suffix(s))
        .any(|stem| lex.lookup("unit", stem.trim_end_matches('-')).is_some())
}

/// A Kazakh fraction's numerator read as a count of its own, after the
/// denominator in the ablative (олардың үштен екісі: two thirds of them).
fn kk_numerator(ctx: &Context) -> bool {
    ctx.lang == crate::lang::Lang::Kk
        && ctx.group("num").is_some_and(is_fraction_part)
        && ctx
            .groups
            .before_span()
            .split_whitespace()
            .next_back()
            .is_some_and(|w| is_kk_ablative(w) && number::parse_number(w).is_some())
}

/// The numerator of a Kazakh fraction: бірі, екісі, үші ... with a case ending.
fn is_fraction_part(w: &str) -> bool {
    let w = w.trim().to_lowercase();
    ["бір", "екі", "үш", "төрт", "бес"].iter().any(|n| {
        w.strip_prefix(n).is_some_and(|r| {
            ["і", "сі", "ін", "іне", "інің", "інде", "інен", "сін", "сіне", "сінде"].contains(&r)
        })
    })
}

/// An object that with the word after it is a phrase of `[not_counted]` (10
/// жұмыс күні ішінде: within ten working days).
fn not_counted_with_next(lex: &Lexicon, ctx: &Context, object: &str) -> bool {
    let next = ctx
        .groups
        .following()
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()));
    next.is_some_and(|n| {
        !n.is_empty()
            && !object.contains(' ')
            && lex.lookup("not_counted", &format!("{object} {n}")).is_some()
    })
}

/// A word of `[not_counted]` (exact) or `[not_counted_stem]` (by stem).
fn not_counted(lex: &Lexicon, w: &str) -> bool {
    lex.lookup("not_counted", w).is_some() || lex.lookup_prefix("not_counted_stem", w).is_some()
}

/// A Kazakh ordinal in words or digits (бесінші, жиырмасыншы, 2-ші): no count.
fn is_ordinal(w: &str) -> bool {
    // the stems of the Kazakh numerals that ordinals are made of (бесінші,
    // жиырмасыншы); a noun in -шы / -ші is no ordinal (тігінші "tailor")
    const STEMS: [&str; 20] = [
        "бір",
        "екі",
        "үш",
        "төрт",
        "бес",
        "алты",
        "жеті",
        "сегіз",
        "тоғыз",
        "он",
        "жиырма",
        "отыз",
        "қырқ",
        "елу",
        "алпыс",
        "жетпіс",
        "сексен",
        "тоқсан",
        "жүз",
        "мың",
    ];
    let w = w.to_lowercase();
    let n = w.chars().count();
    (n >= 5
        && ["ыншы", "інші", "ншы", "нші"].iter().any(|s| w.ends_with(s))
        && STEMS.iter().any(|stem| w.starts_with(stem) && n <= stem.chars().count() + 6))
        || (w.starts_with(|c: char| c.is_ascii_digit()) && ["ші", "шы"].iter().any(|s| w.ends_with(s)))
}

/// The words between the number (and its multiplier, approximation or unit)
/// and the head of the object, and the object's words before its last: any of
/// them a duration, age, percentage or ordinal (отыз сегіз жастағы тұрғын,
/// он бір жыл бұрын дәрігерлер; 4000 тоннаға жуығы зардап шеккен: the count
/// ends at the possessive жуығы) makes the match no count.
fn blocked_between(ctx: &Context, amount: f64) -> bool {
    let lex = &ctx.set.lexicon;
    // (from the approximation after the number too: 700 с лишним человек, whose
    // с is no word between the number and its noun)
    let between = ["shared", "unit", "approx", "approx_end", "mult2", "mult", "num2", "num"]
        .iter()
        .filter_map(|g| ctx.groups.between(g, "object"))
        .min_by_key(|s| s.len())
        .unwrap_or("");
    let object = ctx.group("object").or(ctx.group("word")).unwrap_or("");
    // A Kazakh adjective in -лы/-лі right after the number takes the number
    // into itself: 5 балалы отбасы "a family with five children", үш деңгейлі
    // "three-level" (not so көпбалалы "with many children": 40 мың көпбалалы
    // отбасы; nor a verbal adjective in -малы/-пелі: 4 жылжымалы топ "4 mobile
    // teams", 18 көшпелі концерт "18 touring concerts").
    let first =
        between.split_whitespace().chain(object.split_whitespace()).next().unwrap_or("").to_lowercase();
    let verbal = ["малы", "мелі", "палы", "пелі", "балы", "белі"].iter().any(|s| first.ends_with(s))
        // adjectives whose -лы/-лі no longer means "with": 3 200 арнаулы педагог
        // "special teachers", 40 шектеулі "limited", белгілі "known", 12 түрлі
        // өнім "12 kinds of products" (the kinds counted)
        // (and жаралы "wounded", ұялы "cellular": 40-тан астам жаралы құс, 50
        // ұялы телефон)
        || ["арнаулы", "шектеулі", "белгілі", "түрлі", "жаралы", "ұялы"].contains(&first.as_str());
    // An adjective in -лық of a measure noun (6,1 балдық "6.1-point", 300
    // метрлік "300-metre") takes the number into itself: [measure_adjective]
    // holds the nouns.
    if ctx.lang == crate::lang::Lang::Kk
        && KK_ADJ_SUFFIXES.iter().any(|suffix| {
            first.strip_suffix(suffix).is_some_and(|stem| lex.lookup("measure_adjective", stem).is_some())
        })
    {
        return true;
    }
    // A currency taken for a word before the object by a rule without a unit
    // (оның 9 млн теңгесін кәсіпкерлер берді): the sum is the unit rule's, whose
    // span ends at the currency; this reading would count the givers.
    if ctx.lang == crate::lang::Lang::Kk
        && ctx.group("unit").is_none()
        && ["теңге", "доллар", "рубл"].iter().any(|m| first.starts_with(m))
    {
        return true;
    }
    // (a counted noun whose stem ends in л, with its possessive, is no such
    // adjective: 500-ге жуық өкілі "about 500 of its representatives", 20
    // ақсақалы, 100 құралы)
    let possessive_noun =
        || first.strip_suffix(['ы', 'і']).is_some_and(|stem| lex.lookup("category", stem).is_some());
    if ctx.lang == crate::lang::Lang::Kk
        && first.chars().count() > 4
        && (first.ends_with("лы") || first.ends_with("лі"))
        && !first.starts_with("көп")
        // (a compound's -лы is the compound's, no "with N": 60-қа тарта
        // сүт-тауарлы ферма "about 60 dairy farms")
        && !first.contains('-')
        && !verbal
        && !possessive_noun()
    {
        return true;
    }
    let mut obj_words: Vec<&str> = object.split_whitespace().collect();
    obj_words.pop();
    // жылы before things given away is "warm" (5 мың жылы көрпе), not "in the year".
    // (after a unit too: 300 литрге жуық жылы су)
    let warm = ctx.lang == crate::lang::Lang::Kk
        && !year_like(ctx.group("num"))
        && (object_category(lex, object).as_deref() == Some("aid") || ctx.group("unit").is_some());
    let words: Vec<&str> = between.split_whitespace().chain(obj_words).collect();
    // A grade in words before the pupils counted (300 бірінші сынып оқушысына:
    // first-grade pupils): its ordinal and сынып name the pupils, no grade count.
    let pupils = object.split_whitespace().last().is_some_and(|h| h.to_lowercase().starts_with("оқушы"));
    words.iter().enumerate().any(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = w.to_lowercase();
        // (сынып right after the number is the grade's: 5 сынып оқушысы)
        let grade = pupils
            && ((i > 0 && lower == "сынып") || words.get(i + 1).is_some_and(|n| n.to_lowercase() == "сынып"));
        let conjunction = ["и", "или", "және", "мен", "бен", "пен", "не", "а"].contains(&lower.as_str());
        // жоғары before оқу орны is "higher" (340 жоғары оқу орны), not "above";
        // төмен after тұрмысы is "low" (тұрмысы төмен отбасы: low-income), not "below"
        let higher = (lower == "жоғары" && words.get(i + 1).is_some_and(|n| n.to_lowercase() == "оқу"))
            || (lower == "төмен" && i > 0 && words[i - 1].to_lowercase() == "тұрмысы");
        let warm_word = warm && lower == "жылы";
        // жас before a noun is "young" past any age (320 жас маман), as alone,
        // and before a head of [young_head] at any number (45 жас маман).
        // (the head right after жас: 18 бен 45 жас аралығындағы азаматтар is an age range)
        let next = words.get(i + 1).copied().or_else(|| object.split_whitespace().next()).unwrap_or("");
        let young_word = ctx.lang == crate::lang::Lang::Kk
            && lower == "жас"
            && (young_people(Some(w), amount, false) || lex.lookup_prefix("young_head", next).is_some());
        // the end of a range (150-ден 200-ге дейін адам)
        let range_end = ctx.group("num2").is_some() && ["дейін", "шейін"].contains(&lower.as_str());
        // егде жастағы is "of advanced age", no age in years (1 400-ге жуық егде
        // жастағы адам)
        let elderly = lower == "жастағы" && i > 0 && words[i - 1].to_lowercase() == "егде";
        // a time of day before a meal (the object's head) names the meal, no
        // time (200 мыңнан астам тегін түскі ас: lunches)
        let meal = ["таңғы", "түскі", "кешкі"].contains(&lower.as_str()) && {
            let head = object.split_whitespace().last().unwrap_or("").to_lowercase();
            head.starts_with("ас") || head.starts_with("тамақ")
        };
        !w.is_empty()
            && !conjunction
            && !higher
            && !warm_word
            && !young_word
            && !range_end
            && !meal
            && !grade
            && !elderly
            && (not_counted(lex, w) || is_ordinal(w))
    })
}

/// Four digits from 1800 to 2100 alone, or a decade (1970-х): a year, unless
/// the object says otherwise.
fn year_like(num: Option<&str>) -> bool {
    num.is_some_and(|n| {
        let n = n.trim();
        let digits =
            n.split_once(['-', '‐', '‑', '–']).map_or(n, |(d, rest)| if rest == "х" { d } else { "" });
        digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
    })
}

/// A Russian noun in the singular prepositional (-е) after a number that
/// asks for a plural (not 1, 21, 31 ...): an ordinal use, на 34 паркране "at
/// the 34th", в 3 классе.
fn ordinal_prepositional(ctx: &Context, object: Option<&str>) -> bool {
    let (Some(num), Some(obj)) = (ctx.group("num"), object) else { return false };
    let num = num.trim();
    ctx.lang == crate::lang::Lang::Ru
        && ctx.group("mult").is_none()
        // the material after a unit is no ordinal's locative (30 литров наурыз-коже)
        && ctx.group("unit").is_none()
        && num.bytes().all(|b| b.is_ascii_digit())
        && (!num.ends_with('1') || num.ends_with("11"))
        && !obj.contains(' ')
        && obj.chars().count() > 3
        && obj.ends_with('е')
        && obj.starts_with(char::is_lowercase)
        // nouns that do not decline (40 кафе, 3 шоссе) are no locative
        && ctx.set.lexicon.lookup("indeclinable", obj).is_none()
}

/// Whether an elliptic count points back to a count before it: the words
/// before it end with one of `[anaphor]` (из них 900, олардың 600-і) or with
/// such a word and a link verb (их было около 600), and no dash after it names
/// what it counts (из них 4 000 – школьники). `before` is the text before the
/// count's span, `after` the text after it.
pub fn points_back(lex: &Lexicon, before: &str, after: &str) -> bool {
    // (the apposition read either way: the caller does not know the language)
    if apposition_category(lex, after, crate::lang::Lang::Ru).is_some()
        || apposition_category(lex, after, crate::lang::Lang::Kk).is_some()
    {
        return false;
    }
    partitive_points_back(lex, after) || anaphor_before(lex, before)
}

/// Whether the words right before a count (`before`, no punctuation between)
/// are one of `[anaphor]` (из них, олардың), or such a word and a link verb (их
/// было): the count is a part of one before it, whatever a dash after it says.
pub fn anaphor_before(lex: &Lexicon, before: &str) -> bool {
    let words: Vec<&str> = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(2)
        .collect();
    let is = |w: Option<&&str>, table: &str| w.is_some_and(|w| lex.lookup(table, w).is_some());
    let near = before.trim_end().ends_with(char::is_alphanumeric);
    near && (is(words.first(), "anaphor")
        || (is(words.first(), "anaphor_link") && is(words.get(1), "anaphor")))
}

/// Whether the words after an elliptic count are a partitive that points back
/// (для 23 из них, 5 из которых): [`points_back`] holds, but a count before it
/// that counts things of no category (из 20 регионов) is not what it counts.
pub fn partitive_points_back(lex: &Lexicon, after: &str) -> bool {
    let mut next = after.split_whitespace().map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    next.next().is_some_and(|w| w.eq_ignore_ascii_case("из"))
        && next.next().is_some_and(|w| lex.lookup("anaphor", w).is_some())
}

/// The category an elliptic count that [`points_back`] takes: that of the
/// nearest count before it (`antecedent`), when that one's category is known
/// (by its counted noun, or by what it points back to itself) and it is in the
/// same paragraph (`between`: the text from its end to the
/// elliptic count).
pub fn antecedent_category<'a>(between: &str, antecedent: Option<&'a Value>) -> Option<&'a str> {
    if between.contains("\n\n") || between.chars().count() > 400 {
        return None;
    }
    known_category(antecedent?)
}

/// Whether a Russian counted word is an adjective standing for its noun
/// (строительный, сервисных, волонтерских), not a participle naming people
/// (пострадавших, нуждающихся).
pub fn substantive_adjective(word: &str) -> bool {
    let w = word.to_lowercase();
    // (not -ий, -ие: отделений, мероприятий, занятие are nouns)
    let adjective = ["ый", "ой", "ых", "их", "ые", "ая", "ое"].iter().any(|e| w.ends_with(e));
    let participle = ["щих", "ших", "щий", "ший", "щие", "шие", "щая", "шая", "ихся", "ыхся"]
        .iter()
        .any(|e| w.ends_with(e));
    w.chars().all(|c| c.is_alphabetic() || c == '-') && w.chars().count() > 4 && adjective && !participle
}

/// The category of a count that says what it counts (by its counted noun, or a
/// category other than `other`).
pub fn known_category(count: &Value) -> Option<&str> {
    match count {
        Value::Count { object, category, .. } if object.is_some() || category != "other" => {
            Some(category.as_str())
        }
        _ => None,
    }
}

/// The lower number of a Kazakh range that `before` ends with, in the
/// ablative (`18-ден`, `9-дан`, `2 150-ден`): the number with its suffix and
/// its groups of thousands, or None.
fn kk_range_lower(before: &str) -> Option<&str> {
    let token = before.rsplit(char::is_whitespace).next()?;
    let stem = KK_ABLATIVE.iter().find_map(|s| token.strip_suffix(s))?;
    let digits = stem.strip_suffix(['-', '‐', '‑']).unwrap_or(stem);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // (groups of one to three digits before it, each after a single space)
    let mut start = before.len() - token.len();
    loop {
        let head = &before[..start];
        let Some(sep) = head.chars().next_back().filter(|c| [' ', '\u{a0}'].contains(c)) else { break };
        let group = head[..head.len() - sep.len_utf8()].rsplit(char::is_whitespace).next().unwrap_or("");
        if group.is_empty() || group.len() > 3 || !group.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        start = head.len() - sep.len_utf8() - group.len();
    }
    Some(&before[start..])
}

/// Whether the text before a number lets it be a count: not a time's minutes
/// (18:00, 18 : 00), not inside an identifier, web address or name (/, =, №,
/// #, a sign, a hyphen joined to a word: COVID-19, 30-40 read from its second number),
/// not at the start of a quoted title («100 ата-әже кеші»), and not after a word
/// of `[not_counted_before]` (сағат 5-те, статьи 148, ещё один), nor after one
/// of `[code_before]` (службы 112) when `plain()` says the number is a bare one.
fn context_allows(lex: &Lexicon, before: &str, plain: impl Fn() -> bool) -> bool {
    let mut rev = before.chars().rev();
    match rev.next() {
        None => return true,
        // a signed number is a temperature, a score or a phone (жара до +41, −30)
        Some(':' | '/' | '=' | '№' | '#' | '_' | '«' | '"' | '“' | '„' | '\'' | '+' | '−') => {
            return false;
        }
        Some('-' | '‐' | '‑' | '–') if rev.next().is_some_and(char::is_alphanumeric) => return false,
        // the decimals of a number (с 11,2 до 14,6 тысячи read from its 2)
        Some(',' | '.') if rev.next().is_some_and(|c| c.is_ascii_digit()) => return false,
        _ => {}
    }
    let trimmed = before.trim_end();
    // the upper number of a Kazakh range (18-ден 72-ге дейін) stands where its
    // lower number stands: after an age's dash or a clock's сағат, neither counts
    if let Some(lower) = kk_range_lower(trimmed) {
        return context_allows(lex, &trimmed[..trimmed.len() - lower.len()], plain);
    }
    // a number after a sign of numbering and a space (№ 38 қаулысы)
    if trimmed.ends_with(['№', '#']) {
        return false;
    }
    // a group of a card, phone or account number written with single spaces
    // (Kaspi Gold 4400 4301 2233 4455, +7 701 555 12 34): the number read
    // here is its last group
    // (not a scraper's date stamp before a headline: date 2024-11-22 Более 150
    // студентов)
    let iso_date = trimmed.split_whitespace().next_back().is_some_and(crate::calendar::Day::is_stamp);
    if before.ends_with(' ')
        && !before.ends_with("  ")
        && trimmed.ends_with(|c: char| c.is_ascii_digit())
        && !iso_date
    {
        return false;
    }
    // "18 : 00" with spaces around the colon (not a heading's "Студотряды-2025:")
    if let Some(t) = trimmed.strip_suffix(':')
        && t.ends_with(char::is_whitespace)
        && t.trim_end().ends_with(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let word = trailing_word(trimmed, |c| c.is_alphanumeric() || c == '.');
    if word.is_empty() {
        // a phone number after its label (of nine words at most, back to the
        // list's number before) and a dash or colon (Сенім телефоны – 112,
        // Телефон доверия – 150, Справки по телефону: 112, Горячая линия
        // министерства – 1414, контакт-центр по вопросам семьи, женщин и
        // детей – 111): `[phone_word]`
        let head = trimmed.trim_end_matches(['–', '—', '-', ':']).trim_end();
        // (a counted noun after it makes a count: Телефон доверия: более 12
        // тысяч обращений)
        let label = head.len() < trimmed.len()
            && plain()
            && head
                .split_whitespace()
                .rev()
                .take_while(|w| !w.contains(|c: char| c.is_ascii_digit()))
                .take(9)
                .any(|w| {
                    let w = crate::rules::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
                    // (`exact` words are whole words: тел, not телевизора)
                    match lex.lookup_prefix_len("phone_word", &w) {
                        Some(("exact", n)) => n == w.len(),
                        found => found.is_some(),
                    }
                });
        // (an age: a word of `[not_counted_before_dash]` before the dash,
        // самому старшему – 67; not the last word of a quoted name: «Шымкент
        // жастары»: 15 ребят)
        let before_dash = head.len() < trimmed.len()
            && head.split_whitespace().next_back().is_some_and(|w| {
                !w.ends_with(crate::alphabet::CLOSING_QUOTES)
                    && lex
                        .lookup("not_counted_before_dash", w.trim_matches(|c: char| !c.is_alphanumeric()))
                        .is_some()
            });
        return !label && !before_dash;
    }
    let bare = word.trim_end_matches('.');
    // A capital inside a sentence makes the word a name's (Қызыл Жарты Айдың 350
    // еріктісі: the Crescent's, not a month's day).
    let in_name = word.starts_with(char::is_uppercase)
        && trimmed[..trimmed.len() - word.len()].trim_end().ends_with(char::is_alphabetic);
    let code = |w: &str| lex.lookup("code_before", w).is_some() && plain();
    // (a code's word may be hyphenated: колл-центр 1414)
    let hyphenated = trailing_word(trimmed, |c| c.is_alphanumeric() || c == '-');
    let not_counted = lex.lookup("not_counted_before", word).is_some()
        || lex.lookup("not_counted_before", bare).is_some()
        || code(word)
        || code(bare)
        || code(hyphenated);
    if !in_name && not_counted {
        return false;
    }
    // The end of a range of hours (сағат 10-нан 18-ге дейін, с 9 до 18 часов):
    // a number in the ablative (or after с) right after a not-counted word.
    let token = trailing_word(trimmed, |c| c.is_alphanumeric() || c == '-' || c == ':');
    if token.chars().next().is_some_and(|c| c.is_ascii_digit())
        && (is_kk_ablative(token) || token.chars().all(|c| c.is_ascii_digit() || c == ':'))
    {
        let head = trimmed[..trimmed.len() - token.len()].trim_end();
        let w = trailing_word(head, char::is_alphanumeric);
        if !w.is_empty() && lex.lookup("not_counted_before", w).is_some() {
            return false;
        }
    }
    // A preposition between: звоните на 112, по номеру 102.
    if matches!(word.to_lowercase().as_str(), "на" | "по") {
        let w = trailing_word(trimmed[..trimmed.len() - word.len()].trim_end(), char::is_alphanumeric);
        return w.is_empty() || (lex.lookup("not_counted_before", w).is_none() && !code(w));
    }
    true
}

/// Whether `before` ends with a street and a comma (по улице Толе би, / Абай
/// көшесі,): a `[street_before]` or `[street_after]` word among the four words
/// before the comma.
fn after_street(lex: &Lexicon, before: &str) -> bool {
    let Some(street) = before.trim_end().strip_suffix(',') else { return false };
    street.split_whitespace().rev().take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic() && c != '.');
        lex.lookup("street_before", w) == Some("yes") || lex.lookup_prefix("street_after", w).is_some()
    })
}

/// The end of `text` made of characters that `part` accepts (the word that ends it).
fn trailing_word(text: &str, part: impl Fn(char) -> bool) -> &str {
    let start = text.char_indices().rev().take_while(|&(_, c)| part(c)).last().map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// The text up to the first punctuation that ends a clause (. , ; : ! ? brackets,
/// quotes, dashes).
fn first_clause(text: &str) -> &str {
    text.split(|c: char| ".,;:!?()«»\"–—".contains(c)).next().unwrap_or("")
}

/// The words of a text: runs of letters, digits and hyphens.
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect()
}

/// A Kazakhstani phone number written as one run of digits (87011234567,
/// 77011234567): eleven digits starting with 87 or 77.
fn is_phone(num: &str) -> bool {
    let n = num.trim();
    n.len() == 11 && n.bytes().all(|b| b.is_ascii_digit()) && (n.starts_with("87") || n.starts_with("77"))
}

/// Whether the text after a number is a clock's minutes (поступило около 21:00:
/// the hour, no count), as context_allows sees the minutes' side.
fn is_clock_minutes(after: &str) -> bool {
    let mut c = after.chars();
    c.next() == Some(':')
        && c.next().is_some_and(|d| d.is_ascii_digit())
        && c.next().is_some_and(|d| d.is_ascii_digit())
}

/// Whether the text after a number makes it a percentage (89%, 40 %), also
/// when the number read is the start of a decimal (11,8%) or of a range
/// (25–30%).
fn is_percentage(after: &str) -> bool {
    const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];
    let a = after.trim_start_matches(SPACES);
    if a.starts_with(['%', '٪']) {
        return true;
    }
    let rest = match a.strip_prefix([',', '.']) {
        Some(r) if r.starts_with(|c: char| c.is_ascii_digit()) => r,
        Some(_) => return false,
        None => match a.strip_prefix(['-', '–', '—']) {
            Some(r) => r.trim_start_matches(SPACES),
            None => return false,
        },
    };
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ',' | '.'));
    // (the sign or the word: 30-40 пайызға азаяды, 10–15 процентов)
    let next = digits.trim_start_matches(SPACES);
    digits.len() < rest.len()
        && (next.starts_with(['%', '٪']) || ["процент", "пайыз"].iter().any(|w| next.starts_with(w)))
}

/// Whether the words before a count of people name them volunteers: a word of
/// the volunteers category within the last few words of the sentence, with a
/// dash right before the count (волонтеры фонда – свыше 300 человек) or a word
/// of membership between ([member_cue]: состоят, вовлечены, зарегистрировались).
fn volunteers_named_before(lex: &Lexicon, before: &str) -> bool {
    let words = words_of(before);
    // a team that holds them, right before the count (сейчас в команде около 70
    // человек; в отряде 40 человек): its members are the volunteers
    if let [.., prep, unit] = words.as_slice()
        && ["в", "во"].contains(&prep.to_lowercase().as_str())
        && lex.lookup("volunteer_team_in", &unit.to_lowercase()).is_some()
    {
        return true;
    }
    let recent = &words[words.len().saturating_sub(8)..];
    // a unit of volunteers the people are members of (в клубах состояли около
    // 400 человек, в корпусе состоят более 1 800 человек)
    let near = &words[words.len().saturating_sub(5)..];
    if let Some(u) =
        near.iter().rposition(|w| lex.lookup_prefix("volunteer_unit", &w.to_lowercase()).is_some())
        && near[u + 1..].iter().any(|w| lex.lookup_prefix("member_cue", w).is_some())
    {
        return true;
    }
    let Some(v) = recent.iter().rposition(|w| word_category(lex, w).as_deref() == Some("volunteers")) else {
        return false;
    };
    // (the dash may be followed by их and an adverb: Волонтеры приюта — их
    // сейчас около 40 человек)
    let tail = before.trim_end();
    let tail = ["сейчас", "уже", "всего", "теперь", "сегодня"]
        .iter()
        .find_map(|w| tail.strip_suffix(w).filter(|t| t.ends_with(' ')))
        .map_or(tail, str::trim_end);
    let tail = tail.strip_suffix("их").filter(|t| t.ends_with(' ')).map_or(tail, str::trim_end);
    let dash = tail.ends_with(['–', '—']);
    dash || recent[v + 1..].iter().any(|w| lex.lookup_prefix("member_cue", w).is_some())
        || volunteer_body_owns(lex, &recent[v + 1..])
}

/// Whether the words between a volunteers word and a count name a body of
/// volunteers that holds or owns the counted people: a unit noun in the
/// genitive or locative right before the count («Жүрек қалауы» еріктілер
/// клубының 25 студенті, еріктілер тобында 40-қа жуық адам бар).
fn volunteer_body_owns(lex: &Lexicon, between: &[&str]) -> bool {
    let [unit] = between else { return false };
    let unit = unit.to_lowercase();
    let owner = ["ның", "нің", "дың", "дің", "тың", "тің", "нда", "нде"].iter().any(|s| unit.ends_with(s));
    owner && lex.lookup_prefix("volunteer_unit", &unit).is_some()
}

/// Whether `word` is a relational adjective in the genitive plural (экологических,
/// донорских) with no noun after it: a count whose noun the text leaves out.
fn elliptic_adjective(word: &str, after: &str) -> bool {
    let w = word.to_lowercase();
    // (a noun of its own: 24 полицейских)
    if w.starts_with("полицейск") {
        return false;
    }
    let adjective = ["ских", "цких"].iter().any(|e| w.ends_with(e));
    // nothing after it, or a conjunction and the next such adjective
    let next = after.trim_start().chars().next();
    let conjunction = after.split_whitespace().next().is_some_and(|n| n == "и" || n == "или");
    adjective && (!next.is_some_and(char::is_alphabetic) || conjunction)
}

/// Whether the rule reads a part of a whole named right before it (Из 180
/// участников 62 – ..., балалардың 5 100-і).
fn partitive_rule(ctx: &Context) -> bool {
    let id = ctx.rule.id.as_str();
    id == "ru.count.partitive_lead" || id == "kk.count.head"
}

/// The category of what a dash after an elliptic count names (из них 1 400 – дети,
/// олардың 31 мыңы – балалар): in Russian the first word after the dash, the
/// head of its phrase; in Kazakh, where the head comes last, the last word of a
/// known category among the first few of its clause (оның ішінде 38-і –
/// мүгедектігі бар балалар: children, not the people of мүгедектігі).
fn apposition_category(lex: &Lexicon, after: &str, lang: crate::lang::Lang) -> Option<String> {
    let rest = after.trim_start().strip_prefix(['–', '—', '-'])?;
    if lang == crate::lang::Lang::Kk {
        let words = words_of(first_clause(rest));
        return words.iter().take(6).rev().find_map(|w| word_category(lex, w));
    }
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphabetic() || *c == '-').collect();
    word_category(lex, &word)
}

/// The category of a name of several words that a `[category]` stem of as many
/// words gives: the adjectives before the counted noun with it (детских садов),
/// or the noun with the word after it (домам престарелых).
fn phrase_category(lex: &Lexicon, before_object: Option<&str>, object: &str, after: &str) -> Option<String> {
    let last_word = |s: &str| s.split_whitespace().last().map(str::to_string);
    // the next word, when the noun's phrase goes on (no punctuation between)
    let next_word = || {
        let w = after.split_whitespace().next()?;
        (after.starts_with(char::is_whitespace) && w.starts_with(char::is_alphabetic))
            .then(|| w.trim_end_matches(|c: char| !c.is_alphabetic()).to_string())
    };
    let phrases = [
        before_object.and_then(last_word).map(|a| format!("{a} {object}")),
        next_word().map(|n| format!("{object} {n}")),
    ];
    phrases.into_iter().flatten().find_map(|p| {
        let c = lex.lookup_prefix("category", &p)?;
        (lex_stem_words(lex, &p) >= 2).then(|| c.to_string())
    })
}

/// Whether a verb of `[give_cue]` governs the count: in Russian the word right
/// before it, in Kazakh one of the few words after it in its clause (the verb
/// ends the clause: 300 планшет пен 14 Wi-Fi роутер табыстады).
fn given(ctx: &Context) -> bool {
    let lex = &ctx.set.lexicon;
    let cue = |w: &str| lex.lookup_prefix("give_cue", w).is_some();
    match ctx.lang {
        crate::lang::Lang::Kk => {
            let words = words_of(first_clause(ctx.groups.following()));
            (0..words.len().min(5))
                .any(|i| cue(words[i]) || words.get(i + 1).is_some_and(|n| cue(&format!("{} {n}", words[i]))))
        }
        _ => words_of(ctx.groups.before_span()).last().is_some_and(|w| cue(w)),
    }
}

/// A Kazakh noun in the dative or locative (5 жобаға, 7 ауданға, 5 қалада):
/// what is given to, or where, not what is given.
fn kk_recipient(w: &str) -> bool {
    let w = w.to_lowercase();
    ["ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те"].iter().any(|e| w.ends_with(e))
        && w.chars().count() > 4
}

/// Whether the clause before a count (up to its до) has a Russian verb of change
/// (вырос, увеличилось, сократилось, возросло, снизилось) and the figure it
/// started from (с 21 тысячи): the count is the figure reached. A change with
/// no start (увеличить до 7 млрд) leaves до a bound.
fn changed_to(before: &str) -> bool {
    let clause = before.rsplit(['.', ';', '!', '?', '\n']).next().unwrap_or("");
    let words: Vec<String> = words_of(clause).iter().map(|w| w.to_lowercase()).collect();
    let verb = words.iter().any(|w| change_verb(w));
    let from = words
        .windows(2)
        .any(|p| (p[0] == "с" || p[0] == "со") && p[1].starts_with(|c: char| c.is_ascii_digit()));
    verb && from
}

/// Whether the words after a Kazakh range (and its дейін) start with a verb of
/// change in the past (`[verb]`'s kk_change: өсті, артты, көбейді, азайды).
fn kk_change_verb(lex: &Lexicon, after: &str) -> bool {
    let mut words = words_of(after).into_iter();
    let first = words.next();
    let verb = match first.map(str::to_lowercase).as_deref() {
        Some("дейін" | "шейін") => words.next(),
        _ => first,
    };
    verb.is_some_and(|w| lex.lookup("verb", w) == Some("kk_change"))
}

/// Whether a word is a Russian verb of change (вырос, увеличилось, сократилось,
/// возросло, снизилось, уменьшилось).
fn change_verb(w: &str) -> bool {
    const STEMS: [&str; 7] = ["вырос", "вырас", "увеличи", "возрос", "сократи", "снизи", "уменьши"];
    let w = w.to_lowercase();
    STEMS.iter().any(|s| w.starts_with(s))
}

/// The last `n` words before a count, lowercase, the nearest first.
fn last_words_lower(before: &str, n: usize) -> Vec<String> {
    words_of(before).iter().rev().take(n).map(|w| w.to_lowercase()).collect()
}

/// Whether a word is an age of the old: a number from 55 (60, 82; 65 of 65–80).
fn old_age(word: &str) -> bool {
    word.parse::<u32>().is_ok_and(|n| (55..130).contains(&n))
}

/// Whether the words right before a Kazakh count name people old: 60 жастан
/// асқан 250 тұрғын ("250 residents over 60"), 60 пен 82 жас аралығындағы 90
/// тыңдаушы (between 60 and 82), an age of 55 or more.
fn elderly_named_before(before: &str) -> bool {
    let words = last_words_lower(before, 5);
    let [verb, age, n] = [0, 1, 2].map(|i| words.get(i).map_or("", String::as_str));
    // 60 жастан асқан; 60 пен 82 жас аралығындағы (between 60 and 82 years)
    (["асқан", "жоғары"].contains(&verb) && ["жастан", "жастағы"].contains(&age) && old_age(n))
        || (["аралығындағы", "аралығында"].contains(&verb)
            && age == "жас"
            && words.get(3).is_some_and(|w| ["пен", "мен", "бен", "-", "–"].contains(&w.as_str()))
            && words.get(4).is_some_and(|w| old_age(w)))
}

/// Whether the count is of the residents of a home for the elderly named right
/// before it («Мейірім» қарттар үйінің 140 тұрғынына; дома престарелых: 80
/// человек), not of a children's home (балалар үйінің).
fn elderly_home_before(before: &str) -> bool {
    let words = last_words_lower(before, 3);
    let home =
        |w: &String| w.starts_with("үйінің") || w.starts_with("престарелых") || w.starts_with("пожилых");
    words.iter().take(2).any(home)
        && words.iter().any(|w| w.starts_with("қарттар") || w.starts_with("престарелых") || w == "для")
}

/// Whether the words right after a count of people say they are old: the war
/// they took part in (участников войны, ВОВ) or an age of 60 and more
/// (человек старше 60 лет, из них старше 90 лет).
pub fn elderly_named_after(after: &str) -> bool {
    let words = words_of(after);
    let lower: Vec<String> = words.iter().take(4).map(|w| w.to_lowercase()).collect();
    let first = lower.iter().position(|w| !["из", "них"].contains(&w.as_str())).unwrap_or(lower.len());
    match lower.get(first).map(String::as_str) {
        Some("войны" | "вов") => true,
        Some("старше") => lower.get(first + 1).is_some_and(|n| old_age(n)),
        // 64 слушателя в возрасте от 60 до 82 лет, 400 человек пенсионного возраста
        Some("пенсионного" | "преклонного" | "пожилого") => true,
        Some("в") if lower.get(first + 1).map(String::as_str) == Some("возрасте") => {
            let words: Vec<String> = words.iter().skip(first + 2).take(3).map(|w| w.to_lowercase()).collect();
            let n = words.iter().find(|w| !["от", "старше", "свыше", "после"].contains(&w.as_str()));
            n.is_some_and(|w| old_age(w.split(['-', '–', '—']).next().unwrap_or("")))
        }
        _ => false,
    }
}

/// Whether the text after a number closes a range of years with it (18–20
/// лет: an age, the number its lower end).
fn years_range_after(following: &str) -> bool {
    let Some(rest) = following.strip_prefix(['–', '—', '-']) else { return false };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    digits > 0 && {
        let w = rest[digits..].trim_start();
        let word = &w[..w.find(|c: char| !c.is_alphabetic()).unwrap_or(w.len())];
        ["лет", "года", "год", "жас"].contains(&word.to_lowercase().as_str())
    }
}

/// Whether Kazakh words open with аз "fewer" (20-дан аз оқушы, 4 тоннадан аз
/// өнім), not with аз қамтылған "low-income".
fn opens_with_fewer(words: &str) -> bool {
    let words = words.trim_start();
    let (first, rest) = words.split_once(char::is_whitespace).unwrap_or((words, ""));
    is_fewer(first, rest)
}

/// Whether a word is аз "fewer" given the words after it (not аз қамтылған).
fn is_fewer(word: &str, after: &str) -> bool {
    word.to_lowercase() == "аз" && !after.trim_start().to_lowercase().starts_with("қамт")
}

/// Whether a span of time before a partitive ends a range or bound of ages (от
/// 14 до 22 лет, 3–17 лет, старше 60 лет): its number follows до, по, старше,
/// младше or свыше, or is a range.
fn age_range_before(before: &str) -> bool {
    let words: Vec<&str> = before.trim_end().trim_end_matches([',', ';', ':']).split_whitespace().collect();
    let n = words.len();
    n >= 2
        && (words[n - 2].contains(['-', '–', '—'])
            || (n >= 3
                && ["до", "по", "старше", "младше", "свыше"].contains(&words[n - 3].to_lowercase().as_str())))
}

/// Whether the clause before a partitive count ends in a unit of time (86 лет,
/// сорок из них): a `[time_unit]` word or a `[not_counted_stem]` stem.
fn part_of_a_time(lex: &Lexicon, before: &str) -> bool {
    let words = words_of(before.trim_end().trim_end_matches([',', ';', '–', '—', ':']));
    words.last().is_some_and(|w| {
        lex.lookup("time_unit", w).is_some() || lex.lookup_prefix("not_counted_stem", w).is_some()
    })
}

/// The category of an elliptic count (no object, no unit): the nearest word
/// before it in its sentence that names a category (854 человека, 8 из них:
/// people); capitalized words are names (Грузии is no груз), except the
/// sentence's first word; abbreviations in capitals are read (НКО).
fn context_category(lex: &Lexicon, before: &str) -> Option<String> {
    let words = words_of(before);
    words
        .iter()
        .enumerate()
        .rev()
        .filter(|(i, w)| {
            w.chars().count() >= 3
                && (*i == 0 || w.starts_with(char::is_lowercase) || w.chars().all(char::is_uppercase))
        })
        .find_map(|(_, w)| word_category(lex, w))
}

/// The category of persons or bodies that the sentence before a figure names
/// first (Больше всего семей получили помощь в Калбатау (: families): the
/// leftmost lowercase word of its sentence whose category is not `aid`,
/// `money` or `other`.
pub fn subject_category(lex: &Lexicon, before: &str) -> Option<String> {
    let sentence = before.rsplit(['.', '!', '?', '\n']).next().unwrap_or(before);
    words_of(sentence)
        .iter()
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_lowercase))
        .filter_map(|w| word_category(lex, w))
        .find(|c| !["aid", "money", "other"].contains(&c.as_str()))
}

/// Whether the words after a figure are a dash and a Russian preposition (9 –
/// от госорганов, 180 – в Каражале): an entry of a list whose count named
/// what it counts before it.
pub fn dash_preposition_after(after: &str) -> bool {
    let Some(rest) = after.trim_start_matches([' ', '\u{a0}']).strip_prefix(['–', '—']) else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words.next().is_some_and(|w| {
        ["в", "во", "на", "для", "из", "от", "с", "со", "по", "у", "к"].contains(&w) && words.next().is_some()
    })
}

/// How far back, in characters, a count without a noun looks for the count
/// that names what it counts: a table's heading, the last count of a known
/// category, the material of a weight (a short news table or list).
pub const REFER_BACK_CHARS: usize = 600;

/// The heading of the table an entry belongs to: `before` is the text before
/// the entry's number; the heading is the nearest line before it that ends in
/// a colon (Число волонтеров ... по районам:), when every line between them is
/// a row (a dash and a digit) that does not name what it counts itself (в
/// Алматы – 2 140 студентов; says it for the bare rows after it) and it is
/// within [`REFER_BACK_CHARS`]. The heading is returned without its colon.
pub fn table_heading<'a>(lex: &Lexicon, before: &'a str) -> Option<&'a str> {
    let start = before.char_indices().rev().nth(REFER_BACK_CHARS).map_or(0, |(i, _)| i);
    let window = &before[start..];
    let mut lines = window.rsplit('\n');
    // The entry's own line (Аральский район – ) is a row in the making.
    lines.next()?;
    for line in lines {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        if let Some(heading) = l.strip_suffix(':') {
            return Some(heading);
        }
        let row = l.contains(['–', '—']) && l.contains(|c: char| c.is_ascii_digit());
        if !row {
            return None;
        }
        let after_dash = l.rsplit(['–', '—']).next().unwrap_or("");
        if after_dash.split(|c: char| !(c.is_alphanumeric() || c == '-')).any(|w| {
            w.chars().count() >= 3 && w.starts_with(char::is_lowercase) && word_category(lex, w).is_some()
        }) {
            return None;
        }
    }
    None
}

/// The category a table's heading ([`table_heading`]) names for the table's
/// entries: its first word of a known category (lowercase, as in
/// [`context_category`]).
pub fn heading_category(lex: &Lexicon, heading: &str) -> Option<String> {
    heading
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_lowercase))
        .find_map(|w| word_category(lex, w))
}

/// The unit a table's heading ([`table_heading`]) gives its entries, written
/// last after a comma or in brackets (Площадь посадок по районам, га:; Собрано
/// (тонн):): a word the lexicon's `[unit]` lists whole. A multiplier there (тыс.
/// тенге) is no unit of this kind: the entries would be thousands.
pub fn heading_unit<'a>(lex: &'a Lexicon, heading: &str) -> Option<&'a str> {
    let heading = heading.trim_end();
    let last = match heading.strip_suffix(')') {
        Some(h) => h.rsplit_once('(')?.1,
        None => heading.rsplit_once(',')?.1,
    };
    let word = last.trim().trim_end_matches('.');
    (!word.is_empty() && !word.contains(char::is_whitespace)).then(|| lex.lookup("unit", word)).flatten()
}

/// The category of one word, a hyphenated word by its parts last to first
/// (студентов-добровольцев: volunteers), then whole; a part that names volunteers
/// wins wherever it stands (волонтеров-медиков: volunteers, not people).
fn word_category(lex: &Lexicon, w: &str) -> Option<String> {
    // (of the two stem tables, the longer stem: грузовик in [category_ru], not
    // груз in [category])
    let of = |part: &str| {
        lex.lookup("category_word", part).or_else(|| {
            match (lex.lookup_prefix_len("category", part), lex.lookup_prefix_len("category_ru", part)) {
                (Some((a, n)), Some((b, m))) => Some(if m > n { b } else { a }),
                (a, b) => a.or(b).map(|(v, _)| v),
            }
        })
    };
    if w.contains('-') && w.split('-').any(|p| of(p) == Some("volunteers")) {
        return Some("volunteers".to_string());
    }
    w.rsplit('-').chain(std::iter::once(w)).find_map(of).map(str::to_string)
}

/// The category of a counted noun phrase: its words are tried last to first (the
/// head of a Russian or Kazakh noun phrase is usually its last word), then the
/// whole phrase (a multi-word stem: зардап шеккен).
fn object_category(lex: &Lexicon, object: &str) -> Option<String> {
    let words: Vec<&str> = object.split_whitespace().collect();
    if words.len() > 1
        && let Some(c) = lex.lookup_prefix("category", object)
    {
        // a stem of several words wins when it covers the phrase's last word
        let stem_words = lex_stem_words(lex, object);
        if stem_words >= words.len() {
            return Some(c.to_string());
        }
    }
    // Volunteers before the ones they serve, in the dative or locative (150
    // ерікті қарттарға отын жеткізді: the volunteers brought the elderly fuel):
    // the volunteers are counted, the others are the verb's.
    if let [first, .., last] = words.as_slice()
        && word_category(lex, first).as_deref() == Some("volunteers")
        && ["ға", "ге", "қа", "ке", "на", "не", "да", "де", "та", "те"].iter().any(|e| last.ends_with(e))
        && matches!(word_category(lex, last).as_deref(), Some("elderly" | "children" | "people" | "families"))
    {
        return Some("volunteers".to_string());
    }
    // Families or people before what they were given or what is theirs, in the
    // accusative (1 500 отбасы құрбандық етін алды, 3 200 отбасы азық-түлік
    // себетін алады): the families are counted, the thing is the verb's object.
    if let [first, .., last] = words.as_slice()
        && ["ын", "ін", "н"].iter().any(|e| last.ends_with(e))
        && matches!(word_category(lex, first).as_deref(), Some("families" | "people" | "elderly" | "children"))
        // (not the first half of a compound: мүгедектер арбасын, wheelchairs)
        && !first.to_lowercase().starts_with("мүгедек")
        // (a thing: aid, or another thing or none, отбасы үйін пешпен жылытады,
        // the families heat their houses; not a body, жастар орталығын, youth
        // centres; not the instrumental, кинолог иттерімен)
        && !["мен", "пен", "бен"].iter().any(|e| last.ends_with(e))
        && matches!(word_category(lex, last).as_deref(), Some("aid" | "other") | None)
    {
        return word_category(lex, first);
    }
    let mut cats = words.iter().rev().filter_map(|w| word_category(lex, w));
    match cats.next() {
        // a head of people after a word that says which (қарт адамға, жетім
        // балаға): the more telling category
        Some(c) if c == "people" => Some(
            cats.find(|c| ["volunteers", "children", "elderly", "families"].contains(&c.as_str()))
                .unwrap_or(c),
        ),
        Some(c) => Some(c),
        None => lex
            .lookup_prefix("category", object)
            .map(str::to_string)
            .or_else(|| words.last().is_some_and(|w| kk_participle_plural(w)).then(|| "people".to_string())),
    }
}

/// A Kazakh participle in the plural taken as a noun, "those who ..."
/// (бітіргендердің 58-і, алғандардың 48-і, тіркелгендер): people.
fn kk_participle_plural(w: &str) -> bool {
    let w = w.to_lowercase();
    ["ғандар", "гендер", "қандар", "кендер"]
        .iter()
        .any(|p| w.find(p).is_some_and(|i| i >= 4 && w[i + p.len()..].chars().count() <= 4))
}

/// The number of words of the longest `[category]` stem that starts `phrase`.
fn lex_stem_words(lex: &Lexicon, phrase: &str) -> usize {
    let p = crate::rules::fold(phrase);
    lex.tables
        .get("category")
        .into_iter()
        .flatten()
        .flat_map(|(_, ws)| ws)
        .filter(|s| p.starts_with(s.as_str()))
        .map(|s| s.split(' ').count())
        .max()
        .unwrap_or(0)
}

/// Whether a range's lower end carries its own unit (500 теңгеден 5 мың теңгеге
/// дейін): then it has its own scale too, and the upper end's is not shared
/// (from 500, not 500 000).
fn lower_end_has_unit(ctx: &Context) -> bool {
    ctx.groups.between("unit", "num2").is_some()
}

/// The scale word that ends a range's upper number (`mult2`, or the last word
/// of `num2`) and belongs to both ends (от 5 до 10 тысяч, он-он бес мың:
/// 10 000-15 000), when the lower one has none and no unit of its own.
fn range_scale<'a>(ctx: &'a Context) -> Option<&'a str> {
    if lower_end_has_unit(ctx) {
        return None;
    }
    if let Some(m) = ctx.group("mult2") {
        return Some(m);
    }
    let last = ctx.group("num2")?.split_whitespace().last()?;
    let num = ctx.group("num")?;
    (number::parse_multiplier(last).is_some()
        && num.split_whitespace().all(|w| number::parse_multiplier(w).is_none()))
    .then_some(last)
}

/// An object that is in fact a multiplier (2,5 тысячи, 5 мың), when there is no
/// `mult`: the pattern took the multiplier for the counted noun.
fn object_mult<'a>(ctx: &'a Context) -> Option<&'a str> {
    if ctx.group("mult").is_some() {
        return None;
    }
    ctx.group("object").or(ctx.group("word")).map(str::trim).filter(|o| number::parse_multiplier(o).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kk_range_lower_takes_the_whole_ablative_number() {
        assert_eq!(kk_range_lower("жасы – 18-ден"), Some("18-ден"));
        assert_eq!(kk_range_lower("саны 2 150-ден"), Some("2 150-ден"));
        assert_eq!(kk_range_lower("саны 1 200 000-нан"), Some("1 200 000-нан"));
        assert_eq!(kk_range_lower("Алматыдан"), None);
        assert_eq!(kk_range_lower("2 150"), None);
    }

    /// A row of a lexicon table: its value and its folded words.
    fn entry(v: &str, ws: &[&str]) -> (String, Vec<String>) {
        (v.to_string(), ws.iter().map(|w| crate::rules::fold(w)).collect())
    }

    fn lexicon() -> Lexicon {
        let mut l = Lexicon::default();
        l.tables.insert(
            "category".into(),
            vec![
                entry("people", &["людей", "жител"]),
                entry("elderly", &["пожил", "пенсионер"]),
                entry("children", &["дет", "малолет"]),
                entry("organizations", &["детских сад", "домам престарел"]),
            ],
        );
        l.tables.insert("anaphor".into(), vec![entry("yes", &["них", "олардың", "их"])]);
        l.tables.insert("anaphor_link".into(), vec![entry("yes", &["было"])]);
        l
    }

    #[test]
    fn a_hyphenated_word_naming_volunteers_counts_volunteers() {
        let mut l = lexicon();
        l.tables.insert(
            "category".into(),
            vec![
                ("volunteers".into(), vec!["волонтер".into()]),
                ("people".into(), vec!["медик".into(), "студент".into()]),
            ],
        );
        assert_eq!(word_category(&l, "волонтеров-медиков").as_deref(), Some("volunteers"));
        assert_eq!(word_category(&l, "студентов-медиков").as_deref(), Some("people"));
    }

    #[test]
    fn a_table_heading_names_what_its_rows_count() {
        let l = lexicon();
        let text = "Итоги года.\n\nЧисло пенсионеров по районам:\n\nг. Кызылорда – 6 420\nАральский район – ";
        assert_eq!(table_heading(&l, text).and_then(|h| heading_category(&l, h)).as_deref(), Some("elderly"));
        // A prose line between the heading and the row: no table.
        let text = "Число пенсионеров по районам:\nОни получили помощь вовремя.\nАральский район – ";
        assert_eq!(table_heading(&l, text).and_then(|h| heading_category(&l, h)), None);
        // No heading at all.
        assert_eq!(table_heading(&l, "Аральский район – "), None);
        let mut u = Lexicon::default();
        u.tables.insert("unit".into(), vec![entry("ha", &["га", "гектар"]), entry("t", &["т", "тонн"])]);
        let rows = "Площадь посадок по районам, га:\nТаласский район — 520\nБайзакский район — ";
        assert_eq!(table_heading(&u, rows).and_then(|h| heading_unit(&u, h)), Some("ha"));
        assert_eq!(
            table_heading(&u, "Собрано по районам (тонн):\nАксу — ").and_then(|h| heading_unit(&u, h)),
            Some("t")
        );
        // (a multiplier is no unit; a heading without one gives none)
        assert_eq!(
            table_heading(&u, "Выплаты, тыс. тенге:\nАксу — ").and_then(|h| heading_unit(&u, h)),
            None
        );
        assert_eq!(
            table_heading(&u, "Число волонтеров по районам:\nАксу — ").and_then(|h| heading_unit(&u, h)),
            None
        );
    }

    #[test]
    fn the_subject_a_sentence_names_first() {
        let l = lexicon();
        assert_eq!(
            subject_category(&l, "Итоги. Больше всего жителей получили помощь в Калбатау (").as_deref(),
            Some("people")
        );
        // only the figure's own sentence; no subject at all
        assert_eq!(subject_category(&l, "Помогли жителям. Больше всего в Калбатау ("), None);
        assert_eq!(subject_category(&l, "Олардың ең көбі – Түркияда ("), None);
    }

    #[test]
    fn kazakh_recipients_of_a_gift() {
        assert!(kk_recipient("жобаға"));
        assert!(kk_recipient("ауданға"));
        assert!(kk_recipient("қалада"));
        assert!(!kk_recipient("велотренажер"));
        assert!(!kk_recipient("кітап"));
        // too short to carry a case ending
        assert!(!kk_recipient("шана"));
    }

    #[test]
    fn old_age_named_after_people() {
        assert!(elderly_named_after(" войны Ивану Петрову"));
        assert!(elderly_named_after(" ВОВ"));
        assert!(elderly_named_after(" старше 60 лет"));
        assert!(elderly_named_after(" из них старше 90 лет"));
        assert!(elderly_named_after(" в возрасте от 60 до 82 лет"));
        assert!(elderly_named_after(" в возрасте 65–80 лет"));
        assert!(elderly_named_after(" пенсионного возраста"));
        assert!(!elderly_named_after(" в возрасте от 7 до 12 лет"));
        // an age of the young, no age, or other words
        assert!(!elderly_named_after(" старше 18 лет"));
        assert!(!elderly_named_after(" старше"));
        assert!(!elderly_named_after(" конкурса"));
    }

    #[test]
    fn names_of_several_words() {
        let l = lexicon();
        let cat = |before, object, after| phrase_category(&l, before, object, after);
        assert_eq!(cat(Some("детских "), "садов", " Уральска").as_deref(), Some("organizations"));
        assert_eq!(cat(Some(""), "домам", " престарелых.").as_deref(), Some("organizations"));
        // a stem of one word is no name of several (пожил), nor punctuation a word
        assert_eq!(cat(Some("одиноких пожилых "), "людей", ", из них"), None);
        assert_eq!(cat(None, "людей", ", из них"), None);
    }

    #[test]
    fn an_age_over_55_before_a_kazakh_count_names_elderly() {
        assert!(elderly_named_before("Сабақтарға 60 жастан асқан "));
        assert!(elderly_named_before("курсқа 65 жастан жоғары "));
        assert!(elderly_named_before("Курсты 60 пен 82 жас аралығындағы "));
        assert!(!elderly_named_before("Лагерь 7 мен 12 жас аралығындағы "));
        assert!(!elderly_named_before("Сабақтарға 18 жастан асқан "));
        assert!(!elderly_named_before("60 жастан бастап "));
    }

    #[test]
    fn a_home_for_the_elderly_before_a_count_names_elderly() {
        assert!(elderly_home_before("«Мейірім» қарттар үйінің "));
        assert!(elderly_home_before("жителям дома престарелых "));
        assert!(!elderly_home_before("балалар үйінің "));
    }

    #[test]
    fn collective_numerals_are_told_from_other_words() {
        for n in ["двое", "Трое", "четверых", "пятерым", "десятеро", "троими"]
        {
            assert!(collective_ru(n), "{n}");
        }
        for n in ["два", "третий", "четыре", "пятеро-", "дворе", "тропа"] {
            assert!(!collective_ru(n), "{n}");
        }
    }

    #[test]
    fn young_ones_before_no_age_word() {
        assert!(young_before("жасқа", " жалдамалы пәтердің кілті"));
        assert!(young_before("жасты", " жұмыспен қамтыды"));
        assert!(!young_before("жасқа", " толған"));
        assert!(!young_before("жас", " аралығындағы"));
        assert!(!young_before("жасқа", " дейінгі балалар"));
        assert!(!young_before("жас", "."));
        assert!(!young_before("адам", " келді"));
    }

    #[test]
    fn young_people_beyond_any_age() {
        assert!(young_people(Some("жас"), 300.0, false));
        assert!(young_people(Some("Жас"), 1000.0, true));
        // 60-қа жуық жас
        assert!(young_people(Some("жас"), 60.0, true));
        // an age
        assert!(!young_people(Some("жас"), 18.0, false));
        assert!(young_people(Some("жасты"), 12000.0, true));
        assert!(!young_people(Some("жасқа"), 300.0, false));
        assert!(!young_people(None, 300.0, false));
    }

    #[test]
    fn do_after_a_verb_of_change_is_the_figure_reached() {
        assert!(changed_to("Число волонтеров выросло с 21 тысячи в прошлом году "));
        assert!(changed_to("За год сеть увеличилась с 120 "));
        // no verb of change, no starting figure, or a verb in an earlier sentence
        assert!(!changed_to("Помощь получат "));
        assert!(!changed_to("Запланировано увеличить объем финансирования "));
        assert!(!changed_to("Число выросло. Помощь получат "));
    }

    #[test]
    fn an_apposition_after_a_dash_names_the_category() {
        let mut l = lexicon();
        let cats = l.tables.get_mut("category").unwrap();
        cats.push(("children".into(), vec![crate::rules::fold("бала")]));
        cats.push(("people".into(), vec![crate::rules::fold("мүгедек")]));
        cats.push(("families".into(), vec![crate::rules::fold("отбасы")]));
        let (ru, kk) = (crate::lang::Lang::Ru, crate::lang::Lang::Kk);
        assert_eq!(apposition_category(&l, " – дети, остальные взрослые", ru).as_deref(), Some("children"));
        assert_eq!(apposition_category(&l, " — пенсионеры", ru).as_deref(), Some("elderly"));
        // Kazakh: the head comes last in its phrase
        assert_eq!(apposition_category(&l, " – мүгедектігі бар балалар.", kk).as_deref(), Some("children"));
        assert_eq!(
            apposition_category(&l, " – аз қамтылған және көпбалалы отбасылардың балалары, қалғаны", kk)
                .as_deref(),
            Some("children")
        );
        // no dash, or a word of no category
        assert_eq!(apposition_category(&l, " детей", ru), None);
        assert_eq!(apposition_category(&l, " – это много", ru), None);
    }

    #[test]
    fn an_elliptic_count_points_back_after_an_anaphor() {
        let l = lexicon();
        assert!(points_back(&l, "пожилых людей, из них ", " нуждаются"));
        assert!(points_back(&l, "Олардың ", "-і үйде"));
        assert!(points_back(&l, "Пять лет назад их было ", "."));
        // a dash names what it counts; no anaphor; punctuation between
        assert!(!points_back(&l, "из них ", " – дети"));
        assert!(!points_back(&l, "В селе живут ", " человек"));
        assert!(!points_back(&l, "из них: ", "."));
        assert!(points_back(&l, "работников компании, для ", " из них это"));
        assert!(!points_back(&l, "волонтеров из Казахстана и ", " из Грузии"));
        assert!(!points_back(&l, "было ", "."));
        let count = |object: Option<&str>, category: &str| Value::Count {
            amount: 1.0,
            approx: Approx::Eq,
            unit: None,
            object: object.map(str::to_string),
            category: category.into(),
        };
        let people = count(Some("людей"), "people");
        assert_eq!(antecedent_category(", из ", Some(&people)), Some("people"));
        // another paragraph; an antecedent of no known category; none
        assert_eq!(antecedent_category(".\n\nИз ", Some(&people)), None);
        assert_eq!(antecedent_category(", из ", Some(&count(None, "other"))), None);
        assert_eq!(antecedent_category(", из ", None), None);
    }

    #[test]
    fn where_a_kazakh_counted_noun_ends() {
        let mut l = Lexicon::default();
        l.tables.insert(
            "category".into(),
            vec![
                entry("families", &["отбасы"]),
                entry("people", &["адам", "донор", "жастар", "зардап шеккен"]),
            ],
        );
        l.tables.insert("not_a_noun".into(), vec![entry("yes", &["атаулы", "жерде"])]);
        let end = |t: &'static str| kk_object_end(&l, t).map(|at| &t[..at]);
        // what the people get, in the accusative, is the verb's
        assert_eq!(end("отбасы азық-түлік себетін"), Some("отбасы "));
        // not a compound a bare plural opens, nor an adjective in -лық
        assert_eq!(end("жастар орталығын"), None);
        assert_eq!(end("донорлық қан"), None);
        // a last word of [not_a_noun], a verb form; not a noun in the accusative
        assert_eq!(end("адам атаулы"), Some("адам "));
        assert_eq!(end("төсек болатын"), Some("төсек "));
        assert_eq!(end("ауызашар пакетін"), None);
        // a category stem of two words takes its participle in
        assert_eq!(end("зардап шеккен"), None);
        assert_eq!(end("адам"), None);
    }

    #[test]
    fn what_follows_a_classifier() {
        let l = lexicon();
        assert_eq!(following_category(&l, " пожилых жителей села").as_deref(), Some("elderly"));
        // the clause ends at a comma
        assert_eq!(following_category(&l, " техники, а жителей"), None);
        assert_eq!(following_category(&l, ""), None);
    }

    #[test]
    fn modifiers_that_tell_a_category() {
        let l = lexicon();
        assert_eq!(modifier_category(&l, " одиноких пожилых ").as_deref(), Some("elderly"));
        assert_eq!(modifier_category(&l, " малолетних, ").as_deref(), Some("children"));
        // an adjective of people in general tells nothing more
        assert_eq!(modifier_category(&l, " местных "), None);
        assert_eq!(modifier_category(&l, ""), None);
    }

    #[test]
    fn ordinals() {
        assert!(is_ordinal("бесінші"));
        assert!(is_ordinal("жиырмасыншы"));
        assert!(is_ordinal("2-ші"));
        assert!(!is_ordinal("қатысушы"));
        assert!(is_ordinal("үшінші") && is_ordinal("оныншы") && is_ordinal("қырқыншы"));
        assert!(!is_ordinal("тігінші"), "a tailor");
        assert!(!is_ordinal("волонтер"));
    }

    #[test]
    fn kazakh_participles_in_the_plural_are_people() {
        assert!(kk_participle_plural("бітіргендердің"));
        assert!(kk_participle_plural("алғандардың"));
        assert!(kk_participle_plural("тіркелгендер"));
        assert!(!kk_participle_plural("қандар"), "too short to be a participle");
        assert!(!kk_participle_plural("балалардың"));
    }

    #[test]
    fn phones_and_percentages() {
        assert!(is_phone("87011234567"));
        assert!(!is_phone("8701123456"));
        assert!(!is_phone("50000000000"));
        assert!(!is_phone("80000000000"));
        assert!(is_percentage(" %, и"));
        assert!(is_percentage("%"));
        assert!(!is_percentage(" процентов"));
        assert!(is_percentage(",8%, или порядка"), "a decimal read up to its comma");
        assert!(is_percentage("–30%. Поэтому"), "a range of percentages");
        assert!(is_percentage(" - 30 %"));
        assert!(!is_percentage(", 8 волонтеров"));
        assert!(!is_percentage("–30 волонтеров"));
        assert!(!is_percentage(",5 тонны"));
    }

    #[test]
    fn kazakh_suffixes_and_verbs() {
        assert!(approximative("мыңдай"));
        assert!(approximative("100-дей"));
        assert!(approximative("тоннадай"));
        assert!(!approximative("мыңнан"));
        assert!(!approximative("тоннаға"));
        assert!(is_kk_ablative("үштен") && is_kk_ablative("10-нан") && !is_kk_ablative("отыз"));
        assert!(is_fraction_part("бірі") && is_fraction_part("екісі") && !is_fraction_part("бірлестік"));
        assert!(kk_verb_form("ұйымдастырылып"));
        assert!(kk_verb_form("жеткізуді") && kk_verb_form("арттыру") && kk_verb_form("көбейтуге"));
        assert!(!kk_verb_form("сусын") && !kk_verb_form("отбасыға") && !kk_verb_form("оңалту"));
        assert!(
            !kk_verb_form("пакетін")
                && !kk_verb_form("себетін")
                && kk_verb_form("келетін")
                && kk_verb_form("болатын")
        );
        assert!(!kk_verb_form("ауылды") && !kk_verb_form("гүлді") && kk_verb_form("ашылды"));
        assert!(
            kk_possessive_multiplier("млн-ын")
                && kk_possessive_multiplier("мыңы")
                && !kk_possessive_multiplier("млн")
        );
        assert!(kk_participle_uncertain("таратын") && !kk_participle_uncertain("тұратын"));
        assert!(kk_verb_form("болған"));
        assert!(kk_verb_form("жиналады"));
        // the conditional (250 мың болса, 120 студент қатысса)
        assert!(kk_verb_form("болса") && kk_verb_form("қатысса"));
        assert!(!kk_verb_form("отбасы"));
        assert!(!kk_verb_form("ерікті"));
        assert!(!kk_verb_form("мешіт"));
        assert!(!kk_verb_form("дүкен"));
        assert!(ru_verb_form("выезжают"));
        assert!(ru_verb_form("помогают"));
        assert!(ru_verb_form("занимаются"));
        assert!(ru_verb_form("живут") && ru_verb_form("пишут") && ru_verb_form("могут"));
        let mut l = Lexicon::default();
        l.tables.insert("not_counted_stem".into(), vec![("no".to_string(), vec!["минут".to_string()])]);
        l.tables.insert("time_unit".into(), vec![("year".to_string(), vec!["лет".to_string()])]);
        assert!(part_of_a_time(&l, "Мне 86 лет, "));
        assert!(part_of_a_time(&l, "Мне 86 ЛЕТ: "));
        assert!(!part_of_a_time(&l, "Лагерь летний, "), "a whole word, no stem");
        assert!(part_of_a_time(&l, "Прошло 40 минут, "));
        assert!(!part_of_a_time(&l, "Пропали 120 человек, "));
        assert!(years_range_after("–20 лет.") && years_range_after("-25 жас аралығындағы"));
        assert!(!years_range_after("–20 человек") && !years_range_after(" лет"));
        // the unit is a whole word: a text may end on it, and годовых is a rate
        assert!(years_range_after("–20 год") && years_range_after("-25 жас."));
        assert!(!years_range_after("–20 годовых") && !years_range_after("–20 летних"));
        assert!(opens_with_fewer(" аз оқушы") && opens_with_fewer("Аз") && is_fewer("аз", " болатын"));
        assert!(!opens_with_fewer("аз қамтылған отбасы") && !is_fewer("аз", "Қамтылған"));
        assert!(!opens_with_fewer("азық-түлік") && !opens_with_fewer(""));
        // a single age is a span of years; a range or bound of ages counts people
        assert!(!age_range_before("Гульнаре 56 лет, "));
        assert!(age_range_before("в возрасте от 7 до 52 лет, "));
        assert!(age_range_before("детей 3–17 лет, "));
        assert!(age_range_before("80 человек старше 60 лет, "));
        assert!(!ru_verb_form("минут") && !ru_verb_form("институт") && !ru_verb_form("маршрут"));
        assert!(!ru_verb_form("учащихся"), "a reflexive participle counts people");
        assert!(ru_verb_form("уехали"));
        for w in ["построены", "построено", "профинансированы", "выделены", "положена", "высажено", "вручены"]
        {
            assert!(ru_short_participle(w), "{w}");
        }
        for w in
            ["сена", "цемента", "капусты", "зекета", "полиэтилена", "антенны", "ветераны", "гуманитарной"]
        {
            assert!(!ru_short_participle(w), "{w}");
        }
        assert!(quoted_speech(" — это дешевле, чем автобус»."));
        assert!(quoted_speech(" тонн – это на всю зиму», – говорит она."));
        assert!(!quoted_speech(" ата-әже кеші» өтті."));
        assert!(quoted_speech(" волонтеров вышли на субботник», – рассказал он."));
        assert!(ru_verb_form("вступили"));
        assert!(ru_verb_form("пришли"));
        assert!(!ru_verb_form("детали"), "3 детали: a noun");
        assert!(!ru_verb_form("недели"));
        assert!(!ru_verb_form("приют"));
        assert!(!ru_verb_form("институт"));
        assert!(!ru_verb_form("депутатов"));
        assert!(!ru_verb_form("волонтеров"));
    }

    #[test]
    fn a_dash_and_a_preposition_after_a_figure() {
        assert!(dash_preposition_after(" – в Каражале."));
        assert!(dash_preposition_after(" — от государственных органов"));
        assert!(!dash_preposition_after(" – дети из семей"));
        assert!(!dash_preposition_after(" в Каражале"));
        assert!(!dash_preposition_after(" – в"));
    }

    #[test]
    fn a_unit_in_the_ablative_is_no_counted_noun() {
        let mut l = Lexicon::default();
        l.tables.insert("unit".into(), vec![entry("t", &["тонна", "т"]), entry("km", &["км", "шақырым"])]);
        for w in ["тоннадан", "км-ден", "шақырымнан"] {
            assert!(kk_unit_ablative(&l, w), "{w}");
        }
        // (a noun that starts like a unit's short form: тұрғыннан, not т)
        for w in ["тұрғыннан", "оқушыдан", "тонна", "тоннаға"] {
            assert!(!kk_unit_ablative(&l, w), "{w}");
        }
    }

    #[test]
    fn year_like_numbers() {
        assert!(year_like(Some("2016")));
        assert!(!year_like(Some("2 016")));
        assert!(!year_like(Some("1500")));
        assert!(!year_like(Some("20000")));
        assert!(!year_like(None));
        assert!(year_like(Some("1970-х")));
        assert!(!year_like(Some("1970-ти")));
    }
}
