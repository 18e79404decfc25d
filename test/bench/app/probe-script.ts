/**
 * What B12 installs in the app's page before any of its scripts run (as plain
 * JavaScript text, so no bundler helper can leak into it): the first input event
 * after `arm()`, a per-frame check of a named condition on the DOM, long tasks,
 * and the open-to-report-painted / open-to-panel-ready marks.
 * `expectedTotal` is the store's live count, which the panel must show to be ready.
 *
 * A sample ends at the first frame whose rAF callback sees the condition true,
 * once that frame has been produced (a task posted from the callback), as the
 * other browser cases end theirs; it starts at the input event's timeStamp.
 * The conditions name the app's regions and controls by role and accessible
 * name, as the end-to-end tests do, so they hold for the old and the new panel.
 */
export function probeScript(expectedTotal: number): string {
  return `const B12_EXPECTED_TOTAL = ${JSON.stringify(expectedTotal)};\n${PROBE_BODY}`;
}

const PROBE_BODY = String.raw`
(() => {
  const expectedTotal = B12_EXPECTED_TOTAL;
  const INPUTS = ['keydown', 'pointerdown', 'mousedown', 'wheel'];
  const state = { armed: false, first: null, longTasks: [], marks: {}, flash: null };

  for (const type of INPUTS) {
    window.addEventListener(type, (event) => {
      if (state.armed && state.first === null) {
        state.first = { type: event.type, timeStamp: event.timeStamp };
        performance.mark('b12-input', { startTime: event.timeStamp });
      }
    }, { capture: true, passive: true });
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const nameOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
    return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  };
  // Landmarks and lists are named by their label only (their text would be the whole panel).
  const labelOf = (el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    return by ? by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim() : '';
  };
  const visible = (el) => el !== null && el.getClientRects().length > 0;
  const panel = () => [...document.querySelectorAll('aside, [role="complementary"]')].find((el) => labelOf(el) === 'Annotations') ?? null;
  const filterBox = () => panel()?.querySelector('input[type="search"][aria-label="Filter annotations"]') ?? null;
  const busy = () => panel()?.querySelector('[aria-busy="true"]') != null || panel()?.getAttribute('aria-busy') === 'true';
  const list = () => panel()?.querySelector('[aria-label="Highlights"]') ?? [...(panel()?.querySelectorAll('[aria-labelledby]') ?? [])].find((el) => labelOf(el) === 'Highlights') ?? null;
  // The panel's own texts and controls, without walking into the (possibly thousands of) cards:
  // a check runs every frame, so it must cost next to nothing on either side.
  const outsideCards = (accept) => {
    const root = panel();
    if (!root) return null;
    const cards = list();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node === cards ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const found = accept(node);
      if (found !== undefined) return found;
    }
    return null;
  };
  const textMatch = (re) => outsideCards((node) => (node.nodeType === 3 ? re.exec(node.data) ?? undefined : undefined));
  const num = (s) => Number(s.replace(/[,\s\u202f\u00a0]/g, ''));
  const total = () => {
    const m = textMatch(/(Loading annotations)|(No highlights yet)|^\s*([\d][\d,\u202f\u00a0]*) highlights?\b/);
    if (!m || m[1]) return null;
    return m[2] ? 0 : num(m[3]);
  };
  const showing = () => {
    const m = textMatch(/Showing ([\d][\d,\u202f\u00a0]*) of ([\d][\d,\u202f\u00a0]*)/);
    return m ? { n: num(m[1]), m: num(m[2]) } : null;
  };
  const buttonNamed = (re) => outsideCards((node) => {
    if (node.nodeType !== 1 || !(node.tagName === 'BUTTON' || node.getAttribute('role') === 'button')) return undefined;
    return re.exec(nameOf(node)) ?? undefined;
  });
  const legendCount = (label) => {
    const m = buttonNamed(new RegExp('^' + label.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&') + ' \\((\\d+)\\)$'));
    return m ? Number(m[1]) : null;
  };
  const trashCount = () => {
    const m = buttonNamed(/^Recently deleted \((\d+)\)/);
    return m ? Number(m[1]) : 0;
  };
  const dialog = () => [...document.querySelectorAll('[role="dialog"]')].find(visible) ?? null;
  const noteBox = () => {
    const d = dialog();
    if (!d) return null;
    return [...d.querySelectorAll('textarea')].find((t) => {
      const id = t.id;
      const label = t.getAttribute('aria-label') ?? (id ? document.querySelector('label[for="' + id + '"]')?.textContent : t.closest('label')?.textContent) ?? '';
      return label.trim() === 'Note';
    }) ?? null;
  };
  const scroller = () => {
    for (let el = list(); el; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) return el;
    }
    return null;
  };
  const cardAt = (x, y) => document.elementFromPoint(x, y)?.closest('li, [role="listitem"]') ?? null;
  const flashRange = () => {
    const h = CSS.highlights.get('fieldmark-flash');
    if (!h || h.size === 0) return null;
    return h.values().next().value;
  };
  const inReadingPane = (range) => {
    const main = document.querySelector('main');
    if (!main || !range) return false;
    const pane = main.getBoundingClientRect();
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return rect.top >= pane.top && rect.bottom <= pane.bottom;
  };

  const conditions = {
    filterValue: (a) => filterBox()?.value === a.value,
    filterResults: (a) => filterBox()?.value === a.value && !busy() && (showing()?.n ?? -1) === a.shown,
    cleared: () => filterBox()?.value === '' && !busy() && (showing() === null || showing().n === showing().m),
    cardOpen: () => { const d = dialog(); return d !== null && d.contains(document.activeElement); },
    created: (a) => conditions.cardOpen() && total() === a.total,
    recoloured: (a) => {
      const d = dialog();
      const radio = d && [...d.querySelectorAll('input[type="radio"], [role="radio"]')].find((r) => nameOf(r.closest('label') ?? r) === a.label || r.getAttribute('aria-label') === a.label);
      const checked = radio && (radio.checked === true || radio.getAttribute('aria-checked') === 'true');
      return Boolean(checked) && legendCount(a.label) === a.count;
    },
    noteValue: (a) => noteBox()?.value === a.value,
    deleted: (a) => dialog() === null && trashCount() === a.trash && total() === a.total,
    undone: (a) => trashCount() === a.trash && total() === a.total,
    scrolled: (a) => {
      const s = scroller();
      if (!s || s.scrollTop < a.from + a.by - 2) return false;
      const box = s.getBoundingClientRect();
      const x = box.left + box.width / 2;
      return cardAt(x, box.top + box.height / 2) !== null && cardAt(x, box.bottom - 24) !== null;
    },
    jumped: () => { const r = flashRange(); return r !== null && r !== state.flash && inReadingPane(r); },
    reportPainted: () => document.querySelector('article [data-block-id]') !== null,
    panelReady: () => total() === expectedTotal && (expectedTotal === 0 || list() !== null),
  };

  /** Resolves after the frame whose rAF callback first sees test() true; with its rAF time. */
  const frameWhen = (test, timeoutMs) => new Promise((resolve) => {
    const t0 = performance.now();
    const tick = () => {
      if (test()) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ ok: true, end: performance.now() });
        channel.port2.postMessage(0);
        return;
      }
      if (performance.now() - t0 > timeoutMs) { resolve({ ok: false, end: performance.now() }); return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  const startMark = (name) => frameWhen(conditions[name], 120000).then((r) => { if (r.ok) state.marks[name] = r.end; });
  startMark('reportPainted');
  startMark('panelReady');

  let pending = null;
  window.__b12 = {
    /** Starts watching: the next input event opens the sample, the condition closes it. */
    arm(name, args, timeoutMs, early) {
      state.armed = true;
      state.first = null;
      state.flash = flashRange();
      const seen = (cond) => () => state.first !== null && conditions[cond](args);
      const main = frameWhen(seen(name), timeoutMs);
      // An earlier sign of life (the typed character shown before the results), timed alongside.
      const first = early ? frameWhen(seen(early), timeoutMs) : Promise.resolve(null);
      pending = Promise.all([main, first]).then(([r, e]) => {
        state.armed = false;
        const input = state.first;
        const since = (x) => (x && x.ok && input ? x.end - input.timeStamp : null);
        return { ok: r.ok, ms: input ? r.end - input.timeStamp : null, earlyMs: since(e), input: input?.type ?? null };
      });
    },
    result() { return pending; },
    check(name, args) { return Boolean(conditions[name](args)); },
    read() {
      const s = scroller();
      return { total: total(), showing: showing(), trash: trashCount(), dialog: dialog() !== null,
        scroller: s ? { top: s.scrollTop, height: s.clientHeight, max: s.scrollHeight - s.clientHeight } : null };
    },
    legendCount,
    marks() { return { ...state.marks }; },
    longTasks() { return state.longTasks.slice(); },
    /**
     * Resolves once the page has been idle twice in a row (deferred renders and effects have run).
     * Headless Chromium sometimes stops granting idle periods to a page that is doing nothing (seen
     * after an optimistic delete: the main thread idle, no idle callback for minutes), so each wait
     * ends after 3 s at most; a step's timing never includes this wait.
     */
    idle() {
      const once = () => new Promise((r) => requestIdleCallback(() => r(), { timeout: 3000 }));
      return once().then(once);
    },
  };
})();
`;
