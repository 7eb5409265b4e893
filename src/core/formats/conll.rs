//! CoNLL-style token-per-line files with IOB tags: IOB2, BIO (IOB1), BIOES
//! and BILOU; also spaCy's sentence-per-line `word|POS|TAG` variant.
//!
//! **Offsets:** the file has none. On import Wasim builds the text by joining
//! a sentence's tokens with one space and sentences with `\n`, and spans are
//! the code point ranges (half-open) of their tokens in that text. On export
//! the text is tokenized again ([`super::tokenize`]): a text built by an
//! import splits back into exactly the file's tokens, so a CoNLL file survives
//! import and export byte for byte when its layout is the one Wasim writes
//! (`token TAG`, one space, `\n` line ends, a blank line after every
//! sentence, IOB2).
//!
//! **Layout read:** one token per line, columns separated by spaces or tabs;
//! the token is the first column and the tags are the last ones (columns in
//! between, such as POS tags, are skipped with a warning). Several trailing
//! tag columns hold nested entities, one layer per column. A blank (or
//! whitespace-only) line ends a sentence; `-DOCSTART-` starts a new document.
//! `\r\n` line ends are accepted.
//!
//! **Tags:** `O`, or `B-`, `I-`, `E-`, `S-`, `L-`, `U-` followed by a type,
//! which becomes the label. The scheme is detected per file: BIOES if any
//! `E-`/`S-` appears, BILOU if any `L-`/`U-`, otherwise IOB2 — or BIO (IOB1)
//! when entities start with `I-` and `B-` only separates two adjacent
//! entities of one type.
//!
//! **Repairs, with warnings:** in IOB2, an `I-X` that does not continue an
//! `X` entity (ANERcorp has a dozen) starts a new entity, as if it were `B-X`;
//! that span gets the note `CoNLL: began with I-X (no B-X before it)`, and an
//! IOB2 export writes `I-X` back for a span that still carries this exact
//! note. A type with unusual characters (AQMAR's `B-MIS1\``) is kept as the
//! label, with a warning. Anything that is not a tag at all (`SOCCERO`) is an
//! error naming the line.

use std::collections::{BTreeMap, BTreeSet};

use super::common::{added_documents, decode, dedupe_spans, some_of, span_text};
use super::tokenize::{Token, tokenize};
use super::{
    ExportOptions, Exported, Format, ImportError, Imported, ImportedDocument, ImportedSpan,
    InputFile, OutputFile,
};
use crate::core::model::{Document, Label};

/// This format's id.
pub const ID: &str = "conll";

/// The marker line that starts a document.
const DOCSTART: &str = "-DOCSTART-";

/// Types of chunk tags (CoNLL-2000/2003 phrase chunks), which look like IOB
/// tags but are not entities.
const CHUNK_TYPES: &[&str] = &[
    "NP", "VP", "PP", "ADJP", "ADVP", "SBAR", "PRT", "INTJ", "CONJP", "LST", "UCP",
];

/// How entity boundaries are tagged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TagScheme {
    /// `B-` starts every entity, `I-` continues it.
    #[default]
    Iob2,
    /// BIO / IOB1: `I-` starts and continues; `B-` only starts an entity right
    /// after another of the same type.
    Iob1,
    /// `B-` begin, `I-` inside, `E-` end, `S-` single-token entity.
    Bioes,
    /// Like BIOES with `L-` (last) and `U-` (unit).
    Bilou,
}

impl TagScheme {
    /// Every scheme, for menus.
    pub const ALL: [TagScheme; 4] = [
        TagScheme::Iob2,
        TagScheme::Iob1,
        TagScheme::Bioes,
        TagScheme::Bilou,
    ];

    /// Menu name.
    pub fn name(self) -> &'static str {
        match self {
            TagScheme::Iob2 => "IOB2",
            TagScheme::Iob1 => "BIO (IOB1)",
            TagScheme::Bioes => "BIOES",
            TagScheme::Bilou => "BILOU",
        }
    }

    /// Whether the scheme writes tags with this prefix.
    fn uses(self, prefix: char) -> bool {
        match self {
            TagScheme::Iob2 | TagScheme::Iob1 => matches!(prefix, 'B' | 'I'),
            TagScheme::Bioes => matches!(prefix, 'B' | 'I' | 'E' | 'S'),
            TagScheme::Bilou => matches!(prefix, 'B' | 'I' | 'L' | 'U'),
        }
    }
}

