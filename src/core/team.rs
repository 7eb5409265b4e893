//! A team's files side by side: several annotators' exports of the same
//! documents, read for comparison ([`crate::core::agreement::compare`]) and
//! merged into documents to adjudicate ([`merge`]).
//!
//! Each file is one annotator's work, read by the importer of its format
//! (the same detection as *Open files…*: Wasim JSON, doccano, spaCy, Label
//! Studio, brat, CoNLL). Who annotated is the documents' `annotator` (Wasim
//! JSON); a file that names nobody is named after the file, and a name that
//! comes twice is kept twice, the second with its file's name; but the same
//! work twice (the same annotator, documents and spans: the same file added
//! again, or a copy) is refused with an error. A file whose
//! documents name several annotators is that many annotators. Documents are
//! matched by their text, never by name.
//!
//! Nothing is dropped silently: a file that cannot be read, a made-up name,
//! labels some annotators lack, documents not in every file, a text given
//! twice, each is a [`Notice`]. A CoNLL text, which its importer rebuilds
//! from tokens, is matched to the text another file keeps with the same
//! words ([`spacing`]). This module decides and reports; it reads
//! no file from disk and draws nothing.

pub mod merge;
pub mod report;
pub mod spacing;

use std::collections::{HashMap, HashSet};

use crate::core::agreement::metrics::Mention;
use crate::core::agreement::{AnnotatedText, Annotator, Report, TextMap, compare};
use crate::core::formats::naming::{annotator_after, annotator_in_name, safe_stem};
use crate::core::formats::{
    ImportedSpan, InputFile, Prepared, conll, import_units, label_studio, stem,
};
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::import_job::ImportJob;
use crate::core::model::{Document, Label};
use crate::core::text::Text;

/// How many detail lines a notice lists before it counts the rest.
pub const DETAILS_SHOWN: usize = 100;

/// How much a notice matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A file could not be read: its work is not loaded.
    Error,
    /// Something to check: a made-up name, documents left out, labels that
    /// differ.
    Warning,
    /// For information.
    Info,
}

impl Level {
    /// The level's name, for classes and tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }
}

/// Something the user should know about the team's files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// How much it matters.
    pub level: Level,
    /// One sentence, worded in the interface's language where it is shown
    /// (so it follows a change of language).
    pub text: Msg,
    /// One line per item it is about (at most [`DETAILS_SHOWN`], then a
    /// count of the rest), worded where shown, as `text` is.
    pub details: Vec<Msg>,
}

impl Notice {
    /// A notice of `level` saying `text`, without details.
    pub fn new(level: Level, text: Msg) -> Notice {
        Notice {
            level,
            text,
            details: Vec::new(),
        }
    }

    fn with_details(mut self, mut lines: Vec<Msg>) -> Notice {
        if lines.len() > DETAILS_SHOWN {
            let more = lines.len() - DETAILS_SHOWN;
            lines.truncate(DETAILS_SHOWN);
            lines.push(Msg::new(Key::AndMoreDetails).num("n", more));
        }
        self.details = lines;
        self
    }
}

/// One document of one annotator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberDocument {
    /// Its name in the annotator's file.
    pub name: String,
    /// The text.
    pub text: Text,
    /// The annotator's spans, as the file gives them.
    pub spans: Vec<ImportedSpan>,
    /// Whether the file rebuilt the text from tokens (CoNLL keeps no
    /// spacing).
    pub rebuilt: bool,
    /// Where a rebuilt text was placed ([`spacing`]).
    pub placed: Placement,
}

/// Where a text rebuilt from tokens was placed ([`spacing`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Placement {
    /// Not rebuilt, or no file keeps a text with its words.
    #[default]
    Not,
    /// On the text of the document `name` of `file` (whose name it took);
    /// `read_as` is the name it was read with.
    On {
        /// The file that keeps the text.
        file: String,
        /// The document there.
        name: String,
        /// The rebuilt document's own name.
        read_as: String,
    },
    /// The document `name` of `file` keeps a text with the same words, but
    /// a span would end inside a character cluster there: not placed.
    Refused {
        /// The file that keeps the text.
        file: String,
        /// The document there.
        name: String,
    },
}

