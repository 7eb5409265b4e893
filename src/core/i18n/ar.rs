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
    }
}
