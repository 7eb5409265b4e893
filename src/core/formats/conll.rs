//! CoNLL-style token-per-line files with IOB tags: IOB2, BIO (IOB1), BIOES
//! and BILOU (the tag codec is [`super::iob`]); also spaCy's
//! sentence-per-line `word|POS|TAG` variant.
//!
//! **Offsets:** the file has none. On import Wasim builds the text by joining
//! a sentence's tokens with one space and sentences with `\n`, and spans are
//! the code point ranges (half-open) of their tokens in that text.
//!
//! **Layout read:** one token per line, columns separated by spaces or tabs;
//! the token is the first column. Columns after it that are not tags in
//! every line (POS tags, lemmas) or that hold phrase chunks (`B-NP`) are
//! skipped; the rest are tag columns, one nested layer each (column order =
//! layer), and their number may vary from line to line (a missing column
//! reads `O`). A blank (or whitespace-only) line ends a sentence;
//! `-DOCSTART-` starts a new document (named `file #n` when there are
//! several); a line starting with `#` that is not a token line (`# sent_id =
//! 1`) is a comment and does not become text. A UTF-8 BOM and `\r\n` line
//! ends are accepted.
//!
//! **What is kept ("what was read is what is written"):** each document's
//! [`Source`] holds its exact chunk of the file — every line with its line
//! end, the `-DOCSTART-` line that starts it, comments, blank lines, POS and
//! lemma columns, separators — plus whether the file had a BOM (first
//! document only), how many columns precede the tags, and the file's tag
//! scheme. Export re-reads that chunk and writes it back, changing only the
//! tag columns of tokens whose entities changed: an unchanged document is
//! written byte for byte, and so is a whole file when all its documents are
//! exported in order. Unchanged entities keep their original tags (such as a
//! leading `I-X`) unless a scheme is chosen explicitly; a line keeps its
//! number of tag columns (padded with `O`), and gets a new column, with its
//! own separator, when a new nested layer needs it. A span that does not
//! start and end on token boundaries, or that crosses a sentence break, is
//! not exported, with a warning (spans are never moved).
//!
//! **Documents without such a source** (typed in, or read from another
//! format) are split into tokens ([`super::tokenize`]) and written as `token
//! TAG` lines, one space, `\n`, a blank line after every sentence; with a
//! warning when re-importing would not give back the same text.
//!
//! **Repairs, with warnings:** in IOB2, an `I-X` that does not continue an
//! `X` entity (ANERcorp has a dozen) starts a new entity, as if it were `B-X`;
//! that span gets the note `CoNLL: began with I-X (no B-X before it)`, and an
//! IOB2 export writes `I-X` back for a span that still carries this exact
//! note. Other span notes and entity ids have no place in the file: export
//! says how many it left out. A type with unusual characters (AQMAR's
//! `B-MIS1\``) is kept as the label, with a warning. Anything in a tag
//! column that is not a tag at all (`SOCCERO`) is an error naming the line
//! and column.

use crate::core::sort;
use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::common::{
    BOM, added_documents, decode, dropped_extras, line_spans, numbered_name, span_text,
};
pub use super::iob::TagScheme;
use super::iob::{
    Tag, TaggedDocument, TaggedToken, TokenSpan, decode_documents, decode_layer, decodes_to,
    encode_layer, join_tokens, not_a_tag, noted_tag, parse_tag,
};
use super::tokenize::{Token, tokenize};
use super::types::{ExportOptions, Exported, Format, ImportError, Imported, InputFile, OutputFile};
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::model::{Document, Label, Source, Span};
use crate::core::text::{CharRange, Slicer};

/// This format's id.
pub const ID: &str = "conll";

/// The marker line that starts a document.
const DOCSTART: &str = "-DOCSTART-";

/// Types of chunk tags (CoNLL-2000/2003 phrase chunks), which look like IOB
/// tags but are not entities.
const CHUNK_TYPES: &[&str] = &[
    "NP", "VP", "PP", "ADJP", "ADVP", "SBAR", "PRT", "INTJ", "CONJP", "LST", "UCP",
];

/// A field of a line: its byte offset in the line, and its text.
type Field<'a> = (usize, &'a str);

/// Splits a line into columns at runs of spaces and tabs.
fn fields(line: &str) -> Vec<Field<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c == ' ' || c == '\t', start) {
            (true, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

/// Whether every field of a line has a `|` (spaCy's `word|POS|TAG`).
fn is_pipe_line(fields: &[Field]) -> bool {
    !fields.is_empty() && fields.iter().all(|f| f.1.contains('|'))
}

/// Whether a field is a tag, or a `word|…|TAG` item.
fn ends_in_tag(field: &str) -> bool {
    parse_tag(field).is_some()
        || (field.contains('|') && field.rsplit('|').next().and_then(parse_tag).is_some())
}

/// What a line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Empty or whitespace only: ends a sentence.
    Blank,
    /// `-DOCSTART-`: starts a document.
    DocStart,
    /// `#` and no tag at the end.
    Comment,
    /// A token and its columns (or `word|…|TAG` items).
    Tokens,
}

/// One line of a file.
struct Line<'a> {
    /// Byte offset of the line in the text.
    start: usize,
    /// 1-based line number.
    number: usize,
    /// The line without its line end.
    content: &'a str,
    /// Its fields.
    fields: Vec<Field<'a>>,
    /// What it is.
    kind: Kind,
}

/// What a line is, from its fields.
fn kind_of(fields: &[Field]) -> Kind {
    match fields {
        [] => Kind::Blank,
        [(_, first), ..] if *first == DOCSTART => Kind::DocStart,
        [(_, first), .., (_, last)] if first.starts_with('#') && ends_in_tag(last) => Kind::Tokens,
        [(_, first), ..] if first.starts_with('#') => Kind::Comment,
        _ => Kind::Tokens,
    }
}

/// Splits a text into lines, numbered from 1. A line ends with `\n`,
/// `\r\n` or a lone `\r` (classic Mac OS files: read as one line, the
/// whole file lost its entities).
fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    for (start, end, _) in line_spans(text) {
        let content = &text[start..end];
        let fields = fields(content);
        lines.push(Line {
            start,
            number: lines.len() + 1,
            content,
            kind: kind_of(&fields),
            fields,
        });
    }
    lines
}

