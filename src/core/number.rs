//! Numbers written as text without Rust's float formatting.
//!
//! Formatting an `f64` (`{}` or `{:.2}`) brings the whole float-to-text
//! machinery into the wasm (about 15 KB raw, 7 KB gzipped); Wasim writes the
//! few fractional numbers it shows (CSS lengths, scores) through [`fixed`]
//! instead, with integer arithmetic. See the README's *Wasm size*.

/// `value` with exactly `places` decimals (at most 9), rounded half away
/// from zero: `fixed(0.8333, 2)` is `0.83`, `fixed(2.0, 1)` is `2.0`.
/// Values past ±9.2e18 / 10^places saturate; not a number gives zero.
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(9);
    let scale = 10_i64.pow(places);
    // `as` saturates and maps NaN to 0, so nothing can overflow.
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / scale.unsigned_abs();
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = magnitude % scale.unsigned_abs();
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}

/// `value` CSS pixels as a CSS length, to the thousandth (`12.500px`:
/// finer than a browser lays out).
pub fn css_px(value: f64) -> String {
    format!("{}px", fixed(value, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_read_like_floats() {
        assert_eq!(fixed(0.8333, 2), "0.83");
        assert_eq!(fixed(2.0, 1), "2.0");
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(-0.125, 2), "-0.13");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(41.8, 0), "42");
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(
            fixed(1e300, 3),
            format!("{}.{}", i64::MAX / 1000, i64::MAX % 1000)
        );
        assert_eq!(fixed(1.5, 12), "1.500000000");
        // Away from exact ties, the same text as Rust's own formatting.
        for (value, places) in [
            (1234.5678, 3),
            (0.05, 1),
            (99.995, 2),
            (7.0, 4),
            (-2.5718, 3),
        ] {
            assert_eq!(fixed(value, places), format!("{value:.*}", places as usize));
        }
    }

    #[test]
    fn css_lengths() {
        assert_eq!(css_px(0.0), "0.000px");
        assert_eq!(css_px(22.0 * 1.9), "41.800px");
        assert_eq!(css_px(-3.25), "-3.250px");
    }
}
