// Deterministic generated Arabic documents and workspaces for the benchmark
// (tests/bench/bench.mjs). Everything here is seeded: the same name gives
// the same text and spans on every run and whatever subset of scenarios
// runs. The vocabulary is Basic Multilingual Plane only (Arabic, Latin,
// digits), so a UTF-16 index equals a code-point index in these texts;
// `assertBmp` checks it.

/** A linear congruential generator: () => a float in [0, 1). */
export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A 32-bit seed from a string (FNV-1a). */
export function seedOf(name) {
  let h = 0x811c9dc5;
  for (const c of name) h = Math.imul(h ^ c.codePointAt(0), 0x01000193) >>> 0;
  return h;
}

const W = {
  names: ['سامي الخطيب', 'ليلى حداد', 'كريم عبد الله', 'نور الهدى', 'يوسف المصري', 'هدى السعدي', 'عمر الفاروق', 'مريم يوسف', 'Omar Khalid', 'Sara Ali'],
  places: ['بغداد', 'الموصل', 'البصرة', 'أربيل', 'القاهرة', 'بيروت', 'دمشق', 'عمّان', 'الرباط', 'تونس', 'London', 'Paris'],
  orgs: ['جامعة بغداد', 'مؤسسة النور', 'وزارة التربية', 'اتحاد الكتّاب', 'مجلس المدينة', 'شركة الرافدين', 'UNESCO'],
  verbs: ['زار', 'قال', 'أعلن', 'افتتح', 'ناقش', 'كتب', 'التقى', 'أكد', 'وصف', 'نشر'],
  words: ['اليوم', 'مشروعاً', 'جديداً', 'حول', 'التعليم', 'في', 'مع', 'على', 'من', 'إلى', 'الثقافة', 'المدينة', 'الكتاب', 'البحث', 'الطلاب', 'المكتبة', 'ورشة', 'عمل', 'تقرير', 'السنوي', 'الماضي', 'القادم', 'بحضور', 'عدد', 'كبير', 'الباحثين', 'والمهتمين', 'بالتراث', 'العربي'],
  latin: ['Wasim', 'NLP', 'open data', 'workshop', 'version'],
};

function sentence(rand) {
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const parts = [pick(W.verbs), pick(W.names)];
  const n = 6 + Math.floor(rand() * 12);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.08) parts.push('في ' + pick(W.places));
    else if (r < 0.12) parts.push('و' + pick(W.places.slice(0, 10)));
    else if (r < 0.17) parts.push(pick(W.orgs));
    else if (r < 0.2) parts.push(pick(W.latin));
    else if (r < 0.24) parts.push(String(1 + Math.floor(rand() * 2030)));
    else parts.push(pick(W.words));
  }
  return parts.join(' ') + pick(['.', '.', '،', '؟', '!']);
}

/**
 * Made-up Arabic prose with names, places, organisations, some Latin words
 * and digits: paragraphs of 3–7 sentences, one per line, until `bytes` of
 * UTF-8; ends with a line break.
 */
export function makeDocument(bytes, rand) {
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const k = 3 + Math.floor(rand() * 5);
    const para = Array.from({ length: k }, () => sentence(rand)).join(' ');
    lines.push(para);
    size += Buffer.byteLength(para, 'utf8') + 1;
  }
  return lines.join('\n') + '\n';
}

export function assertBmp(text, what) {
  if (/[\uD800-\uDFFF]/.test(text)) throw new Error(`${what}: generated text has astral characters`);
}

const WORD = /[^\s.،؟!]+/g;
/** Word offsets [{ start, end }] (code points = UTF-16 here, half-open). */
export function wordsOf(text) {
  const words = [];
  for (const m of text.matchAll(WORD)) words.push({ start: m.index, end: m.index + m[0].length });
  return words;
}

export const LABELS = [
  { name: 'PER', color: '#1f77b4', key: '1' },
  { name: 'LOC', color: '#2ca02c', key: '2' },
  { name: 'ORG', color: '#d62728', key: '3' },
  { name: 'MISC', color: '#9467bd', key: '4' },
];
export const keyOf = (label) => LABELS.find((l) => l.name === label).key;

/**
 * `n` one-word spans spread evenly over the words from `first` on, labels
 * cycling PER, LOC, ORG, MISC. Returns { spans, spanWords } (the word
 * indices used).
 */
export function spreadSpans(text, words, n, first = 1) {
  const spans = [];
  const spanWords = new Set();
  if (n === 0) return { spans, spanWords };
  const step = Math.floor((words.length - first) / n);
  if (step < 1) throw new Error(`cannot place ${n} spans on ${words.length} words`);
  for (let k = 0; k < n; k++) {
    const i = first + k * step;
    const w = words[i];
    spanWords.add(i);
    spans.push({ start: w.start, end: w.end, label: LABELS[k % 4].name, text: text.slice(w.start, w.end) });
  }
  return { spans, spanWords };
}

/** `count` words near the top that carry no span, two apart: targets for "create". */
export function freeWords(words, spanWords, count, from = 2) {
  const out = [];
  for (let i = from; i < words.length && out.length < count; i += 2) {
    if (!spanWords.has(i) && !spanWords.has(i - 1) && !spanWords.has(i + 1)) out.push(words[i]);
  }
  return out;
}

