//! The output record: one per input document, serialized as one JSON line.
//!
//! Offsets are characters (Unicode scalar values), end exclusive, into the
//! decoded text (a UTF-8 byte-order mark removed, line endings kept), so that
//! `text[start:end]` in Python gives the entity's `text`.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The four kinds of fact derek extracts (GUIDELINES.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    Organization,
    Place,
    Date,
    Count,
}

impl EntityType {
    pub const ALL: [EntityType; 4] =
        [EntityType::Organization, EntityType::Place, EntityType::Date, EntityType::Count];

    pub fn name(self) -> &'static str {
        match self {
            EntityType::Organization => "organization",
            EntityType::Place => "place",
            EntityType::Date => "date",
            EntityType::Count => "count",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl std::fmt::Display for EntityType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A sentence: character span and its language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub lang: Lang,
}

/// How a count relates to its number (GUIDELINES.md, count).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Approx {
    Eq,
    Gt,
    Ge,
    Lt,
    Le,
    About,
    Order,
}

impl Approx {
    pub fn parse(s: &str) -> Option<Approx> {
        Some(match s {
            "eq" => Approx::Eq,
            "gt" => Approx::Gt,
            "ge" => Approx::Ge,
            "lt" => Approx::Lt,
            "le" => Approx::Le,
            "about" => Approx::About,
            "order" => Approx::Order,
            _ => return None,
        })
    }
}

/// The normalized value of an entity; its shape depends on the entity type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Count {
        #[serde(serialize_with = "amount_as_written")]
        amount: f64,
        approx: Approx,
        unit: Option<String>,
        object: Option<String>,
        category: String,
    },
    Date {
        value: String,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        relative: Option<String>,
    },
    Organization {
        name: String,
        form: Option<String>,
    },
    Place {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none", default)]
        key: Option<String>,
    },
}

/// One extracted fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawEntity")]
pub struct Entity {
    #[serde(rename = "type")]
    pub kind: EntityType,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Index of the sentence the entity starts in.
    pub sentence: usize,
    /// Id of the rule that fired.
    pub rule: String,
    pub value: Value,
}

/// An entity as read back from JSON, before its value is read by its type
/// (value shapes alone are ambiguous: a place and an organization both have a name).
#[derive(Deserialize)]
struct RawEntity {
    #[serde(rename = "type")]
    kind: EntityType,
    start: usize,
    end: usize,
    text: String,
    sentence: usize,
    rule: String,
    value: serde_json::Value,
}

impl TryFrom<RawEntity> for Entity {
    type Error = String;

    fn try_from(r: RawEntity) -> Result<Entity, String> {
        let v = &r.value;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let need = |k: &str| s(k).ok_or_else(|| format!("{} value without \"{k}\"", r.kind));
        let value = match r.kind {
            EntityType::Count => Value::Count {
                amount: v.get("amount").and_then(|x| x.as_f64()).ok_or("count value without amount")?,
                approx: s("approx").and_then(|a| Approx::parse(&a)).ok_or("count value without approx")?,
                unit: s("unit"),
                object: s("object"),
                category: need("category")?,
            },
            EntityType::Date => Value::Date { value: need("value")?, relative: s("relative") },
            EntityType::Organization => Value::Organization { name: need("name")?, form: s("form") },
            EntityType::Place => Value::Place { name: need("name")?, key: s("key") },
        };
        Ok(Entity {
            kind: r.kind,
            start: r.start,
            end: r.end,
            text: r.text,
            sentence: r.sentence,
            rule: r.rule,
            value,
        })
    }
}

/// Everything derek says about one input document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub source: String,
    pub lang: Lang,
    pub lang_score: f64,
    pub chars: usize,
    /// The document's date (from JSON Lines input), used to resolve relative dates.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    /// The encoding the input was decoded from, when it was not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub encoding: Option<String>,
    pub sentences: Vec<Sentence>,
    pub entities: Vec<Entity>,
    /// Why the document could not be processed; then there are no entities.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
    /// The decoded text itself, written only when asked for (`extract --keep-text`),
    /// so that `derek show` can display a records file without the articles.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