/// How a file's token lines are laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Columns {
    /// Columns between the token and the tags (POS, lemma, chunk).
    skip: usize,
    /// Sentence per line, `word|…|TAG` items.
    pipe: bool,
}

/// Finds the layout of the token lines: `word|TAG` items if the first one
/// is, else how many columns after the token are not tags. A column can only
/// be skipped if it is never a line's last.
fn detect_columns(lines: &[Line]) -> Columns {
    let rows: Vec<&[Field]> = lines
        .iter()
        .filter(|l| l.kind == Kind::Tokens)
        .map(|l| l.fields.as_slice())
        .collect();
    if rows.first().is_some_and(|f| is_pipe_line(f)) {
        return Columns {
            skip: 0,
            pipe: true,
        };
    }
    let mut skip = 0;
    while !rows.is_empty() && rows.iter().all(|f| f.len() > skip + 2) {
        let values: Vec<Option<Tag>> = rows.iter().map(|f| parse_tag(f[skip + 1].1)).collect();
        let all_tags = values.iter().all(Option::is_some);
        let chunk =
            |t: &Option<Tag>| matches!(t, Some(Tag::Entity(_, k)) if CHUNK_TYPES.contains(k));
        let chunks =
            values.iter().any(chunk) && values.iter().all(|t| chunk(t) || *t == Some(Tag::Outside));
        if all_tags && !chunks {
            break;
        }
        skip += 1;
    }
    Columns { skip, pipe: false }
}

/// A token in a text: byte ranges of the token and of its tags.
#[derive(Clone, Debug)]
struct Slot {
    /// 1-based line number.
    line: usize,
    /// The token.
    token: Range<usize>,
    /// Each tag column, first layer first.
    tags: Vec<Range<usize>>,
    /// Where a new tag column goes (the end of the line's last field).
    end: usize,
    /// The separator a new tag column gets; `None` when it cannot have one.
    separator: Option<String>,
}

/// The token of a `token … TAG …` line.
fn column_slot(file: &str, line: &Line, skip: usize) -> Result<Slot, ImportError> {
    let f = &line.fields;
    if f.len() < skip + 2 {
        let message = if f.len() < 2 {
            Msg::new(Key::ConllNoTag)
        } else {
            Msg::counted(Counted::ConllColumns, f.len()).num("column", skip + 2)
        };
        return Err(ImportError::new(file, Some(line.number), message));
    }
    for (column, (_, tag)) in f.iter().enumerate().skip(skip + 1) {
        if parse_tag(tag).is_none() {
            let message = not_a_tag(tag, Some(column + 1));
            return Err(ImportError::new(file, Some(line.number), message));
        }
    }
    let at = |(offset, text): &Field| line.start + offset..line.start + offset + text.len();
    let (before, last) = (&f[f.len() - 2], &f[f.len() - 1]);
    Ok(Slot {
        line: line.number,
        token: at(&f[0]),
        tags: f[skip + 1..].iter().map(at).collect(),
        end: at(last).end,
        separator: Some(line.content[before.0 + before.1.len()..last.0].to_owned()),
    })
}

/// The tokens of a `word|…|TAG` line.
fn pipe_slots(file: &str, line: &Line) -> Result<Vec<Slot>, ImportError> {
    if !is_pipe_line(&line.fields) {
        return Err(ImportError::new(file, Some(line.number), Key::ConllPipe));
    }
    let slots = line.fields.iter().map(|(offset, item)| {
        let start = line.start + offset;
        let token_len = item.find('|').unwrap_or(0);
        let tag_start = item.rfind('|').map_or(0, |i| i + 1);
        Slot {
            line: line.number,
            token: start..start + token_len,
            tags: std::iter::once(start + tag_start..start + item.len()).collect(),
            end: start + item.len(),
            separator: None,
        }
    });
    Ok(slots.collect())
}

/// The sentences of tokens in `lines` (of `text`).
fn read_sentences(
    file: &str,
    lines: &[Line],
    columns: Columns,
) -> Result<Vec<Vec<Slot>>, ImportError> {
    let mut sentences = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        match line.kind {
            Kind::Comment => {}
            Kind::Blank | Kind::DocStart => {
                if !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
            }
            Kind::Tokens if columns.pipe => {
                if !current.is_empty() {
                    sentences.push(std::mem::take(&mut current));
                }
                sentences.push(pipe_slots(file, line)?);
            }
            Kind::Tokens => current.push(column_slot(file, line, columns.skip)?),
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    Ok(sentences)
}

/// The lines of each document: a `-DOCSTART-` line starts one; lines before
/// the first belong to the first document unless they hold tokens.
fn split_documents(lines: &[Line]) -> Vec<Range<usize>> {
    let mut documents = Vec::new();
    let mut from = 0;
    let mut started = false;
    for (i, line) in lines.iter().enumerate() {
        let tokens = lines[from..i].iter().any(|l| l.kind == Kind::Tokens);
        if line.kind == Kind::DocStart {
            if started || tokens {
                documents.push(from..i);
                from = i;
            }
            started = true;
        }
    }
    let tokens = lines[from..].iter().any(|l| l.kind == Kind::Tokens);
    if started || tokens {
        documents.push(from..lines.len());
    }
    documents
}

/// What a CoNLL document keeps of its file ([`Source::data`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Layout {
    /// The document's exact lines, line ends included (without the BOM).
    chunk: String,
    /// Whether the file started with a BOM (first document only).
    #[serde(default)]
    bom: bool,
    /// How the file's token lines are laid out.
    columns: Columns,
    /// The file's tag scheme.
    scheme: TagScheme,
}

/// The text of `text[range]`.
fn at(text: &str, range: &Range<usize>) -> String {
    text.get(range.clone()).unwrap_or_default().to_owned()
}

/// The tagged tokens of some sentences of `text`.
fn tagged(text: &str, sentences: &[Vec<Slot>]) -> Vec<Vec<TaggedToken>> {
    sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|slot| TaggedToken {
                    token: at(text, &slot.token),
                    tags: slot.tags.iter().map(|r| at(text, r)).collect(),
                    line: slot.line,
                })
                .collect()
        })
        .collect()
}