/// One annotator's work, from one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    /// Who the file says annotated it; `None` when it names nobody.
    pub declared: Option<String>,
    /// The file it was read from (the `.txt` of a brat pair).
    pub file: String,
    /// The labels the file defines (Wasim JSON), in its order.
    pub labels: Vec<Label>,
    /// The documents, each text once.
    pub documents: Vec<MemberDocument>,
    /// What reading the file said: the format's warnings, a text given
    /// twice, a file holding several annotators' work.
    pub notes: Vec<Notice>,
}

impl Member {
    /// The name the work goes by before names are made unique: who the
    /// file names ([`Member::named`]), else the file's name without its
    /// extension.
    fn base_name(&self) -> String {
        self.named().unwrap_or_else(|| stem(&self.file).to_owned())
    }

    /// Who the file names: the declared annotator, else the one a Wasim
    /// export names in its file name (`corpus_Amina_2026-12-03.conll`, or
    /// after the name of a document it holds: `article_Badr_2026-12-03.conll`
    /// for `article.txt`).
    fn named(&self) -> Option<String> {
        if let Some(name) = self.declared.as_deref().map(str::trim)
            && !name.is_empty()
        {
            return Some(name.to_owned());
        }
        let after_document = || {
            self.documents
                .iter()
                .find_map(|d| annotator_after(&self.file, &safe_stem(&d.name)))
        };
        annotator_in_name(&self.file)
            .or_else(after_document)
            .map(str::to_owned)
    }

    /// Every label the member has: those the file defines, then those its
    /// spans use that it does not define.
    pub fn label_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.labels.iter().map(|l| l.name.clone()).collect();
        for span in self.documents.iter().flat_map(|d| &d.spans) {
            if !names.contains(&span.label) {
                names.push(span.label.clone());
            }
        }
        names
    }

    /// Whether `other` is the same annotator's same work: the same name
    /// ([`Member::base_name`], the file's for a file that names nobody, a
    /// browser's ` (1)` after a second download left out) and
    /// [`Member::same_spans`]: a copy, or an annotator's JSON and her CoNLL
    /// export of it.
    fn same_work(&self, other: &Member) -> bool {
        let name = |m: &Member| without_copy_number(&m.base_name()).to_owned();
        name(self) == name(other) && self.same_spans(other)
    }

    /// Whether `other` has the same texts with the same spans, whatever the
    /// documents are called and whatever the formats keep beside (notes,
    /// ids).
    fn same_spans(&self, other: &Member) -> bool {
        let same_span = |x: &ImportedSpan, y: &ImportedSpan| {
            (x.start, x.end, &x.label) == (y.start, y.end, &y.label)
        };
        let same_doc = |a: &MemberDocument, b: &MemberDocument| {
            a.text == b.text
                && a.spans.len() == b.spans.len()
                && a.spans.iter().zip(&b.spans).all(|(x, y)| same_span(x, y))
        };
        self.documents.len() == other.documents.len()
            && self
                .documents
                .iter()
                .zip(&other.documents)
                .all(|(a, b)| same_doc(a, b))
    }

    /// How many spans the member made.
    pub fn span_count(&self) -> usize {
        self.documents.iter().map(|d| d.spans.len()).sum()
    }
}

/// `name` without the ` (1)` a browser adds to a second download of one
/// file name.
fn without_copy_number(name: &str) -> &str {
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .map_or(name, |(base, _)| base)
}

/// The annotators' files loaded for comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Team {
    /// The annotators as their files were read.
    read: Vec<Member>,
    /// The same, their rebuilt texts placed ([`place_all`]): what is
    /// compared, named and merged.
    members: Vec<Member>,
    /// What went wrong in the last load: files that could not be read or
    /// held nothing.
    errors: Vec<Notice>,
}

