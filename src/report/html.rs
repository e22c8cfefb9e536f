//! The HTML report of `derek show`: one self-contained page (inline CSS and a few
//! lines of inline script, nothing fetched) with the summary of the whole input at
//! the top and each document's text below, its entities highlighted.
//!
//! Streaming: each document's section is written as soon as its record comes, to
//! a scratch file beside the output, while only the summary's counters stay in
//! memory; [`HtmlReport::finish`] then writes the page head and the summary and
//! copies the sections after them. So the summary is at the top, where readers
//! look first, and memory does not grow with the corpus (the disk holds the
//! sections once more until the end).
//!
//! Each entity is exactly one `<mark class="e …" data-entity="N">` element, N its
//! index in the record; nesting follows [`super::marks`] (partial overlaps are
//! clipped to their container). A mark is focusable (`tabindex="0"`); its `title`
//! (shown on hover, and by CSS on keyboard focus) gives the type, the value, the
//! rule id and the sentence index. Colour is never the only cue: each type also
//! has its own underline style and a small visible label (ORG, PLACE, DATE, COUNT),
//! on screen and in print. Each document's text carries its `lang`, and so does
//! each sentence, wrapped in a `<span class="sentence">`; a checkbox shows the
//! sentence boundaries, another their languages. Sentences are only opened and
//! closed outside entities, so an entity that crosses a sentence boundary (which
//! derek's rules never produce) moves the boundary to its end instead of being cut.

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::amount::{amount, sign};
use super::marks;
use super::summary::{CountSums, Part, Ranking, Summary, View};
use crate::record::{EntityType, Record, Value};

/// An HTML report being written: document sections go to a scratch file until
/// [`HtmlReport::finish`] puts the page together.
pub struct HtmlReport {
    scratch: Option<BufWriter<File>>,
    path: PathBuf,
    summary: Summary,
    documents: usize,
}

impl HtmlReport {
    /// A report whose document sections wait in a scratch file created in `dir`
    /// (put it beside the output: same disk, and removed when the report is dropped).
    pub fn new(dir: &Path) -> io::Result<HtmlReport> {
        static SERIAL: AtomicUsize = AtomicUsize::new(0);
        let n = SERIAL.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!(".derek-show.{}.{n}.tmp", std::process::id()));
        let file = File::options()
            .read(true)
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Ok(HtmlReport {
            scratch: Some(BufWriter::with_capacity(1 << 16, file)),
            path,
            summary: Summary::new(),
            documents: 0,
        })
    }

    /// Add one document: its record and its text (`None` only for a document that
    /// could not be processed and so has no text).
    pub fn add(&mut self, record: &Record, text: Option<&str>) -> io::Result<()> {
        self.documents += 1;
        self.summary.add(record);
        let html = document(self.documents, record, text);
        self.scratch.as_mut().expect("not finished").write_all(html.as_bytes())
    }

    /// Write the whole page to `out`: head, summary (at most `top` organizations
    /// and places), the document sections, the script. Gives the summary back.
    pub fn finish(mut self, out: &mut dyn Write, title: &str, top: usize) -> io::Result<Summary> {
        let view = self.summary.view(top);
        out.write_all(head(title, &view).as_bytes())?;
        out.write_all(summary(&view, top).as_bytes())?;
        out.write_all(
            format!(
                "<section id=\"documents\" aria-labelledby=\"documents-h\">\n\
                 <h2 id=\"documents-h\">Documents ({})</h2>\n",
                self.documents
            )
            .as_bytes(),
        )?;
        let mut file = self
            .scratch
            .take()
            .expect("finished once")
            .into_inner()
            .map_err(|e| io::Error::new(e.error().kind(), e.error().to_string()))?;
        file.rewind()?;
        io::copy(&mut file, out)?;
        out.write_all(FOOT.as_bytes())?;
        out.flush()?;
        Ok(std::mem::take(&mut self.summary))
    }
}