/// Whether `text` reads as CoNLL: at least two token lines, each ending in a
/// tag (or all of the `word|…|TAG` form), in its first 500 lines; `#`
/// comments and `-DOCSTART-` lines are allowed.
pub fn looks_like_conll(text: &str) -> bool {
    let mut token_lines = 0;
    for line in split_lines(text).iter().take(500) {
        let f = &line.fields;
        if line.kind != Kind::Tokens {
            continue;
        }
        let tagged = if is_pipe_line(f) {
            f.iter().all(|w| ends_in_tag(w.1))
        } else {
            f.len() >= 2 && f.last().is_some_and(|t| parse_tag(t.1).is_some())
        };
        if !tagged {
            return false;
        }
        token_lines += if is_pipe_line(f) { f.len() } else { 1 };
    }
    token_lines >= 2
}

/// The CoNLL format.
pub struct Conll;

impl Format for Conll {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "CoNLL / IOB"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let text = decode(file)?;
        let bom = file.bytes.starts_with(BOM.as_bytes());
        import_text(&file.name, &text, bom)
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        options: ExportOptions,
    ) -> Exported {
        let mut warnings = Vec::new();
        let mut retokenized = Vec::new();
        let pieces: Vec<Piece> = documents
            .iter()
            .map(|doc| {
                laid_out(doc, options.tag_scheme, &mut warnings).map_or_else(
                    || {
                        let (encoded, split) =
                            encode_document(doc, options.tag_scheme, &mut warnings);
                        if split {
                            retokenized.push(doc.name.as_str());
                        }
                        Piece::Tokenized(encoded)
                    },
                    Piece::Layout,
                )
            })
            .collect();
        // One warning for every document split so, naming a few (ten
        // thousand plain texts gave ten thousand lines).
        if !retokenized.is_empty() {
            let names = Arg::some_of(&retokenized);
            warnings.push(
                Msg::counted(Counted::ConllRetokenized, retokenized.len()).with("names", names),
            );
        }
        // The tags hold a span's label only: an irregular-start note is
        // written as its tag, any other note and every entity id is lost.
        let is_tag_note = |_: &Document, s: &Span| s.note.as_deref().and_then(noted_tag).is_some();
        warnings.extend(dropped_extras("CoNLL", documents, is_tag_note, false));
        Exported {
            file: OutputFile {
                name: "wasim-annotations.conll".to_owned(),
                mime: "text/plain",
                bytes: write_pieces(&pieces, documents.len() > 1).into_bytes(),
            },
            warnings,
        }
    }
}

/// Reads a decoded file.
fn import_text(file: &str, text: &str, bom: bool) -> Result<Imported, ImportError> {
    let lines = split_lines(text);
    let columns = detect_columns(&lines);
    let ranges = split_documents(&lines);
    let count = ranges.len();
    let mut raw = Vec::with_capacity(count);
    for (i, range) in ranges.iter().enumerate() {
        let sentences = read_sentences(file, &lines[range.clone()], columns)?;
        let name = numbered_name(file, i + 1, count);
        raw.push(TaggedDocument {
            name,
            sentences: tagged(text, &sentences),
        });
    }
    if raw.iter().all(|d| d.sentences.is_empty()) {
        return Err(ImportError::new(file, None, Key::ConllNoTokens));
    }
    let decoded = decode_documents(file, &raw)?;
    let mut warnings = decoded.warnings;
    if columns.skip > 0 {
        warnings.push(Msg::counted(Counted::ConllSkipped, columns.skip).arg("file", file));
    }
    let mut documents = decoded.documents;
    for (i, (doc, range)) in documents.iter_mut().zip(&ranges).enumerate() {
        let start = lines.get(range.start).map_or(text.len(), |l| l.start);
        let end = lines.get(range.end).map_or(text.len(), |l| l.start);
        let layout = Layout {
            chunk: text.get(start..end).unwrap_or_default().to_owned(),
            bom: bom && i == 0,
            columns,
            scheme: decoded.scheme,
        };
        doc.source = serde_json::to_value(layout).ok().map(|data| Source {
            format: ID.to_owned(),
            data,
        });
    }
    Ok(added_documents(documents, warnings))
}

/// One exported document.
enum Piece {
    /// Written from its imported layout.
    Layout(LaidOut),
    /// Split into tokens again.
    Tokenized(EncodedDocument),
}

/// A document written from its imported layout.
struct LaidOut {
    /// Its chunk with new tags.
    text: String,
    /// Whether its file started with a BOM.
    bom: bool,
    /// Whether the chunk has its own `-DOCSTART-` line.
    docstart: bool,
    /// Its first line end.
    eol: &'static str,
}

/// Writes the documents in order. A document written from its layout gets a
/// `-DOCSTART-` line only when it lacks one and is not first, and its BOM
/// only when first; split documents each get one when there are several.
fn write_pieces(pieces: &[Piece], several: bool) -> String {
    let columns = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Tokenized(d) => Some(d.layers.len()),
            Piece::Layout(_) => None,
        })
        .max()
        .unwrap_or(1)
        .max(1);
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        match piece {
            Piece::Layout(laid) => {
                if i == 0 && laid.bom {
                    out.push_str(BOM);
                }
                if i > 0 && !laid.docstart {
                    out.push_str(&format!("{DOCSTART}{0}{0}", laid.eol));
                }
                out.push_str(&laid.text);
            }
            Piece::Tokenized(doc) => {
                write_tokenized(&mut out, doc, columns, several);
                // A first token that starts with U+FEFF (a brat text that
                // starts with one, read as its first character) would be
                // read back as the file's byte order mark, the line left
                // with a tag and no token: a mark before it keeps it.
                if i == 0 && out.starts_with(BOM) {
                    out.insert_str(0, BOM);
                }
            }
        }
    }
    out
}

