//! Numbers written as text without Rust's float formatting.
//!
//! Formatting an `f64` (`{}` or `{:.2}`) brings the whole float-to-text
//! machinery into the wasm (about 15 KB raw, 7 KB gzipped); Wasim writes its
//! fractional numbers through [`fixed`] (a number of decimals, with integer
//! arithmetic; `crate::core::css::px` for lengths) and [`shortest`] (every
//! digit, as `{}` would) instead. See the README's *Wasm size*.

/// `value` with exactly `places` decimals (at most 9), rounded half away
/// from zero: `fixed(0.8333, 2)` is `0.83`, `fixed(2.0, 1)` is `2.0`.
/// Values past ±1.7e38 saturate; not a number gives zero.
pub fn fixed(value: f64, places: u32) -> String {
    let places = places.min(9);
    // From 2^53 on every `f64` is a whole number, which scaling would blur.
    if value.abs() >= 9_007_199_254_740_992.0 {
        let whole = value as i128;
        return match places {
            0 => format!("{whole}"),
            _ => format!("{whole}.{}", "0".repeat(places as usize)),
        };
    }
    let scale = 10_i128.pow(places);
    // `as` saturates and maps NaN to 0, so nothing can overflow.
    let scaled = (value * scale as f64).round() as i128;
    let sign = if scaled < 0 { "-" } else { "" };
    let magnitude = scaled.unsigned_abs();
    let whole = magnitude / scale.unsigned_abs();
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = magnitude % scale.unsigned_abs();
    format!("{sign}{whole}.{fraction:0width$}", width = places as usize)
}

/// `value` as Rust's `{}` writes it: the fewest digits that read back as
/// the same `f64`, never in exponent notation (`0.1`, `1`, `1e21` as
/// `1000000000000000000000`, `-0`, `NaN`, `inf`). The digits come from
/// `serde_json`'s float writer, which the wasm carries anyway; past 1e14 its
/// last digit is now and then the other of two that read back the same.
pub fn shortest(value: f64) -> String {
    let Some(number) = serde_json::Number::from_f64(value) else {
        let text = if value.is_nan() { "NaN" } else { "inf" };
        let sign = if value < 0.0 { "-" } else { "" };
        return format!("{sign}{text}");
    };
    let written = number.to_string();
    let (negative, written) = match written.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, written.as_str()),
    };
    let (mantissa, exponent) = written.split_once(['e', 'E']).unwrap_or((written, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The digits, and where the decimal point falls among them.
    let digits = format!("{whole}{fraction}");
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let digits = digits.trim_matches('0');
    let point = whole.len() as i64 + exponent - leading as i64;
    let sign = if negative { "-" } else { "" };
    if digits.is_empty() {
        return format!("{sign}0");
    }
    let len = digits.len() as i64;
    let zeros = |n: i64| "0".repeat(usize::try_from(n).unwrap_or(0));
    if point <= 0 {
        format!("{sign}0.{}{digits}", zeros(-point))
    } else if point >= len {
        format!("{sign}{digits}{}", zeros(point - len))
    } else {
        let (int, frac) = digits.split_at(point as usize);
        format!("{sign}{int}.{frac}")
    }
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
        assert_eq!(fixed(1e21, 1), "1000000000000000000000.0");
        assert_eq!(fixed(1e300, 0), format!("{}", i128::MAX));
        assert_eq!(fixed(-1e300, 1), format!("{}.0", i128::MIN));
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
    fn shortest_is_what_rust_writes() {
        let mut bits = 0x9e37_79b9_7f4a_7c15_u64;
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.1,
            0.5,
            100.0,
            1e21,
            1e22,
            1.5e-7,
            1e-300,
            5e-324,
            123456.789,
            0.4166666666666667,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            560.0,
            130.0 + 340.0 * 0.75 + 6.0,
        ];
        for _ in 0..20_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
            values.push((bits % 1_000_000) as f64 / 1000.0);
        }
        for value in values {
            let ours = shortest(value);
            if !value.is_nan() {
                assert_eq!(ours.parse::<f64>().ok(), Some(value), "{value:e}");
            }
            // Past 1e14 the last digit may be the other of two that read
            // back the same (1658206780088562.2 for Rust's …562.3).
            if value.is_nan() || value.abs() < 1e14 {
                assert_eq!(ours, value.to_string(), "{value:e}");
            }
        }
    }
}
