//! What every record must satisfy whatever the input: the checks of the fuzz target
//! (`fuzz/fuzz_targets/document.rs`) and of the crasher regression tests
//! (`tests/crashers.rs`), shared by `#[path]` so that both check the same thing
//! (also used by `tests/properties.rs`; each user takes a part, hence the allow).

#![allow(dead_code)]

use derek::extract::Engine;
use derek::input::Document;
use derek::record::{Record, Value};

/// The document made of `bytes` as derek would read it from a file: decoded
/// (UTF-8 with or without a BOM, UTF-16, Windows-1251, KOI8-R), or, when
/// `decode` refuses the bytes (binary data), their lossy UTF-8 reading, so that
/// every input reaches the pipeline.
pub fn document(bytes: &[u8]) -> Document {
    let (text, encoding) = match derek::decode::decode(bytes.to_vec()) {
        Ok(d) => (d.text, d.encoding),
        Err(_) => (String::from_utf8_lossy(bytes).into_owned(), None),
    };
    Document { id: "fuzz".into(), source: "fuzz".into(), text, date: None, encoding }
}

/// Run one document through the pipeline and check its record; panic, naming the
/// input `name`, if it is not valid.
pub fn process_and_check(name: &str, doc: &Document, engine: &Engine) -> Record {
    let record = derek::pipeline::process(doc, engine);
    if let Err(e) = check(&doc.text, &record) {
        panic!("{name}: invalid record: {e}\ntext: {:?}\nrecord: {}", doc.text, record.to_json());
    }
    record
}

/// The record's offsets are character positions into `text`: sentences in order,
/// non-empty, trimmed, not overlapping, within the text and covering every
/// non-whitespace character; each entity's text is the slice it points at, inside
/// the sentence it names; entities in order of their start, not overlapping within
/// a type; and the record serializes to JSON that reads back the same.
pub fn check(text: &str, r: &Record) -> Result<(), String> {
    if let Some(e) = &r.error {
        return Err(format!("error record: {e}"));
    }
    // Byte offset of each character, and of the end.
    let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let chars = bytes.len() - 1;
    if r.chars != chars {
        return Err(format!("chars is {}, the text has {chars}", r.chars));
    }
    let slice = |s: usize, e: usize| &text[bytes[s]..bytes[e]];
    let mut covered = vec![false; chars];
    let mut last = 0;
    for (i, s) in r.sentences.iter().enumerate() {
        if !(last <= s.start && s.start < s.end && s.end <= chars) {
            return Err(format!("sentence {i} {}..{} after {last}, in 0..{chars}", s.start, s.end));
        }
        let body = slice(s.start, s.end);
        if body != body.trim() {
            return Err(format!("sentence {i} not trimmed: {body:?}"));
        }
        covered[s.start..s.end].iter_mut().for_each(|c| *c = true);
        last = s.end;
    }
    if let Some((i, c)) = text.chars().enumerate().find(|&(i, c)| !covered[i] && !c.is_whitespace()) {
        return Err(format!("character {i} {c:?} is in no sentence"));
    }
    let mut prev_start = 0;
    for (i, e) in r.entities.iter().enumerate() {
        if !(e.start < e.end && e.end <= chars) {
            return Err(format!("entity {i} at {}..{} in 0..{chars}", e.start, e.end));
        }
        if e.text != slice(e.start, e.end) {
            return Err(format!("entity {i} text {:?} is not the text at {}..{}", e.text, e.start, e.end));
        }
        let Some(s) = r.sentences.get(e.sentence) else {
            return Err(format!("entity {i} in sentence {} of {}", e.sentence, r.sentences.len()));
        };
        if !(s.start <= e.start && e.end <= s.end) {
            return Err(format!(
                "entity {i} at {}..{} outside its sentence {}..{}",
                e.start, e.end, s.start, s.end
            ));
        }
        if e.start < prev_start {
            return Err(format!("entity {i} starts at {}, before the previous one", e.start));
        }
        prev_start = e.start;
        if let Some(o) =
            r.entities[..i].iter().find(|o| o.kind == e.kind && o.start < e.end && e.start < o.end)
        {
            return Err(format!(
                "{} entities overlap: {}..{} and {}..{}",
                e.kind, o.start, o.end, e.start, e.end
            ));
        }
        if let Value::Count { amount, .. } = e.value
            && !amount.is_finite()
        {
            return Err(format!("entity {i}: count amount {amount}"));
        }
    }
    if !r.lang_score.is_finite() {
        return Err(format!("lang_score {}", r.lang_score));
    }
    let json = r.to_json();
    match serde_json::from_str::<Record>(&json) {
        Ok(back) if back == *r => Ok(()),
        Ok(_) => Err(format!("the JSON reads back differently: {json}")),
        Err(e) => Err(format!("the JSON does not read back: {e}: {json}")),
    }
}