impl Drop for HtmlReport {
    fn drop(&mut self) {
        self.scratch = None;
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Short label of a type, shown beside each highlighted entity.
pub fn label(t: EntityType) -> &'static str {
    match t {
        EntityType::Organization => "ORG",
        EntityType::Place => "PLACE",
        EntityType::Date => "DATE",
        EntityType::Count => "COUNT",
    }
}

/// A value in words: `Лига волонтеров (ОФ)`, `Алматы [KZ-75]`, `> 50 000 волонтеров · volunteers`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Organization { name, form } => match form {
            Some(f) => format!("{name} ({f})"),
            None => name.clone(),
        },
        Value::Place { name, key } => match key {
            Some(k) => format!("{name} [{k}]"),
            None => name.clone(),
        },
        Value::Date { value, relative } => match relative {
            Some(r) => format!("{value} (relative: {r})"),
            None => value.clone(),
        },
        Value::Count { amount: a, approx, unit, object, category } => {
            let mut s = String::new();
            let sg = sign(*approx);
            if !sg.is_empty() {
                s.push_str(sg);
                s.push(' ');
            }
            s.push_str(&amount(*a));
            for part in [unit, object].into_iter().flatten() {
                s.push(' ');
                s.push_str(part);
            }
            s.push_str(" · ");
            s.push_str(category);
            s
        }
    }
}

