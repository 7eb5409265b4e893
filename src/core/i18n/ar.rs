//! The Arabic catalogue: every [`Key`] and [`Counted`] message.

use super::{Counted, Key, Plural};

/// The Arabic text of `key`.
pub fn text(key: Key) -> &'static str {
    match key {
        Key::ListSep => "،",
        Key::LangSwitch => "لغة الواجهة",
        Key::Close => "إغلاق",
        Key::Cancel => "إلغاء",
        Key::Dismiss => "إخفاء",
        Key::Remove => "إزالة",
        Key::Delete => "حذف",
        Key::Add => "إضافة",
        Key::NameWithError => "{name}: {error}",
        Key::TwoSentences => "{first} {second}",
        Key::OpeningSaved => "جارٍ فتح العمل المحفوظ…",
        Key::DocumentsAndLabels => "المستندات والوسوم",
        Key::DocumentsHeading => "المستندات",
        Key::DocumentRegion => "المستند",
        Key::Details => "التفاصيل",
        Key::DropToLoad => "أفلت الملفات لتحميلها",
        Key::OlderTab => {
            "واسم مفتوح في لسان آخر بإصدار أقدم؛ أغلق ذلك اللسان (أو أعد تحميله) لتفتح عملك هنا."
        }
        Key::TakeOverFailed => "تعذّر نقل مساحة العمل إلى هنا: {error}",
        Key::BrandTitle => "واسم — الذي يَسِم",
        Key::OpenFilesButton => "فتح ملفات…",
        Key::OpenFiles => "فتح ملفات",
        Key::Labels => "الوسوم",
        Key::Undo => "تراجع",
        Key::UndoTitle => "تراجع (Ctrl+Z)",
        Key::Redo => "إعادة",
        Key::RedoTitle => "إعادة (Ctrl+Shift+Z، Ctrl+Y)",
        Key::PreciseTitle => {
            "معطّل: التحديد يلتقط كلمات كاملة. مفعّل: أحرف بعينها (أو اضغط Alt أثناء التحديد)."
        }
        Key::ExactCharacters => "أحرف بعينها",
        Key::SnapToWords => "كلمات كاملة",
        Key::AdjudicateTitle => "إظهار لوحة التحكيم أو إخفاؤها (] و[ تتنقّلان بين الخلافات)",
        Key::Adjudicate => "تحكيم",
        Key::ExportJson => "تصدير JSON",
        Key::KeyboardShortcuts => "اختصارات لوحة المفاتيح",
        Key::ShortcutsTitle => "الاختصارات (?)",
        Key::HkMouse => "السحب بالفأرة",
        Key::HkMouseWhat => {
            "حدّد نصًّا؛ يلتقط كلمات كاملة (اضغط Alt، أو فعّل «أحرف بعينها»، لتحديد أحرف)"
        }
        Key::HkLabelKey => "1 – 9، أو مفتاح الوسم",
        Key::HkLabelKeyWhat => "وسم التحديد، أو تغيير وسم المقطع المحدد",
        Key::HkArrowsWhat => {
            "تحريك مؤشر لوحة المفاتيح كلمةً كلمة (في النص من اليمين إلى اليسار يتقدّم ←)"
        }
        Key::HkCtrlArrowsWhat => "التحريك حرفًا حرفًا",
        Key::HkShiftArrowsWhat => "توسيع التحديد",
        Key::HkTabWhat => "المقطع التالي / السابق (في النص؛ بعد آخرها، العنصر التالي)",
        Key::HkUpDownWhat => "الاختيار بين المقاطع المتداخلة هنا (الخارجي / الداخلي)",
        Key::HkClick => "النقر على مقطع ملوّن",
        Key::HkClickWhat => "تحديد ذلك المقطع",
        Key::HkDeleteWhat => "حذف المقطع المحدد",
        Key::HkEscWhat => "إلغاء التحديد",
        Key::HkSearchWhat => {
            "البحث في النص ببحث واسم (يرى المستند كله؛ بحث المتصفح لا يرى إلا المعروض)"
        }
        Key::HkBracketsWhat => "التحكيم: الخلاف التالي / السابق (عبر المستندات)؛ يُحدَّد ويُعرض",
        Key::HkEnterWhat => {
            "التحكيم: قبول المرشحين المختارين، أو المحدد منهم؛ ويُزال الباقون في ذلك الموضع"
        }
        Key::HkSpaceWhat => {
            "التحكيم: اختيار المرشح المحدد (أو التراجع عنه)، لقبول عدة مرشحين بـ Enter"
        }
        Key::HkAltDigitsWhat => "التحكيم: قبول نسخة الواسم الأول إلى التاسع في هذا الموضع",
        Key::HkAltZeroWhat => "التحكيم: رفض الكل (إزالة كل المرشحين هنا)",
        Key::HkAltEnterWhat => {
            "التحكيم: القبول، في كل مستند فريق، لكل موضع يتفق فيه النصاب المختار (الجميع، ما لم تقل اللوحة غير ذلك)"
        }
        Key::HkAsAnnotating => "مفتاح الوسم، Delete، Tab، ↑ ↓ …",
        Key::HkAsAnnotatingWhat => "التحكيم: كما في الوسم (عدّل مرشحًا، ثم يقبله Enter)",
        Key::HkHelpWhat => "إظهار هذه الورقة أو إخفاؤها",
        Key::HkDrop => "إفلات الملفات",
        Key::HkDropWhat => "تحميل ملفات ‎.txt أو استيراد وسوم",
        Key::HelpNoFire => "لا تعمل الاختصارات أثناء الكتابة في حقل نصي.",
        Key::HelpDemo => {
            "المستند التجريبي جولة قصيرة. تحميل ملف يُبعده؛ ولا يُحسب أبدًا ولا يُصدَّر مع مستنداتك."
        }
        Key::ShowDemo => "إظهار المستند التجريبي",
        Key::HelpKeyCol => "المفاتيح",
        Key::HelpWhatCol => "الوظيفة",
        Key::ExportFailed => "فشل التصدير: {error}",
        Key::NothingToExport => "لا يوجد مستند لتصديره.",
        Key::ExportTo => "التصدير إلى {format}",
        Key::ExportFormat => "صيغة التصدير",
        Key::WhatToExport => "ما يُصدَّر",
        Key::AllDocuments => "كل المستندات",
        Key::OpenDocument => "المستند المفتوح",
        Key::LsConfigTitle => "إعداد الوسم للصقه في مشروع Label Studio",
        Key::LsConfig => "إعداد الوسم",
        Key::TagScheme => "نظام الوسوم",
        Key::Export => "تصدير",
        Key::Utf16Offsets => "UTF-16 (واجهة doccano على الويب)",
        Key::Opening => "جارٍ الفتح…",
        Key::ReadingSaved => "قراءة العمل المحفوظ",
        Key::ReadOnly => "للقراءة فقط",
        Key::ReadOnlyTitle => "لسان آخر يحرّر مساحة العمل هذه؛ هذا اللسان لا يحفظ.",
        Key::NotSaved => "غير محفوظ",
        Key::NotSavedTitle => "غير محفوظ: {why}. عملك باقٍ في هذا اللسان؛ صدّره احتياطًا.",
        Key::Saving => "جارٍ الحفظ…",
        Key::SavingTitle => "كتابة آخر تغييراتك في تخزين هذا المتصفح",
        Key::Saved => "محفوظ",
        Key::SavedTitle => "كل تغيير محفوظ في هذا المتصفح",
        Key::UpdateReady => "إصدار جديد من واسم جاهز.",
        Key::Reload => "إعادة التحميل",
        Key::Annotator => "الواسم",
        Key::AnnotatorPlaceholder => "اسمك (يُحفظ في التصديرات)",
        Key::UseItHere => "استخدمه هنا",
        Key::MessagesCount => "الرسائل ({n})",
        Key::PastMessages => "الرسائل السابقة",
        Key::Messages => "الرسائل",
        Key::NoMessages => "لا رسائل بعد.",
        Key::ReadingSettings => "إعدادات القراءة",
        Key::ReadingSettingsTitle => "إعدادات القراءة: حجم النص وارتفاع السطر",
        Key::TextSize => "حجم النص",
        Key::LineHeight => "ارتفاع السطر",
        Key::Px => "{n} بكسل",
        Key::DefaultSize => "الحجم الافتراضي",
        Key::HideDocumentsPanel => "إخفاء لوحة المستندات",
        Key::ShowDocumentsPanel => "إظهار لوحة المستندات",
        Key::HideSpanPanel => "إخفاء لوحة المقاطع",
        Key::ShowSpanPanel => "إظهار لوحة المقاطع",
        Key::DocumentsDone => "المستندات المنجزة",
        Key::DoneOfTotal => "أُنجز {done} من {total}",
        Key::FilterByName => "تصفية بالاسم…",
        Key::FilterDocuments => "تصفية المستندات بالاسم",
        Key::Done => "منجز",
        Key::MarkDone => "تعليم كمنجز",
        Key::SearchMatches => "نتائج البحث",
        Key::RemoveDocument => "إزالة المستند",
        Key::LabelCount => "{label}: {n}",
        Key::NewLabelName => "اسم وسم جديد",
        Key::ExportLabels => "تصدير الوسوم",
        Key::ImportLabels => "استيراد الوسوم",
        Key::LabelSet => "مجموعة الوسوم",
        Key::ColourLightened => {
            "فُتِّح اللون {value} إلى {readable} ليبقى النص عليه مقروءًا (WCAG AA)."
        }
        Key::RelabelThem => "تغيير وسمها إلى {label}",
        Key::ColourOf => "لون {name}",
        Key::Name => "الاسم",
        Key::HotkeyOf => "مفتاح {name}",
        Key::MoveUp => "نقل إلى الأعلى",
        Key::MoveDown => "نقل إلى الأسفل",
        Key::DeleteNamed => "حذف {name}",
        Key::Description => "الوصف",
        Key::WhatToDoWithSpans => "ما يُفعل بمقاطعه",
        Key::DeleteThem => "حذفها",
        Key::DeleteLabel => "حذف الوسم",
        Key::Entities => "الكيانات",
        Key::Filter => "تصفية…",
        Key::FilterEntities => "تصفية الكيانات",
        Key::HasNote => "له ملاحظة",
        Key::Corpus => "المدوّنة",
        Key::SelectedSpan => "المقطع المحدد",
        Key::Label => "الوسم",
        Key::Note => "ملاحظة",
        Key::EntityId => "معرّف الكيان",
        Key::EntityIdPlaceholder => "مثلًا Q1234 (ويكي بيانات)",
        Key::TagAllLikeTitle => "وسم كل مواضع هذا النص الأخرى بهذا الوسم",
        Key::TagAllOccurrences => "وسم كل المواضع",
        Key::SpanName => "{label}: {text}",
        Key::SearchPlaceholder => "ابحث… Search",
        Key::Search => "بحث",
        Key::SearchHelp => "ينتقل Enter وShift+Enter إلى النتيجة التالية والسابقة.",
        Key::WhereToSearch => "أين يُبحث",
        Key::ThisDocument => "هذا المستند",
        Key::IgnoreTashkeel => "تجاهل التشكيل",
        Key::FoldLetters => "أ=ا ى=ي ة=ه",
        Key::WholeWord => "كلمة كاملة",
        Key::AllowProclitics => "السماح بـ و ف ب ك ل",
        Key::Regex => "تعبير نمطي",
        Key::LabelForTagAll => "الوسم لـ«وسم الكل»",
        Key::TagThem => "وسمها",
        Key::TagAll => "وسم الكل…",
        Key::MatchesInAll => "النتائج في كل المستندات",
        Key::MatchesInThis => "النتائج في هذا المستند",
        Key::ReadingFiles => "قراءة الملفات",
        Key::ReadingDocuments => "قراءة المستندات",
        Key::AddingToWorkspace => "إضافتها إلى مساحة العمل",
        Key::Import => "الاستيراد",
        Key::Progress => "{what}: {value}٪",
        Key::Percent => "{value}٪",
        Key::Ellipsis => "{what}…",
        Key::TextOf => "نص {name}",
        Key::AddedWhileAdjudicating => "أُضيف أثناء التحكيم",
        Key::ProposedBy => "اقترحه {who}",
        Key::Accepted => "مقبول",
        Key::Pending => "معلّق",
        Key::Chosen => "مختار",
        Key::TeamTitle => "{label} — {who} — {state}",
        Key::StatusOpen => "يختلف الواسمون هنا.",
        Key::StatusAgreed => "الجميع متفقون هنا؛ لم يُقبل بعد.",
        Key::StatusDecided => "حُسم.",
        Key::AcceptVersionTitle => "قبول نسخة {name} في هذا الموضع؛ ويُزال المرشحون الآخرون",
        Key::Version => "نسخة {name}",
        Key::AcceptSelected => "قبول المحدد",
        Key::AcceptChosen => "قبول المختار",
        Key::Candidates => "المرشحون",
        Key::ChooseTitle => "إضافة المرشح المحدد إلى ما يُقبل، أو إخراجه منه",
        Key::Choose => "اختيار",
        Key::AcceptTitle => "قبول المرشحين المختارين (أو المحدد) وإزالة الآخرين",
        Key::NoneTitle => "رفض الكل: إزالة كل مرشحي هذا الموضع",
        Key::None => "لا شيء",
        Key::AllAgree => "اتفاق الـ{team} جميعًا",
        Key::SomeAgree => "اتفاق {n} من {team}",
        Key::AcceptAgreed => "قبول المتفق عليه",
        Key::AcceptMajority => "قبول الأغلبية",
        Key::Where => "حيث",
        Key::Quorum => "النصاب",
        Key::QuorumTitle => {
            "في كل مستند فريق: قبول كل موضع يتفق فيه هذا العدد من الواسمين على مقطع واحد ولا ينال منافسه مثله (وكل موضع يتفق عليه الجميع كاملًا)؛ خطوة تراجع واحدة"
        }
        Key::Adjudication => "التحكيم",
        Key::PreviousDisagreement => "الخلاف السابق",
        Key::NextDisagreement => "الخلاف التالي",
        Key::Previous => "السابق",
        Key::Next => "التالي",
        Key::PressNext => "اضغط ] للخلاف التالي، أو حدّد مقطعًا من مستند فريق.",
        Key::NoTeamDocuments => "لا مستندات فريق للتحكيم.",
        Key::TeamTitleButton => "مقارنة ملفات الواسمين والتحكيم",
        Key::Team => "الفريق",
        Key::CouldNotSave => "تعذّر حفظ {name}: {error}",
        Key::RemoveNamed => "إزالة {name}",
        Key::TeamHeading => "الفريق: مقارنة الواسمين",
        Key::CloseEsc => "إغلاق (Esc)",
        Key::TeamIntro => {
            "حمّل تصدير كل واسم (Wasim JSON، أو أي صيغة يستوردها واسم): ملف لكل واسم. تُطابق المستندات بنصّها. لا يتغير شيء في مساحة عملك حتى تحكّم."
        }
        Key::AddAnnotatorsFiles => "إضافة ملفات الواسمين…",
        Key::AddAnnotatorsFilesName => "إضافة ملفات الواسمين",
        Key::Comparing => "جارٍ المقارنة…",
        Key::Annotators => "الواسمون",
        Key::OneMore => "أضف ملف واسم آخر على الأقل للمقارنة.",
        Key::AboutFiles => "عن هذه الملفات",
        Key::MemberLine => "{file} · {documents} · {spans}",
        Key::SaveChartTitle => "الرسم صورةً بصيغة SVG",
        Key::SaveChart => "حفظ الرسم (SVG)",
        Key::SaveCsvTitle => "كل رقم في صف",
        Key::SaveCsv => "حفظ التقرير (CSV)",
        Key::SaveJsonTitle => "كل رقم بدقته الكاملة",
        Key::SaveJson => "حفظ التقرير (JSON)",
        Key::AdjudicateTeamTitle => {
            "إضافة مستند لكل نص، بمقاطع الجميع ومن اقترح كلًّا منها (Ctrl+Z يتراجع عنه)"
        }
        Key::AdjudicateEllipsis => "تحكيم…",
        Key::Merged => "دُمج عمل {names} في {documents} للتحكيم.",
        Key::Agreement => "الاتفاق",
        Key::TeamSummary => "{annotators} واسمين · {documents} في كل الملفات · {tokens} وحدة نصية",
        Key::PairsOfAnnotators => "أزواج الواسمين",
        Key::OnePair => "زوج واحد، وسمًا وسمًا",
        Key::ReferenceToCandidate => "المرجع ← المرشح",
        Key::BoundaryOnlyCount => "خلافات الحدود فقط (الوسم نفسه، متداخلة، بامتداد مختلف): {n}",
        Key::F1PerLabel => "F1 الدقيق لكل وسم",
        Key::DocumentsLeastFirst => "المستندات، الأقل اتفاقًا أولًا",
        Key::Reference => "المرجع",
        Key::Candidate => "المرشح",
        Key::Precision => "الدقة",
        Key::PrecisionTitle => "مقاطع مطابقة: مقاطع المرشح الموجودة عند المرجع",
        Key::Recall => "الاستدعاء",
        Key::RecallTitle => "مقاطع مطابقة: مقاطع المرجع الموجودة عند المرشح",
        Key::PartialF1 => "F1 الجزئي",
        Key::PartialF1Title => "المقاطع المتداخلة تُحسب بالنصف (دون اعتبار الوسوم)",
        Key::Kappa => "κ لكوهين",
        Key::KappaTitle => "على الوحدات النصية: وسم كل وحدة أو O",
        Key::BoundaryOnly => "الحدود فقط",
        Key::BoundaryOnlyTitle => "الوسم نفسه، متداخلة، بامتداد مختلف",
        Key::WholeOn => "كل الواسمين معًا، على",
        Key::WholeTokens => "وحدة نصية: κ لفلايس",
        Key::WholeAlpha => "وα لكريبندورف (اسمي)",
        Key::SpansHeading => "المقاطع",
        Key::Document => "المستند",
        Key::Both => "كلاهما",
        Key::InBoth => "في كليهما",
        Key::CandidateOnly => "المرشح فقط",
        Key::CandidateOnlyTitle => "عند المرشح وحده",
        Key::ReferenceOnly => "المرجع فقط",
        Key::ReferenceOnlyTitle => "عند المرجع وحده",
        Key::AllLabels => "كل الوسوم",
        Key::ConfusionCaption => "الامتداد نفسه: وسم {reference} (الصفوف) ووسم {candidate} (الأعمدة)",
        Key::F1AllPairsTitle => "F1 الدقيق على كل أزواج الواسمين",
        Key::AndMoreInReport => "… و{n} غيرها في التقرير المحفوظ.",
        Key::StorageFailed => {
            "تعذّر حفظ آخر تغييراتك في هذا المتصفح ({why}). هي باقية في هذا اللسان: صدّرها قبل إغلاقه."
        }
        Key::StorageUnavailable => {
            "تعذّر فتح العمل المحفوظ ({why}). تُرك كما هو؛ والتغييرات التي تُجرى الآن لا تُحفظ، فصدّرها قبل إغلاق هذا اللسان."
        }
        Key::Undid => "تم التراجع عن: {what}.",
        Key::Redid => "أُعيد: {what}.",
        Key::LatestUnreadable => "تعذّرت قراءة آخر عمل محفوظ ({error}).",
        Key::NothingToUndo => "لا شيء للتراجع عنه.",
        Key::NothingToRedo => "لا شيء لإعادته.",
        Key::CouldNotLoad => "تعذّر تحميل {file}: {message}",
        Key::CouldNotLoadAt => "تعذّر تحميل {file}، السطر {line}: {message}",
        Key::CouldNotImport => "تعذّر الاستيراد: {error}",
        Key::OpenFirst => "افتح مستندًا أولًا.",
        Key::OnlySpaces => "التحديد مسافات فقط؛ حدّد كلمة.",
        Key::AlreadyTagged => "هذا موسوم بـ{label} من قبل.",
        Key::SelectFirst => "حدّد نصًّا أولًا، أو انقر مقطعًا ملوّنًا لتغيير وسمه.",
        Key::AllTagged => "كل النتائج موسومة من قبل.",
        Key::DemoBack => "عاد المستند التجريبي. لا يُحسب ولا يُصدَّر، وتحميل ملف يُبعده من جديد.",
        Key::SelectSpanFirst => "حدّد مقطعًا أولًا.",
        Key::LastChangeLost => {
            "لم يُحفظ آخر تغيير لك هنا: سبقك لسان آخر إلى مساحة العمل. هذا اللسان الآن للقراءة فقط ويعرض العمل المحفوظ."
        }
        Key::DocumentRemoved => "أُزيل المستند. Ctrl+Z يعيده.",
        Key::ReadOnlyTab => "مساحة العمل هذه مفتوحة في لسان آخر؛ هذا اللسان للقراءة فقط.",
        Key::NoLocks => {
            "لا يستطيع هذا المتصفح التنسيق بين الألسنة (لا Web Locks): إن فُتح واسم في لسانين فآخرهما حفظًا هو الغالب. أبقِه مفتوحًا في لسان واحد."
        }
        Key::TakenOver => {
            "مساحة العمل مفتوحة الآن في لسان آخر؛ هذا اللسان للقراءة فقط ويعرض آخر ما حُفظ."
        }
        Key::TookOver => "هذا اللسان هو الآن الذي يحرّر مساحة العمل؛ ويعرض كل ما حُفظ حتى الآن.",
        Key::NoGroup => "حدّد مرشحًا أولًا: ] ينتقل إلى الخلاف التالي.",
        Key::NothingToAdjudicate => "لا شيء للتحكيم: لا مستند يضم عمل عدة واسمين.",
        Key::NoDisagreementsLeft => "لا خلافات متبقية.",
        Key::AllDecided => "حُسم كل خلاف.",
        Key::NothingToAccept => {
            "لا شيء للقبول: لا مجموعة غير محسومة فيها مقطع واحد يتفق عليه {k} واسمين أو أكثر وحده."
        }
        Key::OnDocument => "{what} في {name}",
        Key::RemovedDocument => "مستند محذوف",
        Key::Tagging => "وسم",
        Key::Deleting => "حذف",
        Key::Relabelling => "تغيير وسم",
        Key::AsLabel => "إلى {label}",
        Key::EditingNote => "تحرير ملاحظة",
        Key::Accepting => "قبول",
        Key::Unaccepting => "إلغاء قبول",
        Key::MarkingDone => "تعليم كمنجز",
        Key::MarkingNotDone => "إلغاء تعليم الإنجاز",
        Key::ChangesIn => "{what} ({changes} في {documents})",
        Key::ChangesOnly => "{what} ({changes})",
        Key::LabelSetChange => "تغيير مجموعة الوسوم",
        Key::NamingAnnotator => "تسمية الواسم",
        Key::RenamingLabel => "إعادة تسمية وسم",
        Key::LoadingDocuments => "تحميل مستندات",
        Key::RemovingDocuments => "إزالة مستندات",
        Key::ImportingWorkspace => "استيراد مساحة عمل",
        Key::AChange => "تغيير",
        Key::LoadToStart => "حمّل ملف ‎.txt للبدء.",
        Key::AndMoreDetails => "… و{n} غيرها.",
        Key::NamesNoAnnotator => "{file} لا يسمّي واسمًا: يُسمّى عمله «{name}».",
        Key::AnEarlierFile => "ملف سابق",
        Key::TwoFiles => {
            "«{base}» واسمُ ملفين ({first} و{second}): يُسمّى الثاني «{name}»، ويُقارن كلاهما."
        }
        Key::LabelHasNot => "{label}: {with}؛ لا {without}",
        Key::LabelsDiffer => "تختلف وسوم الواسمين: الوسم الذي ينقص أحدهم يُحسب خلافًا.",
        Key::WhoFile => "{file} ({name})",
        Key::InNotIn => "«{name}»: في {with}؛ لا في {without}",
        Key::NothingInCommon => {
            "{who} لا يشترك في أي مستند مع الملفات الأخرى: أهي وسوم للنصوص نفسها؟"
        }
        Key::NoneInEvery => "لا مستند في كل الملفات، فلا شيء للمقارنة.",
        Key::HoldsNoDocument => "{file} لا يضم أي مستند: لا يُقارن.",
        Key::ReadWithWarnings => "قُرئ {file} مع تحذيرات.",
        Key::NobodyNamed => "بلا اسم ({stem})",
        Key::HoldsWorkOf => "{file} يضم عمل {who}: يُقارن كلٌّ منهم واسمًا واحدًا.",
        Key::SameTextTwice => "{file} يعطي النص نفسه أكثر من مرة: لا يُقارن ويُدمج إلا أولها.",
        Key::RepeatsText => "«{name}» يكرر نص «{first}»",
        Key::JsonAt => "{what} (السطر {line}، العمود {column})",
        Key::JsonEofList => "انتهى الملف قبل أن تُغلق قائمة",
        Key::JsonEofObject => "انتهى الملف قبل أن يُغلق كائن",
        Key::JsonEofString => "انتهى الملف قبل أن يُغلق نص بين علامتي تنصيص",
        Key::JsonEofValue => "انتهى الملف قبل اكتمال قيمة",
        Key::JsonExpectedColon => "كان متوقعًا «:»",
        Key::JsonExpectedListEnd => "كان متوقعًا «,» أو «]»",
        Key::JsonExpectedObjectEnd => "كان متوقعًا «,» أو «}»",
        Key::JsonExpectedIdent => "كلمة غير معروفة (المتوقع true أو false أو null)",
        Key::JsonExpectedValue => "كانت متوقعةً قيمة",
        Key::JsonExpectedQuote => "كانت متوقعةً علامة التنصيص «\"»",
        Key::JsonInvalidEscape => "تهريب غير صالح بعد «\\»",
        Key::JsonInvalidNumber => "عدد غير صالح",
        Key::JsonNumberOutOfRange => "عدد خارج النطاق",
        Key::JsonInvalidUnicode => "نقطة رمزية غير صالحة في يونيكود",
        Key::JsonControlCharacter => "محرف تحكّم (\\u0000-\\u001F) داخل نص بين علامتي تنصيص",
        Key::JsonKeyMustBeString => "يجب أن يكون المفتاح نصًّا بين علامتي تنصيص",
        Key::JsonInvalidKey => "مفتاح غير صالح",
        Key::JsonTrailingComma => "فاصلة زائدة في النهاية",
        Key::JsonTrailingCharacters => "محارف زائدة بعد نهاية القيمة",
        Key::JsonTooDeep => "التداخل أعمق من المسموح",
        Key::JsonMissingField => "الحقل «{field}» مفقود",
        Key::JsonDuplicateField => "الحقل «{field}» مكرر",
        Key::JsonInvalidType => "نوع غير صالح: {found}، والمتوقع {expected}",
        Key::JsonInvalidValue => "قيمة غير صالحة: {found}، والمتوقع {expected}",
        Key::JsonUnknownVariant => "قيمة غير معروفة «{value}»",
        Key::Verbatim => "{text}",
        Key::JsonFoundBoolean => "قيمة منطقية {value}",
        Key::JsonFoundInteger => "عدد صحيح {value}",
        Key::JsonFoundFloat => "عدد عشري {value}",
        Key::JsonFoundString => "نص {value}",
        Key::JsonFoundNull => "قيمة فارغة",
        Key::JsonFoundList => "قائمة",
        Key::JsonFoundObject => "كائن",
        Key::JsonWantString => "نص",
        Key::JsonWantBoolean => "قيمة منطقية",
        Key::JsonWantList => "قائمة",
        Key::JsonWantObject => "كائن",
        Key::JsonWantCharacter => "محرف واحد",
        Key::JsonWantWholeNumber => "عدد صحيح غير سالب",
        Key::JsonWantNumber => "عدد",
        Key::BinaryFile => "يبدو ملفًّا ثنائيًّا لا نصًّا",
        Key::NotUtf8 => {
            "ليس بترميز UTF-8 صالح (أول بايت خاطئ عند الموضع {offset})؛ احفظه بترميز UTF-8 وحاول مجددًا"
        }
        Key::CannotLoadFile => "لا يمكن تحميل هذا الملف: {error}",
        Key::InArchive => "{file} في {archive}",
        Key::InvalidJson => "JSON غير صالح: {error}",
        Key::NoPlace => "",
        Key::PlaceRecord => "السجل {n}: ",
        Key::MustBeOffset => "{place}يجب أن يكون «{key}» عددًا صحيحًا غير سالب",
        Key::UnitCodePoints => "نقاطًا رمزية (كما تعدّها Python)",
        Key::UnitUtf16 => "وحداتِ UTF-16 (كما تعدّها JavaScript)",
        Key::ReasonTextsMatch => "نصوص المقاطع تتطابق بذلك",
        Key::ReasonInside => "المقاطع كلها لا تقع داخل نصوصها إلا بذلك",
        Key::ReasonBoundaries => "المقاطع تقع بذلك على حدود الأحرف والكلمات",
        Key::ReasonEitherWay => "المقاطع تصحّ بالطريقتين",
        Key::Range => "\u{2066}[{start}, {end})\u{2069}",
        Key::SpanSplitsCharacter => "{place}المقطع {range} يقسم حرفًا أو يقع بعد نهاية النص",
        Key::SpanEmpty => "{place}المقطع {range} فارغ أو معكوس ({length})",
        Key::SpanPastEnd => "{place}المقطع {range} يتجاوز نهاية النص ({length})",
        Key::SpanEmptyLabel => "{place}المقطع {range} وسمه فارغ",
        Key::SpanTextDiffers => {
            "{place}المقطع {range} يذكر أن نصه {expected}، لكن في المستند هناك {actual}"
        }
        Key::NoPlaceForExtras => {
            "لا مكان في {format} لملاحظات المقاطع ولا لمعرّفات الكيانات؛ أُسقط منها: {what}"
        }
        Key::ReasonFileSays => "الملف يذكر ذلك («offset_unit»)",
        Key::PlaceEntity => "{place}الكيان {n}: ",
        Key::PlaceLabel => "{place}الوسم {n}: ",
        Key::MustBeList => "{place}يجب أن يكون «{key}» قائمة",
        Key::MustBeString => "{place}يجب أن يكون «{key}» نصًّا",
        Key::DoccanoNoRecords => {
            "لا سجلات في الملف؛ المتوقع سجل \u{2066}{\"text\": …, \"label\": …}\u{2069} في كل سطر"
        }
        Key::DoccanoNotObject => {
            "{place}المتوقع كائن JSON بالشكل \u{2066}{\"text\": …, \"label\": …}\u{2069}"
        }
        Key::DoccanoNoText => {
            "{place}لا حقل «text»؛ المتوقع \u{2066}{\"text\": \"…\", \"label\": [[start, end, \"LABEL\"], …]}\u{2069}"
        }
        Key::DoccanoLabelList => {
            "{place}يجب أن يكون «label» قائمة من \u{2066}[start, end, \"LABEL\"]\u{2069}"
        }
        Key::DoccanoBadTriple => {
            "{place}المتوقع \u{2066}[start, end, \"LABEL\"]\u{2069}، والموجود \u{2066}{item}\u{2069}{hint}"
        }
        Key::DoccanoClassification => " (يبدو هذا وسمَ تصنيفٍ للنص كله؛ واسم يقرأ المقاطع)",
        Key::ReasonSpacy => "spaCy وProdigy يعدّانها كذلك",
        Key::PlaceSpan => "{place}المقطع {n}: ",
        Key::SpacyNoRecords => {
            "لا سجلات في الملف؛ المتوقع سجل \u{2066}{\"text\": …, \"spans\": …}\u{2069} في كل سطر"
        }
        Key::SpacyNotObject => {
            "{place}المتوقع كائن JSON بالشكل \u{2066}{\"text\": …, \"spans\": …}\u{2069}"
        }
        Key::SpacyNoText => {
            "{place}لا حقل «text»؛ المتوقع \u{2066}{\"text\": \"…\", \"spans\": [{\"start\", \"end\", \"label\"}]}\u{2069}"
        }
        Key::SpacySpansList => {
            "{place}يجب أن يكون «spans» قائمة من \u{2066}{\"start\", \"end\", \"label\"}\u{2069}"
        }
        Key::SpacySpanNotObject => "{place}المتوقع \u{2066}{\"start\", \"end\", \"label\"}\u{2069}",
        Key::SpacyNoParagraphs => {
            "المستند {n}: المتوقع \u{2066}\"paragraphs\": [{\"sentences\": [{\"tokens\": […]}]}]\u{2069}"
        }
        Key::SpacyNoSentences => "المستند {n}: فقرة بلا قائمة «sentences»",
        Key::SpacyNoTokens => "المستند {n}: جملة بلا قائمة «tokens»",
        Key::SpacyNoOrth => "المستند {n}: وحدة نصية بلا نص «orth»",
        Key::LsNoTasks => "لا مهام في الملف",
        Key::PlaceTask => "المهمة {n}: ",
        Key::PlaceAnnotation => "{place}التوسيم {n}، ",
        Key::PlacePrediction => "{place}التنبؤ {n}، ",
        Key::PlaceResult => "{place}النتيجة {n}: ",
        Key::PlaceRegion => "{place}المنطقة {n}: ",
        Key::PlaceField => "{place}{key} ",
        Key::LsNotTask => "{place}المتوقع كائن مهمة فيه «data»",
        Key::LsNoText => "{place}لا نص «text» في «data»",
        Key::LsNoData => {
            "{place}المتوقع \u{2066}\"data\": {\"text\": …}\u{2069} (أو «text» في صيغة JSON_MIN)"
        }
        Key::LsLabels => "{place}يجب أن يكون «labels» قائمة بأسماء الوسوم",
        Key::BratNeedsText => "وسوم brat تحتاج إلى نصها: أضف {stem}.txt إلى الاستيراد نفسه",
        Key::BratExpected => {
            "المتوقع ملف \u{200e}.ann من brat (مع ملف \u{200e}.txt الخاص به) أو ملف \u{200e}.zip يضمهما"
        }
        Key::BratKeptLines => {
            "{file}: حُفظت أسطر غير الكيانات والملاحظات ({kinds})؛ لا يعرضها واسم، ويعيد التصدير إلى brat كتابتها"
        }
        Key::BratRenamed => "كُتب الوسم {from} بوصفه النوع {to} في brat (لا تقبل الأنواع المسافات)",
        Key::ArchiveNotWritten => "تعذّرت كتابة الأرشيف: {why}",
        Key::BratExpectedT => "المتوقع \u{2066}T1<TAB>TYPE start end<TAB>text\u{2069}",
        Key::BratEmptyType => "نوع {id} فارغ؛ {expected}",
        Key::BratNotOffsets => "{offsets} ليست مواضع؛ {expected}",
        Key::BratRangeEmpty => "{id}: المدى {range} فارغ أو معكوس ({length})",
        Key::BratRangePastEnd => "{id}: المدى {range} يتجاوز نهاية النص ({length})",
        Key::BratTextDiffers => "{id} يذكر أن نصه {stated}، لكن في {name} هناك {actual}",
        Key::ZipNoEnd => "لا سجل لنهاية الدليل المركزي",
        Key::ZipMalformedEnd => "سجل نهاية الدليل المركزي تالف",
        Key::ZipMalformedEnd64 => "سجل نهاية الدليل المركزي بصيغة ZIP64 تالف",
        Key::ZipNotZip => "ليس أرشيف ZIP، أو أنه تالف ({why})",
        Key::ZipBadEntry => "ليس أرشيف ZIP، أو أنه تالف (المدخل رقم {n} في دليله تالف)",
        Key::ZipLocalHeader => "تتعذّر قراءة {entry}: ترويسته المحلية مفقودة أو تالفة",
        Key::ZipEndsInside => "{entry} تالف: ينتهي الأرشيف في وسطه",
        Key::ZipTooBig => {
            "يُفكّ {entry} إلى أكثر من الحجم الذي يعلنه ({size}): أرشيف تالف أو مؤذٍ، لم يُقرأ"
        }
        Key::ZipCorrupt => "{entry} تالف: بياناته المضغوطة فاسدة",
        Key::ZipShort => "{entry} تالف: يُفكّ إلى {size} لا إلى الحجم الذي يعلنه ({declared})",
        Key::ZipChecksum => "{entry} تالف: مجموعه الاختباري لا يطابق",
        Key::ZipEncrypted => "{entry} مشفّر؛ لا يقرأ واسم الأرشيفات المحمية بكلمة مرور",
        Key::ZipMethod => {
            "{entry} مضغوط بطريقة لا يقرؤها واسم (يقرأ المداخل المخزّنة وتلك المضغوطة بـ deflate): الطريقة {method}"
        }
        Key::ZipPastLimit => {
            "سيُفكّ {entry} إلى {size}، متجاوزًا الحد الذي يقرؤه واسم من أرشيف واحد ({limit})"
        }
        Key::ZipNameTooLong => "لا يمكن إضافة {name} إلى الأرشيف: اسمه طويل جدًّا",
        Key::ZipEntryTooBig => "لا يمكن إضافة {name} إلى الأرشيف: سيتجاوز 4 GiB",
        Key::ZipArchiveTooBig => "لا يمكن إتمام الأرشيف: سيتجاوز 4 GiB",
        Key::Unrecognized => {
            "نوع ملف غير معروف؛ يقرأ واسم ملفات \u{200e}.txt بترميز UTF-8، وتصديراته بصيغة \u{200e}.json، وملفات \u{200e}.jsonl من doccano أو spaCy، وملفات \u{200e}.json من Label Studio، وأزواج \u{200e}.txt و\u{200e}.ann من brat، وملفات \u{200e}.conll/.iob بصيغة CoNLL"
        }
        Key::NestedArchive => "لا تُقرأ الأرشيفات داخل الأرشيفات؛ فكّ ضغطه وأضفه وحده",
        Key::EmptyArchive => "لا يضم الأرشيف أي ملف يقرؤه واسم",
        Key::TokenCut => {
            "المقطع {text} ({label}) يقطع الوحدة النصية {word}، فقُسّمت ليبقى المقطع دقيقًا"
        }
        Key::InColumn => " (العمود {n})",
        Key::NotATag => {
            "{tag}{column} ليس وسمًا؛ المتوقع O، أو B- أو I- أو E- أو S- أو L- أو U- متبوعًا بنوع (مثل B-PER)"
        }
        Key::LineTag => "السطر {line} ({tag})",
        Key::RepairBioes => "وقُرئ كلٌّ منها كيانًا يبدأ هناك",
        Key::RepairIob => {
            "وقُرئ كلٌّ منها كيانًا جديدًا (كأنه B-) وأُرفقت به الملاحظة «CoNLL: began with I-…» ليعيد التصدير بصيغة IOB2 كتابته كما كان"
        }
        Key::ConllNoTag => "في هذا السطر وحدة نصية بلا وسم؛ المتوقع \u{2066}token tag\u{2069}",
        Key::ConllPipe => {
            "المتوقع عناصر \u{2066}word|TAG\u{2069} تفصل بينها مسافات، كما في السطر الأول"
        }
        Key::ConllNoTokens => "لم توجد وحدات نصية؛ المتوقع سطر \u{2066}token tag\u{2069} لكل وحدة",
        Key::ConllSplitAgain => {
            "{name}: {why}؛ فقُسّم إلى وحدات نصية من جديد، وقد تختلف أسطره عن الملف الذي قُرئ منه"
        }
        Key::ConllLayoutUnreadable => "تعذّرت قراءة تخطيطه في CoNLL",
        Key::ConllTextChanged => "لم يعد نصه يطابق ملف CoNLL الذي قُرئ منه",
        Key::ConllInsideToken => {
            "{name}: المقطع {text} ({label}) يبدأ أو ينتهي داخل وحدة نصية، فلا تستوعبه CoNLL؛ لم يُصدَّر"
        }
        Key::ConllCrossesSentence => {
            "{name}: المقطع {text} ({label}) يعبر حدّ جملة، فلا تستوعبه CoNLL؛ لم يُصدَّر"
        }
        Key::ConllLabelWritten => {
            "{name}: كُتب الوسم {label} بالشكل {written} (لا تقبل الوسوم المسافات)"
        }
        Key::ConllOverlaps => {
            "{name}: مقطع {label} يتداخل مع آخر، وأسطر \u{2066}word|TAG\u{2069} هذه لا تحمل إلا وسمًا واحدًا لكل كلمة؛ لم يُصدَّر"
        }
        Key::ConllRetokenized => {
            "{name}: قُسّم نصه إلى وحدات نصية لأجل CoNLL؛ واستيراد الملف ثانيةً يعطي الوحدات موصولة بمسافات مفردة وفواصل أسطر، لا النص نفسه"
        }
        Key::ConllNoToken => "{name}: المقطع {text} ({label}) لا يغطي أي وحدة نصية، ولم يُصدَّر",
        Key::CannotReadFile => "تتعذّر قراءة هذا الملف: {error}",
        Key::WasimUnknownFormat => "صيغة غير معروفة {format}؛ المتوقع «wasim»",
        Key::WasimNoFormat => {
            "صيغة غير معروفة: المتوقع تصدير من واسم فيه \u{2066}\"format\": \"wasim\"\u{2069}"
        }
        Key::WasimVersion => "الإصدار {version} غير مدعوم؛ يقرأ واسم هذا الإصدارات من 1 إلى {latest}",
        Key::WasimInvalid => "ليس ملف واسم صالحًا: {error}",
        Key::WasimOpen => "يسمّي «open» مستندًا ليس في الملف",
        Key::WasimSpanOutside => "المستند {name}، المقطع {range} خارج النص ({length})",
        Key::WasimSpanText => {
            "المستند {name}، المقطع {range}: نصه {stated} لا يطابق المستند، وفيه هناك {actual}"
        }
        Key::KeyReserved => "من اختصارات واسم نفسه",
        Key::KeyUntypable => "لا يمكن كتابته",
        Key::KeyTaken => "لوسم آخر أصلًا",
        Key::KeyNotOneCharacter => "ليس حرفًا واحدًا",
        Key::ColourRepaired => {
            "{origin}: الوسم {label}: اللون {colour} ليس بالشكل \u{2066}#rrggbb\u{2069}؛ استُعمل \u{2066}{fixed}\u{2069} بدلًا منه."
        }
        Key::HotkeyDropped => {
            "{origin}: الوسم {label}: المفتاح {key} {problem}؛ صار الوسم بلا مفتاح."
        }
        Key::LabelEmptyName => "الوسم رقم {n} اسمه فارغ",
        Key::LabelTwice => "الوسم {label} معرّف مرتين",
        Key::HotkeyTwice => "المفتاح {key} مستعمل لوسمين",
        Key::HotkeyRefused => "المفتاح {key} {problem}؛ اختر غيره للوسم {label}",
        Key::NotAColour => "الوسم {label}: {colour} ليس لونًا بالشكل \u{2066}#a1b2c3\u{2069}",
        Key::NotALabelSet => {
            "ليس مجموعة وسوم من واسم (المتوقع \u{2066}\"format\": \"wasim-labels\"\u{2069})"
        }
        Key::NoLabels => "لا «labels» في الملف",
        Key::InvalidLabelSet => "مجموعة وسوم غير صالحة: {error}",
        Key::SpanOutsideText => "المستند {name}: المقطع {range} خارج نصه ({length})",
        Key::SpanUnknownLabel => "المستند {name}: المقطع {range} وسمه {label} غير معروف",
        Key::SpansUnsorted => "المستند {name}: المقاطع غير مرتبة",
        Key::SavedWorkspace => "مساحة العمل المحفوظة",
        Key::NoSuchDocument => "لم يعد ذلك المستند موجودًا",
        Key::NoSuchSpan => "لم يعد ذلك المقطع موجودًا",
        Key::NoSuchLabel => "لا وسم باسم {label}",
        Key::BadRange => "المدى {range} لا يناسب نصًّا من {length}",
        Key::DuplicateSpan => "لذلك النص هذا الوسم أصلًا",
        Key::LabelStillUsed => "الوسم {label} ما زالت تستعمله مقاطع",
        Key::SpanNoLabel => "المستند {name}: المقطع {range} بلا وسم",
        Key::SavedNoWorkspace => "للمستندات المحفوظة سجل مساحة عمل مفقود",
        Key::SavedRecordUnreadable => "تتعذّر قراءة سجل مساحة العمل المحفوظ: {error}",
        Key::SavedLayout => {
            "البيانات المحفوظة بتخطيط الإصدار {version}؛ وهذا الإصدار من واسم يقرأ التخطيط {schema}"
        }
        Key::SavedDocMissing => "سجل المستند {id} مفقود",
        Key::SavedDocUnreadable => "تتعذّر قراءة سجل المستند {id}: {error}",
        Key::SavedDocMismatch => "السجل المحفوظ للمستند {id} هو سجل المستند {other}",
        Key::SavedTextMissing => "نص {name} مفقود",
        Key::EntryUnreadable => "تتعذّر قراءة قيد: {error}",
        Key::EntryTextMissing => "نص مستند يأتي به مفقود",
        Key::EntryDuplicateDocument => "كان سيضع مستندًا في مساحة العمل مرتين",
        Key::EntryDuplicateSpanId => "كان سيعطي مقطعين من {name} معرّفًا واحدًا",
        Key::V1Unreadable => "تتعذّر قراءة البيانات المحفوظة (المخطط 1): {error}",
        Key::V1HistoryLost => {
            "تعذّرت قراءة سجل التراجع الذي حفظه الإصدار السابق ({error})؛ وعملك كله هنا."
        }
        Key::StorageFull => "تخزين المتصفح ممتلئ (تجاوز الحصة)",
        Key::NoIndexedDb => "لا يتيح هذا المتصفح IndexedDB (أهو التصفح الخاص؟)",
        Key::StorageUnknown => "خطأ تخزين غير معروف",
        Key::NoWebLocks => "لا يدعم هذا المتصفح Web Locks",
        Key::BrowserCouldNotRead => "{name}: تعذّر على المتصفح قراءته ({error})",
        Key::NoDownloadLink => "تعذّر إنشاء رابط التنزيل",
        Key::StorageNotOpen => "التخزين غير مفتوح؛ أعد تحميل هذا اللسان",
        Key::AsImported => "كما استُورد",
        Key::InvalidRegex => "تعبير نمطي غير صالح: {detail}",
        Key::WebAnnotationExportOnly => "يكتب واسم ملفات Web Annotation ولا يقرؤها",
    }
}

