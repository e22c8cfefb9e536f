//! Place values: the lemma of the gazetteer entry the `name` group matched (in
//! the form's language, else the sentence's) and the entry's key; a name not in a
//! gazetteer is put in the nominative (Kazakh case endings removed).

use super::{Context, nominative};
use crate::lang::Lang;
use crate::record::Value;

pub fn normalize(ctx: &Context) -> Option<Value> {
    let text = ctx.group("name").unwrap_or_else(|| ctx.groups.whole());
    for g in &ctx.rule.gazetteers {
        if let Some(gaz) = ctx.set.gazetteers.get(g) {
            if let Some((entry, name)) = gaz.lookup(text, ctx.lang) {
                let name = ctx.constant("name").unwrap_or_else(|| name.to_string());
                let key = ctx.constant("key").or_else(|| entry.key.clone());
                return Some(Value::Place { name, key });
            }
        }
    }
    let name = match ctx.constant("name") {
        Some(n) => n,
        None if ctx.lang == Lang::Kk => nominative::kk(text),
        None => text.to_string(),
    };
    Some(Value::Place { name, key: ctx.constant("key") })
}