/// Escape text for HTML content and attribute values. Control characters other
/// than tab and line breaks (which HTML does not allow) become U+FFFD, one for
/// one, so the text keeps its length in characters.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// The section of one document (`number` counts from 1 in the report).
pub fn document(number: usize, record: &Record, text: Option<&str>) -> String {
    let mut h = String::with_capacity(text.map_or(0, str::len) * 2 + 1024);
    let _ = write!(
        h,
        "<section class=\"doc\" id=\"doc-{number}\" aria-labelledby=\"doc-{number}-h\">\n\
         <h3 id=\"doc-{number}-h\"><a href=\"#doc-{number}\">{number}.</a> {}</h3>\n<p class=\"meta\">",
        escape(&record.id)
    );
    let mut meta = vec![
        format!("{}, score {}", record.lang.code(), record.lang_score),
        format!("{} characters", record.chars),
        format!("{} sentences", record.sentences.len()),
    ];
    let mut per_type = [0usize; 4];
    for e in &record.entities {
        per_type[e.kind as usize] += 1;
    }
    let types: Vec<String> = EntityType::ALL
        .iter()
        .filter(|t| per_type[**t as usize] > 0)
        .map(|t| format!("{} {}", per_type[*t as usize], t.name()))
        .collect();
    meta.push(format!(
        "{} entities{}",
        record.entities.len(),
        if types.is_empty() { String::new() } else { format!(": {}", types.join(", ")) }
    ));
    if let Some(d) = &record.date {
        meta.push(format!("date {d}"));
    }
    if let Some(enc) = &record.encoding {
        meta.push(format!("decoded from {enc}"));
    }
    let meta: Vec<String> = meta.iter().map(|m| escape(m)).collect();
    let _ =
        writeln!(h, "{} · <span class=\"source\">{}</span></p>", meta.join(" · "), escape(&record.source));
    if let Some(err) = &record.error {
        let _ = writeln!(h, "<p class=\"error\">Could not be processed: {}</p>", escape(err));
    }
    if let Some(text) = text {
        let chars = text.chars().count();
        if chars != record.chars && record.error.is_none() {
            let _ = writeln!(
                h,
                "<p class=\"error\">This text has {chars} characters where the record says {}: \
                 the highlights may be misplaced.</p>",
                record.chars
            );
        }
        let _ = write!(h, "<div class=\"text\" lang=\"{}\">", record.lang.code());
        text_with_marks(&mut h, record, text);
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
    h
}

/// The text with its sentences wrapped and its entities highlighted.
fn text_with_marks(h: &mut String, record: &Record, text: &str) {
    // Byte offset of each character, and of the end.
    let bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let len = bounds.len() - 1;
    let spans: Vec<(usize, usize)> = record.entities.iter().map(|e| (e.start, e.end)).collect();
    let marks = marks::layout(&spans, len);
    let sentences = &record.sentences;
    let mut open: Vec<usize> = Vec::new(); // ends of the open marks, innermost last
    let mut next_mark = 0;
    let mut sentence: Option<usize> = None; // the open sentence
    let mut next_sentence = 0;
    let mut pos = 0;
    loop {
        while open.last().is_some_and(|&end| end <= pos) {
            h.push_str("</mark>");
            open.pop();
        }
        if open.is_empty() {
            loop {
                match sentence {
                    Some(i) if sentences[i].end <= pos => {
                        h.push_str("</span>");
                        sentence = None;
                    }
                    None if next_sentence < sentences.len() && sentences[next_sentence].start <= pos => {
                        let s = &sentences[next_sentence];
                        let other = if s.lang != record.lang { " other-lang" } else { "" };
                        let lang = s.lang.code();
                        let _ = write!(
                            h,
                            "<span class=\"sentence{other}\" lang=\"{lang}\" data-sentence=\"{next_sentence}\" \
                             data-lang=\"{lang}\">"
                        );
                        sentence = Some(next_sentence);
                        next_sentence += 1;
                    }
                    _ => break,
                }
            }
        }
        if let Some(m) = marks.get(next_mark).filter(|m| m.start == pos) {
            open_mark(h, record, text, &bounds, m);
            open.push(m.end);
            next_mark += 1;
            continue;
        }
        if pos >= len {
            break;
        }
        let mut to = len;
        if let Some(&end) = open.last() {
            to = to.min(end);
        }
        if let Some(m) = marks.get(next_mark) {
            to = to.min(m.start);
        }
        if open.is_empty() {
            match sentence {
                Some(i) => to = to.min(sentences[i].end),
                None => {
                    if let Some(s) = sentences.get(next_sentence) {
                        to = to.min(s.start);
                    }
                }
            }
        }
        let to = to.max(pos + 1);
        escape_into(h, &text[bounds[pos]..bounds[to]]);
        pos = to;
    }
    if sentence.is_some() {
        h.push_str("</span>");
    }
}

fn open_mark(h: &mut String, record: &Record, text: &str, bounds: &[usize], m: &marks::Mark) {
    let e = &record.entities[m.entity];
    let mut tip =
        format!("{}: {}\nrule {} · sentence {}", e.kind.name(), describe(&e.value), e.rule, e.sentence);
    if m.clipped {
        let full = match (bounds.get(e.start), bounds.get(e.end)) {
            (Some(&a), Some(&b)) if a <= b => text[a..b].to_string(),
            _ => e.text.clone(),
        };
        let _ = write!(tip, "\nshown clipped: the entity is characters {}–{}, «{full}»", e.start, e.end);
    }
    let clipped = if m.clipped { " clipped" } else { "" };
    let _ = write!(
        h,
        "<mark class=\"e t-{}{clipped}\" data-entity=\"{}\" data-type=\"{}\" tabindex=\"0\" title=\"",
        e.kind.name(),
        m.entity,
        e.kind.name()
    );
    escape_into(h, &tip);
    h.push_str("\">");
}

/// The page's style and script, inlined: the report fetches nothing.
const STYLE: &str = include_str!("report.css");

const FOOT: &str =
    concat!("</section>\n</main>\n<script>", include_str!("report.js"), "</script>\n</body>\n</html>\n");

fn head(title: &str, view: &View) -> String {
    let mut h = String::new();
    let title = escape(title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"derek {}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n\
         <body>\n<a class=\"skip\" href=\"#documents\">Skip to the documents</a>\n\
         <div class=\"controls\" role=\"group\" aria-label=\"What to show\">\n",
        env!("CARGO_PKG_VERSION")
    );
    for t in EntityType::ALL {
        let _ = writeln!(
            h,
            "<label><input type=\"checkbox\" checked data-off=\"off-{name}\"> \
             <span class=\"swatch t-{name}\">{label}</span> {name} ({n})</label>",
            name = t.name(),
            label = label(t),
            n = view.types.get(t)
        );
    }
    h.push_str(
        "<label class=\"toggle\"><input type=\"checkbox\" data-on=\"show-sentences\"> sentence boundaries</label>\n\
         <label class=\"toggle\"><input type=\"checkbox\" data-on=\"show-langs\"> sentence languages</label>\n</div>\n",
    );
    let _ = write!(
        h,
        "<main>\n<h1>{title}</h1>\n<p class=\"note\">Highlighted: organizations, places, dates and counts \
         found by derek. Hover over an entity, or move to it with Tab, to see its type, value, rule and \
         sentence (sentences are numbered from 0, as in the records). An entity that overlaps another \
         partially is shown cut at the end of the one that contains its start (dashed right edge); its \
         tooltip gives its full text.</p>\n"
    );
    h
}

fn summary(view: &View, top: usize) -> String {
    let mut h = String::from(
        "<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n",
    );
    let langs: Vec<String> = view.languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let types: Vec<String> =
        EntityType::ALL.iter().map(|t| format!("{} {}", view.types.get(*t), t.name())).collect();
    let _ = writeln!(
        h,
        "<p>{} documents ({}){}; {} entities: {}.</p>",
        view.documents,
        if langs.is_empty() { "none".to_string() } else { langs.join(", ") },
        if view.errors > 0 { format!(", {} could not be processed", view.errors) } else { String::new() },
        view.entities,
        types.join(", ")
    );
    ranking_table(&mut h, "Organizations", "by lowercased name", &view.organizations, top, false);
    ranking_table(&mut h, "Places", "by key, Russian and Kazakh names together", &view.places, top, true);
    counts_table(&mut h, &view.counts);
    dates(&mut h, view);
    h.push_str("</section>\n");
    h
}

fn ranking_table(h: &mut String, what: &str, grouped: &str, r: &Ranking, top: usize, keyed: bool) {
    if r.top.is_empty() {
        let _ = writeln!(h, "<p>{what}: none.</p>");
        return;
    }
    let shown = if top > 0 && r.distinct > r.top.len() {
        format!("the {} most mentioned of {}", r.top.len(), r.distinct)
    } else {
        format!("all {}", r.distinct)
    };
    let _ = write!(
        h,
        "<table>\n<caption>{what} ({shown}, grouped {grouped})</caption>\n<thead><tr><th scope=\"col\">name</th>{}\
         <th scope=\"col\" class=\"n\">mentions</th><th scope=\"col\" class=\"n\">documents</th></tr></thead>\n<tbody>\n",
        if keyed { "<th scope=\"col\">key</th>" } else { "" }
    );
    for row in &r.top {
        let _ = write!(h, "<tr><td>{}</td>", escape(&row.names.join(" / ")));
        if keyed {
            let _ = write!(h, "<td>{}</td>", escape(&row.key));
        }
        let _ =
            writeln!(h, "<td class=\"n\">{}</td><td class=\"n\">{}</td></tr>", row.mentions, row.documents);
    }
    h.push_str("</tbody>\n</table>\n");
}

fn part(p: &Part, sg: &str) -> String {
    if p.mentions == 0 {
        return String::new();
    }
    let sg = if sg.is_empty() { String::new() } else { format!("{sg} ") };
    format!("{sg}{} <small>({}×)</small>", amount(p.sum), p.mentions)
}

fn counts_table(h: &mut String, counts: &[CountSums]) {
    if counts.is_empty() {
        h.push_str("<p>Counts: none.</p>\n");
        return;
    }
    h.push_str(
        "<table>\n<caption>Counts summed per category</caption>\n<thead><tr><th scope=\"col\">category</th>\
         <th scope=\"col\">unit</th><th scope=\"col\" class=\"n\">mentions</th><th scope=\"col\" class=\"n\">exact</th>\
         <th scope=\"col\" class=\"n\">lower bounds</th><th scope=\"col\" class=\"n\">upper bounds</th>\
         <th scope=\"col\" class=\"n\">about</th><th scope=\"col\" class=\"n\">order of</th></tr></thead>\n<tbody>\n",
    );
    for c in counts {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&c.category),
            escape(c.unit.as_deref().unwrap_or("")),
            c.mentions,
            part(&c.exact, ""),
            part(&c.at_least, "≥"),
            part(&c.at_most, "≤"),
            part(&c.about, "≈"),
            part(&c.order, "~"),
        );
    }
    h.push_str(
        "</tbody>\n</table>\n<p class=\"note\">Each column sums the counts written that way, with how many \
         there were: “more than 50 000” and “at least 100” make “≥ 50 100” under lower bounds, never part \
         of an exact sum. Vague plurals (“hundreds”) count as their base. The same fact reported in two \
         documents is counted twice.</p>\n",
    );
}