/// A parsed tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag<'a> {
    Outside,
    Entity(char, &'a str),
}

/// Parses `O` or `P-TYPE` with `P` one of `BIESLU`.
fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    if tag == "O" {
        return Some(Tag::Outside);
    }
    let mut chars = tag.chars();
    let prefix = chars.next().filter(|c| "BIESLU".contains(*c))?;
    let kind = chars.as_str().strip_prefix('-')?;
    (!kind.is_empty() && !kind.chars().any(char::is_whitespace))
        .then_some(Tag::Entity(prefix, kind))
}

/// Whether a type has only the characters tag types usually have.
fn is_usual_type(kind: &str) -> bool {
    kind.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/' | '$'))
}

/// Splits a line into columns at runs of spaces and tabs.
fn fields(line: &str) -> Vec<&str> {
    line.split([' ', '\t']).filter(|f| !f.is_empty()).collect()
}

/// Whether every field of a line has a `|` (spaCy's `word|POS|TAG`).
fn is_pipe_line(fields: &[&str]) -> bool {
    !fields.is_empty() && fields.iter().all(|f| f.contains('|'))
}

/// Whether `text` reads as CoNLL: at least two token lines, each ending in a
/// tag (or all of the `word|…|TAG` form), in its first 500 lines.
pub fn looks_like_conll(text: &str) -> bool {
    let mut token_lines = 0;
    for line in text.lines().take(500) {
        let f = fields(line);
        if f.is_empty() || f[0] == DOCSTART {
            continue;
        }
        let tagged = if is_pipe_line(&f) {
            f.iter()
                .all(|w| w.rsplit('|').next().and_then(parse_tag).is_some())
        } else {
            f.len() >= 2 && f.last().and_then(|t| parse_tag(t)).is_some()
        };
        if !tagged {
            return false;
        }
        token_lines += if is_pipe_line(&f) { f.len() } else { 1 };
    }
    token_lines >= 2
}

/// One token as read, with its tags (one per layer).
pub(crate) struct TokenLine {
    /// The token.
    pub token: String,
    /// Tags, outermost layer first.
    pub tags: Vec<String>,
    /// 1-based line in the file (0 when the source has no lines).
    pub line: usize,
}

/// A document as read: sentences of tagged tokens.
pub(crate) struct RawDocument {
    /// Display name.
    pub name: String,
    /// Sentences, none empty.
    pub sentences: Vec<Vec<TokenLine>>,
}

/// The CoNLL format.
pub struct Conll;

impl Format for Conll {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "CoNLL / IOB (token per line)"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let text = decode(file)?;
        let (documents, mut warnings) = parse(&file.name, &text)?;
        let (documents, more) = decode_documents(&file.name, documents)?;
        warnings.extend(more);
        Ok(added_documents(documents, warnings))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        options: ExportOptions,
    ) -> Exported {
        let mut warnings = Vec::new();
        let encoded: Vec<EncodedDocument> = documents
            .iter()
            .map(|doc| encode_document(doc, options.tag_scheme, &mut warnings))
            .collect();
        let columns = encoded
            .iter()
            .map(|d| d.layers.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let mut out = String::new();
        for doc in &encoded {
            if documents.len() > 1 {
                push_row(&mut out, DOCSTART, &vec!["O".to_owned(); columns]);
                out.push('\n');
            }
            for sentence in &doc.sentences {
                for &(ref token, index) in sentence {
                    let tags: Vec<String> = (0..columns)
                        .map(|l| {
                            doc.layers
                                .get(l)
                                .map_or_else(|| "O".to_owned(), |t| t[index].clone())
                        })
                        .collect();
                    push_row(&mut out, token, &tags);
                }
                out.push('\n');
            }
        }
        Exported {
            file: OutputFile {
                name: "wasim-annotations.conll".to_owned(),
                mime: "text/plain",
                bytes: out.into_bytes(),
            },
            warnings,
        }
    }
}

