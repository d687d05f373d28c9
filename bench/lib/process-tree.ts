/**
 * Memory and CPU of a process and all its descendants (Astro's Node process, its worker
 * threads, the Pagefind binary, esbuild), sampled from /proc while it runs. The parsers are
 * pure; `watchProcessTree` binds them to /proc on Linux.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What one /proc/<pid>/stat line says about a process. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** User + system CPU time of the process itself (its threads included), in clock ticks. */
  cpuTicks: number;
  /** Resident memory, in pages. */
  rssPages: number;
  /** Start time after boot, in clock ticks: with the pid, it names one process even if pids are reused. */
  startTicks: number;
}

/**
 * Parses /proc/<pid>/stat; the command name may hold spaces and parentheses, so fields are
 * counted from the last `)`.
 * @example parseProcStat('42 (node (main)) S 7 42 42 0 -1 0 0 0 0 0 150 30 0 0 20 0 11 0 900 0 2500').rssPages // 2500
 */
export function parseProcStat(text: string): ProcStat {
  const close = text.lastIndexOf(')');
  const fields = text
    .slice(close + 2)
    .trim()
    .split(/\s+/)
    .map(Number);
  // fields[0] is field 3 of proc(5) (state): field n is at n - 3.
  const at = (field: number) => fields[field - 3] ?? Number.NaN;
  return { pid: Number.parseInt(text, 10), ppid: at(4), cpuTicks: at(14) + at(15), startTicks: at(22), rssPages: at(24) };
}

/**
 * Busy clock ticks of the whole machine from the first line of /proc/stat (everything but idle and iowait).
 * @example busyTicks('cpu  100 5 50 1000 20 3 2 1 0 0') // 161
 */
export function busyTicks(procStat: string): number {
  const [, ...values] = (procStat.split('\n')[0] ?? '').trim().split(/\s+/);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = values.map(Number);
  return user + nice + system + irq + softirq + steal;
}

/** The root and every process whose chain of parents leads to it. */
export function descendantsOf(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    if (tree.includes(pid)) continue;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface TreeUsage {
  /** Highest sum of resident memory of the tree over all samples, in bytes. */
  peakRssBytes: number;
  /** CPU time of the processes of the tree (as last seen), in ms. */
  cpuMs: number;
  /** CPU time the rest of the machine used meanwhile, in ms: other work disturbing the measurement. */
  otherCpuMs: number;
  samples: number;
}

function systemConstant(name: string, fallback: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

const read = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process ended between listing and reading
  }
};

/** Samples the tree under `rootPid` every `intervalMs` until `stop()` (call it once the root has exited). */
export function watchProcessTree(rootPid: number, intervalMs = 100): { stop(): TreeUsage } {
  const pageSize = systemConstant('PAGESIZE', 4096);
  const ticksPerSecond = systemConstant('CLK_TCK', 100);
  const parents = new Map<number, number>();
  const cpuByProcess = new Map<string, number>();
  const busyAtStart = busyTicks(read('/proc/stat') ?? '');
  let peakPages = 0;
  let samples = 0;
  const sample = () => {
    const running = new Set(
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .map(Number),
    );
    for (const pid of parents.keys()) if (!running.has(pid)) parents.delete(pid);
    for (const pid of running) {
      if (parents.has(pid)) continue;
      const text = read(`/proc/${pid}/stat`);
      if (text) parents.set(pid, parseProcStat(text).ppid);
    }
    let pages = 0;
    for (const pid of descendantsOf(rootPid, parents)) {
      const text = read(`/proc/${pid}/stat`);
      if (!text) continue;
      const stat = parseProcStat(text);
      pages += stat.rssPages;
      cpuByProcess.set(`${pid}@${stat.startTicks}`, stat.cpuTicks);
    }
    peakPages = Math.max(peakPages, pages);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const busy = busyTicks(read('/proc/stat') ?? '') - busyAtStart;
      const treeTicks = [...cpuByProcess.values()].reduce((sum, ticks) => sum + ticks, 0);
      const toMs = (ticks: number) => Math.round((ticks * 1000) / ticksPerSecond);
      return { peakRssBytes: peakPages * pageSize, cpuMs: toMs(treeTicks), otherCpuMs: Math.max(0, toMs(busy - treeTicks)), samples };
    },
  };
}
