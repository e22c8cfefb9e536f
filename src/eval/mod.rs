//! Evaluation against gold files: language identification, sentence boundaries,
//! and entities. Each figure has a name (`langid.accuracy`, ...) that the floors
//! file (`quality/floors.toml`) can hold a minimum for.

pub mod langid;
pub mod sentences;

/// One measured figure.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Figure {
    /// Stable dotted name, e.g. `langid.accuracy` or `sentences.ru.errors_per_1000`.
    pub name: String,
    pub value: f64,
    /// True when lower is better (error rates); floors then act as ceilings.
    pub lower_is_better: bool,
    /// Human-readable detail, e.g. "1998/2000".
    pub detail: String,
}
