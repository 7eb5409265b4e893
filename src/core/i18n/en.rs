//! The English catalogue: every [`Key`] and [`Counted`] message.

use super::{Counted, Key, Plural};

/// The English text of `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ListSep => ",",
        Key::LangSwitch => "Interface language",
        Key::Close => "Close",
        Key::Cancel => "Cancel",
        Key::Dismiss => "Dismiss",
        Key::Remove => "Remove",
        Key::Delete => "Delete",
        Key::Add => "Add",
        Key::NameWithError => "{name}: {error}",
        Key::TwoSentences => "{first} {second}",
        Key::OpeningSaved => "Opening saved work…",
        Key::DocumentsAndLabels => "Documents and labels",
        Key::DocumentsHeading => "Documents",
        Key::DocumentRegion => "Document",
        Key::Details => "Details",
        Key::DropToLoad => "Drop files to load them",
        Key::OlderTab => {
            "Wasim is open in another tab with an older version; close that tab (or reload it) to open your work here."
        }
        Key::TakeOverFailed => "Could not take the workspace over: {error}",
        Key::BrandTitle => "Wasim — the one who tags",
        Key::OpenFilesButton => "Open files…",
        Key::OpenFiles => "Open files",
        Key::Labels => "Labels",
        Key::Undo => "Undo",
        Key::UndoTitle => "Undo (Ctrl+Z)",
        Key::Redo => "Redo",
        Key::RedoTitle => "Redo (Ctrl+Shift+Z, Ctrl+Y)",
        Key::PreciseTitle => {
            "Off: selections snap to whole words. On: exact characters (or hold Alt while selecting)."
        }
        Key::ExactCharacters => "Exact characters",
        Key::SnapToWords => "Snap to words",
        Key::AdjudicateTitle => {
            "Show or hide the adjudication panel (] and [ walk the disagreements)"
        }
        Key::Adjudicate => "Adjudicate",
        Key::ExportJson => "Export JSON",
        Key::KeyboardShortcuts => "Keyboard shortcuts",
        Key::ShortcutsTitle => "Shortcuts (?)",
        Key::HkMouse => "Mouse drag",
        Key::HkMouseWhat => {
            "Select text; it snaps to whole words (hold Alt, or switch on “Exact”, for characters)"
        }
        Key::HkLabelKey => "1 – 9, or a label's key",
        Key::HkLabelKeyWhat => "Tag the selection, or relabel the selected span",
        Key::HkArrowsWhat => {
            "Move the keyboard cursor word by word (in right-to-left text, ← moves forward)"
        }
        Key::HkCtrlArrowsWhat => "Move character by character",
        Key::HkShiftArrowsWhat => "Extend the selection",
        Key::HkTabWhat => "Next / previous span (in the text; past the last one, the next control)",
        Key::HkUpDownWhat => "Choose among spans that overlap here (outer / inner)",
        Key::HkClick => "Click a highlight",
        Key::HkClickWhat => "Select that span",
        Key::HkDeleteWhat => "Delete the selected span",
        Key::HkEscWhat => "Clear the selection",
        Key::HkSearchWhat => {
            "Search the text with Wasim's search (it sees the whole document; the browser's find sees only what is drawn)"
        }
        Key::HkBracketsWhat => {
            "Adjudicating: next / previous disagreement (across documents); it is selected and shown"
        }
        Key::HkEnterWhat => {
            "Adjudicating: accept the chosen candidates, or the selected one; the others of that place are removed"
        }
        Key::HkSpaceWhat => {
            "Adjudicating: choose the selected candidate (or take it back), to accept several with Enter"
        }
        Key::HkAltDigitsWhat => {
            "Adjudicating: accept the 1st–9th annotator's version of this place"
        }
        Key::HkAltZeroWhat => "Adjudicating: accept none (remove every candidate here)",
        Key::HkAltEnterWhat => {
            "Adjudicating: accept, in every team document, each place where the chosen quorum agrees (all, unless the panel says otherwise)"
        }
        Key::HkAsAnnotating => "Label key, Delete, Tab, ↑ ↓ …",
        Key::HkAsAnnotatingWhat => {
            "Adjudicating: the same as annotating (edit a candidate, then Enter accepts it)"
        }
        Key::HkHelpWhat => "Show or hide this sheet",
        Key::HkDrop => "Drop files",
        Key::HkDropWhat => "Load .txt files or import annotations",
        Key::HelpNoFire => "Shortcuts never fire while you type in a text field.",
        Key::HelpDemo => {
            "The demo document is a short tour. Loading a file puts it away; it is never counted or exported with your documents."
        }
        Key::ShowDemo => "Show the demo",
        Key::HelpKeyCol => "Keys",
        Key::HelpWhatCol => "What they do",
        Key::ExportFailed => "Export failed: {error}",
        Key::NothingToExport => "There is no document to export.",
        Key::ExportTo => "Export to {format}",
        Key::ExportFormat => "Export format",
        Key::WhatToExport => "What to export",
        Key::AllDocuments => "All documents",
        Key::OpenDocument => "Open document",
        Key::LsConfigTitle => "The labeling configuration to paste into a Label Studio project",
        Key::LsConfig => "Labeling config",
        Key::TagScheme => "Tag scheme",
        Key::Export => "Export",
        Key::Utf16Offsets => "UTF-16 (doccano web UI)",
        Key::Opening => "Opening…",
        Key::ReadingSaved => "Reading saved work",
        Key::ReadOnly => "Read-only",
        Key::ReadOnlyTitle => "Another tab edits this workspace; this tab does not save.",
        Key::NotSaved => "Not saved",
        Key::NotSavedTitle => {
            "Not saved: {why}. Your work is kept in this tab; export it to be safe."
        }
        Key::Saving => "Saving…",
        Key::SavingTitle => "Writing your latest changes to this browser's storage",
        Key::Saved => "Saved",
        Key::SavedTitle => "Every change is saved in this browser",
        Key::UpdateReady => "A new version of Wasim is ready.",
        Key::Reload => "Reload",
        Key::Annotator => "Annotator",
        Key::AnnotatorPlaceholder => "Your name (kept in exports)",
        Key::UseItHere => "Use it here",
        Key::MessagesCount => "Messages ({n})",
        Key::PastMessages => "Past messages",
        Key::Messages => "Messages",
        Key::NoMessages => "No messages yet.",
        Key::ReadingSettings => "Reading settings",
        Key::ReadingSettingsTitle => "Reading settings: text size and line height",
        Key::TextSize => "Text size",
        Key::LineHeight => "Line height",
        Key::Px => "{n} px",
        Key::DefaultSize => "Default size",
        Key::HideDocumentsPanel => "Hide the documents panel",
        Key::ShowDocumentsPanel => "Show the documents panel",
        Key::HideSpanPanel => "Hide the span panel",
        Key::ShowSpanPanel => "Show the span panel",
        Key::DocumentsDone => "Documents done",
        Key::DoneOfTotal => "{done} / {total} done",
        Key::FilterByName => "Filter by name…",
        Key::FilterDocuments => "Filter documents by name",
        Key::Done => "Done",
        Key::MarkDone => "Mark done",
        Key::SearchMatches => "search matches",
        Key::RemoveDocument => "Remove document",
        Key::LabelCount => "{label}: {n}",
        Key::NewLabelName => "New label name",
        Key::ExportLabels => "Export labels",
        Key::ImportLabels => "Import labels",
        Key::LabelSet => "Label set",
        Key::ColourLightened => {
            "{value} was lightened to {readable} so text on it stays readable (WCAG AA)."
        }
        Key::RelabelThem => "Relabel them {label}",
        Key::ColourOf => "Colour of {name}",
        Key::Name => "Name",
        Key::HotkeyOf => "Hotkey of {name}",
        Key::MoveUp => "Move up",
        Key::MoveDown => "Move down",
        Key::DeleteNamed => "Delete {name}",
        Key::Description => "Description",
        Key::WhatToDoWithSpans => "What to do with its spans",
        Key::DeleteThem => "Delete them",
        Key::DeleteLabel => "Delete label",
        Key::Entities => "Entities",
        Key::Filter => "Filter…",
        Key::FilterEntities => "Filter entities",
        Key::HasNote => "has a note",
        Key::Corpus => "Corpus",
        Key::SelectedSpan => "Selected span",
        Key::Label => "Label",
        Key::Note => "Note",
        Key::EntityId => "Entity id",
        Key::EntityIdPlaceholder => "e.g. Q1234 (Wikidata)",
        Key::TagAllLikeTitle => "Tag every other occurrence of this text with this label",
        Key::TagAllOccurrences => "Tag all occurrences",
        Key::SpanName => "{label}: {text}",
        Key::SearchPlaceholder => "Search… ابحث",
        Key::Search => "Search",
        Key::SearchHelp => "Enter and Shift+Enter go to the next and previous match.",
        Key::WhereToSearch => "Where to search",
        Key::ThisDocument => "This document",
        Key::IgnoreTashkeel => "Ignore tashkeel",
        Key::FoldLetters => "أ=ا ى=ي ة=ه",
        Key::WholeWord => "Whole word",
        Key::AllowProclitics => "Allow و ف ب ك ل",
        Key::Regex => "Regex",
        Key::LabelForTagAll => "Label for tag all",
        Key::TagThem => "Tag them",
        Key::TagAll => "Tag all…",
        Key::MatchesInAll => "Matches in all documents",
        Key::MatchesInThis => "Matches in this document",
        Key::ReadingFiles => "Reading files",
        Key::ReadingDocuments => "Reading documents",
        Key::AddingToWorkspace => "Adding them to the workspace",
        Key::Import => "Import",
        Key::Progress => "{what}: {value} %",
        Key::Percent => "{value} %",
        Key::Ellipsis => "{what}…",
        Key::TextOf => "Text of {name}",
        Key::AddedWhileAdjudicating => "added while adjudicating",
        Key::ProposedBy => "proposed by {who}",
        Key::Accepted => "accepted",
        Key::Pending => "pending",
        Key::Chosen => "chosen",
        Key::TeamTitle => "{label} — {who} — {state}",
        Key::StatusOpen => "The annotators disagree here.",
        Key::StatusAgreed => "Everyone agrees here; not accepted yet.",
        Key::StatusDecided => "Decided.",
        Key::AcceptVersionTitle => {
            "Accept {name}'s version of this place; the other candidates are removed"
        }
        Key::Version => "{name}'s version",
        Key::AcceptSelected => "Accept selected",
        Key::AcceptChosen => "Accept chosen",
        Key::Candidates => "Candidates",
        Key::ChooseTitle => "Add the selected candidate to the set to accept, or take it out",
        Key::Choose => "Choose",
        Key::AcceptTitle => {
            "Accept the chosen candidates (or the selected one) and remove the others"
        }
        Key::NoneTitle => "Accept none: remove every candidate of this place",
        Key::None => "None",
        Key::AllAgree => "all {team} agree",
        Key::SomeAgree => "{n} of {team} agree",
        Key::AcceptAgreed => "Accept agreed",
        Key::AcceptMajority => "Accept majority",
        Key::Where => "Where",
        Key::Quorum => "Quorum",
        Key::QuorumTitle => {
            "In every team document: accept each place where this many annotators agree on one span and no rival span has as many (everywhere everyone agrees, whole); one undo step"
        }
        Key::Adjudication => "Adjudication",
        Key::PreviousDisagreement => "Previous disagreement",
        Key::NextDisagreement => "Next disagreement",
        Key::Previous => "Previous",
        Key::Next => "Next",
        Key::PressNext => "Press ] for the next disagreement, or select a span of a team document.",
        Key::NoTeamDocuments => "No team documents to adjudicate.",
        Key::TeamTitleButton => "Compare annotators' files and adjudicate",
        Key::Team => "Team",
        Key::CouldNotSave => "Could not save {name}: {error}",
        Key::RemoveNamed => "Remove {name}",
        Key::TeamHeading => "Team: compare annotators",
        Key::CloseEsc => "Close (Esc)",
        Key::TeamIntro => {
            "Load each annotator's export (Wasim JSON, or any format Wasim imports): one file per annotator. Documents are matched by their text. Nothing changes in your workspace until you adjudicate."
        }
        Key::AddAnnotatorsFiles => "Add annotators' files…",
        Key::AddAnnotatorsFilesName => "Add annotators' files",
        Key::Comparing => "Comparing…",
        Key::Annotators => "Annotators",
        Key::OneMore => "Add at least one more annotator's file to compare.",
        Key::AboutFiles => "About these files",
        Key::MemberLine => "{file} · {documents} · {spans}",
        Key::SaveChartTitle => "The chart as an SVG image",
        Key::SaveChart => "Save chart (SVG)",
        Key::SaveCsvTitle => "Every number, one per row",
        Key::SaveCsv => "Save report (CSV)",
        Key::SaveJsonTitle => "Every number, at full precision",
        Key::SaveJson => "Save report (JSON)",
        Key::AdjudicateTeamTitle => {
            "Add one document per text, with everyone's spans and who proposed each (Ctrl+Z undoes it)"
        }
        Key::AdjudicateEllipsis => "Adjudicate…",
        Key::Merged => "Merged the work of {names} into {documents} to adjudicate.",
        Key::Agreement => "Agreement",
        Key::TeamSummary => "{annotators} annotators · {documents} in every file · {tokens} tokens",
        Key::PairsOfAnnotators => "Pairs of annotators",
        Key::OnePair => "One pair, label by label",
        Key::ReferenceToCandidate => "Reference → candidate",
        Key::BoundaryOnlyCount => {
            "Boundary-only disagreements (same label, overlapping, other extent): {n}"
        }
        Key::F1PerLabel => "Exact F1 per label",
        Key::DocumentsLeastFirst => "Documents, least agreement first",
        Key::Reference => "Reference",
        Key::Candidate => "Candidate",
        Key::Precision => "Precision",
        Key::PrecisionTitle => "Exact spans: the candidate's spans the reference has",
        Key::Recall => "Recall",
        Key::RecallTitle => "Exact spans: the reference's spans the candidate has",
        Key::PartialF1 => "Partial F1",
        Key::PartialF1Title => "Overlapping spans count half (labels ignored)",
        Key::Kappa => "Cohen's κ",
        Key::KappaTitle => "On tokens: each token's label or O",
        Key::BoundaryOnly => "Boundary only",
        Key::BoundaryOnlyTitle => "Same label, overlapping, other extent",
        Key::WholeOn => "All annotators together, on",
        Key::WholeTokens => "tokens: Fleiss' κ",
        Key::WholeAlpha => "Krippendorff's α (nominal)",
        Key::SpansHeading => "Spans",
        Key::Document => "Document",
        Key::Both => "Both",
        Key::InBoth => "In both",
        Key::CandidateOnly => "Candidate only",
        Key::CandidateOnlyTitle => "Only the candidate's",
        Key::ReferenceOnly => "Reference only",
        Key::ReferenceOnlyTitle => "Only the reference's",
        Key::AllLabels => "All labels",
        Key::ConfusionCaption => {
            "Same extent: {reference}'s label (rows) and {candidate}'s (columns)"
        }
        Key::F1AllPairsTitle => "Exact F1 over every pair of annotators",
        Key::AndMoreInReport => "… and {n} more in the saved report.",
        Key::StorageFailed => {
            "Your latest changes could not be saved in this browser ({why}). They are kept in this tab: export them before closing it."
        }
        Key::StorageUnavailable => {
            "Saved work could not be opened ({why}). It is left untouched; changes made now are not saved, so export them before closing this tab."
        }
        Key::Undid => "Undid: {what}.",
        Key::Redid => "Redid: {what}.",
        Key::LatestUnreadable => "The latest saved work could not be read ({error}).",
        Key::NothingToUndo => "Nothing to undo.",
        Key::NothingToRedo => "Nothing to redo.",
        Key::CouldNotLoad => "Could not load {file}: {message}",
        Key::CouldNotLoadAt => "Could not load {file}, line {line}: {message}",
        Key::CouldNotImport => "Could not import: {error}",
        Key::OpenFirst => "Open a document first.",
        Key::OnlySpaces => "The selection holds only spaces; select a word.",
        Key::AlreadyTagged => "This is already tagged {label}.",
        Key::SelectFirst => "Select some text first, or click a highlight to relabel it.",
        Key::AllTagged => "Every match is already tagged.",
        Key::DemoBack => {
            "The demo is back. It is not counted or exported, and loading a file puts it away again."
        }
        Key::SelectSpanFirst => "Select a span first.",
        Key::LastChangeLost => {
            "Your last change here was not saved: another tab took the workspace over first. This tab is now read-only and shows the saved work."
        }
        Key::DocumentRemoved => "Document removed. Ctrl+Z brings it back.",
        Key::ReadOnlyTab => "This workspace is open in another tab; this tab is read-only.",
        Key::NoLocks => {
            "This browser cannot coordinate tabs (no Web Locks): if Wasim is open in two tabs, the last one to save wins. Keep it open in one tab."
        }
        Key::TakenOver => {
            "The workspace is now open in another tab; this tab is read-only and shows its latest saved work."
        }
        Key::TookOver => {
            "This tab is now the one that edits the workspace; it shows everything saved so far."
        }
        Key::NoGroup => "Select a candidate first: ] goes to the next disagreement.",
        Key::NothingToAdjudicate => {
            "There is nothing to adjudicate: no document holds several annotators' work."
        }
        Key::NoDisagreementsLeft => "No disagreements left.",
        Key::AllDecided => "Every disagreement is decided.",
        Key::NothingToAccept => {
            "Nothing to accept: no undecided group has one span that {k} or more annotators agree on alone."
        }
        Key::OnDocument => "{what} in {name}",
        Key::RemovedDocument => "a removed document",
        Key::Tagging => "tagging",
        Key::Deleting => "deleting",
        Key::Relabelling => "relabelling",
        Key::AsLabel => "as {label}",
        Key::EditingNote => "editing the note of",
        Key::Accepting => "accepting",
        Key::Unaccepting => "un-accepting",
        Key::MarkingDone => "marking done",
        Key::MarkingNotDone => "marking not done",
        Key::ChangesIn => "{what} ({changes} in {documents})",
        Key::ChangesOnly => "{what} ({changes})",
        Key::LabelSetChange => "a label set change",
        Key::NamingAnnotator => "naming the annotator",
        Key::RenamingLabel => "renaming a label",
        Key::LoadingDocuments => "loading documents",
        Key::RemovingDocuments => "removing documents",
        Key::ImportingWorkspace => "importing a workspace",
        Key::AChange => "a change",
        Key::LoadToStart => "Load a .txt file to start.",
        Key::AndMoreDetails => "… and {n} more.",
        Key::NamesNoAnnotator => "{file} names no annotator: its work is called “{name}”.",
        Key::AnEarlierFile => "an earlier file",
        Key::TwoFiles => {
            "“{base}” is the annotator of two files ({first} and {second}): the second is called “{name}”, and both are compared."
        }
        Key::LabelHasNot => "{label}: {with}; not {without}",
        Key::LabelsDiffer => {
            "The annotators' labels differ: a label one of them lacks counts as a disagreement."
        }
        Key::WhoFile => "{file} ({name})",
        Key::InNotIn => "“{name}”: in {with}; not in {without}",
        Key::NothingInCommon => {
            "{who} has no document in common with the other files: are they annotations of the same texts?"
        }
        Key::NoneInEvery => "No document is in every file, so there is nothing to compare.",
        Key::HoldsNoDocument => "{file} holds no document: it is not compared.",
        Key::ReadWithWarnings => "{file} was read with warnings.",
        Key::NobodyNamed => "nobody named ({stem})",
        Key::HoldsWorkOf => "{file} holds the work of {who}: each is compared as one annotator.",
        Key::SameTextTwice => {
            "{file} gives the same text more than once: only the first of each is compared and merged."
        }
        Key::RepeatsText => "“{name}” repeats the text of “{first}”",
        Key::JsonAt => "{what} at line {line} column {column}",
        Key::JsonEofList => "EOF while parsing a list",
        Key::JsonEofObject => "EOF while parsing an object",
        Key::JsonEofString => "EOF while parsing a string",
        Key::JsonEofValue => "EOF while parsing a value",
        Key::JsonExpectedColon => "expected `:`",
        Key::JsonExpectedListEnd => "expected `,` or `]`",
        Key::JsonExpectedObjectEnd => "expected `,` or `}`",
        Key::JsonExpectedIdent => "expected ident",
        Key::JsonExpectedValue => "expected value",
        Key::JsonExpectedQuote => "expected `\"`",
        Key::JsonInvalidEscape => "invalid escape",
        Key::JsonInvalidNumber => "invalid number",
        Key::JsonNumberOutOfRange => "number out of range",
        Key::JsonInvalidUnicode => "invalid unicode code point",
        Key::JsonControlCharacter => {
            "control character (\\u0000-\\u001F) found while parsing a string"
        }
        Key::JsonKeyMustBeString => "key must be a string",
        Key::JsonInvalidKey => "invalid key",
        Key::JsonTrailingComma => "trailing comma",
        Key::JsonTrailingCharacters => "trailing characters",
        Key::JsonTooDeep => "recursion limit exceeded",
        Key::JsonMissingField => "missing field `{field}`",
        Key::JsonDuplicateField => "duplicate field `{field}`",
        Key::JsonInvalidType => "invalid type: {found}, expected {expected}",
        Key::JsonInvalidValue => "invalid value: {found}, expected {expected}",
        Key::JsonUnknownVariant => "unknown variant `{value}`",
        Key::Verbatim => "{text}",
        Key::JsonFoundBoolean => "boolean {value}",
        Key::JsonFoundInteger => "integer {value}",
        Key::JsonFoundFloat => "floating point {value}",
        Key::JsonFoundString => "string {value}",
        Key::JsonFoundNull => "null",
        Key::JsonFoundList => "sequence",
        Key::JsonFoundObject => "map",
        Key::JsonWantString => "a string",
        Key::JsonWantBoolean => "a boolean",
        Key::JsonWantList => "a sequence",
        Key::JsonWantObject => "an object",
        Key::JsonWantCharacter => "a character",
        Key::JsonWantWholeNumber => "a non-negative whole number",
        Key::JsonWantNumber => "a number",
        Key::BinaryFile => "it looks like a binary file, not text",
        Key::NotUtf8 => {
            "it is not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8 and try again"
        }
        Key::CannotLoadFile => "cannot load this file: {error}",
        Key::InArchive => "{file} in {archive}",
        Key::InvalidJson => "invalid JSON: {error}",
        Key::NoPlace => "",
        Key::PlaceRecord => "record {n}: ",
        Key::MustBeOffset => "{place}\"{key}\" must be a non-negative integer",
        Key::UnitCodePoints => "code points (as Python counts)",
        Key::UnitUtf16 => "UTF-16 code units (as JavaScript counts)",
        Key::ReasonTextsMatch => "the span texts match that way",
        Key::ReasonInside => "only then are all spans inside their texts",
        Key::ReasonBoundaries => "spans then fall on character and word boundaries",
        Key::ReasonEitherWay => "the spans fit either way",
        Key::Range => "[{start}, {end})",
        Key::SpanSplitsCharacter => {
            "{place}span {range} splits a character or lies past the end of the text"
        }
        Key::SpanEmpty => "{place}span {range} is empty or reversed ({length})",
        Key::SpanPastEnd => "{place}span {range} is past the end of the text ({length})",
        Key::SpanEmptyLabel => "{place}span {range} has an empty label",
        Key::SpanTextDiffers => {
            "{place}span {range} says its text is {expected}, but the document has {actual} there"
        }
        Key::NoPlaceForExtras => {
            "{format} has no place for span notes or entity ids; left out: {what}"
        }
        Key::ReasonFileSays => "the file says so (\"offset_unit\")",
        Key::PlaceEntity => "{place}entity {n}: ",
        Key::PlaceLabel => "{place}label {n}: ",
        Key::MustBeList => "{place}\"{key}\" must be a list",
        Key::MustBeString => "{place}\"{key}\" must be a string",
        Key::DoccanoNoRecords => {
            "the file has no records; expected one {\"text\": …, \"label\": …} per line"
        }
        Key::DoccanoNotObject => "{place}expected a JSON object {\"text\": …, \"label\": …}",
        Key::DoccanoNoText => {
            "{place}no \"text\" field; expected {\"text\": \"…\", \"label\": [[start, end, \"LABEL\"], …]}"
        }
        Key::DoccanoLabelList => "{place}\"label\" must be a list of [start, end, \"LABEL\"]",
        Key::DoccanoBadTriple => "{place}expected [start, end, \"LABEL\"], found {item}{hint}",
        Key::DoccanoClassification => {
            " (this looks like a text-classification label; Wasim reads spans)"
        }
        Key::ReasonSpacy => "spaCy and Prodigy count them so",
        Key::PlaceSpan => "{place}span {n}: ",
        Key::SpacyNoRecords => {
            "the file has no records; expected one {\"text\": …, \"spans\": …} per line"
        }
        Key::SpacyNotObject => "{place}expected a JSON object {\"text\": …, \"spans\": …}",
        Key::SpacyNoText => {
            "{place}no \"text\" field; expected {\"text\": \"…\", \"spans\": [{\"start\", \"end\", \"label\"}]}"
        }
        Key::SpacySpansList => "{place}\"spans\" must be a list of {\"start\", \"end\", \"label\"}",
        Key::SpacySpanNotObject => "{place}expected {\"start\", \"end\", \"label\"}",
        Key::SpacyNoParagraphs => {
            "document {n}: expected \"paragraphs\": [{\"sentences\": [{\"tokens\": […]}]}]"
        }
        Key::SpacyNoSentences => "document {n}: a paragraph has no \"sentences\" list",
        Key::SpacyNoTokens => "document {n}: a sentence has no \"tokens\" list",
        Key::SpacyNoOrth => "document {n}: a token has no \"orth\" string",
        Key::LsNoTasks => "the file has no tasks",
        Key::PlaceTask => "task {n}: ",
        Key::PlaceAnnotation => "{place}annotation {n}, ",
        Key::PlacePrediction => "{place}prediction {n}, ",
        Key::PlaceResult => "{place}result {n}: ",
        Key::PlaceRegion => "{place}region {n}: ",
        Key::PlaceField => "{place}{key} ",
        Key::LsNotTask => "{place}expected a task object with \"data\"",
        Key::LsNoText => "{place}\"data\" has no \"text\" string",
        Key::LsNoData => "{place}expected \"data\": {\"text\": …} (or JSON_MIN's \"text\")",
        Key::LsLabels => "{place}\"labels\" must be a list of label names",
        Key::BratNeedsText => "brat annotations need their text: add {stem}.txt to the same import",
        Key::BratExpected => "expected a brat .ann file (with its .txt) or a .zip of them",
        Key::BratKeptLines => {
            "{file}: lines other than entities and notes were kept ({kinds}); Wasim does not show them, and brat export writes them back"
        }
        Key::BratRenamed => {
            "label {from} was written as the brat type {to} (types cannot hold spaces)"
        }
        Key::ArchiveNotWritten => "the archive could not be written: {why}",
        Key::BratExpectedT => "expected `T1<TAB>TYPE start end<TAB>text`",
        Key::BratEmptyType => "{id} has an empty type; {expected}",
        Key::BratNotOffsets => "{offsets} are not offsets; {expected}",
        Key::BratRangeEmpty => "{id}: {range} is empty or reversed ({length})",
        Key::BratRangePastEnd => "{id}: {range} is past the end of the text ({length})",
        Key::BratTextDiffers => "{id} says its text is {stated}, but {name} has {actual} there",
        Key::ZipNoEnd => "no end of central directory record",
        Key::ZipMalformedEnd => "a malformed end of central directory record",
        Key::ZipMalformedEnd64 => "a malformed ZIP64 end of central directory record",
        Key::ZipNotZip => "not a ZIP archive, or a damaged one ({why})",
        Key::ZipBadEntry => {
            "not a ZIP archive, or a damaged one (entry #{n} of its directory is damaged)"
        }
        Key::ZipLocalHeader => "{entry} cannot be read: its local header is missing or damaged",
        Key::ZipEndsInside => "{entry} is damaged: the archive ends inside it",
        Key::ZipTooBig => {
            "{entry} unpacks to more than the {size} it declares: a damaged or hostile archive, not read"
        }
        Key::ZipCorrupt => "{entry} is damaged: its deflated data is corrupt",
        Key::ZipShort => "{entry} is damaged: it unpacks to {size}, not the {declared} it declares",
        Key::ZipChecksum => "{entry} is damaged: its checksum does not match",
        Key::ZipEncrypted => "{entry} is encrypted; Wasim cannot read password-protected archives",
        Key::ZipMethod => {
            "{entry} is compressed with a method Wasim does not read (it reads stored and deflated entries): method {method}"
        }
        Key::ZipPastLimit => {
            "{entry} would unpack to {size}, past the {limit} Wasim reads from one archive"
        }
        Key::ZipNameTooLong => "cannot add {name} to the archive: its name is too long",
        Key::ZipEntryTooBig => "cannot add {name} to the archive: it would pass 4 GiB",
        Key::ZipArchiveTooBig => "cannot finish the archive: it would pass 4 GiB",
        Key::Unrecognized => {
            "unrecognized file type; Wasim reads UTF-8 .txt files, its own .json exports, doccano or spaCy .jsonl, Label Studio .json, brat .txt + .ann pairs and CoNLL .conll/.iob files"
        }
        Key::NestedArchive => {
            "archives inside archives are not read; unzip it and add it on its own"
        }
        Key::EmptyArchive => "the archive holds no files Wasim reads",
        Key::TokenCut => {
            "span {text} ({label}) cuts the token {word}, which was split so the span stays exact"
        }
        Key::InColumn => " (column {n})",
        Key::NotATag => {
            "{tag}{column} is not a tag; expected O, or B-, I-, E-, S-, L- or U- followed by a type (such as B-PER)"
        }
        Key::LineTag => "line {line} ({tag})",
        Key::RepairBioes => "each was read as an entity starting there",
        Key::RepairIob => {
            "each was read as a new entity (as if B-) and noted \"CoNLL: began with I-…\" so that an IOB2 export writes it back"
        }
        Key::ConllNoTag => "this line has a token but no tag; expected `token tag`",
        Key::ConllPipe => "expected word|TAG items separated by spaces, as on the first line",
        Key::ConllNoTokens => "no tokens found; expected one `token tag` line per token",
        Key::ConllSplitAgain => {
            "{name}: {why}; it was split into tokens again, so its lines may differ from the file it was read from"
        }
        Key::ConllLayoutUnreadable => "its CoNLL layout could not be read",
        Key::ConllTextChanged => "its text no longer matches the CoNLL file it was read from",
        Key::ConllInsideToken => {
            "{name}: span {text} ({label}) starts or ends inside a token, so CoNLL cannot hold it; it was not exported"
        }
        Key::ConllCrossesSentence => {
            "{name}: span {text} ({label}) crosses a sentence break, so CoNLL cannot hold it; it was not exported"
        }
        Key::ConllLabelWritten => {
            "{name}: label {label} was written as {written} (tags cannot hold spaces)"
        }
        Key::ConllOverlaps => {
            "{name}: a {label} span overlaps another, and these `word|TAG` lines hold one tag per word; it was not exported"
        }
        Key::ConllRetokenized => {
            "{name}: its text was split into tokens for CoNLL; importing the file again gives the tokens joined by single spaces and line breaks, not the same text"
        }
        Key::ConllNoToken => "{name}: span {text} ({label}) covers no token and was not exported",
        Key::CannotReadFile => "cannot read this file: {error}",
        Key::WasimUnknownFormat => "unknown format {format}; expected \"wasim\"",
        Key::WasimNoFormat => "unknown format: expected a Wasim export with \"format\": \"wasim\"",
        Key::WasimVersion => {
            "unsupported version {version}; this Wasim reads versions 1 to {latest}"
        }
        Key::WasimInvalid => "not a valid Wasim file: {error}",
        Key::WasimOpen => "\"open\" names a document that is not in the file",
        Key::WasimSpanOutside => "document {name}, span {range} is outside the text ({length})",
        Key::WasimSpanText => {
            "document {name}, span {range}: its text {stated} does not match the document, which has {actual} there"
        }
        Key::KeyReserved => "is one of Wasim's own shortcuts",
        Key::KeyUntypable => "cannot be typed",
        Key::KeyTaken => "is already another label's",
        Key::KeyNotOneCharacter => "is not one character",
        Key::ColourRepaired => {
            "{origin}: label {label}: colour {colour} is not #rrggbb; {fixed} is used instead."
        }
        Key::HotkeyDropped => {
            "{origin}: label {label}: hotkey {key} {problem}; the label has no hotkey."
        }
        Key::LabelEmptyName => "label #{n} has an empty name",
        Key::LabelTwice => "label {label} is defined twice",
        Key::HotkeyTwice => "hotkey {key} is used by two labels",
        Key::HotkeyRefused => "the key {key} {problem}; choose another for {label}",
        Key::NotAColour => "label {label}: {colour} is not a colour like #a1b2c3",
        Key::NotALabelSet => "not a Wasim label set (expected \"format\": \"wasim-labels\")",
        Key::NoLabels => "the file has no \"labels\"",
        Key::InvalidLabelSet => "invalid label set: {error}",
        Key::SpanOutsideText => "document {name}: span {range} is outside its text of {length}",
        Key::SpanUnknownLabel => "document {name}: span {range} has unknown label {label}",
        Key::SpansUnsorted => "document {name}: spans are not sorted",
        Key::SavedWorkspace => "Saved workspace",
        Key::NoSuchDocument => "that document no longer exists",
        Key::NoSuchSpan => "that span no longer exists",
        Key::NoSuchLabel => "there is no label {label}",
        Key::BadRange => "range {range} does not fit a text of {length}",
        Key::DuplicateSpan => "that text already has this label",
        Key::LabelStillUsed => "label {label} is still used by spans",
        Key::SpanNoLabel => "document {name}: span {range} has no label",
        Key::SavedNoWorkspace => "saved documents have no workspace record",
        Key::SavedRecordUnreadable => "the saved workspace record is unreadable: {error}",
        Key::SavedLayout => {
            "saved data has layout version {version}; this version of Wasim reads {schema}"
        }
        Key::SavedDocMissing => "the record of document {id} is missing",
        Key::SavedDocUnreadable => "the record of document {id} is unreadable: {error}",
        Key::SavedDocMismatch => "the record stored for document {id} is that of document {other}",
        Key::SavedTextMissing => "the text of {name} is missing",
        Key::EntryUnreadable => "an entry is unreadable: {error}",
        Key::EntryTextMissing => "the text of a document it brings is missing",
        Key::EntryDuplicateDocument => "it would put a document in the workspace twice",
        Key::EntryDuplicateSpanId => "it would give two spans of {name} one id",
        Key::V1Unreadable => "saved data (schema 1) is unreadable: {error}",
        Key::V1HistoryLost => {
            "The undo history saved by the previous version could not be read ({error}); your work is all here."
        }
        Key::StorageFull => "the browser's storage is full (quota exceeded)",
        Key::NoIndexedDb => "this browser offers no IndexedDB (private mode?)",
        Key::StorageUnknown => "unknown storage error",
        Key::NoWebLocks => "this browser has no Web Locks",
        Key::BrowserCouldNotRead => "{name}: the browser could not read it ({error})",
        Key::NoDownloadLink => "cannot create a download link",
        Key::StorageNotOpen => "storage is not open; reload this tab",
        Key::AsImported => "As imported",
        Key::InvalidRegex => "invalid regular expression: {detail}",
        Key::WebAnnotationExportOnly => "Wasim writes Web Annotation files but does not read them",
    }
}

