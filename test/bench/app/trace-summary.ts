/**
 * Reads a Chrome trace (JSON, as Playwright's browser.stopTracing writes it) of
 * one B12 round and tells where the renderer's main thread spent each step's
 * time: trace events by self time (style, layout, paint, GC, script…) and
 * JavaScript functions by self and by total time, from the V8 sampling profile.
 * A step runs from its input event (the probe's `b12-input` mark after the
 * driver's `b12:<step>` mark) to the driver's `b12:end` mark, after the page went idle;
 * given the steps' timed figures, it ends with the frame that showed the result
 * instead, so the summary names only the work the user waited for.
 */
import { readFile } from 'node:fs/promises';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: Record<string, unknown> };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface StepSummary {
  step: string;
  wallMs: number;
  /** Main-thread trace events by self time (ms), largest first. */
  events: Array<[string, number]>;
  /** JS functions by self time (ms). */
  selfJs: Array<[string, number]>;
  /** JS functions by total time (ms): the function and everything it called. */
  totalJs: Array<[string, number]>;
}

const TOP = 12;
const top = (m: Map<string, number>, n = TOP): Array<[string, number]> =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, Math.round(v * 10) / 10]);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? url.slice(url.lastIndexOf('/') + 1).replace(/-[\w-]{8}\.js$/, '.js') : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Main-thread self time per event name inside [from, to) (µs timestamps), nested events subtracted. */
function eventSelfTimes(events: TraceEvent[], from: number, to: number): Map<string, number> {
  const out = new Map<string, number>();
  const stack: Array<{ end: number; name: string; child: number; dur: number }> = [];
  const flush = (until: number) => {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= until) {
      const done = stack.pop()!;
      add(out, done.name, (done.dur - done.child) / 1000);
      if (stack.length > 0) stack[stack.length - 1]!.child += done.dur;
    }
  };
  for (const e of events) {
    if (e.ts < from || e.ts >= to) continue;
    flush(e.ts);
    stack.push({ end: e.ts + e.dur!, name: e.name, child: 0, dur: e.dur! });
  }
  flush(Number.POSITIVE_INFINITY);
  return out;
}

/**
 * Summarises every marked step of the trace in `file`. With `timedMs` (each
 * step's sample, in order), a step ends that many ms after its input event.
 */
export async function summariseTrace(file: string, timedMs?: readonly number[]): Promise<StepSummary[]> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const all = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const marks = all.filter((e) => e.name.startsWith('b12:') && e.cat.includes('user_timing'));
  if (marks.length === 0) throw new Error('no b12: marks in the trace');
  const { pid, tid } = marks[0]!;
  const main = all.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);

  // The sampling profile: nodes and samples arrive in chunks.
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<{ ts: number; node: number; dt: number }> = [];
  let clock = 0;
  for (const e of all.filter((x) => x.pid === pid && (x.name === 'Profile' || x.name === 'ProfileChunk')).sort((a, b) => a.ts - b.ts)) {
    const data = e.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (e.name === 'Profile') clock = data?.startTime ?? e.ts;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      clock += deltas[i] ?? 0;
      samples.push({ ts: clock, node: ids[i]!, dt: deltas[i + 1] ?? 0 });
    }
  }
  for (let i = 0; i + 1 < samples.length; i++) samples[i]!.dt = samples[i + 1]!.ts - samples[i]!.ts;

  const steps = marks.sort((a, b) => a.ts - b.ts);
  const inputs = all.filter((e) => e.name === 'b12-input' && e.pid === pid).map((e) => e.ts).sort((a, b) => a - b);
  const out: StepSummary[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    if (step.name === 'b12:end') continue;
    const settled = steps.slice(i + 1).find((m) => m.name === 'b12:end')?.ts ?? Number.POSITIVE_INFINITY;
    // From the input event (the driver's locator work before it is not the app's), to the settled page.
    const input = inputs.find((t) => t >= step.ts && t < settled);
    const start = { ts: input ?? step.ts, name: step.name };
    const timed = timedMs?.[out.length];
    const end = timed !== undefined && input !== undefined ? Math.min(settled, input + timed * 1000) : settled;
    const selfJs = new Map<string, number>();
    const totalJs = new Map<string, number>();
    for (const s of samples) {
      if (s.ts < start.ts || s.ts >= end) continue;
      const node = nodes.get(s.node);
      if (!node) continue;
      const ms = s.dt / 1000;
      add(selfJs, frameName(node), ms);
      const seen = new Set<string>();
      for (let n: ProfileNode | undefined = node; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const name = frameName(n);
        if (!seen.has(name)) add(totalJs, name, ms);
        seen.add(name);
      }
    }
    for (const k of ['(idle)', '(program)', '(root)']) totalJs.delete(k);
    out.push({
      step: start.name.slice(4),
      wallMs: Math.round((end - start.ts) / 100) / 10,
      events: top(eventSelfTimes(main, start.ts, end)),
      selfJs: top(selfJs),
      totalJs: top(totalJs, 20),
    });
  }
  return out;
}

// npx tsx trace-summary.ts <trace.json> [round summary.json, whose samples bound each step to its timed window]
if (import.meta.url === `file://${process.argv[1]}`) {
  const round = process.argv[3] ? (JSON.parse(await readFile(process.argv[3], 'utf8')) as { samples: Array<{ ms: number }> }) : null;
  for (const s of await summariseTrace(process.argv[2]!, round?.samples.map((x) => x.ms))) process.stdout.write(`${JSON.stringify(s)}\n`);
}