fn push_row(out: &mut String, token: &str, tags: &[String]) {
    out.push_str(token);
    for tag in tags {
        out.push(' ');
        out.push_str(tag);
    }
    out.push('\n');
}

/// Reads the file's lines into documents of tagged tokens.
fn parse(file: &str, text: &str) -> Result<(Vec<RawDocument>, Vec<String>), ImportError> {
    let lines: Vec<(usize, Vec<&str>)> = text
        .split('\n')
        .enumerate()
        .map(|(i, line)| (i + 1, fields(line.strip_suffix('\r').unwrap_or(line))))
        .collect();
    let token_lines = || {
        lines
            .iter()
            .filter(|(_, f)| !f.is_empty() && f[0] != DOCSTART)
    };
    let pipe = token_lines().next().is_some_and(|(_, f)| is_pipe_line(f));
    let mut warnings = Vec::new();
    let (tag_columns, extra) = if pipe {
        (1, 0)
    } else {
        column_layout(file, &lines)?
    };
    if extra > 0 {
        warnings.push(format!(
            "{file}: {extra} column(s) between the token and the tags (such as POS tags) were not kept"
        ));
    }
    let mut documents: Vec<RawDocument> = Vec::new();
    let mut current = RawDocument {
        name: String::new(),
        sentences: Vec::new(),
    };
    let mut sentence: Vec<TokenLine> = Vec::new();
    let mut started = false;
    for (line, f) in &lines {
        if f.is_empty() || f[0] == DOCSTART {
            if !sentence.is_empty() {
                current.sentences.push(std::mem::take(&mut sentence));
            }
            if f.first() == Some(&DOCSTART) {
                if started || !current.sentences.is_empty() {
                    documents.push(std::mem::replace(
                        &mut current,
                        RawDocument {
                            name: String::new(),
                            sentences: Vec::new(),
                        },
                    ));
                }
                started = true;
            }
            continue;
        }
        if pipe {
            if !is_pipe_line(f) {
                return Err(ImportError::new(
                    file,
                    Some(*line),
                    "expected word|TAG items separated by spaces, as on the first line",
                ));
            }
            for item in f {
                let token = item.split('|').next().unwrap_or_default();
                let tag = item.rsplit('|').next().unwrap_or_default();
                sentence.push(TokenLine {
                    token: token.to_owned(),
                    tags: vec![tag.to_owned()],
                    line: *line,
                });
            }
            current.sentences.push(std::mem::take(&mut sentence));
        } else {
            let tags = f[f.len() - tag_columns..]
                .iter()
                .map(|t| (*t).to_owned())
                .collect();
            sentence.push(TokenLine {
                token: f[0].to_owned(),
                tags,
                line: *line,
            });
        }
    }
    if !sentence.is_empty() {
        current.sentences.push(sentence);
    }
    if started || !current.sentences.is_empty() {
        documents.push(current);
    }
    if documents.iter().all(|d| d.sentences.is_empty()) {
        return Err(ImportError::new(
            file,
            None,
            "no tokens found; expected one `token tag` line per token",
        ));
    }
    let count = documents.len();
    for (i, doc) in documents.iter_mut().enumerate() {
        doc.name = if count == 1 {
            file.to_owned()
        } else {
            format!("{file} #{}", i + 1)
        };
    }
    Ok((documents, warnings))
}