impl Team {
    /// Reads `files`, each one annotator's work (a brat `.txt` and its
    /// `.ann` together), and adds them after the annotators already loaded.
    /// A file that cannot be read gives its import error as a notice (and
    /// `unreadable`, files the browser could not read, are noticed too);
    /// the others are still added.
    pub fn add(&mut self, files: Vec<InputFile>, unreadable: Vec<Msg>) {
        self.errors = unreadable
            .into_iter()
            .map(|text| Notice::new(Level::Error, text))
            .collect();
        let units = import_units(&files);
        let mut files: Vec<Option<InputFile>> = files.into_iter().map(Some).collect();
        for unit in units {
            let unit: Vec<InputFile> = unit
                .iter()
                .filter_map(|&i| files.get_mut(i).and_then(Option::take))
                .collect();
            let Some(file) = unit.first().map(|f| f.name.clone()) else {
                continue;
            };
            let mut read = Vec::new();
            let mut failed = false;
            // Read as *Open files…* reads them (a Wasim file a document at a
            // time, its texts indexed once).
            for result in ImportJob::run(unit) {
                match result {
                    Ok(prepared) => read.push(prepared),
                    Err(error) => {
                        failed = true;
                        self.errors.push(Notice::new(Level::Error, error.notice()));
                    }
                }
            }
            // A file that could not be read is said once, by its error, not
            // again as a file that holds no document.
            if failed && read.is_empty() {
                continue;
            }
            match members_of(&file, &read) {
                Ok(members) => self.add_members(members),
                Err(notice) => self.errors.push(notice),
            }
        }
    }

    /// Adds `members` after those loaded, except one whose work an earlier
    /// one already holds (the same file added twice, a copy, or the same
    /// annotator's work in another format, compared once the texts are
    /// placed): it is refused with a notice naming both files, never
    /// compared as a second annotator in perfect agreement.
    fn add_members(&mut self, members: Vec<Member>) {
        for member in members {
            self.read.push(member);
            self.members = place_all(&self.read);
            let Some((new, earlier)) = self.members.split_last() else {
                continue;
            };
            if let Some(first) = earlier.iter().find(|m| m.same_work(new)) {
                let text = Msg::new(Key::SameWorkTwice)
                    .arg("file", &new.file)
                    .arg("first", &first.file)
                    .arg("name", new.base_name());
                self.errors.push(Notice::new(Level::Error, text));
                self.read.pop();
                self.members = place_all(&self.read);
            }
        }
    }

    /// Removes the `index`-th annotator (nothing when there is none); the
    /// texts placed on its texts are placed again, on another file's or
    /// none.
    pub fn remove(&mut self, index: usize) {
        if index < self.read.len() {
            self.read.remove(index);
            self.members = place_all(&self.read);
        }
    }

    /// The annotators loaded, in order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Each annotator's name, unique: the declared name, or the file's
    /// name without its extension when the file names nobody; a name that
    /// an earlier annotator already has gets the file's name after it
    /// (`Amina (b.json)`).
    pub fn names(&self) -> Vec<String> {
        let mut used: HashSet<String> = HashSet::new();
        self.members
            .iter()
            .map(|member| {
                let base = member.base_name();
                let mut name = base.clone();
                let mut k = 1;
                while used.contains(&name) {
                    k += 1;
                    name = if k == 2 {
                        format!("{base} ({})", member.file)
                    } else {
                        format!("{base} ({}, {k})", member.file)
                    };
                }
                used.insert(name.clone());
                name
            })
            .collect()
    }