/// The chunk of a document with its tags rewritten; `None` (with a warning
/// when there was a layout) when it has to be split into tokens again.
fn laid_out(doc: &Document, scheme: TagScheme, warnings: &mut Vec<Msg>) -> Option<LaidOut> {
    let data = doc.source_data(ID)?;
    let mut fallback = |why: Key| {
        warnings.push(
            Msg::new(Key::ConllSplitAgain)
                .arg("name", doc.name.as_str())
                .msg("why", Msg::new(why)),
        );
        None
    };
    let Ok(layout) = serde_json::from_value::<Layout>(data.clone()) else {
        return fallback(Key::ConllLayoutUnreadable);
    };
    let lines = split_lines(&layout.chunk);
    let Ok(sentences) = read_sentences(&doc.name, &lines, layout.columns) else {
        return fallback(Key::ConllLayoutUnreadable);
    };
    let (text, offsets) = join_tokens(sentences.iter().map(|s| {
        s.iter()
            .map(|t| layout.chunk.get(t.token.clone()).unwrap_or_default())
            .collect()
    }));
    if text != doc.text.as_str() {
        return fallback(Key::ConllTextChanged);
    }
    let tokens = Tokens {
        chunk: &layout.chunk,
        sentences: &sentences,
        offsets: &offsets,
    };
    let target = Target {
        scheme: scheme.or(layout.scheme),
        imported: layout.scheme,
        keep: scheme == TagScheme::AsImported,
    };
    let edits = retag(doc, &tokens, target, warnings);
    let eol = lines
        .first()
        .filter(|l| layout.chunk[l.start + l.content.len()..].starts_with("\r\n"))
        .map_or("\n", |_| "\r\n");
    Some(LaidOut {
        text: apply_edits(&layout.chunk, edits),
        bom: layout.bom,
        docstart: lines.iter().any(|l| l.kind == Kind::DocStart),
        eol,
    })
}

/// A document's tokens as laid out in its chunk.
struct Tokens<'a> {
    /// The chunk.
    chunk: &'a str,
    /// Its sentences of tokens.
    sentences: &'a [Vec<Slot>],
    /// Each token's code point range in the document's text.
    offsets: &'a [CharRange],
}

impl Tokens<'_> {
    /// Every token, in order.
    fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.sentences.iter().flatten()
    }

    /// Token indices where sentences end.
    fn sentence_ends(&self) -> Vec<usize> {
        self.sentences
            .iter()
            .scan(0, |n, s| {
                *n += s.len();
                Some(*n)
            })
            .collect()
    }

    /// The tag strings of one layer (`O` where a line has no such column).
    fn layer(&self, layer: usize) -> Vec<&str> {
        self.slots()
            .map(|s| {
                s.tags
                    .get(layer)
                    .and_then(|r| self.chunk.get(r.clone()))
                    .unwrap_or("O")
            })
            .collect()
    }

    /// The entities of one layer as the chunk has them.
    fn entities(&self, layer: usize, iob1: bool) -> Vec<TokenSpan> {
        let tags = self.layer(layer);
        let mut from = 0;
        let sentences: Vec<Vec<Tag>> = self
            .sentence_ends()
            .into_iter()
            .map(|end| {
                let sentence = tags[from..end]
                    .iter()
                    .map(|t| parse_tag(t).unwrap_or(Tag::Outside))
                    .collect();
                from = end;
                sentence
            })
            .collect();
        decode_layer(&sentences, iob1)
    }

    /// How many tag columns the longest line has.
    fn layers(&self) -> usize {
        self.slots().map(|s| s.tags.len()).max().unwrap_or(1)
    }
}

/// A span placed in a layer; `original` when it is an entity of that layer
/// in the file, unchanged.
#[derive(Clone, Debug)]
struct Placed {
    span: TokenSpan,
    original: bool,
}

/// The tags an export writes.
#[derive(Clone, Copy)]
struct Target {
    /// The scheme to write.
    scheme: TagScheme,
    /// The file's scheme.
    imported: TagScheme,
    /// Keep the original tags of unchanged entities.
    keep: bool,
}

/// The edits that give the chunk the document's spans.
fn retag(
    doc: &Document,
    tokens: &Tokens,
    target: Target,
    warnings: &mut Vec<Msg>,
) -> Vec<(Range<usize>, String)> {
    let Target { scheme, keep, .. } = target;
    let wanted = token_spans(doc, tokens, warnings);
    let original: Vec<Vec<TokenSpan>> = (0..tokens.layers())
        .map(|l| tokens.entities(l, target.imported.is_iob1()))
        .collect();
    let pipe = tokens.slots().any(|s| s.separator.is_none());
    let placed = place(
        &original,
        wanted,
        if pipe { 1 } else { usize::MAX },
        doc,
        warnings,
    );
    let count = tokens.offsets.len();
    let ends = tokens.sentence_ends();
    let layers: Vec<Vec<String>> = placed
        .iter()
        .enumerate()
        .map(|(l, spans)| layer_tags(spans, &tokens.layer(l), count, &ends, scheme, keep))
        .collect();
    // Nested spans that need more tag columns than the file had: the new
    // columns go on every token line (on the nested entity's lines alone,
    // a tool that takes the last column as the tag misread the others).
    let used = layers
        .iter()
        .rposition(|l| l.iter().any(|t| t != "O"))
        .map_or(0, |i| i + 1);
    let width = if used > tokens.layers() {
        warnings.push(
            Msg::new(Key::ConllColumnAdded)
                .arg("name", doc.name.as_str())
                .num("n", used),
        );
        used
    } else {
        0
    };
    let mut edits = Vec::new();
    for (i, slot) in tokens.slots().enumerate() {
        let tags: Vec<&str> = layers.iter().map(|l| l[i].as_str()).collect();
        slot_edits(tokens.chunk, slot, &tags, width, &mut edits);
    }
    edits
}

/// The document's spans in token indices; spans that do not fit the tokens
/// are left out, with a warning.
fn token_spans(doc: &Document, tokens: &Tokens, warnings: &mut Vec<Msg>) -> Vec<TokenSpan> {
    let starts: Vec<usize> = tokens.offsets.iter().map(|o| o.start()).collect();
    let ends: Vec<usize> = tokens.offsets.iter().map(|o| o.end()).collect();
    let sentence_ends = tokens.sentence_ends();
    let sentence_of = |token: usize| sentence_ends.partition_point(|&e| e <= token);
    let mut out = Vec::new();
    for span in &doc.spans {
        let (Ok(first), Ok(last)) = (
            starts.binary_search(&span.start),
            ends.binary_search(&span.end),
        ) else {
            warnings.push(span_warning(Key::ConllInsideToken, doc, span));
            continue;
        };
        if last < first || sentence_of(first) != sentence_of(last) {
            warnings.push(span_warning(Key::ConllCrossesSentence, doc, span));
            continue;
        }
        out.push(TokenSpan {
            start: first,
            end: last + 1,
            label: tag_label(doc, &span.label, warnings),
            irregular: span.note.as_deref().and_then(noted_tag).map(str::to_owned),
        });
    }
    out
}