impl Record {
    /// The record of a document that could not be processed.
    pub fn failed(id: String, source: String, error: String) -> Record {
        Record {
            id,
            source,
            lang: Lang::Und,
            lang_score: 0.0,
            chars: 0,
            date: None,
            encoding: None,
            sentences: Vec::new(),
            entities: Vec::new(),
            error: Some(error),
            text: None,
        }
    }

    /// The record as one JSON line (no trailing newline).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("records always serialize")
    }
}

/// Whole amounts serialize as integers (50000, not 50000.0), others as decimals.
pub(crate) fn amount_as_written<S: serde::Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    if x.fract() == 0.0 && x.abs() < 9.0e15 { s.serialize_i64(*x as i64) } else { s.serialize_f64(*x) }
}

/// Round a score to three decimals so that output bytes are stable and short.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_in_documented_shape() {
        let r = Record {
            id: "000".into(),
            source: "seeds/000.txt".into(),
            lang: Lang::Ru,
            lang_score: 0.99,
            chars: 64,
            date: None,
            encoding: None,
            sentences: vec![Sentence { start: 0, end: 64, lang: Lang::Ru }],
            entities: vec![Entity {
                kind: EntityType::Place,
                start: 58,
                end: 64,
                text: "Алматы".into(),
                sentence: 0,
                rule: "ru.place.gazetteer".into(),
                value: Value::Place { name: "Алматы".into(), key: Some("KZ-75".into()) },
            }],
            error: None,
            text: None,
        };
        assert_eq!(
            r.to_json(),
            r#"{"id":"000","source":"seeds/000.txt","lang":"ru","lang_score":0.99,"chars":64,"sentences":[{"start":0,"end":64,"lang":"ru"}],"entities":[{"type":"place","start":58,"end":64,"text":"Алматы","sentence":0,"rule":"ru.place.gazetteer","value":{"name":"Алматы","key":"KZ-75"}}]}"#
        );
        let back: Record = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(back, r);
        // The text, when kept, comes last and reads back.
        let kept = Record { text: Some("В Алматы".into()), ..r };
        assert!(kept.to_json().ends_with(r#"}}],"text":"В Алматы"}"#));
        assert_eq!(serde_json::from_str::<Record>(&kept.to_json()).unwrap(), kept);
    }

    #[test]
    fn amounts_read_back_exactly() {
        // Found by fuzzing (tests/crashers/json-amount-roundtrip.bin): `99000031817518829`
        // is written as 9.900003181751883e16, which serde_json's default float parser
        // read back one unit in the last place off; its `float_roundtrip` feature reads
        // every written float back exactly, so records compare equal after a round trip.
        for amount in [9.900003181751883e16, 1e35, 9.999999999e34, 0.1, 51.5, 1.7976931348623157e308] {
            let v =
                Value::Count { amount, approx: Approx::Eq, unit: None, object: None, category: "x".into() };
            let json = serde_json::to_string(&v).unwrap();
            let back: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(back["amount"].as_f64(), Some(amount), "{json}");
        }
    }

    #[test]
    fn value_shapes() {
        let c = Value::Count {
            amount: 51.5,
            approx: Approx::Gt,
            unit: Some("t".into()),
            object: Some("гуманитарной помощи".into()),
            category: "aid".into(),
        };
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"amount":51.5,"approx":"gt","unit":"t","object":"гуманитарной помощи","category":"aid"}"#
        );
        let c = Value::Count {
            amount: 50000.0,
            approx: Approx::Eq,
            unit: None,
            object: None,
            category: "other".into(),
        };
        // Whole amounts are written as integers, as in the gold files.
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"amount":50000,"approx":"eq","unit":null,"object":null,"category":"other"}"#
        );
        let d = Value::Date { value: "XXXX-12-04/XXXX-12-09".into(), relative: None };
        assert_eq!(serde_json::to_string(&d).unwrap(), r#"{"value":"XXXX-12-04/XXXX-12-09"}"#);
        let o = Value::Organization {
            name: "Лига волонтеров Казахстана".into(), form: Some("ОФ".into())
        };
        assert_eq!(
            serde_json::to_string(&o).unwrap(),
            r#"{"name":"Лига волонтеров Казахстана","form":"ОФ"}"#
        );
        let failed = Record::failed("x".into(), "x.txt".into(), "not UTF-8".into());
        assert!(failed.to_json().ends_with(r#""entities":[],"error":"not UTF-8"}"#));
    }
}
