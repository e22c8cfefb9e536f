//! Amounts and approximations as people read them: `50 000`, `≥ 50 000`, `51.5`.

use crate::record::Approx;

/// The sign an approximation puts before its number (none for exact counts).
pub fn sign(approx: Approx) -> &'static str {
    match approx {
        Approx::Eq => "",
        Approx::Gt => ">",
        Approx::Ge => "≥",
        Approx::Lt => "<",
        Approx::Le => "≤",
        Approx::About => "≈",
        Approx::Order => "~",
    }
}

/// A number with its thousands grouped by no-break spaces and at most two decimals:
/// `50000` → `50 000`, `51.5` → `51.5`, `0.1 + 0.2` → `0.3`.
pub fn amount(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let rounded = (x * 100.0).round() / 100.0;
    let fixed = format!("{:.2}", rounded.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_and_rounded() {
        let nb = |s: &str| s.replace(' ', "\u{a0}");
        assert_eq!(amount(0.0), "0");
        assert_eq!(amount(999.0), "999");
        assert_eq!(amount(1000.0), nb("1 000"));
        assert_eq!(amount(50000.0), nb("50 000"));
        assert_eq!(amount(1234567.0), nb("1 234 567"));
        assert_eq!(amount(51.5), "51.5");
        assert_eq!(amount(0.1 + 0.2), "0.3");
        assert_eq!(amount(-1500.25), nb("-1 500.25"));
        assert_eq!(format!("{} {}", sign(Approx::Ge), amount(50000.0)), format!("≥ {}", nb("50 000")));
    }
}