/// A warning about a span CoNLL cannot hold: `key` with the document's
/// name, the span's text and its label.
fn span_warning(key: Key, doc: &Document, span: &Span) -> Msg {
    Msg::new(key)
        .arg("name", doc.name.as_str())
        .quoted("text", span_text(doc, span))
        .arg("label", span.label.as_str())
}

/// A label as a tag type: whitespace becomes `_`, with a warning.
fn tag_label(doc: &Document, label: &str, warnings: &mut Vec<Msg>) -> String {
    let written: String = label
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if written != label {
        warnings.push(
            Msg::new(Key::ConllLabelWritten)
                .arg("name", doc.name.as_str())
                .quoted("label", label)
                .quoted("written", written.as_str()),
        );
    }
    written
}

/// Puts spans into layers: unchanged entities stay where they were, a
/// relabelled one keeps its layer, a new one goes to the first layer where
/// it overlaps nothing (at most `max_layers`).
fn place(
    original: &[Vec<TokenSpan>],
    wanted: Vec<TokenSpan>,
    max_layers: usize,
    doc: &Document,
    warnings: &mut Vec<Msg>,
) -> Vec<Vec<Placed>> {
    let index: HashMap<(usize, usize, &str), usize> = wanted
        .iter()
        .enumerate()
        .map(|(i, w)| (w.key(), i))
        .collect();
    let mut layers = Layers::new(original.len());
    let mut claimed = vec![false; wanted.len()];
    let mut ranges: HashMap<(usize, usize), usize> = HashMap::new();
    for (l, entities) in original.iter().enumerate() {
        for entity in entities {
            ranges.entry((entity.start, entity.end)).or_insert(l);
            if let Some(&i) = index.get(&entity.key()) {
                claimed[i] = true;
                let span = TokenSpan {
                    irregular: wanted[i].irregular.clone(),
                    ..entity.clone()
                };
                layers.put(l, span, true);
            }
        }
    }
    for (span, _) in wanted.into_iter().zip(claimed).filter(|(_, c)| !c) {
        let layer = ranges
            .get(&(span.start, span.end))
            .copied()
            .filter(|&l| layers.is_free(l, &span))
            .or_else(|| (0..).find(|&l| layers.is_free(l, &span)));
        match layer.filter(|&l| l < max_layers) {
            Some(l) => layers.put(l, span, false),
            None => warnings.push(
                Msg::new(Key::ConllOverlaps)
                    .arg("name", doc.name.as_str())
                    .arg("label", span.label.as_str()),
            ),
        }
    }
    layers.spans
}

/// Spans by layer, and which tokens each layer covers.
struct Layers {
    spans: Vec<Vec<Placed>>,
    /// `taken[l][t]`: layer `l` has a span on token `t` (tokens past the
    /// end are free).
    taken: Vec<Vec<bool>>,
}

impl Layers {
    /// `count` empty layers.
    fn new(count: usize) -> Self {
        Layers {
            spans: vec![Vec::new(); count],
            taken: vec![Vec::new(); count],
        }
    }

    /// Whether layer `l` has no span on the tokens of `span`.
    fn is_free(&self, l: usize, span: &TokenSpan) -> bool {
        self.taken.get(l).is_none_or(|taken| {
            let end = span.end.min(taken.len());
            taken
                .get(span.start..end)
                .is_none_or(|on| !on.contains(&true))
        })
    }

    /// Puts `span` in layer `l`, adding layers as needed.
    fn put(&mut self, l: usize, span: TokenSpan, original: bool) {
        if self.spans.len() <= l {
            self.spans.resize(l + 1, Vec::new());
            self.taken.resize(l + 1, Vec::new());
        }
        let taken = &mut self.taken[l];
        if taken.len() < span.end {
            taken.resize(span.end, false);
        }
        for on in taken.iter_mut().take(span.end).skip(span.start) {
            *on = true;
        }
        self.spans[l].push(Placed { span, original });
    }
}

/// One layer's tags: canonical in `scheme`, with the original tags of
/// unchanged entities when `keep` and they still decode to the layer's spans.
fn layer_tags(
    placed: &[Placed],
    original: &[&str],
    count: usize,
    sentence_ends: &[usize],
    scheme: TagScheme,
    keep: bool,
) -> Vec<String> {
    let spans: Vec<TokenSpan> = placed.iter().map(|p| p.span.clone()).collect();
    let canonical = encode_layer(&spans, count, sentence_ends, scheme);
    if !keep {
        return canonical;
    }
    let mut tags = canonical.clone();
    for p in placed.iter().filter(|p| p.original) {
        let range = p.span.start..p.span.end.min(count);
        for (tag, kept) in tags[range.clone()]
            .iter_mut()
            .zip(original.get(range).unwrap_or_default())
        {
            *tag = (*kept).to_owned();
        }
    }
    if decodes_to(&tags, &spans, sentence_ends, scheme) {
        tags
    } else {
        canonical
    }
}

/// The edits giving one token its tags: changed columns are replaced, a
/// line keeps its number of columns (`O` pads them), and columns it lacks
/// are appended with its separator up to the last entity tag, or up to
/// `width` columns (`O` pads them) when nested spans gave the document
/// more tag columns than its file had.
fn slot_edits(
    chunk: &str,
    slot: &Slot,
    tags: &[&str],
    width: usize,
    edits: &mut Vec<(Range<usize>, String)>,
) {
    for (range, tag) in slot
        .tags
        .iter()
        .zip(tags.iter().chain(std::iter::repeat(&"O")))
    {
        if chunk.get(range.clone()) != Some(*tag) {
            edits.push((range.clone(), (*tag).to_owned()));
        }
    }
    let needed = tags.iter().rposition(|t| *t != "O").map_or(0, |i| i + 1);
    let needed = needed.max(width.min(tags.len()));
    if needed <= slot.tags.len() {
        return;
    }
    let separator = slot.separator.as_deref().unwrap_or(" ");
    let appended: String = tags[slot.tags.len()..needed]
        .iter()
        .map(|t| format!("{separator}{t}"))
        .collect();
    edits.push((slot.end..slot.end, appended));
}

