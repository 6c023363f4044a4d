//! Numbers as Vietnamese documents print them: `.` between thousands, `,`
//! before decimals (`1.234,5`), and the share achieved of a target.

/// `1234.5` → `1.234,5`; at most `decimals` digits after the comma, trailing
/// zeros dropped.
pub fn number(x: f64, decimals: usize) -> String {
    let fixed = format!("{:.*}", decimals, x.abs());
    let (int, frac) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && (int != "0" || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

/// Tỷ lệ (%) achieved of a target, one decimal at most. None when there is
/// nothing to compare: no result yet, or a target of zero (no division).
pub fn percent(planned: f64, achieved: Option<f64>) -> Option<String> {
    let achieved = achieved?;
    if planned == 0.0 {
        return None;
    }
    Some(number(achieved / planned * 100.0, 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_number_forms() {
        assert_eq!(number(50.0, 2), "50");
        assert_eq!(number(12.5, 2), "12,5");
        assert_eq!(number(1234567.25, 2), "1.234.567,25");
        assert_eq!(number(-3.0, 0), "-3");
        assert_eq!(number(0.0, 1), "0");
    }

    #[test]
    fn percentages_of_targets() {
        assert_eq!(percent(50.0, Some(45.0)).as_deref(), Some("90"));
        assert_eq!(percent(3.0, Some(1.0)).as_deref(), Some("33,3"));
        assert_eq!(percent(80.0, Some(100.0)).as_deref(), Some("125"));
        assert_eq!(percent(0.0, Some(5.0)), None, "a target of 0: no division");
        assert_eq!(percent(50.0, None), None, "not reported yet");
    }
}
