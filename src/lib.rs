//! derek: structured facts (organizations, places, dates, counts) from Russian and
//! Kazakh news.
//!
//! The pipeline is: [`input`] reads documents, [`lang`] identifies the language,
//! [`segment`] splits sentences, [`extract`] applies the rules of [`rules`], and
//! [`record`] is what comes out. [`pipeline`] runs it all in parallel with a
//! deterministic output order ([`window`] for files too large to hold); [`report`] shows records as HTML and summarizes
//! them. The binary (`src/main.rs`) is thin glue over this.

pub mod alphabet;
pub mod calendar;
pub mod decode;
pub mod diff;
pub mod eval;
pub mod extract;
pub mod factor;
pub mod gazetteer;
pub mod inflect;
pub mod input;
pub mod lang;
pub mod latin;
pub mod normalize;
pub mod offsets;
pub mod pipeline;
pub mod prefilter;
pub mod record;
pub mod report;
pub mod rules;
pub mod segment;
pub mod token;
pub mod window;
