//! Import and export formats behind one small interface.
//!
//! Each format lives in its own module and implements [`Format`]. The UI lists
//! [`all`] to build its export menu and calls [`detect`] to route imported
//! files, so a new format only has to be added to [`all`].
//!
//! Every format states its offset convention in its module documentation.
//! Whatever a file uses, importers convert to Wasim's unit (code points,
//! half-open) and exporters convert back.

pub mod wasim;

use super::edit::Edit;
use super::model::{Document, Label, Workspace};

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
#[derive(Clone, Debug, PartialEq, Eq)]
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
}

/// A document as read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Display name.
    pub name: String,
    /// Text exactly as stored in the file.
    pub text: String,
    /// Spans in code points.
    pub spans: Vec<ImportedSpan>,
    /// Whether it was marked done.
    pub done: bool,
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
    /// Labels the file defines, in order.
    pub labels: Vec<Label>,
    /// The documents.
    pub documents: Vec<ImportedDocument>,
    /// Index of the document to open, if the file says.
    pub open: Option<usize>,
    /// Things the user should know, such as an assumed offset unit.
    pub warnings: Vec<String>,
}

/// An import failure, located as precisely as the format allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file at fault.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// What was wrong or expected.
    pub message: String,
}

impl ImportError {
    /// An error about `file` as a whole or at `line`.
    pub fn new(file: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
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
}

/// One annotation format.
pub trait Format: Sync {
    /// Stable identifier, used in the UI and in tests (`wasim`, `doccano`…).
    fn id(&self) -> &'static str;
    /// Human-readable name for menus.
    fn name(&self) -> &'static str;
    /// Whether the file looks like this format, by name and content.
    fn sniff(&self, file: &InputFile) -> bool;
    /// Reads `file`.
    ///
    /// # Errors
    /// An [`ImportError`] naming the file and, where possible, the line.
    fn import(&self, file: &InputFile) -> Result<Imported, ImportError>;
    /// Writes the documents to one file.
    fn export(&self, labels: &[Label], documents: &[&Document], options: ExportOptions) -> OutputFile;
}

/// Every format Wasim speaks, in menu order.
pub fn all() -> &'static [&'static dyn Format] {
    &[&wasim::WasimJson]
}

/// Reads every file the user dropped or picked.
///
/// Plain `.txt` files become one document each, named after the file; other
/// files go to the format that claims them. Each result stands alone, so one
/// bad file never stops the others.
pub fn import_files(files: Vec<InputFile>) -> Vec<Result<Imported, ImportError>> {
    files
        .into_iter()
        .map(|file| {
            if file.name.to_lowercase().ends_with(".txt") {
                return import_plain_text(&file);
            }
            match detect(&file) {
                Some(format) => format.import(&file),
                None => Err(ImportError::new(
                    &file.name,
                    None,
                    "unrecognized file type; Wasim reads UTF-8 .txt files and its own .json exports",
                )),
            }
        })
        .collect()
}

fn import_plain_text(file: &InputFile) -> Result<Imported, ImportError> {
    let text = super::text::decode_utf8(&file.bytes)
        .map_err(|error| ImportError::new(&file.name, None, format!("cannot load this file: {error}")))?;
    Ok(Imported {
        mode: ImportMode::AddDocuments,
        labels: Vec::new(),
        documents: vec![ImportedDocument {
            name: file.name.clone(),
            text,
            spans: Vec::new(),
            done: false,
        }],
        open: None,
        warnings: Vec::new(),
    })
}

/// The format that claims `file`, if any.
pub fn detect(file: &InputFile) -> Option<&'static dyn Format> {
    all().iter().copied().find(|format| format.sniff(file))
}

/// The documents an export with `scope` covers.
pub fn scoped_documents(ws: &Workspace, scope: ExportScope) -> Vec<&Document> {
    match scope {
        ExportScope::OpenDocument => ws.open_document().into_iter().collect(),
        ExportScope::Corpus => ws.documents.iter().collect(),
    }
}

/// Turns an import into one undoable edit.
///
/// Spans are checked against their documents, so an invalid file never reaches
/// the workspace.
///
/// # Errors
/// A message for the user when the imported data breaks a workspace invariant.
pub fn import_edit(ws: &mut Workspace, imported: Imported) -> Result<(Edit, Option<usize>), String> {
    let adds_labels = imported.mode == ImportMode::AddDocuments;
    let (mut labels, mut documents) = match imported.mode {
        ImportMode::ReplaceWorkspace => (imported.labels, Vec::new()),
        ImportMode::AddDocuments => (ws.labels.clone(), ws.documents.clone()),
    };
    let first_new = documents.len();
    for doc in imported.documents {
        let mut document = ws.new_document(&doc.name, &doc.text);
        document.done = doc.done;
        for span in doc.spans {
            if adds_labels && labels.iter().all(|l| l.name != span.label) {
                let color = GENERATED_COLOURS[labels.len() % GENERATED_COLOURS.len()];
                labels.push(Label {
                    name: span.label.clone(),
                    color: color.to_owned(),
                    key: None,
                    description: String::new(),
                });
            }
            let mut new_span = ws.new_span(span.start, span.end, &span.label);
            new_span.note = span.note;
            new_span.entity_id = span.entity_id;
            let at = document.insertion_index(&new_span);
            if !document.has_span(span.start, span.end, &span.label) {
                document.spans.insert(at, new_span);
            }
        }
        documents.push(document);
    }
    let candidate = Workspace {
        labels: labels.clone(),
        documents: documents.clone(),
        open: None,
        next_id: ws.next_id,
    };
    candidate.validate()?;
    let open = imported.open.map(|i| first_new + i).or(Some(first_new));
    Ok((Edit::Replace { labels, documents }, open))
}

/// Colours given to labels that an import introduces; all pass WCAG AA with
/// near-black text.
const GENERATED_COLOURS: [&str; 8] = [
    "#ffe08a", "#b8f0e0", "#ffc2d1", "#d0d6ff", "#e6f5a1", "#ffd1a6", "#c9f2ff", "#f0c8ff",
];
