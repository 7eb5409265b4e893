// In-page instruments of the benchmark, installed in every page before the
// app's own scripts (`context.addInitScript(installBench)`), as
// `window.__B`. Self-contained: Playwright serialises the function.
//
// Times are `performance.now()` (ms since the page's navigation start).
// An input's start time is its event's `timeStamp` (when the browser
// created the event), caught by a capture listener on window before the
// app sees it.

export function installBench() {
  if (window.__B) return;
  const B = (window.__B = { ev: {}, longtasks: [], wasm: null });
  const now = () => performance.now();

  // -------------------------------------------------------------- inputs
  for (const type of ['keydown', 'click', 'change']) {
    addEventListener(
      type,
      (e) => {
        const t = now();
        // timeStamp is the event's creation time; fall back to now if it
        // is not on this page's clock.
        const ts = e.timeStamp > 0 && e.timeStamp <= t && t - e.timeStamp < 1000 ? e.timeStamp : t;
        B.ev[type] = ts;
      },
      { capture: true },
    );
  }

  // -------------------------------------------------------------- long tasks
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    B.noLongtasks = true;
  }

  // -------------------------------------------------------------- wasm memory
  // Trunk's loader dispatches TrunkApplicationStarted with the wasm
  // instance's exports ({ detail: { wasm } }); its `memory` is the app's
  // WebAssembly.Memory.
  addEventListener('TrunkApplicationStarted', (e) => {
    B.wasm = (e.detail && e.detail.wasm) || null;
  });
  B.wasmMemoryBytes = () => {
    const m = B.wasm && B.wasm.memory;
    return m && m.buffer ? m.buffer.byteLength : null;
  };

  // -------------------------------------------------------------- conditions
  // A condition is a function or a plain object (so that Node can pass
  // it), every key of which must hold:
  //   line: [lineStart, text]   that line is rendered with that text
  //   docOpen: name             its doc-item is the open one
  //   spanCount: [name, n]      its doc-item counts n spans
  //   total: n                  the progress counts n documents
  //   mark: [start, end, label] that span's mark is in doc-text
  //   noMark: [start, end, label]  and that one is not
  //   noSpanId: id              no mark of that span id
  //   teamReport: [annotators, documents]  the Team panel's report shows
  //                             them (summary and chart drawn)
  //   attr: [selector, name, value]     the first element matching
  //                             selector has that attribute value
  //   attrNot: [selector, name, value]  it exists and has another value
  //   layout: true              (last) force layout once the rest holds
  B.check = (spec) => {
    if (typeof spec === 'function') return spec();
    if (spec.total !== undefined && B.progressTotal() !== spec.total) return false;
    if (spec.line && !B.lineShown(spec.line[0], spec.line[1])) return false;
    if (spec.docOpen !== undefined) {
      const item = B.docItem(spec.docOpen);
      if (!item || item.getAttribute('aria-current') !== 'true') return false;
    }
    if (spec.spanCount && B.docSpanCount(spec.spanCount[0]) !== spec.spanCount[1]) return false;
    if (spec.mark && !B.hasMark(...spec.mark)) return false;
    if (spec.noMark && B.hasMark(...spec.noMark)) return false;
    if (spec.noSpanId !== undefined && B.hasSpanId(spec.noSpanId)) return false;
    if (spec.teamReport) {
      const summary = document.querySelector('[data-testid="team-summary"]');
      if (!summary || summary.dataset.annotators !== String(spec.teamReport[0])) return false;
      if (summary.dataset.documents !== String(spec.teamReport[1])) return false;
      if (!document.querySelector('[data-testid="team-chart"] svg')) return false;
    }
    if (spec.attr) {
      const el = document.querySelector(spec.attr[0]);
      if (!el || el.getAttribute(spec.attr[1]) !== spec.attr[2]) return false;
    }
    if (spec.attrNot) {
      const el = document.querySelector(spec.attrNot[0]);
      if (!el || el.getAttribute(spec.attrNot[1]) === spec.attrNot[2]) return false;
    }
    if (spec.layout) void document.body.offsetHeight;
    return true;
  };

  // -------------------------------------------------------------- frames
  B.frame = () => new Promise((r) => requestAnimationFrame(() => r(now())));
  B.frames = async (n) => {
    for (let i = 0; i < n; i++) await B.frame();
  };

  // Waits until input `since` has happened (after this call) and `cond()`
  // holds, checked once per animation frame. Resolves with times from the
  // input's timeStamp: `frame` = the first requestAnimationFrame callback
  // in which cond() held (i.e. the DOM change + one frame), `dom` = the
  // last DOM mutation before it (approximate time of the change itself).
  B.measure = ({ cond, since, timeout = 10000 }) =>
    new Promise((resolve, reject) => {
      const started = now();
      const happened = () => B.ev[since] !== undefined && B.ev[since] >= started - 0.5;
      let lastMut = null;
      const mo = new MutationObserver(() => {
        if (happened()) lastMut = now();
      });
      mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      let done = false;
      const finish = (f, v) => {
        done = true;
        mo.disconnect();
        clearTimeout(timer);
        f(v);
      };
      const timer = setTimeout(() => finish(reject, new Error(`no result within ${timeout} ms`)), timeout);
      const tick = () => {
        if (done) return;
        const t = now();
        let ok = false;
        if (happened()) {
          try {
            ok = !!B.check(cond);
          } catch {
            ok = false;
          }
        }
        if (ok) {
          const t0 = B.ev[since];
          finish(resolve, { frame: t - t0, dom: (lastMut ?? t) - t0 });
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // When cond first holds, on the wall clock shared by every page of the
  // machine (performance.timeOrigin + now, in ms): for comparing two tabs.
  B.seenAt = ({ cond, timeout = 30000 }) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not seen within ${timeout} ms`)), timeout);
      const tick = () => {
        let ok = false;
        try {
          ok = !!B.check(cond);
        } catch {
          ok = false;
        }
        if (ok) {
          clearTimeout(timer);
          resolve(performance.timeOrigin + now());
        } else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  // The last input of `type`, on that wall clock.
  B.epochOf = (type) => (B.ev[type] === undefined ? null : performance.timeOrigin + B.ev[type]);

  // Time to interactive. Records every animation frame from now on; a gap
  // of more than 50 ms between two frames is a main-thread stall. Once
  // input `since` has happened (or from navigation start if since is null)
  // and cond() holds (`shown`), waits for `quiet` ms without a stall.
  // `interactive` = max(shown, end of the last stall before that quiet
  // stretch). Also returns the longest stall seen after the input.
  B.interactive = ({ cond, since = null, quiet = 500, timeout = 120000 }) =>
    new Promise((resolve, reject) => {
      const started = now();
      const t0 = () => (since === null ? 0 : B.ev[since] !== undefined && B.ev[since] >= started - 0.5 ? B.ev[since] : null);
      let prev = null;
      let shown = null;
      let lastStallEnd = 0;
      let maxGap = 0;
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new Error(shown === null ? `not shown within ${timeout} ms` : `not quiet within ${timeout} ms`));
      }, timeout);
      const tick = () => {
        if (done) return;
        const t = now();
        const start = t0();
        if (start !== null) {
          if (prev !== null && prev >= start) {
            const gap = t - prev;
            if (gap > maxGap) maxGap = gap;
            if (gap > 50) lastStallEnd = t;
          }
          if (shown === null) {
            let ok = false;
            try {
              ok = !!B.check(cond);
            } catch {
              ok = false;
            }
            // after the check, so that a forced layout counts
            if (ok) shown = now();
          }
          if (shown !== null && t - Math.max(shown, lastStallEnd) >= quiet) {
            done = true;
            clearTimeout(timer);
            resolve({ shown: shown - start, interactive: Math.max(shown, lastStallEnd) - start, maxGap });
            return;
          }
        }
        prev = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // Main-thread time lost in the `ms` after input `since`: frames are
  // recorded from now on; every gap between two animation frames longer
  // than 50 ms counts whole (clipped to the window). Also sums the
  // `longtask` entries (tasks >= 50 ms) that overlap the window.
  B.blocked = ({ since = 'keydown', ms = 3000, timeout = 20000 }) =>
    new Promise((resolve, reject) => {
      const started = now();
      const frames = [];
      const timer = setTimeout(() => reject(new Error(`no ${since} within ${timeout} ms`)), timeout);
      const tick = () => {
        const t = now();
        frames.push(t);
        const t0 = B.ev[since] !== undefined && B.ev[since] >= started - 0.5 ? B.ev[since] : null;
        if (t0 !== null && t >= t0 + ms) {
          clearTimeout(timer);
          const end = t0 + ms;
          let blocked = 0;
          let maxGap = 0;
          for (let i = 1; i < frames.length; i++) {
            const a = frames[i - 1];
            const b = frames[i];
            if (b <= t0 || a >= end) continue;
            const gap = b - a;
            if (gap > maxGap) maxGap = gap;
            if (gap > 50) blocked += Math.min(b, end) - Math.max(a, t0);
          }
          const longtask = B.longtasks
            .filter(([s, d]) => s < end && s + d > t0)
            .reduce((sum, [, d]) => sum + d, 0);
          resolve({ blocked, longtask, maxGap, frames: frames.filter((f) => f >= t0 && f <= end).length });
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  // -------------------------------------------------------------- the text
  B.root = () => document.querySelector('[data-testid="doc-text"]');

  // The rendered line element holding code point `cp` (by data-line-start;
  // lines are in document order), or null.
  B.lineAt = (cp) => {
    const root = B.root();
    if (!root) return null;
    const lines = root.querySelectorAll('[data-line-start]');
    let lo = 0;
    let hi = lines.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (Number(lines[mid].getAttribute('data-line-start')) <= cp) {
        found = lines[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  // Whether the line starting at `lineStart` is rendered with `text`.
  B.lineShown = (lineStart, text) => {
    const root = B.root();
    if (!root) return false;
    const el = root.querySelector(`[data-line-start="${lineStart}"]`);
    if (el) return el.textContent.replace(/\r?\n$/, '') === text;
    // no line attributes: the first line element
    const first = root.querySelector('div.line');
    return lineStart === 0 && !!first && first.textContent.replace(/\r?\n$/, '') === text;
  };

  // The (text node, UTF-16 offset) of code point `cp`, walking text nodes
  // from the line element that holds it.
  function locate(cp, preferNext) {
    const root = B.root();
    const line = B.lineAt(cp);
    let seen = line ? Number(line.getAttribute('data-line-start')) : 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (line) walker.currentNode = line;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const d = node.data;
      let u = 0;
      while (true) {
        if (seen === cp && !(u === d.length && preferNext)) return { node, offset: u };
        if (u >= d.length) break;
        u += d.codePointAt(u) > 0xffff ? 2 : 1;
        seen++;
      }
    }
    return null;
  }

  function scroller(el) {
    for (let e = el; e && e !== document.documentElement; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (/(auto|scroll)/.test(s.overflowY) && e.scrollHeight > e.clientHeight) return e;
    }
    return document.scrollingElement;
  }

  function inView(el) {
    const r = el.getBoundingClientRect();
    const sc = scroller(el instanceof Range ? el.startContainer.parentElement : el);
    const band = sc === document.scrollingElement ? { top: 0, bottom: innerHeight } : sc.getBoundingClientRect();
    return r.top >= band.top && r.bottom <= band.bottom;
  }

  // Selects code points [start, end) of the open document in the DOM.
  // Returns 'ok', 'scrolled' (it was out of view: call again after a few
  // frames) or 'missing' (not rendered).
  B.select = (start, end) => {
    // label keys do nothing while a field has the focus
    const f = document.activeElement;
    if (f && f !== document.body && (f.matches('input, textarea, select') || f.isContentEditable)) f.blur();
    const s = locate(start, true);
    const e = locate(end, false);
    if (!s || !e) {
      const line = B.lineAt(start);
      if (line) {
        line.scrollIntoView({ block: 'center' });
        return 'scrolled';
      }
      return 'missing';
    }
    const r = document.createRange();
    r.setStart(s.node, s.offset);
    r.setEnd(e.node, e.offset);
    // the range, not its element: a line with no break is taller than the view
    if (!inView(r)) {
      const sc = scroller(s.node.parentElement);
      const band = sc === document.scrollingElement ? { top: 0, bottom: innerHeight } : sc.getBoundingClientRect();
      sc.scrollTop += r.getBoundingClientRect().top - (band.top + band.bottom) / 2;
      return 'scrolled';
    }
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
    document.dispatchEvent(new Event('selectionchange'));
    return 'ok';
  };

  // The mark of span [start, end) (any label): its id, label and a point
  // inside one of its boxes where nothing covers it (a toast, say),
  // scrolling it into view first if needed; null if it is not ready.
  B.spanPoint = (start, end) => {
    const root = B.root();
    const m = root && root.querySelector(`mark[data-span-start="${start}"][data-span-end="${end}"]`);
    if (!m) {
      const line = B.lineAt(start);
      if (line) line.scrollIntoView({ block: 'center' });
      return null;
    }
    if (!inView(m)) {
      m.scrollIntoView({ block: 'center' });
      return null;
    }
    for (const r of m.getClientRects()) {
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && (hit === m || m.contains(hit))) {
        return { id: m.getAttribute('data-span-id'), label: m.getAttribute('data-label'), x, y };
      }
    }
    m.scrollIntoView({ block: 'center' });
    return null;
  };

  B.hasMark = (start, end, label) => {
    const root = B.root();
    return !!(root && root.querySelector(`mark[data-span-start="${start}"][data-span-end="${end}"][data-label="${label}"]`));
  };
  B.hasSpanId = (id) => {
    const root = B.root();
    return !!(root && root.querySelector(`mark[data-span-id="${id}"]`));
  };
  B.isSelected = (start, end) => {
    const root = B.root();
    const m = root && root.querySelector(`mark[data-span-start="${start}"][data-span-end="${end}"]`);
    return !!m && m.classList.contains('selected');
  };

  // -------------------------------------------------------------- the list
  B.docItem = (name) =>
    document.querySelector(`[data-testid="doc-list"] [data-testid="doc-item"][data-doc-name="${CSS.escape(name)}"]`);
  B.docSpanCount = (name) => {
    const item = B.docItem(name);
    const c = item && item.querySelector('[data-testid="doc-span-count"]');
    return c ? Number(c.textContent.trim()) : null;
  };
  B.progressTotal = () => {
    const p = document.querySelector('[data-testid="progress"]');
    return p ? Number(p.getAttribute('data-total')) : null;
  };

  // Brings the doc-item `name` (the `index`-th of `total`; the list is in
  // name order) into the DOM and into view by scrolling the list's
  // scroller, so that a windowed list works too: first to the estimated
  // place, then by bisection on scrollTop, comparing `name` with the names
  // of the items rendered. Call again (a few frames apart) until it returns
  // true: the item is attached and in view.
  B.revealDocItem = (name, index, total) => {
    const item = B.docItem(name);
    if (item) {
      if (!inView(item)) item.scrollIntoView({ block: 'center' });
      return inView(item);
    }
    const list = document.querySelector('[data-testid="doc-list"]');
    if (!list) return false;
    const sc = scroller(list);
    let st = B.reveal;
    if (!st || st.name !== name) {
      st = B.reveal = { name, lo: 0, hi: sc.scrollHeight };
      sc.scrollTop = (index / total) * sc.scrollHeight - sc.clientHeight / 2;
      return false;
    }
    const names = [...list.querySelectorAll('[data-testid="doc-item"]')].map((i) => i.getAttribute('data-doc-name'));
    if (names.length > 0) {
      if (names[names.length - 1] < name) st.lo = sc.scrollTop;
      else if (names[0] > name) st.hi = sc.scrollTop;
      else {
        // between two rendered items but not rendered itself: show the place
        const next = list.querySelector(`[data-testid="doc-item"][data-doc-name="${CSS.escape(names.find((n) => n > name))}"]`);
        if (next) next.scrollIntoView({ block: 'center' });
        return false;
      }
    }
    if (st.hi - st.lo < 2) {
      st.lo = 0;
      st.hi = sc.scrollHeight;
    }
    sc.scrollTop = (st.lo + st.hi) / 2;
    return false;
  };
}
