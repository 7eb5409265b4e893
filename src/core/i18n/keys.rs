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
    /// {first} {second}: two sentences of one message.
    TwoSentences,
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
    /// Select text; it snaps to whole words (hold Alt, or switch “Snap to words” to “Exact characters”, for characters)
    HkMouseWhat,
    /// 1 – 9, or a label's key
    HkLabelKey,
    /// Tag the selection, or relabel the selected span
    HkLabelKeyWhat,
    /// Shift + label key
    HkShiftLabelKey,
    /// Add a second label on the same text (the selection, or the selected span) instead of relabelling
    HkShiftLabelKeyWhat,
    /// Move the keyboard cursor word by word (in right-to-left text, ← moves forward)
    HkArrowsWhat,
    /// Move character by character
    HkCtrlArrowsWhat,
    /// Extend the selection
    HkShiftArrowsWhat,
    /// The first / last word of the line (Ctrl: of the text; Shift extends)
    HkHomeEndWhat,
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
    /// The new version has not taken over yet: another Wasim tab may be opening. Close the other Wasim tabs, then press Reload again.
    UpdateStalled,
    /// Reload
    Reload,
    /// Annotator
    Annotator,
    /// Your name (kept in exports)
    AnnotatorPlaceholder,
    /// Your name
    YourName,
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
    /// Width of the documents panel
    ResizeDocumentsPanel,
    /// Width of the span panel
    ResizeSpanPanel,
    /// Drag, or use the arrow keys; double-click for the automatic width
    ResizeHint,
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
    /// Relabel them as {label}
    RelabelThem,
    /// Colour of {name}
    ColourOf,
    /// Name of {name}
    NameOf,
    /// Description of {name}
    DescriptionOf,
    /// Hotkey of {name}
    HotkeyOf,
    /// Move {name} up
    MoveUpNamed,
    /// Move {name} down
    MoveDownNamed,
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
    /// Searching
    Searching,
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
    /// {annotators} · {documents} in every file · {tokens}
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
    /// The new {label} span runs across a paragraph break. Ctrl+Z undoes it.
    SpanAcrossParagraphs,
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
    /// This browser does not let Wasim save now ({why}): your saved work is shown read-only. Free some disk space: Wasim tries again by itself; export works meanwhile.
    SavedReadOnly,
    /// Wasim stopped because of an internal error. Your work up to the last edit is saved in this browser: reload the page to continue, and export a copy to be safe. Details: {detail}
    PanicBanner,
    /// Try now
    TryNow,
    /// Select a candidate first: ] goes to the next disagreement.
    NoGroup,
    /// There is nothing to adjudicate: no document holds several annotators' work.
    NothingToAdjudicate,
    /// No disagreements left.
    NoDisagreementsLeft,
    /// Every disagreement is decided.
    AllDecided,
    /// Nothing to accept: no undecided group has a single span that {agree} on.
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
    /// editing the entity id of
    EditingEntityId,
    /// {name} has no text: it is loaded empty, with nothing to tag.
    EmptyText,
    /// {name} is UTF-16 text: it was read as such; Wasim writes UTF-8.
    ReadAsUtf16,
    /// Done: {name}
    DoneNamed,
    /// Already in the list, loaded again beside it: {names}.
    LoadedAgain,
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
    /// deleting the label {name}
    DeletingLabel,
    /// Not changed: {why}.
    NotChanged,
    /// a group “(” is not closed with “)”
    RegexUnclosedGroup,
    /// a “)” closes no group
    RegexUnopenedGroup,
    /// a character class “[” is not closed with “]”
    RegexUnclosedClass,
    /// a range in a character class ends before it starts
    RegexClassRange,
    /// a backslash is followed by a letter that is not an escape
    RegexEscape,
    /// a repetition (* + ? or {…}) follows nothing
    RegexNothingToRepeat,
    /// look-around is not supported (Wasim searches in linear time)
    RegexLookAround,
    /// back-references are not supported (Wasim searches in linear time)
    RegexBackreference,
    /// Unicode classes such as \\p{…} are not supported; put the letters in a class instead, such as [ء-ي]
    RegexUnicodeClass,
    /// in a repetition {m,n} the first number is larger than the second
    RegexRepetitionRange,
    /// a counted repetition such as {2,5} is not closed, or holds something other than numbers
    RegexRepetitionUnclosed,
    /// a \\x escape needs a hexadecimal number, such as \\x{…} or \\xA0
    RegexHex,
    /// nested character classes and class operations (&&, --, ~~) are not supported
    RegexClassSet,
    /// an inline flag (?…) is unknown, repeated or not closed
    RegexFlag,
    /// a group name (?P<name>…) is missing, invalid or given twice
    RegexGroupName,
    /// the pattern ends in the middle of an escape (a lone backslash)
    RegexTrailingBackslash,
    /// groups are nested too deeply
    RegexNesting,
    /// a range in a character class must start and end with a single character, not a class such as \\d
    RegexClassRangeEnds,
    /// the pattern is too large once expanded (a repetition such as {1000} of a group makes it so)
    RegexTooBig,
    /// loading documents
    LoadingDocuments,
    /// loading {name}
    LoadingDocument,
    /// removing {name}
    RemovingDocument,
    /// {label} «{quote}»
    NamedSpan,
    /// removing documents
    RemovingDocuments,
    /// importing a workspace
    ImportingWorkspace,
    /// adding the team's merged documents
    AddingMergedDocuments,
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
    /// Two files are both called {file}: the second is called “{name}”. To compare annotators' brat files, load each annotator's as a folder or a .zip named after them.
    SameFileNameTwice,
    /// {file} holds the same work as {first} (“{name}”): it is not added again.
    SameWorkTwice,
    /// “{name}” has the same texts and spans as “{first}”, and neither file names its annotator: they are compared as two annotators who agree in full. If one file is a copy of the other, remove it.
    SameSpansKept,
    /// {label}: {with}; not {without}
    LabelHasNot,
    /// The annotators' labels differ: a label one of them lacks counts as a disagreement.
    LabelsDiffer,
    /// {file} ({name})
    WhoFile,
    /// “{name}”: in {with}; not in {without}
    InNotIn,
    /// “{name}” has one text in {first} and another in {second} (they part at code point {at}): documents are matched by their text, so it is not compared.
    OneNameTwoTexts,
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
    /// {file} spaces its words as CoNLL tokens (CoNLL keeps no spacing): a document with the same words as a text another file keeps is compared on that text, each span on the same characters.
    Respaced,
    /// “{name}”: on the text of “{second}” in {first}
    PlacedOn,
    /// Another tab took the workspace over while this one could not save its latest changes: they were downloaded as {file}, so that they are not lost (open that file to get them back). This tab is now read-only and shows the saved work.
    UnsavedDownloaded,
    /// “{name}” in {file} has the words of “{second}” in {first}, but one of its spans would end inside a character there: it is not compared.
    CannotPlace,
    /// {what} at line {line} column {column}
    JsonAt,
    /// EOF while parsing a list
    JsonEofList,
    /// EOF while parsing an object
    JsonEofObject,
    /// EOF while parsing a string
    JsonEofString,
    /// EOF while parsing a value
    JsonEofValue,
    /// expected `:`
    JsonExpectedColon,
    /// expected `,` or `\]`
    JsonExpectedListEnd,
    /// expected `,` or `}`
    JsonExpectedObjectEnd,
    /// expected ident
    JsonExpectedIdent,
    /// expected value
    JsonExpectedValue,
    /// expected `"`
    JsonExpectedQuote,
    /// invalid escape
    JsonInvalidEscape,
    /// invalid number
    JsonInvalidNumber,
    /// number out of range
    JsonNumberOutOfRange,
    /// invalid unicode code point
    JsonInvalidUnicode,
    /// control character (\u0000-\u001F) found while parsing a string
    JsonControlCharacter,
    /// key must be a string
    JsonKeyMustBeString,
    /// invalid key
    JsonInvalidKey,
    /// trailing comma
    JsonTrailingComma,
    /// trailing characters
    JsonTrailingCharacters,
    /// recursion limit exceeded
    JsonTooDeep,
    /// missing field `{field}`
    JsonMissingField,
    /// duplicate field `{field}`
    JsonDuplicateField,
    /// invalid type: {found}, expected {expected}
    JsonInvalidType,
    /// invalid value: {found}, expected {expected}
    JsonInvalidValue,
    /// unknown variant `{value}`
    JsonUnknownVariant,
    /// {text}
    Verbatim,
    /// boolean {value}
    JsonFoundBoolean,
    /// integer {value}
    JsonFoundInteger,
    /// floating point {value}
    JsonFoundFloat,
    /// string {value}
    JsonFoundString,
    /// null
    JsonFoundNull,
    /// sequence
    JsonFoundList,
    /// map
    JsonFoundObject,
    /// a string
    JsonWantString,
    /// a boolean
    JsonWantBoolean,
    /// a sequence
    JsonWantList,
    /// an object
    JsonWantObject,
    /// a character
    JsonWantCharacter,
    /// a non-negative whole number
    JsonWantWholeNumber,
    /// a number
    JsonWantNumber,
    /// it looks like a binary file, not text
    BinaryFile,
    /// it is not valid UTF-8 (first bad byte at offset {offset}); save it as UTF-8 and try again
    NotUtf8,
    /// Several of the documents added have the same name: {names}. All are kept; rename one to tell them apart.
    NamedAlike,
    /// brat: documents with the same file name were written under other names: {names}
    BratFilesRenamed,
    /// spaCy JSONL: the file's tokens were split where a span now starts or ends inside one, in {documents}
    SpacyTokensSplit,
    /// This page is served over plain HTTP from another address (not HTTPS, not this computer), so the browser gives it neither tab coordination nor offline use: keep Wasim open in one tab (the last tab to save wins), and serve it over HTTPS, or open wasim.html, to work offline.
    PlainHttp,
    /// Wasim could not make its offline copy at this address (the host may serve a changed or missing file): it works while the address is reachable. wasim.html works with no host at all.
    OfflineFailed,
    /// Later
    Later,
    /// {file} holds {format} data: it was read as such, not as a plain text
    ReadByContent,
    /// it ends in the middle of a character (byte {offset}): the file was cut short; copy or download it again
    CutShort,
    /// cannot load this file: {error}
    CannotLoadFile,
    /// {file} in {archive}
    InArchive,
    /// invalid JSON: {error}
    InvalidJson,
    /// (nothing: an empty place)
    NoPlace,
    /// record {n}:
    PlaceRecord,
    /// {place}"{key}" must be a non-negative integer
    MustBeOffset,
    /// code points (as Python counts)
    UnitCodePoints,
    /// UTF-16 code units (as JavaScript counts)
    UnitUtf16,
    /// the span texts match that way
    ReasonTextsMatch,
    /// only then are all spans inside their texts
    ReasonInside,
    /// spans then fall on character and word boundaries
    ReasonBoundaries,
    /// the spans fit either way
    ReasonEitherWay,
    /// \[{start}, {end})
    Range,
    /// {place}span {range} splits a character or lies past the end of the text
    SpanSplitsCharacter,
    /// {place}span {range} is empty or reversed ({length})
    SpanEmpty,
    /// {place}span {range} is past the end of the text ({length})
    SpanPastEnd,
    /// {place}span {range} has an empty label
    SpanEmptyLabel,
    /// {place}span {range} says its text is {expected}, but the document has {actual} there
    SpanTextDiffers,
    /// {format} has no place for span notes or entity ids; left out: {what}
    NoPlaceForExtras,
    /// the file says so ("offset_unit")
    ReasonFileSays,
    /// {place}entity {n}:
    PlaceEntity,
    /// {place}label {n}:
    PlaceLabel,
    /// {place}"{key}" must be a list
    MustBeList,
    /// {place}"{key}" must be a string
    MustBeString,
    /// the file has no records; expected one {"text": …, "label": …} per line
    DoccanoNoRecords,
    /// {place}expected a JSON object {"text": …, "label": …}
    DoccanoNotObject,
    /// {place}no "text" field; expected {"text": "…", "label": \[\[start, end, "LABEL"\], …\]}
    DoccanoNoText,
    /// {place}"label" must be a list of \[start, end, "LABEL"\]
    DoccanoLabelList,
    /// {place}expected \[start, end, "LABEL"\], found {item}{hint}
    DoccanoBadTriple,
    ///  (this looks like a text-classification label; Wasim reads spans)
    DoccanoClassification,
    /// spaCy and Prodigy count them so
    ReasonSpacy,
    /// {place}span {n}:
    PlaceSpan,
    /// the file has no records; expected one {"text": …, "spans": …} per line
    SpacyNoRecords,
    /// {place}expected a JSON object {"text": …, "spans": …}
    SpacyNotObject,
    /// {place}no "text" field; expected {"text": "…", "spans": \[{"start", "end", "label"}\]}
    SpacyNoText,
    /// {place}"spans" must be a list of {"start", "end", "label"}
    SpacySpansList,
    /// {place}expected {"start", "end", "label"}
    SpacySpanNotObject,
    /// document {n}: expected "paragraphs": \[{"sentences": \[{"tokens": \[…\]}\]}\]
    SpacyNoParagraphs,
    /// document {n}: a paragraph has no "sentences" list
    SpacyNoSentences,
    /// document {n}: a sentence has no "tokens" list
    SpacyNoTokens,
    /// document {n}: a token has no "orth" string
    SpacyNoOrth,
    /// the file has no tasks
    LsNoTasks,
    /// task {n}:
    PlaceTask,
    /// {place}annotation {n},
    PlaceAnnotation,
    /// {place}prediction {n},
    PlacePrediction,
    /// {place}result {n}:
    PlaceResult,
    /// {place}region {n}:
    PlaceRegion,
    /// {place}{key}
    PlaceField,
    /// {place}expected a task object with "data"
    LsNotTask,
    /// {place}"data" has no "text" string
    LsNoText,
    /// {place}expected "data": {"text": …} (or JSON_MIN's "text")
    LsNoData,
    /// {place}"labels" must be a list of label names
    LsLabels,
    /// brat annotations need their text: add {stem}.txt to the same import
    BratNeedsText,
    /// expected a brat .ann file (with its .txt) or a .zip of them
    BratExpected,
    /// {file}: its entity types are in the label list ({types})
    BratConfLabels,
    /// {file}: its entity types are in the label list ({types}); its relation, event and attribute types are not used, as Wasim edits entities only (an imported .ann keeps those lines)
    BratConfLabelsMore,
    /// {file} declares no entity type: there was no label to add
    BratConfNoEntities,
    /// {file} holds brat's display or tool settings, which Wasim does not use; brat exports of the documents loaded with it write it back
    BratConfNotUsed,
    /// The documents came from brat projects whose {names} differ (or only some have them); the export writes the first document's of each
    BratConfsDiffer,
    /// The documents' brat sources name files that are not brat configuration files, left out of the archive: {names}
    BratConfsLeftOut,
    /// {file} now also declares {types}, which the exported .ann files use
    BratConfDeclared,
    /// No document and no new label: nothing changed.
    NothingNew,
    /// {file}: lines other than entities and notes were kept ({kinds}); Wasim does not show them, and brat export writes them back
    BratKeptLines,
    /// label {from} was written as the brat type {to} (types cannot hold spaces)
    /// {file}: the text is not the one its .ann was read with …
    /// {file}: fields this version of Wasim does not know were left out, and will not be written back: {fields}
    WasimUnknownFields,
    /// {field} (in the file)
    FieldOfFile,
    /// {field} (in labels)
    FieldOfLabels,
    /// {field} (in documents)
    FieldOfDocuments,
    /// {field} (in spans)
    FieldOfSpans,
    /// {file}: IDs given to more than one line: {ids} …
    BratDuplicateIds,
    BratTextsRefit,
    BratRenamed,
    /// the archive could not be written: {why}
    ArchiveNotWritten,
    /// expected `T1\<TAB\>TYPE start end\<TAB\>text`
    BratExpectedT,
    /// {id} has an empty type; {expected}
    BratEmptyType,
    /// {offsets} are not offsets; {expected}
    BratNotOffsets,
    /// {id}: {range} is empty or reversed ({length})
    BratRangeEmpty,
    /// {id}: {range} is past the end of the text ({length})
    BratRangePastEnd,
    /// {id} says its text is {stated}, but {name} has {actual} there
    BratTextDiffers,
    /// no end of central directory record
    ZipNoEnd,
    /// a malformed end of central directory record
    ZipMalformedEnd,
    /// a malformed ZIP64 end of central directory record
    ZipMalformedEnd64,
    /// not a ZIP archive, or a damaged one ({why})
    ZipNotZip,
    /// not a ZIP archive, or a damaged one (entry #{n} of its directory is damaged)
    ZipBadEntry,
    /// {entry} cannot be read: its local header is missing or damaged
    ZipLocalHeader,
    /// {entry} is damaged: the archive ends inside it
    ZipEndsInside,
    /// {entry} unpacks to more than the {size} it declares: a damaged or hostile archive, not read
    ZipTooBig,
    /// {entry} is damaged: its deflated data is corrupt
    ZipCorrupt,
    /// {entry} is damaged: it unpacks to {size}, not the {declared} it declares
    ZipShort,
    /// {entry} is damaged: its checksum does not match
    ZipChecksum,
    /// {entry} is encrypted; Wasim cannot read password-protected archives
    ZipEncrypted,
    /// {entry} is compressed with a method Wasim does not read (it reads stored and deflated entries): method {method}
    ZipMethod,
    /// with {entry} ({entry_size}), the archive would unpack to {size}, past the {limit} Wasim reads from one archive
    ZipPastLimit,
    /// cannot add {name} to the archive: its name is too long
    ZipNameTooLong,
    /// cannot add {name} to the archive: its name leads out of the archive's folder
    ZipNameOutside,
    /// cannot add {name} to the archive: it would pass 4 GiB
    ZipEntryTooBig,
    /// cannot finish the archive: it would pass 4 GiB
    ZipArchiveTooBig,
    /// unrecognized file type; Wasim reads UTF-8 .txt files, its own .json exports, doccano or spaCy .jsonl, Label Studio .json, brat .txt + .ann pairs and CoNLL .conll/.iob files
    Unrecognized,
    /// archives inside archives are not read; unzip it and add it on its own
    NestedArchive,
    /// the archive holds no files Wasim reads
    /// the file is empty: it holds no data to read
    EmptyFile,
    EmptyArchive,
    /// span {text} ({label}) cuts the token {word}, which was split so the span stays exact
    TokenCut,
    ///  (column {n})
    InColumn,
    /// {tag}{column} is not a tag; expected O, or B-, I-, E-, S-, L- or U- followed by a type (such as B-PER)
    NotATag,
    /// line {line} ({tag})
    LineTag,
    /// each was read as an entity starting there
    RepairBioes,
    /// each was read as a new entity (as if B-) and noted "CoNLL: began with I-…" so that an IOB2 export writes it back
    RepairIob,
    /// this line has a token but no tag; expected `token tag`
    ConllNoTag,
    /// expected word|TAG items separated by spaces, as on the first line
    ConllPipe,
    /// no tokens found; expected one `token tag` line per token
    ConllNoTokens,
    /// {name}: {why}; it was split into tokens again, so its lines may differ from the file it was read from
    ConllSplitAgain,
    /// its CoNLL layout could not be read
    ConllLayoutUnreadable,
    /// its text no longer matches the CoNLL file it was read from
    ConllTextChanged,
    /// {name}: span {text} ({label}) starts or ends inside a token, so CoNLL cannot hold it; it was not exported
    ConllInsideToken,
    /// {name}: nested spans need another tag column, added to every token line of the document ({n} columns now)
    ConllColumnAdded,
    /// {name}: span {text} ({label}) crosses a sentence break, so CoNLL cannot hold it; it was not exported
    ConllCrossesSentence,
    /// {name}: label {label} was written as {written} (tags cannot hold spaces)
    ConllLabelWritten,
    /// {name}: a {label} span overlaps another, and these `word|TAG` lines hold one tag per word; it was not exported
    ConllOverlaps,
    /// {name}: span {text} ({label}) covers no token and was not exported
    ConllNoToken,
    /// cannot read this file: {error}
    CannotReadFile,
    /// unknown format {format}; expected "wasim"
    WasimUnknownFormat,
    /// unknown format: expected a Wasim export with "format": "wasim"
    WasimNoFormat,
    /// unsupported version {version}; this Wasim reads versions 1 to {latest}
    WasimVersion,
    /// not a valid Wasim file: {error}
    WasimInvalid,
    /// "open" names a document that is not in the file
    WasimOpen,
    /// document {name}, span {range} is outside the text ({length})
    /// document {name}, span {range} is empty or reversed
    WasimSpanEmpty,
    /// document {name}, span {range} has no label
    WasimSpanNoLabel,
    WasimSpanOutside,
    /// document {name}, span {range}: its text {stated} does not match the document, which has {actual} there
    WasimSpanText,
    /// is one of Wasim's own shortcuts
    KeyReserved,
    /// cannot be typed
    KeyUntypable,
    /// is already another label's
    KeyTaken,
    /// is not one character
    KeyNotOneCharacter,
    /// {origin}: label {label}: colour {colour} is not #rrggbb; {fixed} is used instead.
    ColourRepaired,
    /// {origin}: label {label}: hotkey {key} {problem}; the label has no hotkey.
    HotkeyDropped,
    /// label #{n} has an empty name
    LabelEmptyName,
    /// label {label} is defined twice
    LabelTwice,
    /// label {label} holds a direction override or isolate, which can make it look like another label
    LabelDirectionControl,
    /// hotkey {key} is used by {first} and {label}
    HotkeyTwice,
    /// the key {key} {problem}; choose another for {label}
    HotkeyRefused,
    /// label {label}: {colour} is not a colour like #a1b2c3
    NotAColour,
    /// not a Wasim label set (expected "format": "wasim-labels")
    NotALabelSet,
    /// the file has no "labels"
    NoLabels,
    /// invalid label set: {error}
    InvalidLabelSet,
    /// document {name}: span {range} is outside its text of {length}
    SpanOutsideText,
    /// document {name}: span {range} has unknown label {label}
    SpanUnknownLabel,
    /// document {name}: spans are not sorted
    SpansUnsorted,
    /// Saved workspace
    SavedWorkspace,
    /// that document no longer exists
    NoSuchDocument,
    /// that span no longer exists
    NoSuchSpan,
    /// there is no label {label}
    NoSuchLabel,
    /// range {range} does not fit a text of {length}
    BadRange,
    /// that text already has this label
    DuplicateSpan,
    /// label {label} is still used by spans
    LabelStillUsed,
    /// document {name}: span {range} has no label
    SpanNoLabel,
    /// saved documents have no workspace record
    SavedNoWorkspace,
    /// the saved workspace record is unreadable: {error}
    SavedRecordUnreadable,
    /// saved data has layout version {version}; this version of Wasim reads {schema}
    SavedLayout,
    /// the record of document {id} is missing
    SavedDocMissing,
    /// the record of document {id} is unreadable: {error}
    SavedDocUnreadable,
    /// the record stored for document {id} is that of document {other}
    SavedDocMismatch,
    /// the text of {name} is missing
    SavedTextMissing,
    /// an entry is unreadable: {error}
    EntryUnreadable,
    /// the text of a document it brings is missing
    EntryTextMissing,
    /// it would put a document in the workspace twice
    EntryDuplicateDocument,
    /// it would give two spans of {name} one id
    EntryDuplicateSpanId,
    /// saved data (schema 1) is unreadable: {error}
    V1Unreadable,
    /// The undo history saved by the previous version could not be read ({error}); your work is all here.
    V1HistoryLost,
    /// the browser's storage is full: its quota is exceeded
    StorageFull,
    /// the browser could not write to the disk, which may be full ({said}); nothing more can be saved in this tab: export your work now (Export JSON), free some disk space, restart the browser and import that file
    StorageDisk,
    /// The work saved in this browser is gone: its storage was emptied (a browser may do so after its disk was full, or when its data is cleared). Load your last export to go on.
    SavedWorkGone,
    /// this browser offers no IndexedDB (private mode?)
    NoIndexedDb,
    /// unknown storage error
    StorageUnknown,
    /// this browser has no Web Locks
    NoWebLocks,
    /// {name}: the browser could not read it ({error})
    BrowserCouldNotRead,
    /// cannot create a download link
    NoDownloadLink,
    /// storage is not open; reload this tab
    StorageNotOpen,
    /// As imported
    AsImported,
    /// invalid regular expression: {detail}
    InvalidRegex,
    /// this is a W3C Web Annotation file: Wasim writes these but cannot read them back, as they hold where the spans are but not the documents' text; import the Wasim JSON export (Export JSON) instead
    WebAnnotationExportOnly,
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
    /// {n} documents, after a preposition ("in {n} documents": Arabic's dual
    /// then takes its oblique form, مستندين)
    InDocuments,
    /// {n} annotators
    Annotators,
    /// {n} tokens
    Tokens,
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
    /// Imported a workspace with {n} documents, in place of the documents and labels that were here. Ctrl+Z brings them back.
    ReplacedWorkspace,
    /// Tagged {n} matches as {label}. Ctrl+Z undoes this.
    Tagged,
    /// This document's team has {n} annotators.
    TeamHas,
    /// Accepted {n} groups in {documents} where {agree}. Ctrl+Z undoes this.
    AcceptedGroups,
    /// at least {n} annotators agree
    AgreeAtLeast,
    /// at least {n} annotators (all of a document's team when it has fewer) agree
    AgreeAtLeastOrAll,
    /// and {n} more
    AndMore,
    /// {n} changes
    Changes,
    /// {n} documents are not in every file: they are left out of the comparison, and merged with the annotators who have them.
    NotInEvery,
    /// the text has {n} characters
    TextHas,
    /// {file}: offsets were read as {unit} because {why}; {n} documents contain characters outside the Basic Multilingual Plane (such as emoji), where code points and UTF-16 units differ
    OffsetsReadAs,
    /// {file}: {n} duplicate spans (same range and label) are each shown once, and written once when their document is edited
    DuplicatesDropped,
    /// {file}: {n} spans start or end inside a character …: {spans}
    SpansSplitCharacters,
    /// {n} files could not be loaded; each one's reason is listed
    FilesRefused,
    /// {n} documents were not loaded: this tab is read-only (the workspace is in use in another tab). Load the files there.
    ImportReadOnly,
    /// {n} span notes
    SpanNotes,
    /// {n} entity ids
    EntityIds,
    /// {file}: {n} relations are not shown (Wasim edits spans only); an export to doccano writes them back
    RelationsNotShown,
    /// {format}: {n} relations were left out because an entity they link was deleted ({documents})
    RelationsDropped,
    /// {file}: {n} records answered "reject" or "ignore" in Prodigy were skipped
    ProdigySkipped,
    /// {file}: in {n} spans token_start/token_end disagree with start/end; start/end were used
    TokensDisagree,
    /// {file}: {n} predicted spans were imported from tasks without annotations; an export to Label Studio keeps the predictions as they were and writes edited spans as a new annotation
    PredictedSpans,
    /// {file}: {n} tasks have annotations and predictions: the annotations' spans are shown, not the predictions', which an export to Label Studio writes back as they were
    PredictionsNotShown,
    /// {file}: {n} tasks have several annotations; their spans were merged
    MergedTasks,
    /// {file}: {n} results that are not text spans (choices, relations, HTML ranges…) are not shown; an export to Label Studio writes them back
    SkippedResults,
    /// {file}: {n} discontinuous entities are shown as one span per fragment, sharing a note; brat export writes each back as one entity while its fragments keep one label
    BratDiscontinuous,
    /// {file}: {n} deleted spans kept as entities because relations, events, attributes, normalizations or equivalences point at them ({ids})
    BratKeptDeleted,
    /// {file}: spans use {n} labels the file does not define, added: {labels}
    WasimUndefinedLabels,
    /// {file}: {n} labels that are not in the set and that no span carries were removed: {labels} (Undo brings them back)
    LabelSetRemoved,
    /// {file}: {n} labels that are not in the set are kept, as spans carry them: {labels}
    LabelSetKept,
    /// {n} earlier errors and warnings no longer show here; they are in the past messages (the bell)
    PushedOff,
    /// {n} documents' texts were split into tokens for CoNLL; importing the file again gives the tokens joined by single spaces and line breaks, not the same texts: {names}
    ConllRetokenized,
    /// {n} documents hold links between spans read from their files (relations, events, attributes, normalizations), which the {format} export does not write; Wasim JSON and an export to each file's own format keep them
    LinksLeftOut,
    /// {file}: {n} discontinuous entities were split, as their fragments now carry different labels: in each, the fragments that kept its type (or else its first remaining fragment's label) keep its ID, which relations and notes point at; the others get new IDs ({ids})
    BratSplit,
    /// {n} notes had line breaks or tabs, written as spaces
    FlattenedNotes,
    /// {n} bytes
    Bytes,
    /// the archive has {n} entries; Wasim reads at most {max} from one archive
    ZipTooMany,
    /// {file}: {n} entities do not start with a proper tag ({lines}); {repair}
    IrregularStarts,
    /// {file}: {n} tags have unusual characters in their type ({lines}); the type was kept as the label, check for a typo
    UnusualTags,
    /// {file}: {n} tag columns were read as nested entity layers ({name} tags)
    NestedLayers,
    /// this line has {n} columns, but the tags start at column {column} in the other lines
    ConllColumns,
    /// {file}: {n} columns between the token and the tags (such as POS tags) are not shown; a CoNLL export writes them back as they were
    ConllSkipped,
    /// {n} characters
    Characters,
    /// Exact-span F1 per label, mean over {n} pairs
    ChartTitle,
    /// {n} saved changes could not be applied ({why}); they are kept aside in storage, not lost.
    SetAside,
    /// {n} undo steps could not be read back; older steps are gone, your work is not.
    UndoStepsLost,
    /// {format} has no place for who proposed a span or whether it was accepted: left out of {n} spans (Wasim JSON keeps them)
    TeamDataDropped,
    /// {format} has no field for who proposed a span or whether it was accepted: {n} spans carry it in their note ("annotators: …; accepted")
    TeamDataInNotes,
    /// {format} has no place for span notes: the notes of {n} spans were left out
    NotesLeftOut,
    /// {format} has no place for entity ids: the ids of {n} spans were left out
    IdsLeftOut,
    /// Added {n} labels. Ctrl+Z undoes this.
    LabelsAdded,
    /// {n} disagreements are still open (in {documents}): their candidates are written as they are, undecided.
    OpenExported,
    /// The {n} team documents of these files are already in the workspace, with their decisions: nothing added.
    AlreadyMerged,
    /// {n} were already in the workspace and are kept as they are, with their decisions.
    MergedKept,
}