/// `text` with the (non-overlapping) edits applied.
fn apply_edits(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    sort::sort_by_key(&mut edits, |(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, new) in edits {
        out.push_str(text.get(at..range.start).unwrap_or_default());
        out.push_str(&new);
        at = range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// A document split into tokens: sentences of (token text, token index) and
/// one tag list per layer, indexed by token.
struct EncodedDocument {
    sentences: Vec<Vec<(String, usize)>>,
    layers: Vec<Vec<String>>,
}

/// Writes a split document as `token TAG…` lines; a `-DOCSTART-` line
/// first when the export has several documents.
fn write_tokenized(out: &mut String, doc: &EncodedDocument, columns: usize, several: bool) {
    if several {
        push_row(out, DOCSTART, (0..columns).map(|_| "O"));
        out.push('\n');
    }
    for sentence in &doc.sentences {
        for (token, index) in sentence {
            let tag = |l: usize| {
                doc.layers
                    .get(l)
                    .and_then(|t| t.get(*index))
                    .map_or("O", String::as_str)
            };
            push_row(out, token, (0..columns).map(tag));
        }
        out.push('\n');
    }
}

/// Writes `token TAG…` and a line end.
fn push_row<'a>(out: &mut String, token: &str, tags: impl Iterator<Item = &'a str>) {
    out.push_str(token);
    for tag in tags {
        out.push(' ');
        out.push_str(tag);
    }
    out.push('\n');
}

/// Tokenizes a document and tags its spans, layer by layer; `true` with it
/// when the tokens joined again are not the document's text (a re-import
/// would read other text).
fn encode_document(
    doc: &Document,
    scheme: TagScheme,
    warnings: &mut Vec<Msg>,
) -> (EncodedDocument, bool) {
    let tokenized = tokenize(&doc.text, &doc.spans);
    warnings.extend(tokenized.warnings.into_iter().map(|w| {
        Msg::new(Key::NameWithError)
            .arg("name", doc.name.as_str())
            .msg("error", w)
    }));
    let tokens: Vec<Token> = tokenized.sentences.iter().flatten().copied().collect();
    // Each token's text, in one pass over the document.
    let mut slicer = Slicer::new(&doc.text);
    let words: Vec<Vec<&str>> = tokenized
        .sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| slicer.slice(t.start, t.end).unwrap_or_default())
                .collect()
        })
        .collect();
    let (rebuilt, _) = join_tokens(words.iter().cloned());
    let split = rebuilt != doc.text.as_str();
    let mut index = 0;
    let sentences = words
        .iter()
        .map(|s| {
            s.iter()
                .map(|word| {
                    index += 1;
                    ((*word).to_owned(), index - 1)
                })
                .collect()
        })
        .collect();
    let layers = token_layers(doc, &tokens, warnings);
    let sentence_ends: Vec<usize> = tokenized
        .sentences
        .iter()
        .scan(0, |n, s| {
            *n += s.len();
            Some(*n)
        })
        .collect();
    let scheme = scheme.or(TagScheme::Iob2);
    let encoded = EncodedDocument {
        sentences,
        layers: layers
            .iter()
            .map(|spans| encode_layer(spans, tokens.len(), &sentence_ends, scheme))
            .collect(),
    };
    (encoded, split)
}

