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
    }
}