export function workspace(documents) {
  return { format: 'wasim', version: 1, labels: LABELS, documents, open: 0 };
}

/**
 * One article of `bytes` with `nSpans` spans: { name, text, words, spans,
 * spanWords, lines }. The text depends only on `bytes` (the same 5 MB text
 * carries 0, 1,000 or 10,000 spans).
 */
export function article(bytes, nSpans) {
  const mb = bytes / 1e6;
  const name = `article-${mb}mb-${nSpans}.txt`;
  const text = makeDocument(bytes, rng(seedOf(`article-${bytes}`)));
  assertBmp(text, name);
  const words = wordsOf(text);
  const { spans, spanWords } = spreadSpans(text, words, nSpans);
  return { name, text, words, spans, spanWords, lines: text.split('\n') };
}

/**
 * A corpus of `n` articles of ~`bytes` each with `perDoc` spans:
 * { docs: [{ name, text, spans, words, spanWords }], json (string) }.
 */
export function corpus(n, bytes = 5000, perDoc = 20) {
  const docs = [];
  for (let i = 0; i < n; i++) {
    const name = `article-${String(i + 1).padStart(5, '0')}.txt`;
    const text = makeDocument(bytes, rng(seedOf(`corpus-${i}`)));
    assertBmp(text, name);
    const words = wordsOf(text);
    const { spans, spanWords } = spreadSpans(text, words, perDoc);
    docs.push({ name, text, spans, words, spanWords });
  }
  const json = JSON.stringify(workspace(docs.map(({ name, text, spans }) => ({ name, text, done: false, spans }))));
  return { docs, json };
}

// ------------------------------------------------------------------ team
export const ANNOTATORS = ['Amina', 'Badr', 'Chadi', 'Dalia'];

/**
 * `m` annotators' Wasim JSON exports of corpus(n) (each document signed
 * with its annotator): [{ name, json }]. Each annotator's spans vary from
 * the corpus's, seeded per annotator and document: 5 % dropped, 10 %
 * relabelled, 10 % stretched to the next word, the rest kept, and a span
 * added on a free word in half the documents.
 */
export function teamExports(n, m, perDoc = 20) {
  const c = corpus(n, 5000, perDoc);
  return ANNOTATORS.slice(0, m).map((who) => {
    const documents = c.docs.map((d, i) => {
      const rand = rng(seedOf(`team-${who}-${i}`));
      const wordAt = new Map(d.words.map((w, k) => [w.start, k]));
      const spans = [];
      for (const s of d.spans) {
        const r = rand();
        if (r < 0.05) continue;
        if (r < 0.15) {
          const next = LABELS[(LABELS.findIndex((l) => l.name === s.label) + 1) % LABELS.length].name;
          spans.push({ start: s.start, end: s.end, label: next });
        } else if (r < 0.25) {
          const next = d.words[wordAt.get(s.start) + 1];
          spans.push({ start: s.start, end: next ? next.end : s.end, label: s.label });
        } else spans.push({ start: s.start, end: s.end, label: s.label });
      }
      if (rand() < 0.5) {
        const [w] = freeWords(d.words, d.spanWords, 1, 2 + Math.floor(rand() * 40));
        if (w) spans.push({ start: w.start, end: w.end, label: LABELS[Math.floor(rand() * 4)].name });
      }
      spans.sort((a, b) => a.start - b.start || b.end - a.end);
      return {
        name: d.name,
        text: d.text,
        done: false,
        annotator: who,
        spans: spans.map((s) => ({ ...s, text: d.text.slice(s.start, s.end) })),
      };
    });
    return { name: `team-${who}.json`, json: JSON.stringify(workspace(documents)) };
  });
}

// ------------------------------------------------------------------ legacy
// The original benchmark's data, unchanged: ~1 MB from the seed 20240601, a
// place named exactly a thousand times (half of them after a proclitic),
// 1,000 spans from word 400 on.
export const THOUSAND = 'الناصرية';

export function legacyData(reps) {
  const rand = rng(20240601);
  const doc = makeDocument(1_000_000, rand);
  const lines = doc.split('\n');
  const n = lines.length - 1;
  for (let i = 0; i < 1000; i++) {
    const at = Math.floor((i * n) / 1000);
    lines[at] += i % 2 ? ` ومرّ الوفد ب${THOUSAND}.` : ` ثم عاد إلى ${THOUSAND}.`;
  }
  const text = lines.join('\n');
  assertBmp(text, 'legacy');
  const words = wordsOf(text);
  const FIRST_SPAN_WORD = 400;
  const step = Math.floor((words.length - FIRST_SPAN_WORD) / 1000);
  const spans = [];
  for (let k = 0; k < 1000; k++) {
    const w = words[FIRST_SPAN_WORD + k * step];
    spans.push({ start: w.start, end: w.end, label: LABELS[k % 4].name, text: text.slice(w.start, w.end) });
  }
  return {
    text,
    lines: text.split('\n'),
    spans,
    targets: Array.from({ length: reps }, (_, k) => words[3 + 2 * k]),
    targetsAfterTagAll: Array.from({ length: reps }, (_, k) => words[4 + 2 * k]),
    workspace: workspace([{ name: 'bench-1000.txt', text, done: false, spans }]),
  };
}
