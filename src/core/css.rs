//! The CSS Wasim writes from data: the only place where a value of the
//! workspace or of the reader's settings becomes CSS text.
//!
//! The page's Content Security Policy refuses `style` attributes, so a
//! colour or a setting is drawn with a class whose rules go into a
//! stylesheet Wasim owns (`crate::platform::styles` inserts them through the
//! CSSOM, which the policy allows). A [`ClassRule`] is built only from
//! checked values: a colour parsed as `#rrggbb` (anything else is drawn
//! grey) and numbers. No imported string ever reaches a rule or a class
//! name, so a label colour such as `#00ff00; background-image: url(…)`
//! cannot add a declaration, and the names are valid CSS identifiers.
//!
//! Lengths that change with every layout (gap heights, list paddings, a
//! progress bar's width) are not rules: the UI sets them on the element
//! through the CSSOM.

use super::display::{PANEL_SHARE, Prefs};
use super::model::{parse_hex_color, readable_color};
use super::number::fixed;

/// A class and the rules that style it, to be inserted once into Wasim's
/// stylesheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassRule {
    /// The class name: ASCII letters, digits and `-` only.
    pub class: String,
    /// Complete rules (`selector { declarations }`), one per `insertRule`.
    pub rules: Vec<String>,
}

/// The colour drawn for a value that is not `#rrggbb`.
const FALLBACK: (u8, u8, u8) = (0xdd, 0xdd, 0xdd);

impl ClassRule {
    /// The class that paints a label's colour, made readable with
    /// [`readable_color`]: the element's background, and for spans the
    /// custom properties that draw a span nested in another one (the inner
    /// colour over a strip of the outer one, in `style/main.css`):
    /// `--label-color` on the element, `--outer-color` on the spans inside
    /// it.
    pub fn label_color(hex: &str) -> ClassRule {
        let (r, g, b) = parse_hex_color(&readable_color(hex)).unwrap_or(FALLBACK);
        let hex = format!("{r:02x}{g:02x}{b:02x}");
        let class = format!("label-color-{hex}");
        ClassRule {
            rules: vec![
                format!(".{class}{{--label-color:#{hex};background-color:#{hex}}}"),
                format!(".{class}>mark.span{{--outer-color:#{hex}}}"),
            ],
            class,
        }
    }

    /// The class on `.app` that applies the reading size and line height.
    pub fn reading(prefs: &Prefs) -> ClassRule {
        let prefs = prefs.clamped();
        let (size, line) = (prefs.reading_size, prefs.line_height);
        let class = format!("reading-{size}-{line}");
        ClassRule {
            rules: vec![format!(
                ".app.{class}{{--reading-size:{size}px;--reading-line:{}.{}}}",
                line / 10,
                line % 10
            )],
            class,
        }
    }
}

impl ClassRule {
    /// The class on `.workspace` that applies the widths the side panels
    /// were dragged to, never more than [`PANEL_SHARE`] % of the window
    /// (a width saved in a wider window, or before the window was made
    /// narrower, leaves the text its room); `None` while both are automatic. A closed panel
    /// keeps its narrow strip (the rules skip `.documents-closed` and
    /// `.details-closed`).
    pub fn panels(prefs: &Prefs) -> Option<ClassRule> {
        let prefs = prefs.clamped();
        let (documents, details) = (prefs.documents_width, prefs.details_width);
        if documents == 0 && details == 0 {
            return None;
        }
        let class = format!("panels-{documents}-{details}");
        let mut rules = Vec::new();
        if documents > 0 {
            rules.push(format!(
                ".workspace.{class}:not(.documents-closed){{--documents-width:min({documents}px,{PANEL_SHARE}vw)}}"
            ));
        }
        if details > 0 {
            rules.push(format!(
                ".workspace.{class}:not(.details-closed){{--details-width:min({details}px,{PANEL_SHARE}vw)}}"
            ));
        }
        Some(ClassRule { class, rules })
    }
}