    /// The annotators' work for [`compare`], under their [`Team::names`].
    pub fn annotators(&self) -> Vec<Annotator> {
        self.members
            .iter()
            .zip(self.names())
            .map(|(member, name)| Annotator {
                name,
                documents: member
                    .documents
                    .iter()
                    .map(|doc| AnnotatedText {
                        name: doc.name.clone(),
                        text: doc.text.clone(),
                        mentions: doc
                            .spans
                            .iter()
                            .map(|s| Mention::new(s.start, s.end, &s.label))
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The agreement report, once there are two annotators or more.
    pub fn compare(&self) -> Option<Report> {
        (self.members.len() >= 2).then(|| compare(&self.annotators()))
    }

    /// Everything the user should know about the files loaded, in this
    /// order: files of the last load that could not be read, what reading
    /// each file said, names made up or made unique, labels that differ,
    /// documents not in every file (and files sharing none).
    pub fn notices(&self) -> Vec<Notice> {
        let names = self.names();
        let mut out = self.errors.clone();
        out.extend(self.members.iter().flat_map(|m| m.notes.iter().cloned()));
        out.extend(self.members.iter().flat_map(placement_notices));
        out.extend(self.naming_notices(&names));
        out.extend(self.alike_notices(&names));
        if self.members.len() >= 2 {
            out.extend(self.label_notice(&names));
            out.extend(self.matching_notices(&names));
        }
        out
    }

    /// Two files that name nobody, under different names, with the same
    /// texts and spans: two annotators who agree in full, or a copy renamed.
    /// Both are kept, and this says so (the user removes a copy).
    fn alike_notices(&self, names: &[String]) -> Vec<Notice> {
        let mut out = Vec::new();
        let nameless = |m: &Member| m.named().is_none();
        for (i, member) in self.members.iter().enumerate() {
            if !nameless(member) {
                continue;
            }
            let earlier = self.members[..i]
                .iter()
                .zip(names)
                .find(|(m, _)| nameless(m) && m.same_spans(member));
            if let (Some((_, first)), Some(name)) = (earlier, names.get(i)) {
                let text = Msg::new(Key::SameSpansKept)
                    .arg("first", first)
                    .arg("name", name);
                out.push(Notice::new(Level::Warning, text));
            }
        }
        out
    }

    fn naming_notices(&self, names: &[String]) -> Vec<Notice> {
        let mut out = Vec::new();
        for (i, (member, name)) in self.members.iter().zip(names).enumerate() {
            let base = member.base_name();
            if member
                .declared
                .as_deref()
                .is_none_or(|d| d.trim().is_empty())
            {
                let text = Msg::new(Key::NamesNoAnnotator)
                    .arg("file", &member.file)
                    .arg("name", name);
                out.push(Notice::new(Level::Warning, text));
            }
            if *name != base {
                let earlier = self.members[..i].iter().find(|m| m.base_name() == base);
                if earlier.is_some_and(|m| m.file == member.file) {
                    // Two annotators' brat pairs of one article, loaded
                    // loose: only a folder or an archive tells whose is whose.
                    let text = Msg::new(Key::SameFileNameTwice)
                        .arg("file", &member.file)
                        .arg("name", name);
                    out.push(Notice::new(Level::Warning, text));
                    continue;
                }
                let first = earlier.map_or(Arg::Msg(Msg::new(Key::AnEarlierFile)), |m| {
                    Arg::Plain(m.file.clone())
                });
                let text = Msg::new(Key::TwoFiles)
                    .arg("base", base)
                    .with("first", first)
                    .arg("second", &member.file)
                    .arg("name", name);
                out.push(Notice::new(Level::Warning, text));
            }
        }
        out
    }

    /// Labels some annotator used that another lacks. A label nobody used
    /// changes no measure: a Wasim file defines four that a doccano file
    /// never names, which warned next to a perfect agreement.
    fn label_notice(&self, names: &[String]) -> Option<Notice> {
        let sets: Vec<Vec<String>> = self.members.iter().map(Member::label_names).collect();
        let used = |label: &String| {
            self.members
                .iter()
                .flat_map(|m| &m.documents)
                .flat_map(|d| &d.spans)
                .any(|s| &s.label == label)
        };
        let mut all: Vec<&String> = Vec::new();
        for label in sets.iter().flatten() {
            if !all.contains(&label) && used(label) {
                all.push(label);
            }
        }
        let lines: Vec<Msg> = all
            .into_iter()
            .filter_map(|label| {
                let (with, without): (Vec<_>, Vec<_>) = names
                    .iter()
                    .zip(&sets)
                    .partition(|(_, set)| set.contains(label));
                let list = |side: Vec<(&String, &Vec<String>)>| {
                    Arg::List(
                        side.into_iter()
                            .map(|(n, _)| Arg::Plain(n.clone()))
                            .collect(),
                    )
                };
                (!without.is_empty()).then(|| {
                    Msg::new(Key::LabelHasNot)
                        .arg("label", label)
                        .with("with", list(with))
                        .with("without", list(without))
                })
            })
            .collect();
        (!lines.is_empty())
            .then(|| Notice::new(Level::Warning, Msg::new(Key::LabelsDiffer)).with_details(lines))
    }

    fn matching_notices(&self, names: &[String]) -> Vec<Notice> {
        let n = self.members.len();
        // Each text, in order of first appearance, and who has it.
        let mut holders: TextMap<'_, usize> = TextMap::default();
        let mut texts: Vec<(&MemberDocument, Vec<usize>)> = Vec::new();
        for (m, member) in self.members.iter().enumerate() {
            for doc in &member.documents {
                match holders.get(doc.text.as_str()) {
                    Some(&i) => texts[i].1.push(m),
                    None => {
                        holders.insert(doc.text.as_str(), texts.len());
                        texts.push((doc, vec![m]));
                    }
                }
            }
        }
        let who = |m: usize| {
            Msg::new(Key::WhoFile)
                .arg("file", &self.members[m].file)
                .arg("name", &names[m])
        };
        let lines: Vec<Msg> = texts
            .iter()
            .filter(|(_, with)| with.len() < n)
            .map(|(doc, with)| {
                let list = |members: Vec<usize>| {
                    Arg::List(members.into_iter().map(|m| Arg::Msg(who(m))).collect())
                };
                let without = (0..n).filter(|m| !with.contains(m)).collect();
                Msg::new(Key::InNotIn)
                    .arg("name", &doc.name)
                    .with("with", list(with.clone()))
                    .with("without", list(without))
            })
            .collect();
        let mut out = Vec::new();
        let shared = texts.len() - lines.len();
        if !lines.is_empty() {
            let text = Msg::counted(Counted::NotInEvery, lines.len());
            out.push(Notice::new(Level::Warning, text).with_details(lines));
        }
        out.extend(one_name_two_texts(&texts, &who));
        for (m, member) in self.members.iter().enumerate() {
            let alone = texts
                .iter()
                .all(|(_, with)| with.len() == 1 || !with.contains(&m));
            if alone && !member.documents.is_empty() {
                let text = Msg::new(Key::NothingInCommon).msg("who", who(m));
                out.push(Notice::new(Level::Warning, text));
            }
        }
        if shared == 0 {
            out.push(Notice::new(Level::Warning, Msg::new(Key::NoneInEvery)));
        }
        out
    }
}

/// One notice per document name that the files give to different texts
/// (an annotator's copy edited, or another version of the article): who
/// has which, and where the texts part. Documents are matched by their
/// text, so they are not compared, which "not in every file" alone did not
/// explain.
fn one_name_two_texts(
    texts: &[(&MemberDocument, Vec<usize>)],
    who: &dyn Fn(usize) -> Msg,
) -> Vec<Notice> {
    let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut names = Vec::new();
    for (i, (doc, _)) in texts.iter().enumerate() {
        let seen = by_name.entry(doc.name.as_str()).or_default();
        if seen.is_empty() {
            names.push(doc.name.as_str());
        }
        seen.push(i);
    }
    let list = |members: &[usize]| Arg::List(members.iter().map(|&m| Arg::Msg(who(m))).collect());
    names
        .into_iter()
        .filter_map(|name| match by_name.get(name)?.as_slice() {
            [a, b, ..] => {
                let ((first, with_first), (second, with_second)) = (&texts[*a], &texts[*b]);
                let (one, other) = (first.text.as_str().chars(), second.text.as_str().chars());
                let at = one.zip(other).take_while(|(x, y)| x == y).count();
                let text = Msg::new(Key::OneNameTwoTexts)
                    .arg("name", name)
                    .with("first", list(with_first))
                    .with("second", list(with_second))
                    .num("at", at);
                Some(Notice::new(Level::Warning, text))
            }
            _ => None,
        })
        .collect()
}

/// `read` with each text rebuilt from tokens placed on the first text,
/// among all the files, that keeps the same words ([`spacing`]): its
/// spans moved onto that text and its name that document's. Computed from
/// the files as read, so that it depends on which files are loaded, not on
/// the order they came and went in.
fn place_all(read: &[Member]) -> Vec<Member> {
    let mut members = read.to_vec();
    if !read.iter().flat_map(|m| &m.documents).any(|d| d.rebuilt) {
        return members;
    }
    let mut kept: HashMap<String, (&Text, &str, &str)> = HashMap::new();
    for member in read {
        for doc in member.documents.iter().filter(|d| !d.rebuilt) {
            kept.entry(spacing::words_of(doc.text.as_str())).or_insert((
                &doc.text,
                &member.file,
                &doc.name,
            ));
        }
    }
    for member in &mut members {
        for i in 0..member.documents.len() {
            let doc = &member.documents[i];
            if !doc.rebuilt {
                continue;
            }
            let Some(&(text, file, name)) = kept.get(&spacing::words_of(doc.text.as_str())) else {
                continue;
            };
            if member.documents.iter().any(|d| d.text == *text) {
                continue;
            }
            let (file, name) = (file.to_owned(), name.to_owned());
            let Some(spans) = spacing::move_spans(&doc.text, text, &doc.spans) else {
                member.documents[i].placed = Placement::Refused { file, name };
                continue;
            };
            let doc = &mut member.documents[i];
            let read_as = std::mem::replace(&mut doc.name, name.clone());
            doc.text = text.clone();
            doc.spans = spans;
            doc.placed = Placement::On {
                file,
                name,
                read_as,
            };
        }
    }
    members
}

/// What placing `member`'s rebuilt texts did: the documents placed, and
/// each one that could not be.
fn placement_notices(member: &Member) -> Vec<Notice> {
    let mut placed = Vec::new();
    let mut out = Vec::new();
    for doc in &member.documents {
        match &doc.placed {
            Placement::Not => {}
            Placement::On {
                file,
                name,
                read_as,
            } => placed.push(
                Msg::new(Key::PlacedOn)
                    .arg("name", read_as)
                    .arg("second", name)
                    .arg("first", file),
            ),
            Placement::Refused { file, name } => {
                let text = Msg::new(Key::CannotPlace)
                    .arg("name", &doc.name)
                    .arg("file", &member.file)
                    .arg("second", name)
                    .arg("first", file);
                out.push(Notice::new(Level::Warning, text));
            }
        }
    }
    if !placed.is_empty() {
        let text = Msg::new(Key::Respaced).arg("file", &member.file);
        out.insert(0, Notice::new(Level::Info, text).with_details(placed));
    }
    out
}

/// A file's documents that name one annotator (`None`: nobody).
type Group = (Option<String>, Vec<MemberDocument>);

/// The annotators of one file, from what its importer read: one per
/// annotator its documents name (the documents that name nobody together),
/// in order of first appearance.
///
/// # Errors
/// A notice when the file holds no document, or a span the workspace would
/// refuse (outside its text, or without a label).
fn members_of(file: &str, read: &[Prepared]) -> Result<Vec<Member>, Notice> {
    let groups = groups_of(file, read)?;
    let labels: Vec<Label> = read.iter().flat_map(|p| p.labels.iter().cloned()).collect();
    let mut notes = file_notes(file, read, &groups);
    Ok(groups
        .into_iter()
        .enumerate()
        .map(|(i, (declared, documents))| {
            let (documents, repeated) = once_each(documents);
            let mut member_notes = if i == 0 {
                std::mem::take(&mut notes)
            } else {
                Vec::new()
            };
            if !repeated.is_empty() {
                let text = Msg::new(Key::SameTextTwice).arg("file", file);
                member_notes.push(Notice::new(Level::Warning, text).with_details(repeated));
            }
            Member {
                declared,
                file: file.to_owned(),
                labels: labels.clone(),
                documents,
                notes: member_notes,
            }
        })
        .collect())
}

/// The documents of one file by the annotator they name (`None`: nobody),
/// in order of first appearance.
///
/// # Errors
/// As [`members_of`].
fn groups_of(file: &str, read: &[Prepared]) -> Result<Vec<Group>, Notice> {
    let documents = || read.iter().flat_map(Prepared::documents);
    if documents().next().is_none() {
        let text = Msg::new(Key::HoldsNoDocument).arg("file", file);
        return Err(Notice::new(Level::Warning, text));
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut add = |declared: Option<String>, document: MemberDocument| match groups
        .iter_mut()
        .find(|(who, _)| *who == declared)
    {
        Some((_, docs)) => docs.push(document),
        None => groups.push((declared, vec![document])),
    };
    let by_author = tasks_by_author(read);
    for (doc, authors) in documents().zip(by_author) {
        check_spans(file, doc)?;
        let document = |spans: Vec<ImportedSpan>| MemberDocument {
            name: doc.name.clone(),
            text: doc.text.clone(),
            rebuilt: doc.source.as_ref().is_some_and(|s| s.format == conll::ID),
            placed: Placement::Not,
            spans,
        };
        if let Some(authors) = authors {
            for (who, spans) in authors {
                add(Some(who), document(spans));
            }
            continue;
        }
        let declared = doc.annotator.clone().filter(|a| !a.trim().is_empty());
        let spans = doc
            .spans
            .iter()
            .map(|s| ImportedSpan {
                start: s.start,
                end: s.end,
                label: s.label.to_string(),
                note: s.note.clone(),
                entity_id: s.entity_id.clone(),
                annotators: s.annotators.clone(),
                accepted: s.accepted,
            })
            .collect();
        add(declared, document(spans));
    }
    Ok(groups)
}

/// Each document's Label Studio annotations by author
/// ([`label_studio::annotations_by_author`]), when every annotation of the
/// file names who made it (and one does): the file is then its authors'
/// work, one annotator each, named as Label Studio names them. Else `None`
/// for all.
fn tasks_by_author(read: &[Prepared]) -> Vec<Option<label_studio::ByAuthor>> {
    let documents = || read.iter().flat_map(Prepared::documents);
    let split: Vec<_> = documents()
        .map(label_studio::annotations_by_author)
        .collect();
    let named = split.iter().flatten().any(|authors| !authors.is_empty());
    if named && split.iter().all(Option::is_some) {
        split
    } else {
        documents().map(|_| None).collect()
    }
}

/// What reading one file said: the format's warnings, and the annotators
/// it holds when it holds several.
fn file_notes(file: &str, read: &[Prepared], groups: &[Group]) -> Vec<Notice> {
    // Tasks that several people annotated are theirs apart here
    // ([`tasks_by_author`]), not merged as *Open files…* says: nor is a
    // span two of them gave "shown once".
    let apart = groups.len() > 1;
    let merged =
        |w: &Msg| w.is_counted(Counted::MergedTasks) || w.is_counted(Counted::DuplicatesDropped);
    let warnings: Vec<Msg> = read
        .iter()
        .flat_map(|p| p.warnings.iter())
        .filter(|w| !(apart && merged(w)))
        .cloned()
        .collect();
    let mut notes = Vec::new();
    if !warnings.is_empty() {
        let text = Msg::new(Key::ReadWithWarnings).arg("file", file);
        notes.push(Notice::new(Level::Info, text).with_details(warnings));
    }
    if groups.len() > 1 {
        let who = groups
            .iter()
            .map(|(name, _)| match name {
                Some(name) => Arg::Plain(name.clone()),
                None => Arg::Msg(Msg::new(Key::NobodyNamed).arg("stem", stem(file))),
            })
            .collect();
        let text = Msg::new(Key::HoldsWorkOf)
            .arg("file", file)
            .with("who", Arg::List(who));
        notes.push(Notice::new(Level::Info, text));
    }
    notes
}

/// The documents with each text once (the first), and a line for each
/// one left out.
fn once_each(documents: Vec<MemberDocument>) -> (Vec<MemberDocument>, Vec<Msg>) {
    let mut first: TextMap<'_, usize> = TextMap::default();
    let mut keep = vec![true; documents.len()];
    let mut repeated = Vec::new();
    for (i, doc) in documents.iter().enumerate() {
        match first.get(doc.text.as_str()) {
            Some(&f) => {
                keep[i] = false;
                repeated.push(
                    Msg::new(Key::RepeatsText)
                        .arg("name", &doc.name)
                        .arg("first", &documents[f].name),
                );
            }
            None => {
                first.insert(doc.text.as_str(), i);
            }
        }
    }
    let kept = documents
        .into_iter()
        .zip(keep)
        .filter_map(|(doc, keep)| keep.then_some(doc))
        .collect();
    (kept, repeated)
}

/// Refuses a span the workspace would refuse, as loading the file with
/// *Open files…* would.
fn check_spans(file: &str, doc: &Document) -> Result<(), Notice> {
    let len = doc.text.char_len();
    for span in &doc.spans {
        let problem = if span.start >= span.end || span.end > len {
            Msg::new(Key::SpanOutsideText).msg("length", Msg::counted(Counted::Characters, len))
        } else if span.label.trim().is_empty() {
            Msg::new(Key::SpanNoLabel)
        } else {
            continue;
        };
        let problem = problem.quoted("name", doc.name.as_str()).msg(
            "range",
            Msg::new(Key::Range)
                .num("start", span.start)
                .num("end", span.end),
        );
        let text = Msg::new(Key::CouldNotLoad)
            .arg("file", file)
            .msg("message", problem);
        return Err(Notice::new(Level::Error, text));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