/// Checks that token lines agree on their number of columns and finds how
/// many trailing columns are tags. Returns (tag columns, skipped columns).
fn column_layout(file: &str, lines: &[(usize, Vec<&str>)]) -> Result<(usize, usize), ImportError> {
    let rows: Vec<&(usize, Vec<&str>)> = lines
        .iter()
        .filter(|(_, f)| !f.is_empty() && f[0] != DOCSTART)
        .collect();
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for (_, f) in &rows {
        *counts.entry(f.len()).or_default() += 1;
    }
    let usual = counts
        .iter()
        .max_by_key(|(len, n)| (**n, std::cmp::Reverse(**len)))
        .map_or(2, |(len, _)| *len);
    for (line, f) in &rows {
        if f.len() != usual {
            return Err(ImportError::new(
                file,
                Some(*line),
                format!(
                    "this line has {} column(s), but most lines have {usual}; expected `token tag`",
                    f.len()
                ),
            ));
        }
    }
    if usual < 2 {
        let line = rows.first().map(|(line, _)| *line);
        return Err(ImportError::new(
            file,
            line,
            "this line has a token but no tag; expected `token tag`",
        ));
    }
    let mut tag_columns = 1;
    for column in (1..usual - 1).rev() {
        let values: Vec<Option<Tag>> = rows.iter().map(|(_, f)| parse_tag(f[column])).collect();
        let all_tags = values.iter().all(Option::is_some);
        let chunks = values.iter().flatten().all(|t| match t {
            Tag::Entity(_, kind) => CHUNK_TYPES.contains(kind),
            Tag::Outside => true,
        });
        if !all_tags || chunks {
            break;
        }
        tag_columns += 1;
    }
    for (line, f) in &rows {
        for tag in &f[usual - tag_columns..] {
            if parse_tag(tag).is_none() {
                return Err(ImportError::new(
                    file,
                    Some(*line),
                    format!(
                        "{tag:?} is not a tag; expected O, or B-, I-, E-, S-, L- or U- followed by a type (such as B-PER)"
                    ),
                ));
            }
        }
    }
    Ok((tag_columns, usual - 1 - tag_columns))
}

/// A span found by decoding one tag column, in token indices.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct TokenSpan {
    start: usize,
    end: usize,
    label: String,
    /// The first tag, when the entity started irregularly (`I-X` in IOB2).
    irregular: Option<String>,
}

/// Decodes one layer of tags (`tags[sentence][token]`); token indices run
/// across sentences. `iob1` makes a leading `I-` regular.
fn decode_layer(sentences: &[Vec<Tag>], iob1: bool) -> Vec<TokenSpan> {
    fn close(open: &mut Option<TokenSpan>, end: usize, spans: &mut Vec<TokenSpan>) {
        if let Some(mut span) = open.take() {
            span.end = end;
            spans.push(span);
        }
    }
    let mut spans = Vec::new();
    let mut index = 0;
    for sentence in sentences {
        let mut open: Option<TokenSpan> = None;
        for tag in sentence {
            let Tag::Entity(prefix, kind) = *tag else {
                close(&mut open, index, &mut spans);
                index += 1;
                continue;
            };
            let continues = open.as_ref().is_some_and(|s| s.label == kind);
            let new = |irregular: Option<String>| TokenSpan {
                start: index,
                end: index + 1,
                label: kind.to_owned(),
                irregular,
            };
            match prefix {
                'I' if continues => {}
                'E' | 'L' if continues => close(&mut open, index + 1, &mut spans),
                'B' | 'I' => {
                    close(&mut open, index, &mut spans);
                    let irregular = (prefix == 'I' && !iob1).then(|| format!("I-{kind}"));
                    open = Some(new(irregular));
                }
                _ => {
                    close(&mut open, index, &mut spans);
                    let irregular = matches!(prefix, 'E' | 'L').then(|| format!("{prefix}-{kind}"));
                    spans.push(new(irregular));
                }
            }
            index += 1;
        }
        close(&mut open, index, &mut spans);
    }
    spans
}

/// The note on a span whose entity began with `tag` instead of a proper start.
fn irregular_note(tag: &str) -> String {
    let kind = tag.get(2..).unwrap_or_default();
    format!("CoNLL: began with {tag} (no B-{kind} before it)")
}

/// The tag an irregular-start note asks for, if `note` is exactly such a note.
fn noted_tag(note: &str) -> Option<&str> {
    let tag = note.strip_prefix("CoNLL: began with ")?.split(' ').next()?;
    (irregular_note(tag) == note).then_some(tag)
}

