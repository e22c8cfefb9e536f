//! The summary of a set of records: documents per language, the organizations and
//! places named most, counts summed per category, and dates on a timeline.
//!
//! It is accumulated one record at a time and holds only counters (one entry per
//! distinct organization, place, count category and date value), never the
//! records, so that `show` and `stats` stream over any corpus. [`Summary::view`]
//! gives what is printed: `stats --json` serializes it, `stats` and `show` lay it out.
//!
//! Grouping: organizations by their lowercased name, places by their key (so the
//! Russian and Kazakh names of a place are one row), counts by category and unit.
//! Counts are summed honestly: exact counts, lower bounds (`gt`, `ge`), upper
//! bounds (`lt`, `le`), approximations (`about`) and orders of magnitude (`order`)
//! each have their own sum, as a lower bound plus an exact number is still only a
//! lower bound. Dates: absolute values go on a timeline by the year and month of
//! their first point; values without a year (`XXXX-12`) and relative values
//! (`Y0`, `Y-1`, `M-1`, …) are listed apart.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::lang::Lang;
use crate::record::{Approx, EntityType, Record, Value, amount_as_written};

/// Running counters over records.
#[derive(Debug, Default)]
pub struct Summary {
    documents: usize,
    errors: usize,
    languages: BTreeMap<Lang, usize>,
    types: [usize; 4],
    organizations: HashMap<String, Tally>,
    places: HashMap<String, Tally>,
    counts: BTreeMap<(String, Option<String>), CountSums>,
    timeline: BTreeMap<(i32, Option<u32>), usize>,
    without_year: BTreeMap<String, usize>,
    relative: BTreeMap<String, usize>,
}

/// Mentions of one organization or place.
#[derive(Debug, Default)]
struct Tally {
    mentions: usize,
    documents: usize,
    /// The document (its number in the summary) that last mentioned it.
    last_document: usize,
    /// How often each name was given, to show the most frequent one first.
    names: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, name: &str, document: usize) {
        self.mentions += 1;
        if self.documents == 0 || self.last_document != document {
            self.documents += 1;
            self.last_document = document;
        }
        *self.names.entry(name.to_string()).or_default() += 1;
    }
}

impl Summary {
    pub fn new() -> Summary {
        Summary::default()
    }

    /// Count one record in.
    pub fn add(&mut self, record: &Record) {
        self.documents += 1;
        let doc = self.documents;
        if record.error.is_some() {
            self.errors += 1;
        }
        *self.languages.entry(record.lang).or_default() += 1;
        for e in &record.entities {
            self.types[e.kind as usize] += 1;
            match &e.value {
                Value::Organization { name, .. } => {
                    self.organizations.entry(name.to_lowercase()).or_default().add(name, doc);
                }
                Value::Place { name, key } => {
                    let key = key.clone().unwrap_or_else(|| name.to_lowercase());
                    self.places.entry(key).or_default().add(name, doc);
                }
                Value::Count { amount, approx, unit, category, .. } => {
                    let sums = self.counts.entry((category.clone(), unit.clone())).or_default();
                    sums.mentions += 1;
                    let part = match approx {
                        Approx::Eq => &mut sums.exact,
                        Approx::Gt | Approx::Ge => &mut sums.at_least,
                        Approx::Lt | Approx::Le => &mut sums.at_most,
                        Approx::About => &mut sums.about,
                        Approx::Order => &mut sums.order,
                    };
                    part.mentions += 1;
                    part.sum += amount;
                }
                Value::Date { value, .. } => match Period::of(value) {
                    Period::Calendar(year, month) => *self.timeline.entry((year, month)).or_default() += 1,
                    Period::WithoutYear => *self.without_year.entry(value.clone()).or_default() += 1,
                    Period::Relative => *self.relative.entry(value.clone()).or_default() += 1,
                },
            }
        }
    }