impl Key {
    /// Every key (for the tests).
    pub const ALL: [Key; 604] = [
        Key::ListSep,
        Key::LangSwitch,
        Key::Close,
        Key::Cancel,
        Key::Dismiss,
        Key::Remove,
        Key::Delete,
        Key::Add,
        Key::NameWithError,
        Key::TwoSentences,
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
        Key::HkShiftLabelKey,
        Key::HkShiftLabelKeyWhat,
        Key::HkArrowsWhat,
        Key::HkCtrlArrowsWhat,
        Key::HkShiftArrowsWhat,
        Key::HkHomeEndWhat,
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
        Key::UpdateStalled,
        Key::Reload,
        Key::Annotator,
        Key::AnnotatorPlaceholder,
        Key::YourName,
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
        Key::ResizeDocumentsPanel,
        Key::ResizeSpanPanel,
        Key::ResizeHint,
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
        Key::NameOf,
        Key::DescriptionOf,
        Key::HotkeyOf,
        Key::MoveUpNamed,
        Key::MoveDownNamed,
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
        Key::Searching,
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
        Key::SpanAcrossParagraphs,
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
        Key::SavedReadOnly,
        Key::PanicBanner,
        Key::TryNow,
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
        Key::EditingEntityId,
        Key::EmptyText,
        Key::ReadAsUtf16,
        Key::DoneNamed,
        Key::LoadedAgain,
        Key::Accepting,
        Key::Unaccepting,
        Key::MarkingDone,
        Key::MarkingNotDone,
        Key::ChangesIn,
        Key::ChangesOnly,
        Key::LabelSetChange,
        Key::NamingAnnotator,
        Key::RenamingLabel,
        Key::DeletingLabel,
        Key::NotChanged,
        Key::RegexUnclosedGroup,
        Key::RegexUnopenedGroup,
        Key::RegexUnclosedClass,
        Key::RegexClassRange,
        Key::RegexEscape,
        Key::RegexNothingToRepeat,
        Key::RegexLookAround,
        Key::RegexBackreference,
        Key::RegexUnicodeClass,
        Key::RegexRepetitionRange,
        Key::RegexRepetitionUnclosed,
        Key::RegexHex,
        Key::RegexClassSet,
        Key::RegexFlag,
        Key::RegexGroupName,
        Key::RegexTrailingBackslash,
        Key::RegexNesting,
        Key::RegexClassRangeEnds,
        Key::RegexTooBig,
        Key::LoadingDocuments,
        Key::LoadingDocument,
        Key::RemovingDocument,
        Key::NamedSpan,
        Key::RemovingDocuments,
        Key::ImportingWorkspace,
        Key::AddingMergedDocuments,
        Key::AChange,
        Key::LoadToStart,
        Key::AndMoreDetails,
        Key::NamesNoAnnotator,
        Key::AnEarlierFile,
        Key::TwoFiles,
        Key::SameFileNameTwice,
        Key::SameWorkTwice,
        Key::SameSpansKept,
        Key::LabelHasNot,
        Key::LabelsDiffer,
        Key::WhoFile,
        Key::InNotIn,
        Key::OneNameTwoTexts,
        Key::NothingInCommon,
        Key::NoneInEvery,
        Key::HoldsNoDocument,
        Key::ReadWithWarnings,
        Key::NobodyNamed,
        Key::HoldsWorkOf,
        Key::SameTextTwice,
        Key::RepeatsText,
        Key::Respaced,
        Key::PlacedOn,
        Key::UnsavedDownloaded,
        Key::CannotPlace,
        Key::JsonAt,
        Key::JsonEofList,
        Key::JsonEofObject,
        Key::JsonEofString,
        Key::JsonEofValue,
        Key::JsonExpectedColon,
        Key::JsonExpectedListEnd,
        Key::JsonExpectedObjectEnd,
        Key::JsonExpectedIdent,
        Key::JsonExpectedValue,
        Key::JsonExpectedQuote,
        Key::JsonInvalidEscape,
        Key::JsonInvalidNumber,
        Key::JsonNumberOutOfRange,
        Key::JsonInvalidUnicode,
        Key::JsonControlCharacter,
        Key::JsonKeyMustBeString,
        Key::JsonInvalidKey,
        Key::JsonTrailingComma,
        Key::JsonTrailingCharacters,
        Key::JsonTooDeep,
        Key::JsonMissingField,
        Key::JsonDuplicateField,
        Key::JsonInvalidType,
        Key::JsonInvalidValue,
        Key::JsonUnknownVariant,
        Key::Verbatim,
        Key::JsonFoundBoolean,
        Key::JsonFoundInteger,
        Key::JsonFoundFloat,
        Key::JsonFoundString,
        Key::JsonFoundNull,
        Key::JsonFoundList,
        Key::JsonFoundObject,
        Key::JsonWantString,
        Key::JsonWantBoolean,
        Key::JsonWantList,
        Key::JsonWantObject,
        Key::JsonWantCharacter,
        Key::JsonWantWholeNumber,
        Key::JsonWantNumber,
        Key::BinaryFile,
        Key::NotUtf8,
        Key::CutShort,
        Key::ReadByContent,
        Key::OfflineFailed,
        Key::Later,
        Key::PlainHttp,
        Key::SpacyTokensSplit,
        Key::NamedAlike,
        Key::BratFilesRenamed,
        Key::CannotLoadFile,
        Key::InArchive,
        Key::InvalidJson,
        Key::NoPlace,
        Key::PlaceRecord,
        Key::MustBeOffset,
        Key::UnitCodePoints,
        Key::UnitUtf16,
        Key::ReasonTextsMatch,
        Key::ReasonInside,
        Key::ReasonBoundaries,
        Key::ReasonEitherWay,
        Key::Range,
        Key::SpanSplitsCharacter,
        Key::SpanEmpty,
        Key::SpanPastEnd,
        Key::SpanEmptyLabel,
        Key::SpanTextDiffers,
        Key::NoPlaceForExtras,
        Key::ReasonFileSays,
        Key::PlaceEntity,
        Key::PlaceLabel,
        Key::MustBeList,
        Key::MustBeString,
        Key::DoccanoNoRecords,
        Key::DoccanoNotObject,
        Key::DoccanoNoText,
        Key::DoccanoLabelList,
        Key::DoccanoBadTriple,
        Key::DoccanoClassification,
        Key::ReasonSpacy,
        Key::PlaceSpan,
        Key::SpacyNoRecords,
        Key::SpacyNotObject,
        Key::SpacyNoText,
        Key::SpacySpansList,
        Key::SpacySpanNotObject,
        Key::SpacyNoParagraphs,
        Key::SpacyNoSentences,
        Key::SpacyNoTokens,
        Key::SpacyNoOrth,
        Key::LsNoTasks,
        Key::PlaceTask,
        Key::PlaceAnnotation,
        Key::PlacePrediction,
        Key::PlaceResult,
        Key::PlaceRegion,
        Key::PlaceField,
        Key::LsNotTask,
        Key::LsNoText,
        Key::LsNoData,
        Key::LsLabels,
        Key::BratNeedsText,
        Key::BratExpected,
        Key::BratConfLabels,
        Key::BratConfLabelsMore,
        Key::BratConfNoEntities,
        Key::BratConfNotUsed,
        Key::BratConfsDiffer,
        Key::BratConfsLeftOut,
        Key::BratConfDeclared,
        Key::NothingNew,
        Key::BratKeptLines,
        Key::WasimUnknownFields,
        Key::FieldOfFile,
        Key::FieldOfLabels,
        Key::FieldOfDocuments,
        Key::FieldOfSpans,
        Key::BratDuplicateIds,
        Key::BratTextsRefit,
        Key::BratRenamed,
        Key::ArchiveNotWritten,
        Key::BratExpectedT,
        Key::BratEmptyType,
        Key::BratNotOffsets,
        Key::BratRangeEmpty,
        Key::BratRangePastEnd,
        Key::BratTextDiffers,
        Key::ZipNoEnd,
        Key::ZipMalformedEnd,
        Key::ZipMalformedEnd64,
        Key::ZipNotZip,
        Key::ZipBadEntry,
        Key::ZipLocalHeader,
        Key::ZipEndsInside,
        Key::ZipTooBig,
        Key::ZipCorrupt,
        Key::ZipShort,
        Key::ZipChecksum,
        Key::ZipEncrypted,
        Key::ZipMethod,
        Key::ZipPastLimit,
        Key::ZipNameTooLong,
        Key::ZipNameOutside,
        Key::ZipEntryTooBig,
        Key::ZipArchiveTooBig,
        Key::Unrecognized,
        Key::NestedArchive,
        Key::EmptyArchive,
        Key::EmptyFile,
        Key::TokenCut,
        Key::InColumn,
        Key::NotATag,
        Key::LineTag,
        Key::RepairBioes,
        Key::RepairIob,
        Key::ConllNoTag,
        Key::ConllPipe,
        Key::ConllNoTokens,
        Key::ConllSplitAgain,
        Key::ConllLayoutUnreadable,
        Key::ConllTextChanged,
        Key::ConllInsideToken,
        Key::ConllColumnAdded,
        Key::ConllCrossesSentence,
        Key::ConllLabelWritten,
        Key::ConllOverlaps,
        Key::ConllNoToken,
        Key::CannotReadFile,
        Key::WasimUnknownFormat,
        Key::WasimNoFormat,
        Key::WasimVersion,
        Key::WasimInvalid,
        Key::WasimOpen,
        Key::WasimSpanOutside,
        Key::WasimSpanEmpty,
        Key::WasimSpanNoLabel,
        Key::WasimSpanText,
        Key::KeyReserved,
        Key::KeyUntypable,
        Key::KeyTaken,
        Key::KeyNotOneCharacter,
        Key::ColourRepaired,
        Key::HotkeyDropped,
        Key::LabelEmptyName,
        Key::LabelTwice,
        Key::LabelDirectionControl,
        Key::HotkeyTwice,
        Key::HotkeyRefused,
        Key::NotAColour,
        Key::NotALabelSet,
        Key::NoLabels,
        Key::InvalidLabelSet,
        Key::SpanOutsideText,
        Key::SpanUnknownLabel,
        Key::SpansUnsorted,
        Key::SavedWorkspace,
        Key::NoSuchDocument,
        Key::NoSuchSpan,
        Key::NoSuchLabel,
        Key::BadRange,
        Key::DuplicateSpan,
        Key::LabelStillUsed,
        Key::SpanNoLabel,
        Key::SavedNoWorkspace,
        Key::SavedRecordUnreadable,
        Key::SavedLayout,
        Key::SavedDocMissing,
        Key::SavedDocUnreadable,
        Key::SavedDocMismatch,
        Key::SavedTextMissing,
        Key::EntryUnreadable,
        Key::EntryTextMissing,
        Key::EntryDuplicateDocument,
        Key::EntryDuplicateSpanId,
        Key::V1Unreadable,
        Key::V1HistoryLost,
        Key::StorageFull,
        Key::StorageDisk,
        Key::SavedWorkGone,
        Key::NoIndexedDb,
        Key::StorageUnknown,
        Key::NoWebLocks,
        Key::BrowserCouldNotRead,
        Key::NoDownloadLink,
        Key::StorageNotOpen,
        Key::AsImported,
        Key::InvalidRegex,
        Key::WebAnnotationExportOnly,
    ];
}

