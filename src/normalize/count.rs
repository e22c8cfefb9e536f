//! Count values: amount, approximation, unit, counted object and its category.
//!
//! Groups: `num` (the number, digits or words), `mult` (тысяч, млн, мың ...),
//! `approx` (более, около, астам ... looked up in the `[approx]` lexicon),
//! `unit` (тонн, тенге ... looked up in `[unit]`), `object` (the counted noun as
//! written), `num2` (the upper end of a range; the value keeps the lower bound).
//! The category comes from the rule, else from the unit (`[unit_category]`),
//! else from the object's stem in `[category]`, else `other`.

use super::{Context, number};
use crate::record::{Approx, Value};

pub fn normalize(ctx: &Context) -> Option<Value> {
    let lex = &ctx.set.lexicon;
    // Minutes of a time of day (18:00-ге дейін, в 10:30): not a count.
    if ctx.groups.before() == Some(':') {
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
        // Vague plurals (сотни, жүздеген) count in their base: 100, 1000.
        None if ctx.constant("approx").as_deref() == Some("order") => number::order_base(ctx.group("num")?)?,
        None => number::amount(ctx.group("num")?, ctx.group("mult").or(object_mult(ctx)))?,
    };
    if !(amount.is_finite() && amount >= 0.0) {
        return None;
    }
    let approx = match ctx.constant("approx") {
        Some(a) => Approx::parse(&a)?,
        // Words outside the lexicon (составило, құрайды) state the number as it is.
        None => match ctx.group("approx") {
            Some(w) => lex
                .lookup("approx", w)
                .or_else(|| lex.lookup_prefix("approx", w))
                .and_then(Approx::parse)
                .unwrap_or(Approx::Eq),
            None => Approx::Eq,
        },
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
        None => ctx.group("object").map(|s| s.trim().to_string()).or_else(|| ctx.constant("object")),
    };
    // Years, durations, ages, percentages and the like are numbers but not counts.
    if object.as_deref().is_some_and(|o| lex.lookup("not_counted", o).is_some()) {
        return None;
    }
    let category = ctx
        .constant("category")
        .or_else(|| object.as_deref().and_then(|o| object_category(ctx, o)))
        .or_else(|| unit.as_deref().and_then(|u| lex.lookup("unit_category", u)).map(str::to_string))
        .unwrap_or_else(|| "other".to_string());
    Some(Value::Count { amount, approx, unit, object, category })
}

/// The category of a counted noun phrase: its words are tried last to first (the
/// head of a Russian or Kazakh noun phrase is usually its last word), then the
/// whole phrase.
fn object_category(ctx: &Context, object: &str) -> Option<String> {
    let lex = &ctx.set.lexicon;
    if let Some(c) = lex.lookup_prefix("category", object)
        && object.split_whitespace().count() == 1
    {
        return Some(c.to_string());
    }
    // Words last to first, and in a hyphenated word its parts last to first
    // (студентов-добровольцев: volunteers).
    for w in object.split_whitespace().rev() {
        for part in w.rsplit('-').chain(std::iter::once(w)) {
            if let Some(c) = lex.lookup_prefix("category", part) {
                return Some(c.to_string());
            }
        }
    }
    lex.lookup_prefix("category", object).map(str::to_string)
}

/// An object that is in fact a multiplier (2,5 тысячи, 5 мың), when there is no
/// `mult`: the pattern took the multiplier for the counted noun.
fn object_mult<'a>(ctx: &'a Context) -> Option<&'a str> {
    if ctx.group("mult").is_some() {
        return None;
    }
    ctx.group("object").map(str::trim).filter(|o| number::parse_multiplier(o).is_some())
}