/// The English form of `key` for the plural category `category`.
pub fn counted(key: Counted, category: Plural) -> &'static str {
    match (key, category) {
        (Counted::SpansCarry, Plural::One) => "{n} span carries {name}:",
        (Counted::SpansCarry, _) => "{n} spans carry {name}:",
        (Counted::DocumentsOf, Plural::One) => "{count} of {n} document",
        (Counted::DocumentsOf, _) => "{count} of {n} documents",
        (Counted::Documents, Plural::One) => "{n} document",
        (Counted::Documents, _) => "{n} documents",
        (Counted::DisputesToAdjudicate, Plural::One) => "{n} disagreement to adjudicate",
        (Counted::DisputesToAdjudicate, _) => "{n} disagreements to adjudicate",
        (Counted::Matches, Plural::One) => "{n} match",
        (Counted::Matches, _) => "{n} matches",
        (Counted::AddsSpans, Plural::One) => "Adds {n} span as {label}.",
        (Counted::AddsSpans, _) => "Adds {n} spans as {label}.",
        (Counted::DisagreementsHere, Plural::One) => "This document: {n} disagreement left.",
        (Counted::DisagreementsHere, _) => "This document: {n} disagreements left.",
        (Counted::NoDisagreementsIn, Plural::One) => "No disagreements left in {n} team document.",
        (Counted::NoDisagreementsIn, _) => "No disagreements left in {n} team documents.",
        (Counted::DisagreementsLeft, Plural::One) => "{n} disagreement left in {documents}.",
        (Counted::DisagreementsLeft, _) => "{n} disagreements left in {documents}.",
        (Counted::MergedPartial, Plural::One) => {
            "{n} of them is not in every file: merged with those who have it."
        }
        (Counted::MergedPartial, _) => {
            "{n} of them are not in every file: merged with those who have them."
        }
        (Counted::Spans, Plural::One) => "{n} span",
        (Counted::Spans, _) => "{n} spans",
        (Counted::Warnings, Plural::One) => "{what}: {n} warning.",
        (Counted::Warnings, _) => "{what}: {n} warnings.",
        (Counted::Loaded, Plural::One) => "Loaded {n} document. Ctrl+Z undoes this.",
        (Counted::Loaded, _) => "Loaded {n} documents. Ctrl+Z undoes this.",
        (Counted::ImportedWorkspace, Plural::One) => {
            "Imported a workspace with {n} document. Ctrl+Z undoes this."
        }
        (Counted::ImportedWorkspace, _) => {
            "Imported a workspace with {n} documents. Ctrl+Z undoes this."
        }
        (Counted::Tagged, Plural::One) => "Tagged {n} match as {label}. Ctrl+Z undoes this.",
        (Counted::Tagged, _) => "Tagged {n} matches as {label}. Ctrl+Z undoes this.",
        (Counted::TeamHas, Plural::One) => "This document's team has {n} annotator.",
        (Counted::TeamHas, _) => "This document's team has {n} annotators.",
        (Counted::AcceptedGroups, Plural::One) => {
            "Accepted {n} group in {documents} where at least {k} annotators agree. Ctrl+Z undoes this."
        }
        (Counted::AcceptedGroups, _) => {
            "Accepted {n} groups in {documents} where at least {k} annotators agree. Ctrl+Z undoes this."
        }
        (Counted::AndMore, _) => "and {n} more",
        (Counted::Changes, Plural::One) => "{n} change",
        (Counted::Changes, _) => "{n} changes",
        (Counted::NotInEvery, Plural::One) => {
            "{n} document is not in every file: it is left out of the comparison, and merged with the annotators who have them."
        }
        (Counted::NotInEvery, _) => {
            "{n} documents are not in every file: they are left out of the comparison, and merged with the annotators who have them."
        }
        (Counted::TextHas, Plural::One) => "the text has {n} character",
        (Counted::TextHas, _) => "the text has {n} characters",
        (Counted::OffsetsReadAs, Plural::One) => {
            "{file}: offsets were read as {unit} because {why}; {n} document contains characters outside the Basic Multilingual Plane (such as emoji), where code points and UTF-16 units differ"
        }
        (Counted::OffsetsReadAs, _) => {
            "{file}: offsets were read as {unit} because {why}; {n} documents contain characters outside the Basic Multilingual Plane (such as emoji), where code points and UTF-16 units differ"
        }
        (Counted::DuplicatesDropped, Plural::One) => {
            "{file}: {n} duplicate span (same range and label) was dropped"
        }
        (Counted::DuplicatesDropped, _) => {
            "{file}: {n} duplicate spans (same range and label) were dropped"
        }
        (Counted::SpanNotes, Plural::One) => "{n} span note",
        (Counted::SpanNotes, _) => "{n} span notes",
        (Counted::EntityIds, Plural::One) => "{n} entity id",
        (Counted::EntityIds, _) => "{n} entity ids",
        (Counted::RelationsNotShown, Plural::One) => {
            "{file}: {n} relation is not shown (Wasim edits spans only); an export to doccano writes it back"
        }
        (Counted::RelationsNotShown, _) => {
            "{file}: {n} relations are not shown (Wasim edits spans only); an export to doccano writes them back"
        }
        (Counted::ProdigySkipped, Plural::One) => {
            "{file}: {n} record answered \"reject\" or \"ignore\" in Prodigy was skipped"
        }
        (Counted::ProdigySkipped, _) => {
            "{file}: {n} records answered \"reject\" or \"ignore\" in Prodigy were skipped"
        }
        (Counted::TokensDisagree, Plural::One) => {
            "{file}: in {n} span token_start/token_end disagree with start/end; start/end were used"
        }
        (Counted::TokensDisagree, _) => {
            "{file}: in {n} spans token_start/token_end disagree with start/end; start/end were used"
        }
        (Counted::PredictedSpans, Plural::One) => {
            "{file}: {n} predicted span was imported along with the annotations"
        }
        (Counted::PredictedSpans, _) => {
            "{file}: {n} predicted spans were imported along with the annotations"
        }
        (Counted::MergedTasks, Plural::One) => {
            "{file}: {n} task has several annotations; their spans were merged"
        }
        (Counted::MergedTasks, _) => {
            "{file}: {n} tasks have several annotations; their spans were merged"
        }
        (Counted::SkippedResults, Plural::One) => {
            "{file}: {n} result that is not a text span (choices, relations, HTML ranges…) is not shown; an export to Label Studio writes it back"
        }
        (Counted::SkippedResults, _) => {
            "{file}: {n} results that are not text spans (choices, relations, HTML ranges…) are not shown; an export to Label Studio writes them back"
        }
        (Counted::BratDiscontinuous, Plural::One) => {
            "{file}: {n} discontinuous entity is shown as one span per fragment, sharing a note; brat export writes it back as one entity while all its fragments remain"
        }
        (Counted::BratDiscontinuous, _) => {
            "{file}: {n} discontinuous entities are shown as one span per fragment, sharing a note; brat export writes each back as one entity while all its fragments remain"
        }
        (Counted::BratKeptDeleted, Plural::One) => {
            "{file}: {n} deleted span kept as an entity because relations, events, attributes, normalizations or equivalences point at it ({ids})"
        }
        (Counted::BratKeptDeleted, _) => {
            "{file}: {n} deleted spans kept as entities because relations, events, attributes, normalizations or equivalences point at them ({ids})"
        }
        (Counted::FlattenedNotes, Plural::One) => {
            "{n} note had line breaks or tabs, written as spaces"
        }
        (Counted::FlattenedNotes, _) => "{n} notes had line breaks or tabs, written as spaces",
        (Counted::Bytes, Plural::One) => "{n} byte",
        (Counted::Bytes, _) => "{n} bytes",
        (Counted::ZipTooMany, Plural::One) => {
            "the archive has {n} entry; Wasim reads at most {max} from one archive"
        }
        (Counted::ZipTooMany, _) => {
            "the archive has {n} entries; Wasim reads at most {max} from one archive"
        }
        (Counted::IrregularStarts, Plural::One) => {
            "{file}: {n} entity does not start with a proper tag ({lines}); {repair}"
        }
        (Counted::IrregularStarts, _) => {
            "{file}: {n} entities do not start with a proper tag ({lines}); {repair}"
        }
        (Counted::UnusualTags, Plural::One) => {
            "{file}: {n} tag has unusual characters in its type ({lines}); the type was kept as the label, check for a typo"
        }
        (Counted::UnusualTags, _) => {
            "{file}: {n} tags have unusual characters in their type ({lines}); the type was kept as the label, check for a typo"
        }
        (Counted::NestedLayers, Plural::One) => {
            "{file}: {n} tag column was read as nested entity layers ({name} tags)"
        }
        (Counted::NestedLayers, _) => {
            "{file}: {n} tag columns were read as nested entity layers ({name} tags)"
        }
        (Counted::ConllColumns, Plural::One) => {
            "this line has {n} column, but the tags start at column {column} in the other lines"
        }
        (Counted::ConllColumns, _) => {
            "this line has {n} columns, but the tags start at column {column} in the other lines"
        }
        (Counted::ConllSkipped, Plural::One) => {
            "{file}: {n} column between the token and the tags (such as POS tags) is not shown; a CoNLL export writes it back as it was"
        }
        (Counted::ConllSkipped, _) => {
            "{file}: {n} columns between the token and the tags (such as POS tags) are not shown; a CoNLL export writes them back as they were"
        }
        (Counted::Characters, Plural::One) => "{n} character",
        (Counted::Characters, _) => "{n} characters",
        (Counted::ChartTitle, Plural::One) => "Exact-span F1 per label, mean over {n} pair",
        (Counted::ChartTitle, _) => "Exact-span F1 per label, mean over {n} pairs",
        (Counted::SetAside, Plural::One) => {
            "{n} saved change could not be applied ({why}); it is kept aside in storage, not lost."
        }
        (Counted::SetAside, _) => {
            "{n} saved changes could not be applied ({why}); they are kept aside in storage, not lost."
        }
        (Counted::UndoStepsLost, Plural::One) => {
            "{n} undo step could not be read back; older steps are gone, your work is not."
        }
        (Counted::UndoStepsLost, _) => {
            "{n} undo steps could not be read back; older steps are gone, your work is not."
        }
        (Counted::TeamDataDropped, Plural::One) => {
            "{format} has no place for who proposed a span or whether it was accepted: left out of {n} span (Wasim JSON keeps them)"
        }
        (Counted::TeamDataDropped, _) => {
            "{format} has no place for who proposed a span or whether it was accepted: left out of {n} spans (Wasim JSON keeps them)"
        }
        (Counted::TeamDataInNotes, Plural::One) => {
            "{format} has no field for who proposed a span or whether it was accepted: {n} span carries it in its note (\"annotators: …; accepted\")"
        }
        (Counted::TeamDataInNotes, _) => {
            "{format} has no field for who proposed a span or whether it was accepted: {n} spans carry it in their note (\"annotators: …; accepted\")"
        }
    }
}
