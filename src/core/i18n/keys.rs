//! Message keys: one variant per string of the interface, with its
//! text in every language in [`super::en`] and [`super::ar`].

/// A plain message of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// ,
    ListSep,
    /// Interface language
    LangSwitch,
    /// Close
    Close,
    /// Cancel
    Cancel,
    /// Dismiss
    Dismiss,
    /// Remove
    Remove,
    /// Delete
    Delete,
    /// Add
    Add,
    /// {name}: {error}
    NameWithError,
    /// Opening saved work…
    OpeningSaved,
    /// Documents and labels
    DocumentsAndLabels,
    /// Documents
    DocumentsHeading,
    /// Document
    DocumentRegion,
    /// Details
    Details,
    /// Drop files to load them
    DropToLoad,
    /// Wasim is open in another tab with an older version; close that tab (or reload it) to open your work here.
    OlderTab,
    /// Could not take the workspace over: {error}
    TakeOverFailed,
    /// Wasim — the one who tags
    BrandTitle,
    /// Open files…
    OpenFilesButton,
    /// Open files
    OpenFiles,
    /// Labels
    Labels,
    /// Undo
    Undo,
    /// Undo (Ctrl+Z)
    UndoTitle,
    /// Redo
    Redo,
    /// Redo (Ctrl+Shift+Z, Ctrl+Y)
    RedoTitle,
    /// Off: selections snap to whole words. On: exact characters (or hold Alt while selecting).
    PreciseTitle,
    /// Exact characters
    ExactCharacters,
    /// Snap to words
    SnapToWords,
    /// Show or hide the adjudication panel (] and [ walk the disagreements)
    AdjudicateTitle,
    /// Adjudicate
    Adjudicate,
    /// Export JSON
    ExportJson,
    /// Keyboard shortcuts
    KeyboardShortcuts,
    /// Shortcuts (?)
    ShortcutsTitle,
    /// Mouse drag
    HkMouse,
    /// Select text; it snaps to whole words (hold Alt, or switch on “Exact”, for characters)
    HkMouseWhat,
    /// 1 – 9, or a label's key
    HkLabelKey,
    /// Tag the selection, or relabel the selected span
    HkLabelKeyWhat,
    /// Move the keyboard cursor word by word (in right-to-left text, ← moves forward)
    HkArrowsWhat,
    /// Move character by character
    HkCtrlArrowsWhat,
    /// Extend the selection
    HkShiftArrowsWhat,
    /// Next / previous span (in the text; past the last one, the next control)
    HkTabWhat,
    /// Choose among spans that overlap here (outer / inner)
    HkUpDownWhat,
    /// Click a highlight
    HkClick,
    /// Select that span
    HkClickWhat,
    /// Delete the selected span
    HkDeleteWhat,
    /// Clear the selection
    HkEscWhat,
    /// Search the text with Wasim's search (it sees the whole document; the browser's find sees only what is drawn)
    HkSearchWhat,
    /// Adjudicating: next / previous disagreement (across documents); it is selected and shown
    HkBracketsWhat,
    /// Adjudicating: accept the chosen candidates, or the selected one; the others of that place are removed
    HkEnterWhat,
    /// Adjudicating: choose the selected candidate (or take it back), to accept several with Enter
    HkSpaceWhat,
    /// Adjudicating: accept the 1st–9th annotator's version of this place
    HkAltDigitsWhat,
    /// Adjudicating: accept none (remove every candidate here)
    HkAltZeroWhat,
    /// Adjudicating: accept, in every team document, each place where the chosen quorum agrees (all, unless the panel says otherwise)
    HkAltEnterWhat,
    /// Label key, Delete, Tab, ↑ ↓ …
    HkAsAnnotating,
    /// Adjudicating: the same as annotating (edit a candidate, then Enter accepts it)
    HkAsAnnotatingWhat,
    /// Show or hide this sheet
    HkHelpWhat,
    /// Drop files
    HkDrop,
    /// Load .txt files or import annotations
    HkDropWhat,
    /// Shortcuts never fire while you type in a text field.
    HelpNoFire,
    /// The demo document is a short tour. Loading a file puts it away; it is never counted or exported with your documents.
    HelpDemo,
    /// Show the demo
    ShowDemo,
    /// Keys
    HelpKeyCol,
    /// What they do
    HelpWhatCol,
    /// Export failed: {error}
    ExportFailed,
    /// There is no document to export.
    NothingToExport,
    /// Export to {format}
    ExportTo,
    /// Export format
    ExportFormat,
    /// What to export
    WhatToExport,
    /// All documents
    AllDocuments,
    /// Open document
    OpenDocument,
    /// The labeling configuration to paste into a Label Studio project
    LsConfigTitle,
    /// Labeling config
    LsConfig,
    /// Tag scheme
    TagScheme,
    /// Export
    Export,
    /// UTF-16 (doccano web UI)
    Utf16Offsets,
    /// Opening…
    Opening,
    /// Reading saved work
    ReadingSaved,
    /// Read-only
    ReadOnly,
    /// Another tab edits this workspace; this tab does not save.
    ReadOnlyTitle,
    /// Not saved
    NotSaved,
    /// Not saved: {why}. Your work is kept in this tab; export it to be safe.
    NotSavedTitle,
    /// Saving…
    Saving,
    /// Writing your latest changes to this browser's storage
    SavingTitle,
    /// Saved
    Saved,
    /// Every change is saved in this browser
    SavedTitle,
    /// A new version of Wasim is ready.
    UpdateReady,
    /// Reload
    Reload,
    /// Annotator
    Annotator,
    /// Your name (kept in exports)
    AnnotatorPlaceholder,
    /// Use it here
    UseItHere,
    /// Messages ({n})
    MessagesCount,
    /// Past messages
    PastMessages,
    /// Messages
    Messages,
    /// No messages yet.
    NoMessages,
    /// Reading settings
    ReadingSettings,
    /// Reading settings: text size and line height
    ReadingSettingsTitle,
    /// Text size
    TextSize,
    /// Line height
    LineHeight,
    /// {n} px
    Px,
    /// Default size
    DefaultSize,
    /// Hide the documents panel
    HideDocumentsPanel,
    /// Show the documents panel
    ShowDocumentsPanel,
    /// Hide the span panel
    HideSpanPanel,
    /// Show the span panel
    ShowSpanPanel,
    /// Documents done
    DocumentsDone,
    /// {done} / {total} done
    DoneOfTotal,
    /// Filter by name…
    FilterByName,
    /// Filter documents by name
    FilterDocuments,
    /// Done
    Done,
    /// Mark done
    MarkDone,
    /// search matches
    SearchMatches,
    /// Remove document
    RemoveDocument,
    /// {label}: {n}
    LabelCount,
    /// New label name
    NewLabelName,
    /// Export labels
    ExportLabels,
    /// Import labels
    ImportLabels,
    /// Label set
    LabelSet,
    /// {value} was lightened to {readable} so text on it stays readable (WCAG AA).
    ColourLightened,
    /// Relabel them {label}
    RelabelThem,
    /// Colour of {name}
    ColourOf,
    /// Name
    Name,
    /// Hotkey of {name}
    HotkeyOf,
    /// Move up
    MoveUp,
    /// Move down
    MoveDown,
    /// Delete {name}
    DeleteNamed,
    /// Description
    Description,
    /// What to do with its spans
    WhatToDoWithSpans,
    /// Delete them
    DeleteThem,
    /// Delete label
    DeleteLabel,
    /// Entities
    Entities,
    /// Filter…
    Filter,
    /// Filter entities
    FilterEntities,
    /// has a note
    HasNote,
    /// Corpus
    Corpus,
    /// Selected span
    SelectedSpan,
    /// Label
    Label,
    /// Note
    Note,
    /// Entity id
    EntityId,
    /// e.g. Q1234 (Wikidata)
    EntityIdPlaceholder,
    /// Tag every other occurrence of this text with this label
    TagAllLikeTitle,
    /// Tag all occurrences
    TagAllOccurrences,
    /// {label}: {text}
    SpanName,
    /// Search… ابحث
    SearchPlaceholder,
    /// Search
    Search,
    /// Enter and Shift+Enter go to the next and previous match.
    SearchHelp,
    /// Where to search
    WhereToSearch,
    /// This document
    ThisDocument,
    /// Ignore tashkeel
    IgnoreTashkeel,
    /// أ=ا ى=ي ة=ه
    FoldLetters,
    /// Whole word
    WholeWord,
    /// Allow و ف ب ك ل
    AllowProclitics,
    /// Regex
    Regex,
    /// Label for tag all
    LabelForTagAll,
    /// Tag them
    TagThem,
    /// Tag all…
    TagAll,
    /// Matches in all documents
    MatchesInAll,
    /// Matches in this document
    MatchesInThis,
    /// Reading files
    ReadingFiles,
    /// Reading documents
    ReadingDocuments,
    /// Adding them to the workspace
    AddingToWorkspace,
    /// Import
    Import,
    /// {what}: {value} %
    Progress,
    /// {value} %
    Percent,
    /// {what}…
    Ellipsis,
    /// Text of {name}
    TextOf,
    /// added while adjudicating
    AddedWhileAdjudicating,
    /// proposed by {who}
    ProposedBy,
    /// accepted
    Accepted,
    /// pending
    Pending,
    /// chosen
    Chosen,
    /// {label} — {who} — {state}
    TeamTitle,
    /// The annotators disagree here.
    StatusOpen,
    /// Everyone agrees here; not accepted yet.
    StatusAgreed,
    /// Decided.
    StatusDecided,
    /// Accept {name}'s version of this place; the other candidates are removed
    AcceptVersionTitle,
    /// {name}'s version
    Version,
    /// Accept selected
    AcceptSelected,
    /// Accept chosen
    AcceptChosen,
    /// Candidates
    Candidates,
    /// Add the selected candidate to the set to accept, or take it out
    ChooseTitle,
    /// Choose
    Choose,
    /// Accept the chosen candidates (or the selected one) and remove the others
    AcceptTitle,
    /// Accept none: remove every candidate of this place
    NoneTitle,
    /// None
    None,
    /// all {team} agree
    AllAgree,
    /// {n} of {team} agree
    SomeAgree,
    /// Accept agreed
    AcceptAgreed,
    /// Accept majority
    AcceptMajority,
    /// Where
    Where,
    /// Quorum
    Quorum,
    /// In every team document: accept each place where this many annotators agree on one span and no rival span has as many (everywhere everyone agrees, whole); one undo step
    QuorumTitle,
    /// Adjudication
    Adjudication,
    /// Previous disagreement
    PreviousDisagreement,
    /// Next disagreement
    NextDisagreement,
    /// Previous
    Previous,
    /// Next
    Next,
    /// Press ] for the next disagreement, or select a span of a team document.
    PressNext,
    /// No team documents to adjudicate.
    NoTeamDocuments,
    /// Compare annotators' files and adjudicate
    TeamTitleButton,
    /// Team
    Team,
    /// Could not save {name}: {error}
    CouldNotSave,
    /// Remove {name}
    RemoveNamed,
    /// Team: compare annotators
    TeamHeading,
    /// Close (Esc)
    CloseEsc,
    /// Load each annotator's export (Wasim JSON, or any format Wasim imports): one file per annotator. Documents are matched by their text. Nothing changes in your workspace until you adjudicate.
    TeamIntro,
    /// Add annotators' files…
    AddAnnotatorsFiles,
    /// Add annotators' files
    AddAnnotatorsFilesName,
    /// Comparing…
    Comparing,
    /// Annotators
    Annotators,
    /// Add at least one more annotator's file to compare.
    OneMore,
    /// About these files
    AboutFiles,
    /// {file} · {documents} · {spans}
    MemberLine,
    /// The chart as an SVG image
    SaveChartTitle,
    /// Save chart (SVG)
    SaveChart,
    /// Every number, one per row
    SaveCsvTitle,
    /// Save report (CSV)
    SaveCsv,
    /// Every number, at full precision
    SaveJsonTitle,
    /// Save report (JSON)
    SaveJson,
    /// Add one document per text, with everyone's spans and who proposed each (Ctrl+Z undoes it)
    AdjudicateTeamTitle,
    /// Adjudicate…
    AdjudicateEllipsis,
    /// Merged the work of {names} into {documents} to adjudicate.
    Merged,
    /// Agreement
    Agreement,
    /// {annotators} annotators · {documents} in every file · {tokens} tokens
    TeamSummary,
    /// Pairs of annotators
    PairsOfAnnotators,
    /// One pair, label by label
    OnePair,
    /// Reference → candidate
    ReferenceToCandidate,
    /// Boundary-only disagreements (same label, overlapping, other extent): {n}
    BoundaryOnlyCount,
    /// Exact F1 per label
    F1PerLabel,
    /// Documents, least agreement first
    DocumentsLeastFirst,
    /// Reference
    Reference,
    /// Candidate
    Candidate,
    /// Precision
    Precision,
    /// Exact spans: the candidate's spans the reference has
    PrecisionTitle,
    /// Recall
    Recall,
    /// Exact spans: the reference's spans the candidate has
    RecallTitle,
    /// Partial F1
    PartialF1,
    /// Overlapping spans count half (labels ignored)
    PartialF1Title,
    /// Cohen's κ
    Kappa,
    /// On tokens: each token's label or O
    KappaTitle,
    /// Boundary only
    BoundaryOnly,
    /// Same label, overlapping, other extent
    BoundaryOnlyTitle,
    /// All annotators together, on
    WholeOn,
    /// tokens: Fleiss' κ
    WholeTokens,
    /// Krippendorff's α (nominal)
    WholeAlpha,
    /// Spans
    SpansHeading,
    /// Document
    Document,
    /// Both
    Both,
    /// In both
    InBoth,
    /// Candidate only
    CandidateOnly,
    /// Only the candidate's
    CandidateOnlyTitle,
    /// Reference only
    ReferenceOnly,
    /// Only the reference's
    ReferenceOnlyTitle,
    /// All labels
    AllLabels,
    /// Same extent: {reference}'s label (rows) and {candidate}'s (columns)
    ConfusionCaption,
    /// Exact F1 over every pair of annotators
    F1AllPairsTitle,
    /// … and {n} more in the saved report.
    AndMoreInReport,
    /// Your latest changes could not be saved in this browser ({why}). They are kept in this tab: export them before closing it.
    StorageFailed,
    /// Saved work could not be opened ({why}). It is left untouched; changes made now are not saved, so export them before closing this tab.
    StorageUnavailable,
    /// Undid: {what}.
    Undid,
    /// Redid: {what}.
    Redid,
    /// The latest saved work could not be read ({error}).
    LatestUnreadable,
    /// Nothing to undo.
    NothingToUndo,
    /// Nothing to redo.
    NothingToRedo,
    /// Could not load {file}: {message}
    CouldNotLoad,
    /// Could not load {file}, line {line}: {message}
    CouldNotLoadAt,
    /// Could not import: {error}
    CouldNotImport,
    /// Open a document first.
    OpenFirst,
    /// The selection holds only spaces; select a word.
    OnlySpaces,
    /// This is already tagged {label}.
    AlreadyTagged,
    /// Select some text first, or click a highlight to relabel it.
    SelectFirst,
    /// Every match is already tagged.
    AllTagged,
    /// The demo is back. It is not counted or exported, and loading a file puts it away again.
    DemoBack,
    /// Select a span first.
    SelectSpanFirst,
    /// Your last change here was not saved: another tab took the workspace over first. This tab is now read-only and shows the saved work.
    LastChangeLost,
    /// Document removed. Ctrl+Z brings it back.
    DocumentRemoved,
    /// This workspace is open in another tab; this tab is read-only.
    ReadOnlyTab,
    /// This browser cannot coordinate tabs (no Web Locks): if Wasim is open in two tabs, the last one to save wins. Keep it open in one tab.
    NoLocks,
    /// The workspace is now open in another tab; this tab is read-only and shows its latest saved work.
    TakenOver,
    /// This tab is now the one that edits the workspace; it shows everything saved so far.
    TookOver,
    /// Select a candidate first: ] goes to the next disagreement.
    NoGroup,
    /// There is nothing to adjudicate: no document holds several annotators' work.
    NothingToAdjudicate,
    /// No disagreements left.
    NoDisagreementsLeft,
    /// Every disagreement is decided.
    AllDecided,
    /// Nothing to accept: no undecided group has one span that {k} or more annotators agree on alone.
    NothingToAccept,
    /// {what} in {name}
    OnDocument,
    /// a removed document
    RemovedDocument,
    /// tagging
    Tagging,
    /// deleting
    Deleting,
    /// relabelling
    Relabelling,
    /// as {label}
    AsLabel,
    /// editing the note of
    EditingNote,
    /// accepting
    Accepting,
    /// un-accepting
    Unaccepting,
    /// marking done
    MarkingDone,
    /// marking not done
    MarkingNotDone,
    /// {what} ({changes} in {documents})
    ChangesIn,
    /// {what} ({changes})
    ChangesOnly,
    /// a label set change
    LabelSetChange,
    /// naming the annotator
    NamingAnnotator,
    /// renaming a label
    RenamingLabel,
    /// loading documents
    LoadingDocuments,
    /// removing documents
    RemovingDocuments,
    /// importing a workspace
    ImportingWorkspace,
    /// a change
    AChange,
    /// Load a .txt file to start.
    LoadToStart,
    /// … and {n} more.
    AndMoreDetails,
    /// {file} names no annotator: its work is called “{name}”.
    NamesNoAnnotator,
    /// an earlier file
    AnEarlierFile,
    /// “{base}” is the annotator of two files ({first} and {second}): the second is called “{name}”, and both are compared.
    TwoFiles,
    /// {label}: {with}; not {without}
    LabelHasNot,
    /// The annotators' labels differ: a label one of them lacks counts as a disagreement.
    LabelsDiffer,
    /// {file} ({name})
    WhoFile,
    /// “{name}”: in {with}; not in {without}
    InNotIn,
    /// {who} has no document in common with the other files: are they annotations of the same texts?
    NothingInCommon,
    /// No document is in every file, so there is nothing to compare.
    NoneInEvery,
    /// {file} holds no document: it is not compared.
    HoldsNoDocument,
    /// {file} was read with warnings.
    ReadWithWarnings,
    /// nobody named ({stem})
    NobodyNamed,
    /// {file} holds the work of {who}: each is compared as one annotator.
    HoldsWorkOf,
    /// {file} gives the same text more than once: only the first of each is compared and merged.
    SameTextTwice,
    /// “{name}” repeats the text of “{first}”
    RepeatsText,
}

