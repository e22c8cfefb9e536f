//! One document, any bytes, through the whole pipeline: no panic, and a record
//! whose offsets are valid (see `tests/support/invariants.rs`, shared with the
//! crasher regression tests in `tests/crashers.rs`).
//!
//! Bytes are read as derek reads a file (UTF-8, UTF-16, Windows-1251, KOI8-R), or
//! lossily as UTF-8 when `decode` refuses them. From `fuzz/` (README.md, Fuzzing):
//!
//! ```sh
//! cargo +nightly fuzz run document -s none corpus/document seeds ../seeds -- \
//!     -dict=document.dict -max_total_time=660 -rss_limit_mb=4096
//! ```

#![no_main]

#[path = "../../tests/support/invariants.rs"]
mod invariants;

use std::sync::LazyLock;

use derek::extract::Engine;
use derek::rules::RuleSet;
use libfuzzer_sys::fuzz_target;

static ENGINE: LazyLock<Engine> =
    LazyLock::new(|| Engine::new(RuleSet::embedded().expect("embedded rules")).expect("engine"));

fuzz_target!(|data: &[u8]| {
    let doc = invariants::document(data);
    invariants::process_and_check("fuzz input", &doc, &ENGINE);
});