    /// What there is to print, with at most `top` organizations and places (0: all).
    pub fn view(&self, top: usize) -> View {
        let sums = self
            .counts
            .iter()
            .map(|((category, unit), s)| CountSums { category: category.clone(), unit: unit.clone(), ..*s })
            .collect();
        let listed = |m: &BTreeMap<String, usize>| -> Vec<Mentioned> {
            let mut v: Vec<Mentioned> =
                m.iter().map(|(value, &mentions)| Mentioned { value: value.clone(), mentions }).collect();
            v.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.value.cmp(&b.value)));
            v
        };
        View {
            documents: self.documents,
            errors: self.errors,
            entities: self.types.iter().sum(),
            languages: self.languages.iter().map(|(l, &n)| (l.code().to_string(), n)).collect(),
            types: Types {
                organization: self.types[EntityType::Organization as usize],
                place: self.types[EntityType::Place as usize],
                date: self.types[EntityType::Date as usize],
                count: self.types[EntityType::Count as usize],
            },
            organizations: ranking(&self.organizations, top),
            places: ranking(&self.places, top),
            counts: sums,
            dates: Dates {
                timeline: self
                    .timeline
                    .iter()
                    .map(|(&(year, month), &mentions)| Dated { year, month, mentions })
                    .collect(),
                without_year: listed(&self.without_year),
                relative: listed(&self.relative),
            },
        }
    }
}

fn ranking(tallies: &HashMap<String, Tally>, top: usize) -> Ranking {
    let mut rows: Vec<Ranked> = tallies
        .iter()
        .map(|(key, t)| {
            let mut names: Vec<(&String, &usize)> = t.names.iter().collect();
            names.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
            Ranked {
                key: key.clone(),
                names: names.into_iter().map(|(n, _)| n.clone()).collect(),
                mentions: t.mentions,
                documents: t.documents,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| b.documents.cmp(&a.documents))
            .then_with(|| a.key.cmp(&b.key))
    });
    let distinct = rows.len();
    if top > 0 {
        rows.truncate(top);
    }
    Ranking { distinct, top: rows }
}

/// Where a date value goes in the summary.
#[derive(Debug, PartialEq)]
enum Period {
    /// On the calendar: the year and, when given, the month of its first point.
    Calendar(i32, Option<u32>),
    /// `XXXX-12-04`: the year is unknown.
    WithoutYear,
    /// `Y0`, `Y-1`, `M-1`, `D-1`, …: relative to the document's date; anything else unreadable.
    Relative,
}

impl Period {
    fn of(value: &str) -> Period {
        let first = value.split('/').next().unwrap_or(value);
        if first.starts_with("XXXX") {
            return Period::WithoutYear;
        }
        let (year, rest) = first.split_at(first.len().min(4));
        if year.len() < 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Period::Relative;
        }
        let year: i32 = year.parse().expect("four digits");
        let month = rest
            .strip_prefix('-')
            .and_then(|r| r.get(..2))
            .and_then(|m| m.parse::<u32>().ok())
            .filter(|m| (1..=12).contains(m));
        Period::Calendar(year, month)
    }
}

/// The summary as printed: `stats --json` writes it as it is.
#[derive(Debug, Serialize)]
pub struct View {
    pub documents: usize,
    /// Documents that could not be processed.
    pub errors: usize,
    pub entities: usize,
    /// Documents per language code.
    pub languages: BTreeMap<String, usize>,
    /// Entities per type.
    pub types: Types,
    pub organizations: Ranking,
    pub places: Ranking,
    /// Per category and unit, in that order.
    pub counts: Vec<CountSums>,
    pub dates: Dates,
}

#[derive(Debug, Serialize)]
pub struct Types {
    pub organization: usize,
    pub place: usize,
    pub date: usize,
    pub count: usize,
}

impl Types {
    pub fn get(&self, t: EntityType) -> usize {
        match t {
            EntityType::Organization => self.organization,
            EntityType::Place => self.place,
            EntityType::Date => self.date,
            EntityType::Count => self.count,
        }
    }
}