/// A message that carries a count (placeholder `{n}`): its form
/// follows the plural rule of the language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// {n} spans carry {name}:
    SpansCarry,
    /// {count} of {n} documents
    DocumentsOf,
    /// {n} documents
    Documents,
    /// {n} disagreements to adjudicate
    DisputesToAdjudicate,
    /// {n} matches
    Matches,
    /// Adds {n} spans as {label}.
    AddsSpans,
    /// This document: {n} disagreements left.
    DisagreementsHere,
    /// No disagreements left in {n} team documents.
    NoDisagreementsIn,
    /// {n} disagreements left in {documents}.
    DisagreementsLeft,
    /// {n} of them are not in every file: merged with those who have them.
    MergedPartial,
    /// {n} spans
    Spans,
    /// {what}: {n} warnings.
    Warnings,
    /// Loaded {n} documents. Ctrl+Z undoes this.
    Loaded,
    /// Imported a workspace with {n} documents. Ctrl+Z undoes this.
    ImportedWorkspace,
    /// Tagged {n} matches as {label}. Ctrl+Z undoes this.
    Tagged,
    /// This document's team has {n} annotators.
    TeamHas,
    /// Accepted {n} groups in {documents} where at least {k} annotators agree. Ctrl+Z undoes this.
    AcceptedGroups,
    /// and {n} more
    AndMore,
    /// {n} changes
    Changes,
    /// {n} documents are not in every file: they are left out of the comparison, and merged with the annotators who have them.
    NotInEvery,
}

