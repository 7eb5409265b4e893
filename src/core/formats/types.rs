//! The types every format shares: files in and out, what an import read,
//! export options and results, and the [`Format`] trait itself.
//!
//! This module depends on no format; formats and the registry depend on it.

use super::iob::TagScheme;
use crate::core::bidi::isolate;
use crate::core::i18n::{Key, Lang, Msg};
use crate::core::model::{Document, Label, Source};

/// A file handed to an importer: its name and raw bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// The file name, without directories.
    pub name: String,
    /// The file's bytes, undecoded.
    pub bytes: Vec<u8>,
}

/// A file produced by an exporter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Suggested download name.
    pub name: String,
    /// MIME type for the download.
    pub mime: &'static str,
    /// The content.
    pub bytes: Vec<u8>,
}

/// A span as read from a file, before it receives an id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Label name.
    pub label: String,
    /// Free-text note.
    pub note: Option<String>,
    /// Knowledge-base link.
    pub entity_id: Option<String>,
    /// Who proposed it, when the file merges several annotators' work.
    pub annotators: Vec<String>,
    /// Whether a curator accepted it.
    pub accepted: bool,
}

impl ImportedSpan {
    /// The order spans are kept in, the same as
    /// [`crate::core::model::Span::sort_key`]: by start, longer first, then
    /// by label.
    pub fn sort_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (self.start, std::cmp::Reverse(self.end), &self.label)
    }
}

/// A document as read from a file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Display name.
    pub name: String,
    /// Text exactly as stored in the file.
    pub text: String,
    /// Spans in code points.
    pub spans: Vec<ImportedSpan>,
    /// Whether it was marked done.
    pub done: bool,
    /// What export needs to write the file again (see [`Source`]).
    pub source: Option<Source>,
    /// Who annotated it, when the file says.
    pub annotator: Option<String>,
    /// Whose work was merged into it, when the file says.
    pub team: Vec<String>,
}

/// How an import changes the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// The file is a whole workspace: it replaces labels and documents.
    ReplaceWorkspace,
    /// The file adds documents; unknown labels are added to the label set.
    AddDocuments,
}

/// What an importer read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Replace the workspace, or add to it.
    pub mode: ImportMode,
    /// Labels the file defines, in order. When adding documents, they only
    /// say how the labels the spans (and [`Imported::listed_labels`]) carry
    /// look: colour, description, key.
    pub labels: Vec<Label>,
    /// Label names the file lists without a span using them (brat's
    /// `annotation.conf`): when adding documents, those not in the label set
    /// yet are added, as the labels spans carry are.
    pub listed_labels: Vec<String>,
    /// The documents.
    pub documents: Vec<ImportedDocument>,
    /// Index of the document to open, if the file says.
    pub open: Option<usize>,
    /// Things the user should know, such as an assumed offset unit.
    pub warnings: Vec<Msg>,
}

/// An import failure, located as precisely as the format allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file at fault (inside an archive: its path there).
    pub file: String,
    /// The archive the file was read from, if it was.
    pub archive: Option<String>,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// What was wrong or expected, worded when it is shown.
    pub message: Msg,
}

impl ImportError {
    /// An error about `file` as a whole or at `line`.
    pub fn new(file: &str, line: Option<usize>, message: impl Into<Msg>) -> Self {
        ImportError {
            file: file.to_owned(),
            archive: None,
            line,
            message: message.into(),
        }
    }

    /// The file at fault, in `lang` (`proj/a.ann in proj.zip`).
    pub fn place(&self, lang: Lang) -> String {
        self.place_msg().render(lang)
    }

    fn place_msg(&self) -> Msg {
        match &self.archive {
            Some(archive) => Msg::new(Key::InArchive)
                .arg("file", &self.file)
                .arg("archive", archive),
            // A file name mixing scripts keeps its order in the sentence.
            None => Msg::from(isolate(&self.file).as_ref()),
        }
    }

    /// The notice shown for this error ("Could not load …"), worded in the
    /// interface's language where it is shown.
    pub fn notice(&self) -> Msg {
        let key = match self.line {
            Some(_) => Key::CouldNotLoadAt,
            None => Key::CouldNotLoad,
        };
        // A file's name alone is a name argument, isolated as names are (in
        // Arabic, `(copy) tags.jsonl` was drawn `tags.jsonl (copy)`).
        let notice = match &self.archive {
            Some(_) => Msg::new(key).msg("file", self.place_msg()),
            None => Msg::new(key).arg("file", &self.file),
        };
        let notice = notice.msg("message", self.message.clone());
        match self.line {
            Some(line) => notice.num("line", line),
            None => notice,
        }
    }

    /// [`ImportError::notice`] worded in `lang`.
    pub fn describe(&self, lang: Lang) -> String {
        self.notice().render(lang)
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let file = self.place(Lang::En);
        match self.line {
            Some(line) => write!(f, "{file}, line {line}: {}", self.message),
            None => write!(f, "{file}: {}", self.message),
        }
    }
}

/// Which documents an export covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportScope {
    /// Only the open document.
    OpenDocument,
    #[default]
    /// Every document.
    Corpus,
}

/// Options the user picks for an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Which documents.
    pub scope: ExportScope,
    /// doccano only: write offsets in UTF-16 code units, as doccano's web UI
    /// counts them ("UTF-16 (doccano web UI)"), instead of code points.
    pub utf16_offsets: bool,
    /// CoNLL only: the tag scheme to write; by default each document's own
    /// (as imported; IOB2 for documents not read from CoNLL).
    pub tag_scheme: TagScheme,
}

/// What an exporter produced: the file, and what the user should know about
/// it (spans a format cannot hold, labels it had to rename…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file to download.
    pub file: OutputFile,
    /// Warnings to show next to the download; empty when nothing was lost.
    pub warnings: Vec<Msg>,
}

/// Where an export puts who proposed a span and whether it was accepted
/// ([`crate::core::model::Span::annotators`], `accepted`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeamData {
    /// The format has fields for them (Wasim JSON).
    Kept,
    /// The format has span notes: they go in the note, after the user's.
    InNotes,
    /// The format has no place for them: left out, with a warning.
    Dropped,
}

/// One annotation format.
pub trait Format: Sync {
    /// Stable identifier, used in the UI and in tests (`wasim`, `doccano`…).
    fn id(&self) -> &'static str;
    /// Human-readable name for menus.
    fn name(&self) -> &'static str;
    /// Whether [`Format::import`] can read files; export-only formats say no.
    fn can_import(&self) -> bool {
        true
    }
    /// What its exports do with who proposed each span of a team document
    /// and whether a curator accepted it (see [`super::with_team_data`]).
    fn team_data(&self) -> TeamData {
        TeamData::Dropped
    }
    /// Whether a document's source this format wrote (its `data`) holds
    /// links between spans (relations, events, attributes…), which only
    /// this format and Wasim JSON write back ([`super::links_left_out`]).
    fn holds_links(&self, _data: &serde_json::Value) -> bool {
        false
    }
    /// Reads `file` (which format a file is in is decided by
    /// [`super::registry::detect`], not by the formats).
    ///
    /// # Errors
    /// An [`ImportError`] naming the file and, where possible, the line.
    fn import(&self, file: &InputFile) -> Result<Imported, ImportError>;
    /// Writes the documents to one file.
    fn export(&self, labels: &[Label], documents: &[&Document], options: ExportOptions)
    -> Exported;
}