/// The organizations or places mentioned most.
#[derive(Debug, Serialize)]
pub struct Ranking {
    /// How many different ones there are in all.
    pub distinct: usize,
    /// The first ones, most mentioned first.
    pub top: Vec<Ranked>,
}

#[derive(Debug, Serialize)]
pub struct Ranked {
    /// What they are grouped by: the lowercased name of an organization, the key of a place.
    pub key: String,
    /// The names given, most frequent first (a place's Russian and Kazakh lemmas).
    pub names: Vec<String>,
    pub mentions: usize,
    /// In how many documents.
    pub documents: usize,
}

/// Counts of one category and unit, summed by how they are approximated.
#[derive(Debug, Default, Clone, Serialize)]
pub struct CountSums {
    pub category: String,
    pub unit: Option<String>,
    pub mentions: usize,
    /// `eq`: exact.
    pub exact: Part,
    /// `gt`, `ge`: lower bounds ("more than 50 000"); their sum is a lower bound too.
    pub at_least: Part,
    /// `lt`, `le`: upper bounds ("up to 500").
    pub at_most: Part,
    /// `about`: approximations ("about 300").
    pub about: Part,
    /// `order`: vague plurals ("hundreds"), each counted as its base (100).
    pub order: Part,
}

#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct Part {
    pub mentions: usize,
    #[serde(serialize_with = "amount_as_written")]
    pub sum: f64,
}

#[derive(Debug, Serialize)]
pub struct Dates {
    /// Absolute dates by year and month of their first point, in order.
    pub timeline: Vec<Dated>,
    /// Values whose year is not given (`XXXX-12-04`), most mentioned first.
    pub without_year: Vec<Mentioned>,
    /// Values relative to the document's date (`Y0`, `Y-1`, `M-1`), most mentioned first.
    pub relative: Vec<Mentioned>,
}

#[derive(Debug, Serialize)]
pub struct Dated {
    pub year: i32,
    /// None when only the year is given.
    pub month: Option<u32>,
    pub mentions: usize,
}