impl Key {
    /// Every key (for the tests).
    pub const ALL: [Key; 321] = [
        Key::ListSep,
        Key::LangSwitch,
        Key::Close,
        Key::Cancel,
        Key::Dismiss,
        Key::Remove,
        Key::Delete,
        Key::Add,
        Key::NameWithError,
        Key::OpeningSaved,
        Key::DocumentsAndLabels,
        Key::DocumentsHeading,
        Key::DocumentRegion,
        Key::Details,
        Key::DropToLoad,
        Key::OlderTab,
        Key::TakeOverFailed,
        Key::BrandTitle,
        Key::OpenFilesButton,
        Key::OpenFiles,
        Key::Labels,
        Key::Undo,
        Key::UndoTitle,
        Key::Redo,
        Key::RedoTitle,
        Key::PreciseTitle,
        Key::ExactCharacters,
        Key::SnapToWords,
        Key::AdjudicateTitle,
        Key::Adjudicate,
        Key::ExportJson,
        Key::KeyboardShortcuts,
        Key::ShortcutsTitle,
        Key::HkMouse,
        Key::HkMouseWhat,
        Key::HkLabelKey,
        Key::HkLabelKeyWhat,
        Key::HkArrowsWhat,
        Key::HkCtrlArrowsWhat,
        Key::HkShiftArrowsWhat,
        Key::HkTabWhat,
        Key::HkUpDownWhat,
        Key::HkClick,
        Key::HkClickWhat,
        Key::HkDeleteWhat,
        Key::HkEscWhat,
        Key::HkSearchWhat,
        Key::HkBracketsWhat,
        Key::HkEnterWhat,
        Key::HkSpaceWhat,
        Key::HkAltDigitsWhat,
        Key::HkAltZeroWhat,
        Key::HkAltEnterWhat,
        Key::HkAsAnnotating,
        Key::HkAsAnnotatingWhat,
        Key::HkHelpWhat,
        Key::HkDrop,
        Key::HkDropWhat,
        Key::HelpNoFire,
        Key::HelpDemo,
        Key::ShowDemo,
        Key::HelpKeyCol,
        Key::HelpWhatCol,
        Key::ExportFailed,
        Key::NothingToExport,
        Key::ExportTo,
        Key::ExportFormat,
        Key::WhatToExport,
        Key::AllDocuments,
        Key::OpenDocument,
        Key::LsConfigTitle,
        Key::LsConfig,
        Key::TagScheme,
        Key::Export,
        Key::Utf16Offsets,
        Key::Opening,
        Key::ReadingSaved,
        Key::ReadOnly,
        Key::ReadOnlyTitle,
        Key::NotSaved,
        Key::NotSavedTitle,
        Key::Saving,
        Key::SavingTitle,
        Key::Saved,
        Key::SavedTitle,
        Key::UpdateReady,
        Key::Reload,
        Key::Annotator,
        Key::AnnotatorPlaceholder,
        Key::UseItHere,
        Key::MessagesCount,
        Key::PastMessages,
        Key::Messages,
        Key::NoMessages,
        Key::ReadingSettings,
        Key::ReadingSettingsTitle,
        Key::TextSize,
        Key::LineHeight,
        Key::Px,
        Key::DefaultSize,
        Key::HideDocumentsPanel,
        Key::ShowDocumentsPanel,
        Key::HideSpanPanel,
        Key::ShowSpanPanel,
        Key::DocumentsDone,
        Key::DoneOfTotal,
        Key::FilterByName,
        Key::FilterDocuments,
        Key::Done,
        Key::MarkDone,
        Key::SearchMatches,
        Key::RemoveDocument,
        Key::LabelCount,
        Key::NewLabelName,
        Key::ExportLabels,
        Key::ImportLabels,
        Key::LabelSet,
        Key::ColourLightened,
        Key::RelabelThem,
        Key::ColourOf,
        Key::Name,
        Key::HotkeyOf,
        Key::MoveUp,
        Key::MoveDown,
        Key::DeleteNamed,
        Key::Description,
        Key::WhatToDoWithSpans,
        Key::DeleteThem,
        Key::DeleteLabel,
        Key::Entities,
        Key::Filter,
        Key::FilterEntities,
        Key::HasNote,
        Key::Corpus,
        Key::SelectedSpan,
        Key::Label,
        Key::Note,
        Key::EntityId,
        Key::EntityIdPlaceholder,
        Key::TagAllLikeTitle,
        Key::TagAllOccurrences,
        Key::SpanName,
        Key::SearchPlaceholder,
        Key::Search,
        Key::SearchHelp,
        Key::WhereToSearch,
        Key::ThisDocument,
        Key::IgnoreTashkeel,
        Key::FoldLetters,
        Key::WholeWord,
        Key::AllowProclitics,
        Key::Regex,
        Key::LabelForTagAll,
        Key::TagThem,
        Key::TagAll,
        Key::MatchesInAll,
        Key::MatchesInThis,
        Key::ReadingFiles,
        Key::ReadingDocuments,
        Key::AddingToWorkspace,
        Key::Import,
        Key::Progress,
        Key::Percent,
        Key::Ellipsis,
        Key::TextOf,
        Key::AddedWhileAdjudicating,
        Key::ProposedBy,
        Key::Accepted,
        Key::Pending,
        Key::Chosen,
        Key::TeamTitle,
        Key::StatusOpen,
        Key::StatusAgreed,
        Key::StatusDecided,
        Key::AcceptVersionTitle,
        Key::Version,
        Key::AcceptSelected,
        Key::AcceptChosen,
        Key::Candidates,
        Key::ChooseTitle,
        Key::Choose,
        Key::AcceptTitle,
        Key::NoneTitle,
        Key::None,
        Key::AllAgree,
        Key::SomeAgree,
        Key::AcceptAgreed,
        Key::AcceptMajority,
        Key::Where,
        Key::Quorum,
        Key::QuorumTitle,
        Key::Adjudication,
        Key::PreviousDisagreement,
        Key::NextDisagreement,
        Key::Previous,
        Key::Next,
        Key::PressNext,
        Key::NoTeamDocuments,
        Key::TeamTitleButton,
        Key::Team,
        Key::CouldNotSave,
        Key::RemoveNamed,
        Key::TeamHeading,
        Key::CloseEsc,
        Key::TeamIntro,
        Key::AddAnnotatorsFiles,
        Key::AddAnnotatorsFilesName,
        Key::Comparing,
        Key::Annotators,
        Key::OneMore,
        Key::AboutFiles,
        Key::MemberLine,
        Key::SaveChartTitle,
        Key::SaveChart,
        Key::SaveCsvTitle,
        Key::SaveCsv,
        Key::SaveJsonTitle,
        Key::SaveJson,
        Key::AdjudicateTeamTitle,
        Key::AdjudicateEllipsis,
        Key::Merged,
        Key::Agreement,
        Key::TeamSummary,
        Key::PairsOfAnnotators,
        Key::OnePair,
        Key::ReferenceToCandidate,
        Key::BoundaryOnlyCount,
        Key::F1PerLabel,
        Key::DocumentsLeastFirst,
        Key::Reference,
        Key::Candidate,
        Key::Precision,
        Key::PrecisionTitle,
        Key::Recall,
        Key::RecallTitle,
        Key::PartialF1,
        Key::PartialF1Title,
        Key::Kappa,
        Key::KappaTitle,
        Key::BoundaryOnly,
        Key::BoundaryOnlyTitle,
        Key::WholeOn,
        Key::WholeTokens,
        Key::WholeAlpha,
        Key::SpansHeading,
        Key::Document,
        Key::Both,
        Key::InBoth,
        Key::CandidateOnly,
        Key::CandidateOnlyTitle,
        Key::ReferenceOnly,
        Key::ReferenceOnlyTitle,
        Key::AllLabels,
        Key::ConfusionCaption,
        Key::F1AllPairsTitle,
        Key::AndMoreInReport,
        Key::StorageFailed,
        Key::StorageUnavailable,
        Key::Undid,
        Key::Redid,
        Key::LatestUnreadable,
        Key::NothingToUndo,
        Key::NothingToRedo,
        Key::CouldNotLoad,
        Key::CouldNotLoadAt,
        Key::CouldNotImport,
        Key::OpenFirst,
        Key::OnlySpaces,
        Key::AlreadyTagged,
        Key::SelectFirst,
        Key::AllTagged,
        Key::DemoBack,
        Key::SelectSpanFirst,
        Key::LastChangeLost,
        Key::DocumentRemoved,
        Key::ReadOnlyTab,
        Key::NoLocks,
        Key::TakenOver,
        Key::TookOver,
        Key::NoGroup,
        Key::NothingToAdjudicate,
        Key::NoDisagreementsLeft,
        Key::AllDecided,
        Key::NothingToAccept,
        Key::OnDocument,
        Key::RemovedDocument,
        Key::Tagging,
        Key::Deleting,
        Key::Relabelling,
        Key::AsLabel,
        Key::EditingNote,
        Key::Accepting,
        Key::Unaccepting,
        Key::MarkingDone,
        Key::MarkingNotDone,
        Key::ChangesIn,
        Key::ChangesOnly,
        Key::LabelSetChange,
        Key::NamingAnnotator,
        Key::RenamingLabel,
        Key::LoadingDocuments,
        Key::RemovingDocuments,
        Key::ImportingWorkspace,
        Key::AChange,
        Key::LoadToStart,
        Key::AndMoreDetails,
        Key::NamesNoAnnotator,
        Key::AnEarlierFile,
        Key::TwoFiles,
        Key::LabelHasNot,
        Key::LabelsDiffer,
        Key::WhoFile,
        Key::InNotIn,
        Key::NothingInCommon,
        Key::NoneInEvery,
        Key::HoldsNoDocument,
        Key::ReadWithWarnings,
        Key::NobodyNamed,
        Key::HoldsWorkOf,
        Key::SameTextTwice,
        Key::RepeatsText,
    ];
}

impl Counted {
    /// Every counted key (for the tests).
    pub const ALL: [Counted; 20] = [
        Counted::SpansCarry,
        Counted::DocumentsOf,
        Counted::Documents,
        Counted::DisputesToAdjudicate,
        Counted::Matches,
        Counted::AddsSpans,
        Counted::DisagreementsHere,
        Counted::NoDisagreementsIn,
        Counted::DisagreementsLeft,
        Counted::MergedPartial,
        Counted::Spans,
        Counted::Warnings,
        Counted::Loaded,
        Counted::ImportedWorkspace,
        Counted::Tagged,
        Counted::TeamHas,
        Counted::AcceptedGroups,
        Counted::AndMore,
        Counted::Changes,
        Counted::NotInEvery,
    ];
}