/// A length in CSS pixels for a CSSOM property (`"12.5px"`, never in
/// exponent notation); what is not a finite number is `0px`.
///
/// To the thousandth of a pixel (finer than a browser lays out), written
/// with [`fixed`] rather than `f64` formatting, which would add its code
/// to the wasm (see the README's *Wasm size*).
pub fn px(value: f64) -> String {
    if !value.is_finite() {
        return "0px".to_owned();
    }
    let text = fixed(value, 3);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}px")
}

/// A percentage for a CSSOM property, clamped to 0–100.
pub fn percent(value: u32) -> String {
    format!("{}%", value.min(100))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_identifier(class: &str) -> bool {
        class.starts_with(|c: char| c.is_ascii_alphabetic())
            && class.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }

    #[test]
    fn a_label_colour_is_one_class_with_its_rules() {
        let rule = ClassRule::label_color("#FFC38A");
        assert_eq!(rule.class, "label-color-ffc38a");
        assert_eq!(
            rule.rules,
            [
                ".label-color-ffc38a{--label-color:#ffc38a;background-color:#ffc38a}",
                ".label-color-ffc38a>mark.span{--outer-color:#ffc38a}",
            ]
        );
        let dark = ClassRule::label_color("#000000");
        assert_ne!(dark.class, "label-color-000000", "drawn readable");
    }

    #[test]
    fn nothing_but_a_colour_reaches_a_rule() {
        for hostile in [
            "#00ff00; background-image: url(http://127.0.0.2:9/x.png)",
            "#00ff00}body{display:none",
            "red",
            "",
            "#12345g",
            "#ffffff\n",
            "expression(alert(1))",
        ] {
            let rule = ClassRule::label_color(hostile);
            assert_eq!(rule.class, "label-color-dddddd", "{hostile:?}");
            for css in &rule.rules {
                assert!(
                    !css.contains("url") && css.matches('{').count() == 1,
                    "{css}"
                );
            }
        }
    }

    #[test]
    fn dragged_panel_widths_become_a_class_on_the_workspace() {
        assert_eq!(ClassRule::panels(&Prefs::default()), None);
        let prefs = Prefs {
            documents_width: 300,
            ..Prefs::default()
        };
        let rule = ClassRule::panels(&prefs).expect("a width");
        assert_eq!(rule.class, "panels-300-0");
        assert!(is_identifier(&rule.class));
        assert_eq!(
            rule.rules,
            [".workspace.panels-300-0:not(.documents-closed){--documents-width:min(300px,30vw)}"]
        );
        let both = Prefs {
            documents_width: 9999,
            details_width: 200,
            ..Prefs::default()
        };
        let rule = ClassRule::panels(&both).expect("widths");
        assert_eq!(rule.class, "panels-560-200", "clamped");
        assert_eq!(rule.rules.len(), 2);
    }

    #[test]
    fn reading_settings_become_a_class_on_the_app() {
        let prefs = Prefs {
            reading_size: 22,
            line_height: 24,
            ..Prefs::default()
        };
        let rule = ClassRule::reading(&prefs);
        assert_eq!(rule.class, "reading-22-24");
        assert_eq!(
            rule.rules,
            [".app.reading-22-24{--reading-size:22px;--reading-line:2.4}"]
        );
        let wild = Prefs {
            reading_size: 4000,
            ..Prefs::default()
        };
        assert!(ClassRule::reading(&wild).class.starts_with("reading-32-"));
        assert!(is_identifier(&rule.class));
        assert!(is_identifier(&ClassRule::label_color("#abcdef").class));
    }

    #[test]
    fn lengths_are_numbers_only() {
        assert_eq!(px(12.25), "12.25px");
        assert_eq!(px(1e21), "1000000000000000000000px");
        assert_eq!(px(f64::NAN), "0px");
        assert_eq!(px(f64::INFINITY), "0px");
        assert_eq!(percent(42), "42%");
        assert_eq!(percent(420), "100%");
    }
}