impl Dated {
    /// `2023` or `2023-12`.
    pub fn label(&self) -> String {
        match self.month {
            Some(m) => format!("{:04}-{m:02}", self.year),
            None => format!("{:04}", self.year),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Mentioned {
    pub value: String,
    pub mentions: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Entity, Sentence};

    fn entity(kind: EntityType, value: Value) -> Entity {
        Entity { kind, start: 0, end: 1, text: "x".into(), sentence: 0, rule: "t.x".into(), value }
    }

    fn record(lang: Lang, entities: Vec<Entity>) -> Record {
        Record {
            id: "d".into(),
            source: "d.txt".into(),
            lang,
            lang_score: 1.0,
            chars: 1,
            date: None,
            encoding: None,
            sentences: vec![Sentence { start: 0, end: 1, lang }],
            entities,
            error: None,
            text: None,
        }
    }

    fn org(name: &str) -> Entity {
        entity(EntityType::Organization, Value::Organization { name: name.into(), form: None })
    }

    fn place(name: &str, key: &str) -> Entity {
        entity(EntityType::Place, Value::Place { name: name.into(), key: Some(key.into()) })
    }

    fn count(amount: f64, approx: Approx, category: &str) -> Entity {
        entity(
            EntityType::Count,
            Value::Count { amount, approx, unit: None, object: None, category: category.into() },
        )
    }

    fn date(value: &str) -> Entity {
        entity(EntityType::Date, Value::Date { value: value.into(), relative: None })
    }

    #[test]
    fn groups_places_across_languages_and_organizations_by_lowercased_name() {
        let mut s = Summary::new();
        s.add(&record(
            Lang::Ru,
            vec![
                place("Казахстан", "KZ"),
                org("Лига волонтеров"),
                org("Лига Волонтеров"),
                place("Алматы", "KZ-75"),
            ],
        ));
        s.add(&record(Lang::Kk, vec![place("Қазақстан", "KZ"), place("Қазақстан", "KZ")]));
        let v = s.view(0);
        assert_eq!(v.documents, 2);
        assert_eq!(v.languages, BTreeMap::from([("kk".to_string(), 1), ("ru".to_string(), 1)]));
        assert_eq!(v.entities, 6);
        assert_eq!((v.types.place, v.types.organization), (4, 2));
        let kz = &v.places.top[0];
        assert_eq!((kz.key.as_str(), kz.mentions, kz.documents), ("KZ", 3, 2));
        assert_eq!(kz.names, ["Қазақстан", "Казахстан"]);
        assert_eq!(v.places.distinct, 2);
        let liga = &v.organizations.top[0];
        assert_eq!((liga.key.as_str(), liga.mentions, liga.documents), ("лига волонтеров", 2, 1));
        assert_eq!(s.view(1).places.top.len(), 1);
        assert_eq!(s.view(1).places.distinct, 2);
    }

    #[test]
    fn lower_bounds_are_not_summed_with_exact_counts() {
        let mut s = Summary::new();
        s.add(&record(
            Lang::Ru,
            vec![
                count(50000.0, Approx::Gt, "volunteers"),
                count(200.0, Approx::Eq, "volunteers"),
                count(300.0, Approx::Eq, "volunteers"),
                count(100.0, Approx::Ge, "volunteers"),
                count(500.0, Approx::Le, "volunteers"),
                count(10.0, Approx::About, "volunteers"),
                count(100.0, Approx::Order, "volunteers"),
                count(3.0, Approx::Eq, "events"),
            ],
        ));
        let v = s.view(0);
        assert_eq!(v.counts.len(), 2);
        let vol = v.counts.iter().find(|c| c.category == "volunteers").unwrap();
        assert_eq!(vol.mentions, 7);
        assert_eq!((vol.exact.mentions, vol.exact.sum), (2, 500.0));
        assert_eq!((vol.at_least.mentions, vol.at_least.sum), (2, 50100.0));
        assert_eq!((vol.at_most.sum, vol.about.sum, vol.order.sum), (500.0, 10.0, 100.0));
        let json = serde_json::to_string(&vol.at_least).unwrap();
        assert_eq!(json, r#"{"mentions":2,"sum":50100}"#);
    }

    #[test]
    fn dates_on_the_timeline_and_apart() {
        assert_eq!(Period::of("2023-12-04"), Period::Calendar(2023, Some(12)));
        assert_eq!(Period::of("2023"), Period::Calendar(2023, None));
        assert_eq!(Period::of("2024/2027"), Period::Calendar(2024, None));
        assert_eq!(Period::of("2025-WI"), Period::Calendar(2025, None));
        assert_eq!(Period::of("2007/Y0"), Period::Calendar(2007, None));
        assert_eq!(Period::of("XXXX-12-04/XXXX-12-09"), Period::WithoutYear);
        assert_eq!(Period::of("Y0-01-01/Y0"), Period::Relative);
        assert_eq!(Period::of("Y-1"), Period::Relative);
        assert_eq!(Period::of("D-1"), Period::Relative);
        assert_eq!(Period::of(""), Period::Relative);
        let mut s = Summary::new();
        s.add(&record(
            Lang::Kk,
            vec![date("2023-12"), date("2023"), date("2023-12-04"), date("2019"), date("Y0"), date("Y0")],
        ));
        let v = s.view(0);
        let t: Vec<(String, usize)> = v.dates.timeline.iter().map(|d| (d.label(), d.mentions)).collect();
        assert_eq!(t, [("2019".into(), 1), ("2023".into(), 1), ("2023-12".into(), 2)]);
        assert_eq!((v.dates.relative[0].value.as_str(), v.dates.relative[0].mentions), ("Y0", 2));
    }
}