impl Counted {
    /// Every counted key (for the tests).
    pub const ALL: [Counted; 71] = [
        Counted::SpansCarry,
        Counted::DocumentsOf,
        Counted::Documents,
        Counted::InDocuments,
        Counted::Annotators,
        Counted::Tokens,
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
        Counted::ReplacedWorkspace,
        Counted::Tagged,
        Counted::TeamHas,
        Counted::AcceptedGroups,
        Counted::AgreeAtLeast,
        Counted::AgreeAtLeastOrAll,
        Counted::AndMore,
        Counted::Changes,
        Counted::NotInEvery,
        Counted::TextHas,
        Counted::OffsetsReadAs,
        Counted::DuplicatesDropped,
        Counted::SpansSplitCharacters,
        Counted::FilesRefused,
        Counted::ImportReadOnly,
        Counted::SpanNotes,
        Counted::EntityIds,
        Counted::RelationsNotShown,
        Counted::RelationsDropped,
        Counted::ProdigySkipped,
        Counted::TokensDisagree,
        Counted::PredictedSpans,
        Counted::PredictionsNotShown,
        Counted::MergedTasks,
        Counted::SkippedResults,
        Counted::BratDiscontinuous,
        Counted::BratKeptDeleted,
        Counted::WasimUndefinedLabels,
        Counted::LabelSetRemoved,
        Counted::LabelSetKept,
        Counted::PushedOff,
        Counted::ConllRetokenized,
        Counted::LinksLeftOut,
        Counted::BratSplit,
        Counted::FlattenedNotes,
        Counted::Bytes,
        Counted::ZipTooMany,
        Counted::IrregularStarts,
        Counted::UnusualTags,
        Counted::NestedLayers,
        Counted::ConllColumns,
        Counted::ConllSkipped,
        Counted::Characters,
        Counted::ChartTitle,
        Counted::SetAside,
        Counted::UndoStepsLost,
        Counted::TeamDataDropped,
        Counted::TeamDataInNotes,
        Counted::NotesLeftOut,
        Counted::IdsLeftOut,
        Counted::LabelsAdded,
        Counted::OpenExported,
        Counted::AlreadyMerged,
        Counted::MergedKept,
    ];
}
