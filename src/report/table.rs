//! The summary as plain-text tables for the terminal (`derek stats`).

use std::fmt::Write as _;

use super::amount::amount;
use super::summary::{Part, Ranking, View};
use crate::record::EntityType;

/// Longest name shown in a column; longer ones are cut with "…".
const NAME_WIDTH: usize = 48;

/// The whole summary, section after section.
pub fn render(view: &View) -> String {
    let mut out = String::new();
    let langs: Vec<String> = view.languages.iter().map(|(l, n)| format!("{l} {n}")).collect();
    let types: Vec<String> =
        EntityType::ALL.iter().map(|t| format!("{} {}", view.types.get(*t), t.name())).collect();
    let _ = writeln!(
        out,
        "{} documents ({}){}; {} entities: {}",
        view.documents,
        if langs.is_empty() { "none".to_string() } else { langs.join(", ") },
        if view.errors > 0 { format!(", {} could not be processed", view.errors) } else { String::new() },
        view.entities,
        types.join(", ")
    );
    ranking(&mut out, "Organizations", &view.organizations, false);
    ranking(&mut out, "Places", &view.places, true);

    if !view.counts.is_empty() {
        out.push_str("\nCounts per category: sums of exact counts, lower bounds (≥), upper bounds (≤),\n");
        out.push_str("approximations (≈) and vague plurals (~, as their base), each with how many (×)\n");
        let part = |p: &Part| {
            if p.mentions == 0 { String::new() } else { format!("{} ({}×)", amount(p.sum), p.mentions) }
        };
        let mut rows = vec![row(&["category", "unit", "mentions", "exact", "≥", "≤", "≈", "~"])];
        for c in &view.counts {
            rows.push(vec![
                c.category.clone(),
                c.unit.clone().unwrap_or_default(),
                c.mentions.to_string(),
                part(&c.exact),
                part(&c.at_least),
                part(&c.at_most),
                part(&c.about),
                part(&c.order),
            ]);
        }
        table(&mut out, &rows, &[false, false, true, true, true, true, true, true]);
    }

    let d = &view.dates;
    if !d.timeline.is_empty() {
        out.push_str("\nDates on the calendar (by the year and month they start)\n");
        let most = d.timeline.iter().map(|x| x.mentions).max().unwrap_or(1).max(1);
        let mut rows = vec![row(&["period", "mentions", ""])];
        for x in &d.timeline {
            let bar = "█".repeat((20 * x.mentions).div_ceil(most));
            let label = if x.month.is_some() { x.label() } else { format!("{} (year only)", x.label()) };
            rows.push(vec![label, x.mentions.to_string(), bar]);
        }
        table(&mut out, &rows, &[false, true, false]);
    }
    for (what, list) in [("Dates without a year", &d.without_year), ("Relative dates", &d.relative)] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|m| format!("{} ({}×)", m.value, m.mentions)).collect();
            let _ = writeln!(out, "\n{what}: {}", items.join(", "));
        }
    }
    out
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn ranking(out: &mut String, what: &str, r: &Ranking, keyed: bool) {
    if r.top.is_empty() {
        let _ = writeln!(out, "\n{what}: none");
        return;
    }
    if r.distinct > r.top.len() {
        let _ = writeln!(out, "\n{what}: the {} most mentioned of {}", r.top.len(), r.distinct);
    } else {
        let _ = writeln!(out, "\n{what}: all {}", r.distinct);
    }
    let mut rows = vec![if keyed {
        row(&["name", "key", "mentions", "documents"])
    } else {
        row(&["name", "mentions", "documents"])
    }];
    for x in &r.top {
        let mut cells = vec![cut(&x.names.join(" / "))];
        if keyed {
            cells.push(x.key.clone());
        }
        cells.push(x.mentions.to_string());
        cells.push(x.documents.to_string());
        rows.push(cells);
    }
    let right: &[bool] = if keyed { &[false, false, true, true] } else { &[false, true, true] };
    table(out, &rows, right);
}

fn cut(s: &str) -> String {
    if s.chars().count() <= NAME_WIDTH {
        s.to_string()
    } else {
        let mut c: String = s.chars().take(NAME_WIDTH - 1).collect();
        c.push('…');
        c
    }
}

/// Rows in columns two spaces apart, indented by two; widths in characters.
fn table(out: &mut String, rows: &[Vec<String>], right: &[bool]) {
    let columns = right.len();
    let mut widths = vec![0; columns];
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            widths[i] = widths[i].max(c.chars().count());
        }
    }
    for r in rows {
        let mut line = String::from(" ");
        for (i, c) in r.iter().enumerate() {
            let pad = " ".repeat(widths[i] - c.chars().count());
            line.push(' ');
            if right[i] {
                line.push_str(&pad);
                line.push_str(c);
            } else {
                line.push_str(c);
                if i + 1 < columns {
                    line.push_str(&pad);
                }
            }
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_in_characters() {
        let mut out = String::new();
        let rows = vec![row(&["name", "n"]), row(&["Қазақстан", "12"]), row(&["KZ", "3"])];
        table(&mut out, &rows, &[false, true]);
        assert_eq!(out, "  name        n\n  Қазақстан  12\n  KZ          3\n");
        assert_eq!(cut(&"а".repeat(60)).chars().count(), NAME_WIDTH);
    }
}