/// Turns tagged tokens into documents: builds texts, detects the scheme and
/// decodes each tag column.
///
/// # Errors
/// When a tag is not a tag (the line is named).
pub(crate) fn decode_documents(
    file: &str,
    raw: Vec<RawDocument>,
) -> Result<(Vec<ImportedDocument>, Vec<String>), ImportError> {
    let mut prefixes = BTreeSet::new();
    let mut unusual: Vec<String> = Vec::new();
    for token in raw.iter().flat_map(|d| d.sentences.iter().flatten()) {
        for tag in &token.tags {
            match parse_tag(tag) {
                Some(Tag::Entity(prefix, kind)) => {
                    prefixes.insert(prefix);
                    if !is_usual_type(kind) {
                        unusual.push(format!("line {} ({tag})", token.line));
                    }
                }
                Some(Tag::Outside) => {}
                None => {
                    return Err(ImportError::new(
                        file,
                        Some(token.line).filter(|l| *l > 0),
                        format!(
                            "{tag:?} is not a tag; expected O, or B-, I-, E-, S-, L- or U- followed by a type (such as B-PER)"
                        ),
                    ));
                }
            }
        }
    }
    let layers = raw
        .iter()
        .flat_map(|d| d.sentences.iter().flatten())
        .map(|t| t.tags.len())
        .max()
        .unwrap_or(1);
    let bioes = prefixes.iter().any(|p| "ESLU".contains(*p));
    let iob1 = !bioes
        && is_iob1(
            raw.iter()
                .flat_map(|doc| (0..layers).map(move |l| (doc, l)))
                .map(|(d, l)| layer_tags(d, l)),
        );
    let mut warnings = Vec::new();
    let mut irregular_lines = Vec::new();
    let mut documents = Vec::with_capacity(raw.len());
    for doc in &raw {
        let mut text = String::new();
        let mut offsets = Vec::new();
        let mut lines = Vec::new();
        let mut cp = 0;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if s > 0 {
                text.push('\n');
                cp += 1;
            }
            for (t, token) in sentence.iter().enumerate() {
                if t > 0 {
                    text.push(' ');
                    cp += 1;
                }
                let len = token.token.chars().count();
                offsets.push((cp, cp + len));
                lines.push(token.line);
                text.push_str(&token.token);
                cp += len;
            }
        }
        let mut spans = Vec::new();
        for layer in 0..layers {
            for span in decode_layer(&layer_tags(doc, layer), iob1) {
                let (Some(first), Some(last)) = (
                    offsets.get(span.start),
                    offsets.get(span.end.saturating_sub(1)),
                ) else {
                    continue;
                };
                if let Some(tag) = &span.irregular {
                    irregular_lines.push(format!(
                        "line {} ({tag})",
                        lines.get(span.start).copied().unwrap_or(0)
                    ));
                }
                let note = span
                    .irregular
                    .as_deref()
                    .filter(|_| !bioes)
                    .map(irregular_note);
                spans.push(ImportedSpan {
                    start: first.0,
                    end: last.1,
                    label: span.label,
                    note,
                    entity_id: None,
                });
            }
        }
        dedupe_spans(&mut spans);
        documents.push(ImportedDocument {
            name: doc.name.clone(),
            text,
            spans,
            done: false,
            source: None,
        });
    }
    if !irregular_lines.is_empty() {
        let repair = if bioes {
            "each was read as an entity starting there".to_owned()
        } else {
            "each was read as a new entity (as if B-) and noted \"CoNLL: began with I-…\" so that an IOB2 export writes it back".to_owned()
        };
        warnings.push(format!(
            "{file}: {} entit(ies) do not start with a proper tag ({}); {repair}",
            irregular_lines.len(),
            some_of(&irregular_lines, 5)
        ));
    }
    if !unusual.is_empty() {
        warnings.push(format!(
            "{file}: {} tag(s) have unusual characters in their type ({}); the type was kept as the label, check for a typo",
            unusual.len(),
            some_of(&unusual, 5)
        ));
    }
    let scheme = if bioes {
        "BIOES/BILOU"
    } else if iob1 {
        "BIO (IOB1)"
    } else {
        "IOB2"
    };
    if layers > 1 {
        warnings.push(format!(
            "{file}: {layers} tag columns were read as nested entity layers ({scheme} tags)"
        ));
    }
    Ok((documents, warnings))
}

/// One layer's parsed tags, by sentence (missing tags read as `O`).
fn layer_tags(doc: &RawDocument, layer: usize) -> Vec<Vec<Tag<'_>>> {
    doc.sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| {
                    t.tags
                        .get(layer)
                        .and_then(|tag| parse_tag(tag))
                        .unwrap_or(Tag::Outside)
                })
                .collect()
        })
        .collect()
}