/// The spans in token indices, each in the first layer where it fits.
fn token_layers(doc: &Document, tokens: &[Token], warnings: &mut Vec<Msg>) -> Vec<Vec<TokenSpan>> {
    let mut layers: Vec<Vec<TokenSpan>> = Vec::new();
    for span in &doc.spans {
        let first = tokens.partition_point(|t| t.start < span.start);
        let last = tokens.partition_point(|t| t.end <= span.end);
        if first >= last {
            warnings.push(span_warning(Key::ConllNoToken, doc, span));
            continue;
        }
        let token_span = TokenSpan {
            start: first,
            end: last,
            label: tag_label(doc, &span.label, warnings),
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
    layers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::import_edit;
    use crate::core::model::{SpanId, Workspace};

    fn import(text: &str) -> Result<Imported, ImportError> {
        Conll.import(&InputFile {
            name: "t.conll".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    fn workspace(imported: Imported) -> Workspace {
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        ws
    }

    fn export_ws(ws: &Workspace, scheme: TagScheme) -> (String, Vec<String>) {
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let out = Conll.export(
            &ws.labels,
            &docs,
            ExportOptions {
                tag_scheme: scheme,
                ..ExportOptions::default()
            },
        );
        (
            String::from_utf8(out.file.bytes).expect("utf8"),
            out.warnings.iter().map(ToString::to_string).collect(),
        )
    }

    fn export(imported: Imported, scheme: TagScheme) -> String {
        export_ws(&workspace(imported), scheme).0
    }

    /// A text whose first character is U+FEFF (a brat text read with its
    /// mark) is written after a byte order mark, so that its first token
    /// is read back (it was taken for the mark, and the file refused).
    #[test]
    fn a_text_starting_with_a_byte_order_mark_reads_back() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("b.txt", "\u{feff}Barack Obama");
        doc.spans.push(ws.new_span(8, 13, "PER"));
        ws.documents.push(std::sync::Arc::new(doc));
        let (text, _) = export_ws(&ws, TagScheme::Iob2);
        assert!(text.starts_with("\u{feff}\u{feff}"), "{text:?}");
        let back = workspace(import(&text).expect("reads back"));
        let spans: Vec<(usize, usize, &str)> = back.documents[0]
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(back.documents[0].text.as_str(), "\u{feff}Barack Obama");
        assert_eq!(spans, [(8, 13, "PER")]);
    }

    /// Texts that their tokens do not give back are said in one warning,
    /// however many (ten thousand plain texts gave ten thousand lines).
    #[test]
    fn texts_split_into_tokens_are_said_once() {
        let mut ws = Workspace::default();
        for i in 0..7 {
            let doc = ws.new_document(&format!("d{i}.txt"), "قال علي،  في بغداد");
            ws.documents.push(std::sync::Arc::new(doc));
        }
        let same = ws.new_document("same.txt", "قال علي");
        ws.documents.push(std::sync::Arc::new(same));
        let (_, warnings) = export_ws(&ws, TagScheme::Iob2);
        assert_eq!(
            warnings,
            [
                "7 documents' texts were split into tokens for CoNLL; importing the file again gives the tokens joined by single spaces and line breaks, not the same texts: d0.txt, d1.txt, d2.txt, d3.txt, d4.txt and 2 more"
            ]
        );
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
        assert_eq!(export(import(file).expect("ok"), TagScheme::Iob2), file);
        assert_eq!(export(imported, TagScheme::AsImported), file);
    }

    #[test]
    fn every_scheme_round_trips() {
        let file = "a B-X\nb I-X\nc B-X\nd O\ne B-Y\n\n";
        let base = spans(&import(file).expect("imports"));
        for scheme in TagScheme::CHOICES {
            let out = export(import(file).expect("imports"), scheme);
            let again = import(&out).expect("re-imports");
            assert_eq!(spans(&again), base, "{scheme:?}");
        }
        let bioes = export(import(file).expect("ok"), TagScheme::Bioes);
        assert_eq!(bioes, "a B-X\nb E-X\nc S-X\nd O\ne S-Y\n\n");
        let iob1 = export(import(file).expect("ok"), TagScheme::Iob1);
        assert_eq!(iob1, "a I-X\nb I-X\nc B-X\nd O\ne I-Y\n\n");
        assert!(
            import(&iob1).expect("ok").warnings.is_empty(),
            "IOB1 is detected, not repaired"
        );
        // As imported, a BIOES file stays BIOES; IOB2 when asked.
        assert_eq!(
            export(import(&bioes).expect("ok"), TagScheme::AsImported),
            bioes
        );
        assert_eq!(export(import(&bioes).expect("ok"), TagScheme::Iob2), file);
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
        assert_eq!(export(import(file).expect("ok"), TagScheme::Iob2), file);
        assert_eq!(export(imported, TagScheme::AsImported), file);
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
    fn tag_columns_may_vary_from_line_to_line() {
        let file = "Bank B-ORG B-LOC\nof I-ORG\nIraq I-ORG B-LOC B-X\nsaid O\n\n";
        let imported = import(file).expect("imports");
        assert_eq!(
            spans(&imported),
            [
                ("ORG".into(), "Bank of Iraq".into()),
                ("LOC".into(), "Bank".into()),
                ("LOC".into(), "Iraq".into()),
                ("X".into(), "Iraq".into()),
            ]
        );
        assert_eq!(export(imported, TagScheme::AsImported), file);
    }

    #[test]
    fn pos_and_chunk_columns_are_skipped_and_written_back() {
        let file = "-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n";
        let imported = import(file).expect("imports");
        assert_eq!(spans(&imported), [("ORG".into(), "EU".into())]);
        assert!(imported.warnings.iter().any(|w| w.contains("not shown")));
        assert_eq!(export(imported, TagScheme::AsImported), file);
    }

    #[test]
    fn comments_are_kept_but_are_not_text() {
        let file = "# sent_id = 1\n# text = a b\na B-X\n# O\nb O\n\n";
        let imported = import(file).expect("imports");
        assert_eq!(imported.documents[0].text, "a # b");
        assert_eq!(export(imported, TagScheme::AsImported), file);
    }

    #[test]
    fn documents_keep_their_chunks_and_the_bom() {
        let file =
            "\u{FEFF}\r\n-DOCSTART- O\r\n\r\nA\tB-X\r\n\r\n-DOCSTART- O\r\n\r\nB\tO\r\n\r\n\r\n";
        let imported = import(file).expect("imports");
        assert_eq!(imported.documents.len(), 2);
        assert_eq!(imported.documents[1].name, "t.conll #2");
        let ws = workspace(imported);
        assert_eq!(export_ws(&ws, TagScheme::AsImported).0, file);
        // The second document alone: no BOM; the first alone keeps it.
        let one = |i: usize| {
            String::from_utf8(
                Conll
                    .export(&ws.labels, &[&ws.documents[i]], ExportOptions::default())
                    .file
                    .bytes,
            )
            .expect("utf8")
        };
        assert_eq!(one(1), "-DOCSTART- O\r\n\r\nB\tO\r\n\r\n\r\n");
        assert!(one(0).starts_with('\u{FEFF}'));
        // A file without -DOCSTART-, exported after another, gets one.
        let mut ws2 = workspace(import("a O\n").expect("ok"));
        let (edit, _) = import_edit(&mut ws2, import("b O").expect("ok")).expect("valid");
        edit.apply(&mut ws2).expect("applies");
        let (both, _) = export_ws(&ws2, TagScheme::AsImported);
        assert_eq!(both, "a O\n-DOCSTART-\n\nb O");
        assert_eq!(import(&both).expect("ok").documents.len(), 2);
    }

    #[test]
    fn changes_touch_only_the_tags_of_changed_entities() {
        let file = "a\tNN\tB-X\r\nb\tNN\tI-X\r\nc\tNN\tO\r\nd\tNN\tI-Y\r\n\r\n";
        let mut ws = workspace(import(file).expect("imports"));
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        // a b = X (0..3), d = Y (6..7, began with I-Y).
        doc.spans.retain(|s| s.label != "X");
        let add = |start, end, label: &str| crate::core::model::Span {
            id: SpanId(99),
            start,
            end,
            label: label.into(),
            note: None,
            entity_id: None,
            annotators: Vec::new(),
            accepted: false,
        };
        for span in [add(2, 3, "Z"), add(0, 5, "W"), add(2, 5, "V")] {
            let at = doc.insertion_index(&span);
            doc.spans.insert(at, span);
        }
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        // Nested spans need two more tag columns: every token line has
        // them (`O` where nothing is nested), and the export says so.
        assert_eq!(
            warnings,
            [
                "t.conll: nested spans need another tag column, added to every token line of the document (3 columns now)"
            ]
        );
        assert_eq!(
            out,
            "a\tNN\tB-W\tO\tO\r\nb\tNN\tI-W\tB-V\tB-Z\r\nc\tNN\tI-W\tI-V\tO\r\nd\tNN\tI-Y\tO\tO\r\n\r\n"
        );
    }

    #[test]
    fn notes_and_ids_left_out_are_counted_but_not_the_tag_notes() {
        let file = "x O\nعلي I-PERS\ny B-LOC\nz B-ORG\n\n";
        let mut ws = workspace(import(file).expect("imports"));
        // The importer's own note is written as the tag: no warning.
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        assert_eq!((out.as_str(), warnings.len()), (file, 0), "{warnings:?}");
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        doc.spans[1].note = Some("check the spelling".to_owned());
        doc.spans[2].entity_id = Some("Q1".to_owned());
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        assert_eq!(out, file, "the tags do not change");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("CoNLL"), "{warnings:?}");
        let what = (
            warnings[0].contains("1 span note"),
            warnings[0].contains("1 entity id"),
        );
        assert_eq!(what, (true, true), "{warnings:?}");
    }

    #[test]
    fn spans_that_cut_tokens_are_reported_not_moved() {
        let mut ws = workspace(import("ab O\ncd O\n\nef O\n").expect("imports"));
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        let span = |start, end| crate::core::model::Span {
            id: SpanId(99),
            start,
            end,
            label: "X".into(),
            note: None,
            entity_id: None,
            annotators: Vec::new(),
            accepted: false,
        };
        doc.spans = vec![span(0, 1), span(3, 8)];
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        assert_eq!(out, "ab O\ncd O\n\nef O\n");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("inside a token"));
        assert!(warnings[1].contains("sentence break"));
    }

    #[test]
    fn a_text_that_no_longer_matches_its_layout_is_split_again() {
        let mut ws = workspace(import("a B-X\nb O\n").expect("imports"));
        std::sync::Arc::make_mut(&mut ws.documents[0]).text = crate::core::text::Text::new("a c");
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        assert_eq!(out, "a B-X\nc O\n\n");
        assert!(warnings[0].contains("no longer matches"), "{warnings:?}");
    }

    #[test]
    fn typed_documents_are_split_and_warned_about() {
        let mut ws = Workspace::default();
        let doc = ws.new_document("d", "Hello, world.");
        ws.documents.push(doc.into());
        let (out, warnings) = export_ws(&ws, TagScheme::AsImported);
        assert_eq!(out, "Hello O\n, O\nworld O\n. O\n\n");
        assert!(warnings[0].contains("split into tokens"), "{warnings:?}");
    }

    #[test]
    fn docstart_pipes_and_crlf() {
        let docs = import("-DOCSTART- -X- O O\n\nA NN _ B-X\n\n-DOCSTART- -X- O O\n\nB NN _ O\n")
            .expect("imports");
        assert_eq!(docs.documents.len(), 2);
        assert_eq!(docs.documents[1].name, "t.conll #2");

        let text = "When|WRB|O Sebastian|NNP|B-PERSON Thrun|NNP|I-PERSON\nok|UH|O\n";
        let pipes = import(text).expect("imports");
        assert_eq!(pipes.documents[0].text, "When Sebastian Thrun\nok");
        assert_eq!(spans(&pipes), [("PERSON".into(), "Sebastian Thrun".into())]);
        assert_eq!(export(pipes, TagScheme::AsImported), text);

        let crlf = import("a\tB-X\r\nb\tO\r\n\r\n").expect("imports");
        assert_eq!(crlf.documents[0].text, "a b");
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let file = "محمد B-PER\rزار O\rدبي B-LOC\r\rو O\rعاد O\r";
        let imported = import(file).expect("imports");
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(imported.documents[0].text, "محمد زار دبي\nو عاد");
        assert_eq!(
            spans(&imported),
            [("PER".into(), "محمد".into()), ("LOC".into(), "دبي".into())]
        );
        let mut ws = workspace(imported);
        assert_eq!(
            export_ws(&ws, TagScheme::AsImported).0,
            file,
            "byte for byte"
        );
        // An edit changes its tag only; the line ends stay.
        let doc = std::sync::Arc::make_mut(&mut ws.documents[0]);
        doc.spans[1].label = "ORG".into();
        assert_eq!(
            export_ws(&ws, TagScheme::AsImported).0,
            file.replace("B-LOC", "B-ORG")
        );
        assert!(looks_like_conll(file));
    }

    #[test]
    fn bad_files_are_clear_errors() {
        let cases = [
            (
                "SOCCERO SOCCERO SOCCERO\n-\tO\nJAPAN\tB-LOC\n",
                "line 1: \"SOCCERO\" (column 2) is not a tag",
            ),
            ("a O\nb FOO\n", "line 2: \"FOO\" (column 2) is not a tag"),
            ("a NN O\nb NN\n", "line 1: \"NN\" (column 2) is not a tag"),
            ("a\nb\n", "line 1: this line has a token but no tag"),
            ("\n\n", "no tokens"),
            ("# only a comment\n", "no tokens"),
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
    fn layouts_are_found() {
        let lines = split_lines("x NN B-NP O\ny NN I-NP B-X\n");
        assert_eq!(detect_columns(&lines).skip, 2);
        let lines = split_lines("x B-X B-Y\ny O\n");
        assert_eq!(detect_columns(&lines).skip, 0);
        let lines = split_lines("x O O\ny O O\n");
        assert_eq!(detect_columns(&lines).skip, 0);
        assert_eq!(fields("a\t b  c"), [(0, "a"), (3, "b"), (6, "c")]);
        assert_eq!(kind_of(&fields("# sent_id = 1")), Kind::Comment);
        assert_eq!(kind_of(&fields("# O")), Kind::Tokens);
        assert_eq!(kind_of(&fields(" \t")), Kind::Blank);
    }

    #[test]
    fn sniffing_txt_files() {
        assert!(looks_like_conll("a B-X\nb O\n\nc O\n"));
        assert!(looks_like_conll("# c\na B-X\nb O\n"));
        assert!(looks_like_conll("When|WRB|O Sebastian|NNP|B-PERSON\n"));
        assert!(!looks_like_conll("a B-X\n"));
        assert!(!looks_like_conll("Hello world.\nThis is prose O\n"));
    }
}