/// The Arabic form of `key` for the plural category `category`.
pub fn counted(key: Counted, category: Plural) -> &'static str {
    match (key, category) {
        (Counted::SpansCarry, Plural::Zero) => "لا مقاطع تحمل {name}:",
        (Counted::SpansCarry, Plural::One) => "مقطع واحد يحمل {name}:",
        (Counted::SpansCarry, Plural::Two) => "مقطعان يحملان {name}:",
        (Counted::SpansCarry, Plural::Few) => "{n} مقاطع تحمل {name}:",
        (Counted::SpansCarry, Plural::Many) => "{n} مقطعًا يحمل {name}:",
        (Counted::SpansCarry, _) => "{n} مقطع يحمل {name}:",
        (Counted::DocumentsOf, Plural::Zero) => "{count} من 0",
        (Counted::DocumentsOf, Plural::One) => "{count} من مستند واحد",
        (Counted::DocumentsOf, Plural::Two) => "{count} من مستندين",
        (Counted::DocumentsOf, Plural::Few) => "{count} من {n} مستندات",
        (Counted::DocumentsOf, Plural::Many) => "{count} من {n} مستندًا",
        (Counted::DocumentsOf, _) => "{count} من {n} مستند",
        (Counted::Documents, Plural::Zero) => "لا مستندات",
        (Counted::Documents, Plural::One) => "مستند واحد",
        (Counted::Documents, Plural::Two) => "مستندان",
        (Counted::Documents, Plural::Few) => "{n} مستندات",
        (Counted::Documents, Plural::Many) => "{n} مستندًا",
        (Counted::Documents, _) => "{n} مستند",
        (Counted::DisputesToAdjudicate, Plural::Zero) => "لا خلافات للتحكيم",
        (Counted::DisputesToAdjudicate, Plural::One) => "خلاف واحد للتحكيم",
        (Counted::DisputesToAdjudicate, Plural::Two) => "خلافان للتحكيم",
        (Counted::DisputesToAdjudicate, Plural::Few) => "{n} خلافات للتحكيم",
        (Counted::DisputesToAdjudicate, Plural::Many) => "{n} خلافًا للتحكيم",
        (Counted::DisputesToAdjudicate, _) => "{n} خلاف للتحكيم",
        (Counted::Matches, Plural::Zero) => "لا نتائج",
        (Counted::Matches, Plural::One) => "نتيجة واحدة",
        (Counted::Matches, Plural::Two) => "نتيجتان",
        (Counted::Matches, Plural::Few) => "{n} نتائج",
        (Counted::Matches, _) => "{n} نتيجة",
        (Counted::AddsSpans, Plural::Zero) => "لا يضيف أي مقطع بوسم {label}.",
        (Counted::AddsSpans, Plural::One) => "يضيف مقطعًا واحدًا بوسم {label}.",
        (Counted::AddsSpans, Plural::Two) => "يضيف مقطعين بوسم {label}.",
        (Counted::AddsSpans, Plural::Few) => "يضيف {n} مقاطع بوسم {label}.",
        (Counted::AddsSpans, Plural::Many) => "يضيف {n} مقطعًا بوسم {label}.",
        (Counted::AddsSpans, _) => "يضيف {n} مقطع بوسم {label}.",
        (Counted::DisagreementsHere, Plural::Zero) => "هذا المستند: لم يبقَ خلاف.",
        (Counted::DisagreementsHere, Plural::One) => "هذا المستند: بقي خلاف واحد.",
        (Counted::DisagreementsHere, Plural::Two) => "هذا المستند: بقي خلافان.",
        (Counted::DisagreementsHere, Plural::Few) => "هذا المستند: بقيت {n} خلافات.",
        (Counted::DisagreementsHere, Plural::Many) => "هذا المستند: بقي {n} خلافًا.",
        (Counted::DisagreementsHere, _) => "هذا المستند: بقي {n} خلاف.",
        (Counted::NoDisagreementsIn, Plural::Zero) => "لا خلافات متبقية.",
        (Counted::NoDisagreementsIn, Plural::One) => "لا خلافات متبقية في مستند الفريق.",
        (Counted::NoDisagreementsIn, Plural::Two) => "لا خلافات متبقية في مستندَي الفريق.",
        (Counted::NoDisagreementsIn, Plural::Few) => "لا خلافات متبقية في {n} مستندات فريق.",
        (Counted::NoDisagreementsIn, _) => "لا خلافات متبقية في {n} مستند فريق.",
        (Counted::DisagreementsLeft, Plural::Zero) => "لا خلافات متبقية في {documents}.",
        (Counted::DisagreementsLeft, Plural::One) => "بقي خلاف واحد في {documents}.",
        (Counted::DisagreementsLeft, Plural::Two) => "بقي خلافان في {documents}.",
        (Counted::DisagreementsLeft, Plural::Few) => "بقيت {n} خلافات في {documents}.",
        (Counted::DisagreementsLeft, Plural::Many) => "بقي {n} خلافًا في {documents}.",
        (Counted::DisagreementsLeft, _) => "بقي {n} خلاف في {documents}.",
        (Counted::MergedPartial, Plural::Zero) => "كلها في كل الملفات.",
        (Counted::MergedPartial, Plural::One) => "واحد منها ليس في كل الملفات: دُمج مع من لديهم.",
        (Counted::MergedPartial, Plural::Two) => "اثنان منها ليسا في كل الملفات: دُمجا مع من لديهم.",
        (Counted::MergedPartial, _) => "{n} منها ليست في كل الملفات: دُمجت مع من لديهم.",
        (Counted::Spans, Plural::Zero) => "لا مقاطع",
        (Counted::Spans, Plural::One) => "مقطع واحد",
        (Counted::Spans, Plural::Two) => "مقطعان",
        (Counted::Spans, Plural::Few) => "{n} مقاطع",
        (Counted::Spans, Plural::Many) => "{n} مقطعًا",
        (Counted::Spans, _) => "{n} مقطع",
        (Counted::Warnings, Plural::Zero) => "{what}: لا تحذيرات.",
        (Counted::Warnings, Plural::One) => "{what}: تحذير واحد.",
        (Counted::Warnings, Plural::Two) => "{what}: تحذيران.",
        (Counted::Warnings, Plural::Few) => "{what}: {n} تحذيرات.",
        (Counted::Warnings, Plural::Many) => "{what}: {n} تحذيرًا.",
        (Counted::Warnings, _) => "{what}: {n} تحذير.",
        (Counted::Loaded, Plural::Zero) => "لم يُحمَّل أي مستند.",
        (Counted::Loaded, Plural::One) => "حُمِّل مستند واحد. Ctrl+Z يتراجع عن هذا.",
        (Counted::Loaded, Plural::Two) => "حُمِّل مستندان. Ctrl+Z يتراجع عن هذا.",
        (Counted::Loaded, Plural::Few) => "حُمِّلت {n} مستندات. Ctrl+Z يتراجع عن هذا.",
        (Counted::Loaded, Plural::Many) => "حُمِّل {n} مستندًا. Ctrl+Z يتراجع عن هذا.",
        (Counted::Loaded, _) => "حُمِّل {n} مستند. Ctrl+Z يتراجع عن هذا.",
        (Counted::ImportedWorkspace, Plural::Zero) => {
            "استُورِدت مساحة عمل بلا مستندات. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::ImportedWorkspace, Plural::One) => {
            "استُورِدت مساحة عمل بمستند واحد. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::ImportedWorkspace, Plural::Two) => {
            "استُورِدت مساحة عمل بمستندين. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::ImportedWorkspace, Plural::Few) => {
            "استُورِدت مساحة عمل بـ{n} مستندات. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::ImportedWorkspace, Plural::Many) => {
            "استُورِدت مساحة عمل بـ{n} مستندًا. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::ImportedWorkspace, _) => "استُورِدت مساحة عمل بـ{n} مستند. Ctrl+Z يتراجع عن هذا.",
        (Counted::Tagged, Plural::Zero) => "لم تُوسم أي نتيجة بـ{label}.",
        (Counted::Tagged, Plural::One) => "وُسمت نتيجة واحدة بـ{label}. Ctrl+Z يتراجع عن هذا.",
        (Counted::Tagged, Plural::Two) => "وُسمت نتيجتان بـ{label}. Ctrl+Z يتراجع عن هذا.",
        (Counted::Tagged, Plural::Few) => "وُسمت {n} نتائج بـ{label}. Ctrl+Z يتراجع عن هذا.",
        (Counted::Tagged, _) => "وُسمت {n} نتيجة بـ{label}. Ctrl+Z يتراجع عن هذا.",
        (Counted::TeamHas, Plural::Zero) => "فريق هذا المستند بلا واسمين.",
        (Counted::TeamHas, Plural::One) => "فريق هذا المستند واسم واحد.",
        (Counted::TeamHas, Plural::Two) => "فريق هذا المستند واسمان.",
        (Counted::TeamHas, Plural::Few) => "فريق هذا المستند {n} واسمين.",
        (Counted::TeamHas, Plural::Many) => "فريق هذا المستند {n} واسمًا.",
        (Counted::TeamHas, _) => "فريق هذا المستند {n} واسم.",
        (Counted::AcceptedGroups, Plural::Zero) => "لم تُقبل أي مجموعة.",
        (Counted::AcceptedGroups, Plural::One) => {
            "قُبلت مجموعة واحدة في {documents} حيث يتفق {k} واسمين على الأقل. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::AcceptedGroups, Plural::Two) => {
            "قُبلت مجموعتان في {documents} حيث يتفق {k} واسمين على الأقل. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::AcceptedGroups, Plural::Few) => {
            "قُبلت {n} مجموعات في {documents} حيث يتفق {k} واسمين على الأقل. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::AcceptedGroups, _) => {
            "قُبلت {n} مجموعة في {documents} حيث يتفق {k} واسمين على الأقل. Ctrl+Z يتراجع عن هذا."
        }
        (Counted::AndMore, Plural::Zero) => "دون غيره",
        (Counted::AndMore, Plural::One) => "وواحد آخر",
        (Counted::AndMore, Plural::Two) => "واثنان آخران",
        (Counted::AndMore, Plural::Few) => "و{n} أخرى",
        (Counted::AndMore, _) => "و{n} آخر",
        (Counted::Changes, Plural::Zero) => "لا تغييرات",
        (Counted::Changes, Plural::One) => "تغيير واحد",
        (Counted::Changes, Plural::Two) => "تغييران",
        (Counted::Changes, Plural::Few) => "{n} تغييرات",
        (Counted::Changes, Plural::Many) => "{n} تغييرًا",
        (Counted::Changes, _) => "{n} تغيير",
        (Counted::NotInEvery, Plural::Zero) => "كل المستندات في كل الملفات.",
        (Counted::NotInEvery, Plural::One) => {
            "مستند واحد ليس في كل الملفات: يُستبعد من المقارنة، ويُدمج مع الواسمين الذين لديهم."
        }
        (Counted::NotInEvery, Plural::Two) => {
            "مستندان ليسا في كل الملفات: يُستبعدان من المقارنة، ويُدمجان مع الواسمين الذين لديهم."
        }
        (Counted::NotInEvery, Plural::Few) => {
            "{n} مستندات ليست في كل الملفات: تُستبعد من المقارنة، وتُدمج مع الواسمين الذين لديهم."
        }
        (Counted::NotInEvery, Plural::Many) => {
            "{n} مستندًا ليست في كل الملفات: تُستبعد من المقارنة، وتُدمج مع الواسمين الذين لديهم."
        }
        (Counted::NotInEvery, _) => {
            "{n} مستند ليست في كل الملفات: تُستبعد من المقارنة، وتُدمج مع الواسمين الذين لديهم."
        }
        (Counted::TextHas, Plural::Zero) => "النص فارغ",
        (Counted::TextHas, Plural::One) => "في النص حرف واحد",
        (Counted::TextHas, Plural::Two) => "في النص حرفان",
        (Counted::TextHas, Plural::Few) => "في النص {n} أحرف",
        (Counted::TextHas, Plural::Many) => "في النص {n} حرفًا",
        (Counted::TextHas, _) => "في النص {n} حرف",
        (Counted::OffsetsReadAs, Plural::Zero) => "{file}: قُرئت المواضع {unit} لأن {why}.",
        (Counted::OffsetsReadAs, Plural::One) => {
            "{file}: قُرئت المواضع {unit} لأن {why}؛ في مستند واحد أحرف خارج المستوى متعدد اللغات الأساسي (كالرموز التعبيرية)، وفيها تختلف النقاط الرمزية عن وحدات UTF-16"
        }
        (Counted::OffsetsReadAs, Plural::Two) => {
            "{file}: قُرئت المواضع {unit} لأن {why}؛ في مستندين أحرف خارج المستوى متعدد اللغات الأساسي (كالرموز التعبيرية)، وفيها تختلف النقاط الرمزية عن وحدات UTF-16"
        }
        (Counted::OffsetsReadAs, Plural::Few) => {
            "{file}: قُرئت المواضع {unit} لأن {why}؛ في {n} مستندات أحرف خارج المستوى متعدد اللغات الأساسي (كالرموز التعبيرية)، وفيها تختلف النقاط الرمزية عن وحدات UTF-16"
        }
        (Counted::OffsetsReadAs, Plural::Many) => {
            "{file}: قُرئت المواضع {unit} لأن {why}؛ في {n} مستندًا أحرف خارج المستوى متعدد اللغات الأساسي (كالرموز التعبيرية)، وفيها تختلف النقاط الرمزية عن وحدات UTF-16"
        }
        (Counted::OffsetsReadAs, _) => {
            "{file}: قُرئت المواضع {unit} لأن {why}؛ في {n} مستند أحرف خارج المستوى متعدد اللغات الأساسي (كالرموز التعبيرية)، وفيها تختلف النقاط الرمزية عن وحدات UTF-16"
        }
        (Counted::DuplicatesDropped, Plural::Zero) => "{file}: لم يُسقط أي مقطع مكرر",
        (Counted::DuplicatesDropped, Plural::One) => {
            "{file}: أُسقط مقطع مكرر واحد (المدى والوسم نفساهما)"
        }
        (Counted::DuplicatesDropped, Plural::Two) => {
            "{file}: أُسقط مقطعان مكرران (المدى والوسم نفساهما)"
        }
        (Counted::DuplicatesDropped, Plural::Few) => {
            "{file}: أُسقطت {n} مقاطع مكررة (المدى والوسم نفساهما)"
        }
        (Counted::DuplicatesDropped, Plural::Many) => {
            "{file}: أُسقط {n} مقطعًا مكررًا (المدى والوسم نفساهما)"
        }
        (Counted::DuplicatesDropped, _) => "{file}: أُسقط {n} مقطع مكرر (المدى والوسم نفساهما)",
        (Counted::SpanNotes, Plural::Zero) => "لا ملاحظات",
        (Counted::SpanNotes, Plural::One) => "ملاحظة مقطع واحدة",
        (Counted::SpanNotes, Plural::Two) => "ملاحظتا مقطعين",
        (Counted::SpanNotes, Plural::Few) => "{n} ملاحظات مقاطع",
        (Counted::SpanNotes, Plural::Many) => "{n} ملاحظةً",
        (Counted::SpanNotes, _) => "{n} ملاحظة",
        (Counted::EntityIds, Plural::Zero) => "لا معرّفات",
        (Counted::EntityIds, Plural::One) => "معرّف كيان واحد",
        (Counted::EntityIds, Plural::Two) => "معرّفا كيانين",
        (Counted::EntityIds, Plural::Few) => "{n} معرّفات كيانات",
        (Counted::EntityIds, Plural::Many) => "{n} معرّفًا",
        (Counted::EntityIds, _) => "{n} معرّف",
        (Counted::RelationsNotShown, Plural::Zero) => "{file}: لا علاقات مخفية",
        (Counted::RelationsNotShown, Plural::One) => {
            "{file}: علاقة واحدة لا تُعرض (واسم يحرّر المقاطع فقط)؛ والتصدير إلى doccano يعيد كتابتها"
        }
        (Counted::RelationsNotShown, Plural::Two) => {
            "{file}: علاقتان لا تُعرضان (واسم يحرّر المقاطع فقط)؛ والتصدير إلى doccano يعيد كتابتهما"
        }
        (Counted::RelationsNotShown, Plural::Few) => {
            "{file}: {n} علاقات لا تُعرض (واسم يحرّر المقاطع فقط)؛ والتصدير إلى doccano يعيد كتابتها"
        }
        (Counted::RelationsNotShown, Plural::Many) => {
            "{file}: {n} علاقةً لا تُعرض (واسم يحرّر المقاطع فقط)؛ والتصدير إلى doccano يعيد كتابتها"
        }
        (Counted::RelationsNotShown, _) => {
            "{file}: {n} علاقة لا تُعرض (واسم يحرّر المقاطع فقط)؛ والتصدير إلى doccano يعيد كتابتها"
        }
        (Counted::ProdigySkipped, Plural::Zero) => "{file}: لم يُتخطَّ أي سجل",
        (Counted::ProdigySkipped, Plural::One) => {
            "{file}: تُخطّي سجل واحد أُجيب فيه «reject» أو «ignore» في Prodigy"
        }
        (Counted::ProdigySkipped, Plural::Two) => {
            "{file}: تُخطّي سجلان أُجيب فيهما «reject» أو «ignore» في Prodigy"
        }
        (Counted::ProdigySkipped, Plural::Few) => {
            "{file}: تُخطّيت {n} سجلات أُجيب فيها «reject» أو «ignore» في Prodigy"
        }
        (Counted::ProdigySkipped, Plural::Many) => {
            "{file}: تُخطّي {n} سجلًّا أُجيب فيها «reject» أو «ignore» في Prodigy"
        }
        (Counted::ProdigySkipped, _) => {
            "{file}: تُخطّي {n} سجل أُجيب فيها «reject» أو «ignore» في Prodigy"
        }
        (Counted::TokensDisagree, Plural::Zero) => {
            "{file}: لا خلاف بين «token_start/token_end» و«start/end»"
        }
        (Counted::TokensDisagree, Plural::One) => {
            "{file}: في مقطع واحد يخالف «token_start/token_end» قيمتي «start/end»؛ واعتُمدت «start/end»"
        }
        (Counted::TokensDisagree, Plural::Two) => {
            "{file}: في مقطعين يخالف «token_start/token_end» قيمتي «start/end»؛ واعتُمدت «start/end»"
        }
        (Counted::TokensDisagree, Plural::Few) => {
            "{file}: في {n} مقاطع يخالف «token_start/token_end» قيمتي «start/end»؛ واعتُمدت «start/end»"
        }
        (Counted::TokensDisagree, Plural::Many) => {
            "{file}: في {n} مقطعًا يخالف «token_start/token_end» قيمتي «start/end»؛ واعتُمدت «start/end»"
        }
        (Counted::TokensDisagree, _) => {
            "{file}: في {n} مقطع يخالف «token_start/token_end» قيمتي «start/end»؛ واعتُمدت «start/end»"
        }
        (Counted::PredictedSpans, Plural::Zero) => "{file}: لم يُستورد أي مقطع متنبَّأ به",
        (Counted::PredictedSpans, Plural::One) => "{file}: استُورد مقطع متنبَّأ به واحد مع التوسيمات",
        (Counted::PredictedSpans, Plural::Two) => "{file}: استُورد مقطعان متنبَّأ بهما مع التوسيمات",
        (Counted::PredictedSpans, Plural::Few) => {
            "{file}: استُوردت {n} مقاطع متنبَّأ بها مع التوسيمات"
        }
        (Counted::PredictedSpans, Plural::Many) => {
            "{file}: استُورد {n} مقطعًا متنبَّأ بها مع التوسيمات"
        }
        (Counted::PredictedSpans, _) => "{file}: استُورد {n} مقطع متنبَّأ بها مع التوسيمات",
        (Counted::MergedTasks, Plural::Zero) => "{file}: لا مهام بعدة توسيمات",
        (Counted::MergedTasks, Plural::One) => "{file}: لمهمة واحدة عدة توسيمات؛ دُمجت مقاطعها",
        (Counted::MergedTasks, Plural::Two) => "{file}: لمهمتين عدة توسيمات؛ دُمجت مقاطعهما",
        (Counted::MergedTasks, Plural::Few) => "{file}: لـ{n} مهام عدة توسيمات؛ دُمجت مقاطعها",
        (Counted::MergedTasks, Plural::Many) => "{file}: لـ{n} مهمةً عدة توسيمات؛ دُمجت مقاطعها",
        (Counted::MergedTasks, _) => "{file}: لـ{n} مهمة عدة توسيمات؛ دُمجت مقاطعها",
        (Counted::SkippedResults, Plural::Zero) => "{file}: لا نتائج مخفية",
        (Counted::SkippedResults, Plural::One) => {
            "{file}: نتيجة واحدة ليست مقطعًا نصيًّا (اختيارات، علاقات، نطاقات HTML…) لا تُعرض؛ والتصدير إلى Label Studio يعيد كتابتها"
        }
        (Counted::SkippedResults, Plural::Two) => {
            "{file}: نتيجتان ليستا مقطعين نصيين (اختيارات، علاقات، نطاقات HTML…) لا تُعرضان؛ والتصدير إلى Label Studio يعيد كتابتهما"
        }
        (Counted::SkippedResults, Plural::Few) => {
            "{file}: {n} نتائج ليست مقاطع نصية (اختيارات، علاقات، نطاقات HTML…) لا تُعرض؛ والتصدير إلى Label Studio يعيد كتابتها"
        }
        (Counted::SkippedResults, Plural::Many) => {
            "{file}: {n} نتيجةً ليست مقاطع نصية (اختيارات، علاقات، نطاقات HTML…) لا تُعرض؛ والتصدير إلى Label Studio يعيد كتابتها"
        }
        (Counted::SkippedResults, _) => {
            "{file}: {n} نتيجة ليست مقاطع نصية (اختيارات، علاقات، نطاقات HTML…) لا تُعرض؛ والتصدير إلى Label Studio يعيد كتابتها"
        }
        (Counted::BratDiscontinuous, Plural::Zero) => "{file}: لا كيانات متقطعة",
        (Counted::BratDiscontinuous, Plural::One) => {
            "{file}: كيان متقطع واحد يُعرض مقطعًا لكل جزء، تتشارك الأجزاء ملاحظة؛ ويكتبه التصدير إلى brat كيانًا واحدًا ما بقيت أجزاؤه كلها"
        }
        (Counted::BratDiscontinuous, Plural::Two) => {
            "{file}: كيانان متقطعان يُعرض كلٌّ منهما مقطعًا لكل جزء، تتشارك الأجزاء ملاحظة؛ ويكتب التصدير إلى brat كلًّا منهما كيانًا واحدًا ما بقيت أجزاؤه كلها"
        }
        (Counted::BratDiscontinuous, Plural::Few) => {
            "{file}: {n} كيانات متقطعة يُعرض كلٌّ منها مقطعًا لكل جزء، تتشارك الأجزاء ملاحظة؛ ويكتب التصدير إلى brat كلًّا منها كيانًا واحدًا ما بقيت أجزاؤه كلها"
        }
        (Counted::BratDiscontinuous, Plural::Many) => {
            "{file}: {n} كيانًا متقطعًا يُعرض كلٌّ منها مقطعًا لكل جزء، تتشارك الأجزاء ملاحظة؛ ويكتب التصدير إلى brat كلًّا منها كيانًا واحدًا ما بقيت أجزاؤه كلها"
        }
        (Counted::BratDiscontinuous, _) => {
            "{file}: {n} كيان متقطع يُعرض كلٌّ منها مقطعًا لكل جزء، تتشارك الأجزاء ملاحظة؛ ويكتب التصدير إلى brat كلًّا منها كيانًا واحدًا ما بقيت أجزاؤه كلها"
        }
        (Counted::BratKeptDeleted, Plural::Zero) => "{file}: لم يُبقَ أي مقطع محذوف",
        (Counted::BratKeptDeleted, Plural::One) => {
            "{file}: أُبقي مقطع محذوف واحد كيانًا لأن علاقات أو أحداثًا أو سمات أو تطبيعات أو تكافؤات تشير إليه ({ids})"
        }
        (Counted::BratKeptDeleted, Plural::Two) => {
            "{file}: أُبقي مقطعان محذوفان كيانين لأن علاقات أو أحداثًا أو سمات أو تطبيعات أو تكافؤات تشير إليهما ({ids})"
        }
        (Counted::BratKeptDeleted, Plural::Few) => {
            "{file}: أُبقيت {n} مقاطع محذوفة كيانات لأن علاقات أو أحداثًا أو سمات أو تطبيعات أو تكافؤات تشير إليها ({ids})"
        }
        (Counted::BratKeptDeleted, Plural::Many) => {
            "{file}: أُبقي {n} مقطعًا محذوفًا كيانات لأن علاقات أو أحداثًا أو سمات أو تطبيعات أو تكافؤات تشير إليها ({ids})"
        }
        (Counted::BratKeptDeleted, _) => {
            "{file}: أُبقي {n} مقطع محذوف كيانات لأن علاقات أو أحداثًا أو سمات أو تطبيعات أو تكافؤات تشير إليها ({ids})"
        }
        (Counted::FlattenedNotes, Plural::Zero) => "لا ملاحظات فيها فواصل أسطر",
        (Counted::FlattenedNotes, Plural::One) => "في ملاحظة واحدة فواصل أسطر أو جدولة، كُتبت مسافات",
        (Counted::FlattenedNotes, Plural::Two) => "في ملاحظتين فواصل أسطر أو جدولة، كُتبت مسافات",
        (Counted::FlattenedNotes, Plural::Few) => "في {n} ملاحظات فواصل أسطر أو جدولة، كُتبت مسافات",
        (Counted::FlattenedNotes, Plural::Many) => "في {n} ملاحظةً فواصل أسطر أو جدولة، كُتبت مسافات",
        (Counted::FlattenedNotes, _) => "في {n} ملاحظة فواصل أسطر أو جدولة، كُتبت مسافات",
        (Counted::Bytes, Plural::Zero) => "0 بايت",
        (Counted::Bytes, Plural::One) => "بايت واحد",
        (Counted::Bytes, Plural::Two) => "بايتان",
        (Counted::Bytes, Plural::Few) => "{n} بايتات",
        (Counted::Bytes, Plural::Many) => "{n} بايتًا",
        (Counted::Bytes, _) => "{n} بايت",
        (Counted::ZipTooMany, Plural::Zero) => "لا مداخل في الأرشيف",
        (Counted::ZipTooMany, Plural::One) => {
            "في الأرشيف مدخل واحد؛ ويقرأ واسم {max} على الأكثر من أرشيف واحد"
        }
        (Counted::ZipTooMany, Plural::Two) => {
            "في الأرشيف مدخلان؛ ويقرأ واسم {max} على الأكثر من أرشيف واحد"
        }
        (Counted::ZipTooMany, Plural::Few) => {
            "في الأرشيف {n} مداخل؛ ويقرأ واسم {max} على الأكثر من أرشيف واحد"
        }
        (Counted::ZipTooMany, Plural::Many) => {
            "في الأرشيف {n} مدخلًا؛ ويقرأ واسم {max} على الأكثر من أرشيف واحد"
        }
        (Counted::ZipTooMany, _) => "في الأرشيف {n} مدخل؛ ويقرأ واسم {max} على الأكثر من أرشيف واحد",
        (Counted::IrregularStarts, Plural::Zero) => "{file}: كل الكيانات تبدأ بوسم سليم",
        (Counted::IrregularStarts, Plural::One) => {
            "{file}: كيان واحد لا يبدأ بوسم سليم ({lines})؛ {repair}"
        }
        (Counted::IrregularStarts, Plural::Two) => {
            "{file}: كيانان لا يبدآن بوسم سليم ({lines})؛ {repair}"
        }
        (Counted::IrregularStarts, Plural::Few) => {
            "{file}: {n} كيانات لا تبدأ بوسم سليم ({lines})؛ {repair}"
        }
        (Counted::IrregularStarts, Plural::Many) => {
            "{file}: {n} كيانًا لا تبدأ بوسم سليم ({lines})؛ {repair}"
        }
        (Counted::IrregularStarts, _) => "{file}: {n} كيان لا تبدأ بوسم سليم ({lines})؛ {repair}",
        (Counted::UnusualTags, Plural::Zero) => "{file}: لا وسوم بأحرف غير معتادة",
        (Counted::UnusualTags, Plural::One) => {
            "{file}: في نوع وسم واحد أحرف غير معتادة ({lines})؛ أُبقي النوع وسمًا، فتحقّق من خطأ مطبعي"
        }
        (Counted::UnusualTags, Plural::Two) => {
            "{file}: في نوع وسمين أحرف غير معتادة ({lines})؛ أُبقي النوع وسمًا، فتحقّق من خطأ مطبعي"
        }
        (Counted::UnusualTags, Plural::Few) => {
            "{file}: في أنواع {n} وسوم أحرف غير معتادة ({lines})؛ أُبقيت الأنواع وسومًا، فتحقّق من خطأ مطبعي"
        }
        (Counted::UnusualTags, Plural::Many) => {
            "{file}: في أنواع {n} وسمًا أحرف غير معتادة ({lines})؛ أُبقيت الأنواع وسومًا، فتحقّق من خطأ مطبعي"
        }
        (Counted::UnusualTags, _) => {
            "{file}: في أنواع {n} وسم أحرف غير معتادة ({lines})؛ أُبقيت الأنواع وسومًا، فتحقّق من خطأ مطبعي"
        }
        (Counted::NestedLayers, Plural::Zero) => "{file}: لا أعمدة وسوم",
        (Counted::NestedLayers, Plural::One) => "{file}: قُرئ عمود وسوم واحد ({name})",
        (Counted::NestedLayers, Plural::Two) => {
            "{file}: قُرئ عمودا الوسوم طبقتين متداخلتين من الكيانات (وسوم {name})"
        }
        (Counted::NestedLayers, Plural::Few) => {
            "{file}: قُرئت {n} أعمدة وسوم طبقاتٍ متداخلة من الكيانات (وسوم {name})"
        }
        (Counted::NestedLayers, Plural::Many) => {
            "{file}: قُرئ {n} عمودًا للوسوم طبقاتٍ متداخلة من الكيانات (وسوم {name})"
        }
        (Counted::NestedLayers, _) => {
            "{file}: قُرئ {n} عمود وسوم طبقاتٍ متداخلة من الكيانات (وسوم {name})"
        }
        (Counted::ConllColumns, Plural::Zero) => {
            "هذا السطر بلا أعمدة، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllColumns, Plural::One) => {
            "في هذا السطر عمود واحد، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllColumns, Plural::Two) => {
            "في هذا السطر عمودان، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllColumns, Plural::Few) => {
            "في هذا السطر {n} أعمدة، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllColumns, Plural::Many) => {
            "في هذا السطر {n} عمودًا، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllColumns, _) => {
            "في هذا السطر {n} عمود، والوسوم تبدأ في الأسطر الأخرى عند العمود {column}"
        }
        (Counted::ConllSkipped, Plural::Zero) => "{file}: لا أعمدة بين الوحدة النصية والوسوم",
        (Counted::ConllSkipped, Plural::One) => {
            "{file}: عمود واحد بين الوحدة النصية والوسوم (كوسوم أقسام الكلام) لا يُعرض؛ ويعيد التصدير إلى CoNLL كتابته كما كان"
        }
        (Counted::ConllSkipped, Plural::Two) => {
            "{file}: عمودان بين الوحدة النصية والوسوم (كوسوم أقسام الكلام) لا يُعرضان؛ ويعيد التصدير إلى CoNLL كتابتهما كما كانا"
        }
        (Counted::ConllSkipped, Plural::Few) => {
            "{file}: {n} أعمدة بين الوحدة النصية والوسوم (كوسوم أقسام الكلام) لا تُعرض؛ ويعيد التصدير إلى CoNLL كتابتها كما كانت"
        }
        (Counted::ConllSkipped, Plural::Many) => {
            "{file}: {n} عمودًا بين الوحدة النصية والوسوم (كوسوم أقسام الكلام) لا تُعرض؛ ويعيد التصدير إلى CoNLL كتابتها كما كانت"
        }
        (Counted::ConllSkipped, _) => {
            "{file}: {n} عمود بين الوحدة النصية والوسوم (كوسوم أقسام الكلام) لا تُعرض؛ ويعيد التصدير إلى CoNLL كتابتها كما كانت"
        }
        (Counted::Characters, Plural::Zero) => "لا أحرف",
        (Counted::Characters, Plural::One) => "حرف واحد",
        (Counted::Characters, Plural::Two) => "حرفان",
        (Counted::Characters, Plural::Few) => "{n} أحرف",
        (Counted::Characters, Plural::Many) => "{n} حرفًا",
        (Counted::Characters, _) => "{n} حرف",
        (Counted::ChartTitle, Plural::Zero) => "F1 للمقاطع المطابقة لكل وسم، بلا أزواج",
        (Counted::ChartTitle, Plural::One) => "F1 للمقاطع المطابقة لكل وسم، متوسط زوج واحد",
        (Counted::ChartTitle, Plural::Two) => "F1 للمقاطع المطابقة لكل وسم، متوسط زوجين",
        (Counted::ChartTitle, Plural::Few) => "F1 للمقاطع المطابقة لكل وسم، متوسط {n} أزواج",
        (Counted::ChartTitle, Plural::Many) => "F1 للمقاطع المطابقة لكل وسم، متوسط {n} زوجًا",
        (Counted::ChartTitle, _) => "F1 للمقاطع المطابقة لكل وسم، متوسط {n} زوج",
        (Counted::SetAside, Plural::Zero) => "لم يُنحَّ أي تغيير محفوظ.",
        (Counted::SetAside, Plural::One) => {
            "تعذّر تطبيق تغيير محفوظ واحد ({why})؛ نُحّي جانبًا في التخزين ولم يضع."
        }
        (Counted::SetAside, Plural::Two) => {
            "تعذّر تطبيق تغييرين محفوظين ({why})؛ نُحّيا جانبًا في التخزين ولم يضيعا."
        }
        (Counted::SetAside, Plural::Few) => {
            "تعذّر تطبيق {n} تغييرات محفوظة ({why})؛ نُحّيت جانبًا في التخزين ولم تضع."
        }
        (Counted::SetAside, Plural::Many) => {
            "تعذّر تطبيق {n} تغييرًا محفوظًا ({why})؛ نُحّيت جانبًا في التخزين ولم تضع."
        }
        (Counted::SetAside, _) => {
            "تعذّر تطبيق {n} تغيير محفوظ ({why})؛ نُحّيت جانبًا في التخزين ولم تضع."
        }
        (Counted::UndoStepsLost, Plural::Zero) => "قُرئت خطوات التراجع كلها.",
        (Counted::UndoStepsLost, Plural::One) => {
            "تعذّرت قراءة خطوة تراجع واحدة؛ ذهبت الخطوات الأقدم، أما عملك فلم يذهب."
        }
        (Counted::UndoStepsLost, Plural::Two) => {
            "تعذّرت قراءة خطوتي تراجع؛ ذهبت الخطوات الأقدم، أما عملك فلم يذهب."
        }
        (Counted::UndoStepsLost, Plural::Few) => {
            "تعذّرت قراءة {n} خطوات تراجع؛ ذهبت الخطوات الأقدم، أما عملك فلم يذهب."
        }
        (Counted::UndoStepsLost, Plural::Many) => {
            "تعذّرت قراءة {n} خطوةً للتراجع؛ ذهبت الخطوات الأقدم، أما عملك فلم يذهب."
        }
        (Counted::UndoStepsLost, _) => {
            "تعذّرت قراءة {n} خطوة تراجع؛ ذهبت الخطوات الأقدم، أما عملك فلم يذهب."
        }
        (Counted::TeamDataDropped, Plural::Zero) => "لا مكان في {format} لمن اقترح المقطع ولا لقبوله",
        (Counted::TeamDataDropped, Plural::One) => {
            "لا مكان في {format} لمن اقترح المقطع ولا لقبوله: أُسقط ذلك من مقطع واحد (يحفظه Wasim JSON)"
        }
        (Counted::TeamDataDropped, Plural::Two) => {
            "لا مكان في {format} لمن اقترح المقطع ولا لقبوله: أُسقط ذلك من مقطعين (يحفظه Wasim JSON)"
        }
        (Counted::TeamDataDropped, Plural::Few) => {
            "لا مكان في {format} لمن اقترح المقطع ولا لقبوله: أُسقط ذلك من {n} مقاطع (يحفظه Wasim JSON)"
        }
        (Counted::TeamDataDropped, Plural::Many) => {
            "لا مكان في {format} لمن اقترح المقطع ولا لقبوله: أُسقط ذلك من {n} مقطعًا (يحفظه Wasim JSON)"
        }
        (Counted::TeamDataDropped, _) => {
            "لا مكان في {format} لمن اقترح المقطع ولا لقبوله: أُسقط ذلك من {n} مقطع (يحفظه Wasim JSON)"
        }
        (Counted::TeamDataInNotes, Plural::Zero) => "لا حقل في {format} لمن اقترح المقطع ولا لقبوله",
        (Counted::TeamDataInNotes, Plural::One) => {
            "لا حقل في {format} لمن اقترح المقطع ولا لقبوله: يحمل ذلك مقطع واحد في ملاحظته («annotators: …; accepted»)"
        }
        (Counted::TeamDataInNotes, Plural::Two) => {
            "لا حقل في {format} لمن اقترح المقطع ولا لقبوله: يحمل ذلك مقطعان في ملاحظتيهما («annotators: …; accepted»)"
        }
        (Counted::TeamDataInNotes, Plural::Few) => {
            "لا حقل في {format} لمن اقترح المقطع ولا لقبوله: تحمل ذلك {n} مقاطع في ملاحظاتها («annotators: …; accepted»)"
        }
        (Counted::TeamDataInNotes, Plural::Many) => {
            "لا حقل في {format} لمن اقترح المقطع ولا لقبوله: يحمل ذلك {n} مقطعًا في ملاحظاتها («annotators: …; accepted»)"
        }
        (Counted::TeamDataInNotes, _) => {
            "لا حقل في {format} لمن اقترح المقطع ولا لقبوله: يحمل ذلك {n} مقطع في ملاحظاتها («annotators: …; accepted»)"
        }
    }
}