/// IOB1 when some entity starts with `I-` and every `B-` follows a tag of
/// its own type.
fn is_iob1<'a>(layers: impl Iterator<Item = Vec<Vec<Tag<'a>>>>) -> bool {
    let mut leading_i = false;
    for sentences in layers {
        for sentence in &sentences {
            let mut previous: Option<&str> = None;
            for tag in sentence {
                match *tag {
                    Tag::Entity('B', kind) if previous != Some(kind) => return false,
                    Tag::Entity('I', kind) if previous != Some(kind) => leading_i = true,
                    _ => {}
                }
                previous = match *tag {
                    Tag::Entity(_, kind) => Some(kind),
                    Tag::Outside => None,
                };
            }
        }
    }
    leading_i
}

/// A document ready to write: sentences of (token text, token index) and one
/// tag list per layer, indexed by token.
struct EncodedDocument {
    sentences: Vec<Vec<(String, usize)>>,
    layers: Vec<Vec<String>>,
}

/// Tokenizes a document and tags its spans, layer by layer.
fn encode_document(
    doc: &Document,
    scheme: TagScheme,
    warnings: &mut Vec<String>,
) -> EncodedDocument {
    let tokenized = tokenize(&doc.text, &doc.spans);
    warnings.extend(
        tokenized
            .warnings
            .iter()
            .map(|w| format!("{}: {w}", doc.name)),
    );
    let tokens: Vec<Token> = tokenized.sentences.iter().flatten().copied().collect();
    let mut sentences = Vec::with_capacity(tokenized.sentences.len());
    let mut index = 0;
    for sentence in &tokenized.sentences {
        let mut row = Vec::with_capacity(sentence.len());
        for token in sentence {
            row.push((
                doc.text
                    .slice(token.start, token.end)
                    .unwrap_or_default()
                    .to_owned(),
                index,
            ));
            index += 1;
        }
        sentences.push(row);
    }
    // Spans in token indices, assigned to the first layer where they fit.
    let mut layers: Vec<Vec<TokenSpan>> = Vec::new();
    for span in &doc.spans {
        let first = tokens.partition_point(|t| t.start < span.start);
        let last = tokens.partition_point(|t| t.end <= span.end);
        if first >= last {
            warnings.push(format!(
                "{}: span {:?} ({}) covers no token and was not exported",
                doc.name,
                span_text(doc, span),
                span.label
            ));
            continue;
        }
        let label: String = span
            .label
            .chars()
            .map(|c| if c.is_whitespace() { '_' } else { c })
            .collect();
        if label != span.label {
            warnings.push(format!(
                "{}: label {:?} was written as {label:?} (tags cannot hold spaces)",
                doc.name, span.label
            ));
        }
        let token_span = TokenSpan {
            start: first,
            end: last,
            label,
            irregular: span.note.as_deref().and_then(noted_tag).map(str::to_owned),
        };
        let free = layers
            .iter()
            .position(|layer| layer.iter().all(|s| s.end <= first || s.start >= last));
        match free {
            Some(layer) => layers[layer].push(token_span),
            None => layers.push(vec![token_span]),
        }
    }
    let sentence_ends: Vec<usize> = tokenized
        .sentences
        .iter()
        .scan(0, |n, s| {
            *n += s.len();
            Some(*n)
        })
        .collect();
    let tagged = layers
        .iter()
        .map(|spans| tag_layer(spans, tokens.len(), &sentence_ends, scheme))
        .collect();
    EncodedDocument {
        sentences,
        layers: tagged,
    }
}