fn dates(h: &mut String, view: &View) {
    let d = &view.dates;
    if d.timeline.is_empty() && d.without_year.is_empty() && d.relative.is_empty() {
        h.push_str("<p>Dates: none.</p>\n");
        return;
    }
    if !d.timeline.is_empty() {
        let most = d.timeline.iter().map(|x| x.mentions).max().unwrap_or(1).max(1);
        h.push_str(
            "<table>\n<caption>Dates on the calendar (by the year and month they start)</caption>\n\
             <thead><tr><th scope=\"col\">period</th><th scope=\"col\" class=\"n\">mentions</th>\
             <th scope=\"col\"><span class=\"hidden\">bar</span></th></tr></thead>\n<tbody>\n",
        );
        for x in &d.timeline {
            let label = match x.month {
                Some(_) => x.label(),
                None => format!("{} (year only)", x.label()),
            };
            let _ = writeln!(
                h,
                "<tr><td>{label}</td><td class=\"n\">{}</td><td><span class=\"bar\" style=\"width: {:.1}em\"></span></td></tr>",
                x.mentions,
                12.0 * x.mentions as f64 / most as f64
            );
        }
        h.push_str("</tbody>\n</table>\n");
    }
    for (what, list) in
        [("Without a year", &d.without_year), ("Relative to the document's date", &d.relative)]
    {
        if list.is_empty() {
            continue;
        }
        let items: Vec<String> =
            list.iter().map(|m| format!("<code>{}</code> ({}×)", escape(&m.value), m.mentions)).collect();
        let _ = writeln!(h, "<p>{what}: {}.</p>", items.join(", "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::record::{Approx, Entity, Sentence};

    /// An entity over the `nth` occurrence (from 0) of `what` in `text`, in characters.
    fn entity(text: &str, what: &str, nth: usize, kind: EntityType) -> Entity {
        let byte = text.match_indices(what).nth(nth).expect("in the text").0;
        let start = text[..byte].chars().count();
        let end = start + what.chars().count();
        let value = match kind {
            EntityType::Organization => Value::Organization { name: what.into(), form: None },
            EntityType::Place => Value::Place { name: what.into(), key: Some("KZ-75".into()) },
            EntityType::Date => Value::Date { value: "2023".into(), relative: None },
            EntityType::Count => Value::Count {
                amount: 5000.0,
                approx: Approx::Gt,
                unit: None,
                object: None,
                category: "volunteers".into(),
            },
        };
        Entity { kind, start, end, text: what.into(), sentence: 0, rule: "test.rule".into(), value }
    }

    fn record(text: &str, entities: Vec<Entity>) -> Record {
        let chars = text.chars().count();
        Record {
            id: "doc".into(),
            source: "doc.txt".into(),
            lang: Lang::Ru,
            lang_score: 1.0,
            chars,
            date: None,
            encoding: None,
            sentences: vec![Sentence { start: 0, end: chars, lang: Lang::Ru }],
            entities,
            error: None,
            text: None,
        }
    }

    /// What the browser would show: per entity index, the text inside its element
    /// (nested elements included), and the whole text without tags.
    fn read_back(html: &str) -> (Vec<(usize, String)>, String) {
        fn unescape(s: &str) -> String {
            s.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        }
        let mut marks: Vec<(usize, String)> = Vec::new();
        let mut open: Vec<Option<usize>> = Vec::new(); // per open element: its index in `marks`
        let mut plain = String::new();
        let mut rest = html;
        while !rest.is_empty() {
            if let Some(tag_end) = rest.strip_prefix('<').and_then(|r| r.find('>')) {
                let tag = &rest[1..tag_end + 1];
                if tag.starts_with('/') {
                    open.pop();
                } else if tag.starts_with("mark ") {
                    let n: usize = tag
                        .split("data-entity=\"")
                        .nth(1)
                        .unwrap()
                        .split('"')
                        .next()
                        .unwrap()
                        .parse()
                        .unwrap();
                    marks.push((n, String::new()));
                    open.push(Some(marks.len() - 1));
                } else {
                    open.push(None);
                }
                rest = &rest[tag_end + 2..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let chunk = unescape(&rest[..end]);
                for m in open.iter().flatten() {
                    marks[*m].1.push_str(&chunk);
                }
                plain.push_str(&chunk);
                rest = &rest[end..];
            }
        }
        assert!(open.is_empty(), "every element is closed");
        (marks, plain)
    }

    fn body(rec: &Record, text: &str) -> String {
        let mut h = String::new();
        text_with_marks(&mut h, rec, text);
        h
    }

    #[test]
    fn every_entity_is_one_element_nested_or_clipped() {
        let text = "Волонтеры ОФ «Лига волонтеров Казахстана» в Алматы с 4 по 9 декабря 2023 года.";
        let mut ents = vec![
            entity(text, "ОФ «Лига волонтеров Казахстана»", 0, EntityType::Organization),
            entity(text, "Казахстана", 0, EntityType::Place),
            entity(text, "Алматы", 0, EntityType::Place),
            entity(text, "с 4 по 9 декабря 2023 года", 0, EntityType::Date),
            entity(text, "2023", 0, EntityType::Count),
        ];
        // A partial overlap: from "Алматы" into the date.
        let mut partial = entity(text, "Алматы с 4", 0, EntityType::Organization);
        partial.value = Value::Organization { name: "Алматы с 4".into(), form: None };
        ents.push(partial);
        let rec = record(text, ents);
        let html = body(&rec, text);
        assert_eq!(html.matches("<mark ").count(), rec.entities.len());
        assert_eq!(html.matches("</mark>").count(), rec.entities.len());
        let (marks, plain) = read_back(&html);
        assert_eq!(plain, text, "the text is all there, once");
        let mut seen: Vec<usize> = marks.iter().map(|m| m.0).collect();
        seen.sort();
        assert_eq!(seen, (0..rec.entities.len()).collect::<Vec<_>>());
        for (i, inner) in &marks {
            let e = &rec.entities[*i];
            if *i == 3 {
                // The date starts inside the partial "Алматы с 4", which contains the place and
                // came first: the date is cut at its end.
                assert_eq!(inner, "с 4", "the date is clipped at the end of its container");
            } else {
                assert_eq!(inner, &e.text, "entity {i}");
            }
        }
        assert!(html.contains("shown clipped: the entity is characters"));
        assert!(html.contains("«с 4 по 9 декабря 2023 года»"));
    }

    #[test]
    fn text_is_escaped() {
        let text = "<script>alert('x')</script> & \"Алматы\" <b>жирный</b>\u{0}";
        let rec = record(
            text,
            vec![
                entity(text, "Алматы", 0, EntityType::Place),
                entity(text, "script", 0, EntityType::Organization),
            ],
        );
        let html = document(1, &rec, Some(text));
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;<mark "));
        assert!(html.contains("&amp; &quot;<mark "));
        let (marks, plain) = read_back(&body(&rec, text));
        assert_eq!(plain, text.replace('\u{0}', "\u{fffd}"), "a control character is replaced one for one");
        assert_eq!(marks.len(), 2);
        // Attribute values are escaped too.
        let tricky = record(
            "x",
            vec![Entity { rule: "a\"><script>".into(), ..entity("x", "x", 0, EntityType::Date) }],
        );
        let html = document(1, &Record { id: "<id>".into(), ..tricky }, Some("x"));
        assert!(!html.contains("<script>") && !html.contains("<id>"), "{html}");
    }

    #[test]
    fn offsets_are_characters_with_emoji_and_combining_marks() {
        // A family emoji is 5 scalar values, "е́" is two (e + combining acute), Cyrillic is 2 bytes each.
        let text = "👩‍👩‍👧 Семья из Алматы́ и 😀 5 мың еріктілер, «Қазақстан» 🇰🇿.";
        let ents = vec![
            entity(text, "👩‍👩‍👧 Семья", 0, EntityType::Organization),
            entity(text, "Алматы́", 0, EntityType::Place),
            entity(text, "́ и 😀", 0, EntityType::Date),
            entity(text, "5 мың еріктілер", 0, EntityType::Count),
            entity(text, "Қазақстан", 0, EntityType::Place),
            entity(text, "🇰🇿", 0, EntityType::Place),
        ];
        let rec = record(text, ents);
        let (marks, plain) = read_back(&body(&rec, text));
        assert_eq!(plain, text);
        assert_eq!(marks.len(), rec.entities.len());
        for (i, inner) in &marks {
            let e = &rec.entities[*i];
            let chars: Vec<char> = text.chars().collect();
            let expected: String = chars[e.start..e.end].iter().collect();
            assert_eq!(expected, e.text);
            if *i != 2 {
                assert_eq!(inner, &e.text, "entity {i}");
            }
        }
        // The date starting on the combining mark inside the place is clipped to the place's end.
        assert_eq!(marks.iter().find(|m| m.0 == 2).unwrap().1, "\u{301}");
    }

    #[test]
    fn sentences_carry_their_language_and_stay_outside_entities() {
        let text = "Алматыда 5 мың ерікті. В Астане тоже.";
        let mut rec = record(text, vec![entity(text, "ерікті. В Астане", 0, EntityType::Count)]);
        rec.lang = Lang::Kk;
        rec.sentences = vec![
            Sentence { start: 0, end: 22, lang: Lang::Kk },
            Sentence { start: 23, end: 37, lang: Lang::Ru },
        ];
        let html = body(&rec, text);
        assert!(html.starts_with("<span class=\"sentence\" lang=\"kk\" data-sentence=\"0\""), "{html}");
        assert!(html.contains("<span class=\"sentence other-lang\" lang=\"ru\" data-sentence=\"1\""));
        // The entity crosses the boundary: the first sentence closes after it, the second opens there.
        assert!(html.contains("В Астане</mark></span><span class=\"sentence other-lang\""), "{html}");
        assert_eq!(read_back(&html).1, text);
    }

    #[test]
    fn a_page_with_summary_on_top() {
        let dir = tempfile::tempdir().unwrap();
        let mut report = HtmlReport::new(dir.path()).unwrap();
        let text = "В Алматы 5 тысяч волонтеров.";
        let rec = record(text, vec![entity(text, "Алматы", 0, EntityType::Place)]);
        report.add(&rec, Some(text)).unwrap();
        report.add(&Record::failed("bad".into(), "bad.txt".into(), "not UTF-8".into()), None).unwrap();
        let mut out = Vec::new();
        let summary = report.finish(&mut out, "Отчёт <1>", 20).unwrap();
        assert_eq!(summary.view(0).documents, 2);
        let page = String::from_utf8(out).unwrap();
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.ends_with("</html>\n"));
        assert!(page.contains("<title>Отчёт &lt;1&gt;</title>"));
        let (summary_at, docs_at) =
            (page.find("id=\"summary\"").unwrap(), page.find("id=\"doc-1\"").unwrap());
        assert!(summary_at < docs_at);
        assert!(page.contains("Could not be processed: not UTF-8"));
        assert_eq!(page.matches("data-entity=").count(), 1);
        assert!(!page.contains("http://") && !page.contains("https://"), "nothing is fetched");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "the scratch file is removed");
    }
}