/// Writes one layer's tags, keeping an irregular first tag a span's note asks
/// for when the result still decodes to the same spans.
fn tag_layer(
    spans: &[TokenSpan],
    count: usize,
    sentence_ends: &[usize],
    scheme: TagScheme,
) -> Vec<String> {
    let write = |keep_noted: bool| {
        let mut tags = vec!["O".to_owned(); count];
        let mut previous: Option<&TokenSpan> = None;
        let mut sorted: Vec<&TokenSpan> = spans.iter().collect();
        sorted.sort();
        for span in sorted {
            let after_same = previous.is_some_and(|p| p.end == span.start && p.label == span.label);
            for (i, tag) in tags.iter_mut().enumerate().take(span.end).skip(span.start) {
                let (first, last) = (i == span.start, i + 1 == span.end);
                let prefix = match scheme {
                    TagScheme::Iob2 => {
                        if first {
                            'B'
                        } else {
                            'I'
                        }
                    }
                    TagScheme::Iob1 => {
                        if first && after_same {
                            'B'
                        } else {
                            'I'
                        }
                    }
                    TagScheme::Bioes | TagScheme::Bilou => {
                        let (single, end) = if scheme == TagScheme::Bioes {
                            ('S', 'E')
                        } else {
                            ('U', 'L')
                        };
                        match (first, last) {
                            (true, true) => single,
                            (true, false) => 'B',
                            (false, true) => end,
                            (false, false) => 'I',
                        }
                    }
                };
                *tag = format!("{prefix}-{}", span.label);
            }
            if let Some(noted) = span.irregular.as_deref().filter(|_| keep_noted) {
                let usable = noted.chars().next().is_some_and(|p| scheme.uses(p))
                    && noted.get(2..) == Some(span.label.as_str());
                if usable {
                    tags[span.start] = noted.to_owned();
                }
            }
            previous = Some(span);
        }
        tags
    };
    let with_notes = write(true);
    let mut expected: Vec<(usize, usize, &str)> = spans
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    expected.sort_unstable();
    let mut sentences = Vec::new();
    let mut from = 0;
    for &end in sentence_ends {
        sentences.push(
            with_notes[from..end]
                .iter()
                .map(|t| parse_tag(t).unwrap_or(Tag::Outside))
                .collect(),
        );
        from = end;
    }
    let mut decoded: Vec<(usize, usize, String)> =
        decode_layer(&sentences, scheme == TagScheme::Iob1)
            .into_iter()
            .map(|s| (s.start, s.end, s.label))
            .collect();
    decoded.sort_unstable();
    let same = decoded.len() == expected.len()
        && decoded
            .iter()
            .zip(&expected)
            .all(|(a, b)| (a.0, a.1, a.2.as_str()) == *b);
    if same { with_notes } else { write(false) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::import_edit;
    use crate::core::model::Workspace;

    fn import(text: &str) -> Result<Imported, ImportError> {
        Conll.import(&InputFile {
            name: "t.conll".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    fn export(imported: Imported, scheme: TagScheme) -> Exported {
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let docs: Vec<&Document> = ws.documents.iter().collect();
        Conll.export(
            &ws.labels,
            &docs,
            ExportOptions {
                tag_scheme: scheme,
                ..ExportOptions::default()
            },
        )
    }

    fn spans(imported: &Imported) -> Vec<(String, String)> {
        let doc = &imported.documents[0];
        let chars: Vec<char> = doc.text.chars().collect();
        doc.spans
            .iter()
            .map(|s| (s.label.clone(), chars[s.start..s.end].iter().collect()))
            .collect()
    }

    #[test]
    fn reads_iob2_and_writes_it_back_byte_for_byte() {
        let file = "مسجد B-LOC\nابن I-LOC\nطولون I-LOC\nهو O\n\nأحمد B-PER\n. O\n\n";
        let imported = import(file).expect("imports");
        assert_eq!(imported.documents[0].text, "مسجد ابن طولون هو\nأحمد .");
        assert_eq!(
            spans(&imported),
            [
                ("LOC".into(), "مسجد ابن طولون".into()),
                ("PER".into(), "أحمد".into())
            ]
        );
        assert_eq!(
            String::from_utf8(export(imported, TagScheme::Iob2).file.bytes).expect("utf8"),
            file
        );
    }

    #[test]
    fn every_scheme_round_trips() {
        let file = "a B-X\nb I-X\nc B-X\nd O\ne B-Y\n\n";
        let base = spans(&import(file).expect("imports"));
        for scheme in TagScheme::ALL {
            let out = export(import(file).expect("imports"), scheme);
            let again =
                import(std::str::from_utf8(&out.file.bytes).expect("utf8")).expect("re-imports");
            assert_eq!(spans(&again), base, "{scheme:?}");
        }
        let bioes = String::from_utf8(
            export(import(file).expect("ok"), TagScheme::Bioes)
                .file
                .bytes,
        )
        .expect("utf8");
        assert_eq!(bioes, "a B-X\nb E-X\nc S-X\nd O\ne S-Y\n\n");
        let iob1 = String::from_utf8(
            export(import(file).expect("ok"), TagScheme::Iob1)
                .file
                .bytes,
        )
        .expect("utf8");
        assert_eq!(iob1, "a I-X\nb I-X\nc B-X\nd O\ne I-Y\n\n");
        assert!(
            import(&iob1).expect("ok").warnings.is_empty(),
            "IOB1 is detected, not repaired"
        );
    }

    #[test]
    fn orphan_i_is_repaired_noted_and_written_back() {
        let file = "x O\nعلي I-PERS\ny B-LOC\nz I-PERS\n\n";
        let imported = import(file).expect("imports");
        assert!(
            imported.warnings[0].contains("2 entit"),
            "{:?}",
            imported.warnings
        );
        let notes: Vec<_> = imported.documents[0]
            .spans
            .iter()
            .map(|s| s.note.clone())
            .collect();
        assert_eq!(
            notes[0].as_deref(),
            Some("CoNLL: began with I-PERS (no B-PERS before it)")
        );
        assert_eq!(notes[1], None);
        assert_eq!(
            String::from_utf8(export(imported, TagScheme::Iob2).file.bytes).expect("utf8"),
            file
        );
    }

    #[test]
    fn unusual_types_are_kept_and_warned() {
        let imported = import("a B-MIS1`\nb I-MIS1\n\n").expect("imports");
        assert_eq!(
            spans(&imported),
            [("MIS1`".into(), "a".into()), ("MIS1".into(), "b".into())]
        );
        assert!(
            imported
                .warnings
                .iter()
                .any(|w| w.contains("unusual") && w.contains("line 1"))
        );
    }

    #[test]
    fn nested_columns_docstart_pipes_and_extra_columns() {
        let nested = import("Bank B-ORG B-LOC\nof I-ORG O\nIraq I-ORG B-LOC\n\n").expect("imports");
        assert_eq!(nested.documents[0].spans.len(), 3);
        let out = String::from_utf8(export(nested, TagScheme::Iob2).file.bytes).expect("utf8");
        assert_eq!(out, "Bank B-ORG B-LOC\nof I-ORG O\nIraq I-ORG B-LOC\n\n");

        let docs = import("-DOCSTART- -X- O O\n\nA NN _ B-X\n\n-DOCSTART- -X- O O\n\nB NN _ O\n")
            .expect("imports");
        assert_eq!(docs.documents.len(), 2);
        assert!(docs.warnings.iter().any(|w| w.contains("not kept")));
        assert_eq!(docs.documents[1].name, "t.conll #2");

        let pipes = import("When|WRB|O Sebastian|NNP|B-PERSON Thrun|NNP|I-PERSON\nok|UH|O\n")
            .expect("imports");
        assert_eq!(pipes.documents[0].text, "When Sebastian Thrun\nok");
        assert_eq!(spans(&pipes), [("PERSON".into(), "Sebastian Thrun".into())]);

        let crlf = import("a\tB-X\r\nb\tO\r\n\r\n").expect("imports");
        assert_eq!(crlf.documents[0].text, "a b");
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let cases = [
            (
                "SOCCERO SOCCERO SOCCERO\n-\tO\nJAPAN\tB-LOC\n",
                "line 1: this line has 3 column(s), but most lines have 2",
            ),
            ("a O\nb FOO\n", "line 2: \"FOO\" is not a tag"),
            ("a\nb\n", "no tag"),
            ("\n\n", "no tokens"),
            ("a|O b|O\nc O\n", "line 2: expected word|TAG"),
        ];
        for (input, expected) in cases {
            let error = import(input).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
    }

    #[test]
    fn sniffing_txt_files() {
        assert!(looks_like_conll("a B-X\nb O\n\nc O\n"));
        assert!(looks_like_conll("When|WRB|O Sebastian|NNP|B-PERSON\n"));
        assert!(!looks_like_conll("a B-X\n"));
        assert!(!looks_like_conll("Hello world.\nThis is prose O\n"));
    }
}
