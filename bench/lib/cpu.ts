import fs from 'node:fs';
import os from 'node:os';

/**
 * CPU time used by processes, read from /proc (Linux): what the load phase of a benchmark cost
 * in CPU, per process kind, whatever else the machine was doing at the time. On a shared
 * machine wall-clock throughput falls with the load average; CPU per operation does not, and
 * cores ÷ CPU per operation bounds the throughput on an idle machine.
 */

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux platform Node supports.

/** utime + stime of one process in ms, or 0 when it is gone or /proc is absent. */
function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * The PostgreSQL processes that work for `database`: its backends ("postgres: user db addr …")
 * and the server's own background processes (WAL writer, checkpointer…), which have no
 * database in their title. Backends of other databases (another job on the machine) are left
 * out.
 */
function postgresPids(database: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const isBackend = title.includes('(') || /\d+\.\d+\.\d+\.\d+|\[local\]/.test(title);
      if (!isBackend || title.includes(` ${database} `)) {
        pids.push(Number(entry));
      }
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** CPU ms so far per process: by label for the named pids, `PostgreSQL/<pid>` for the database's. */
export type CpuSnapshot = Map<string, number>;

/**
 * CPU ms so far of the named processes and, given a database, of the PostgreSQL processes
 * serving it (none for PGlite, which runs inside the server process).
 */
export function snapshotCpu(
  processes: Record<string, number | undefined>,
  database?: string,
): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  for (const [label, pid] of Object.entries(processes)) {
    if (pid !== undefined) out.set(label, processCpuMs(pid));
  }
  if (database === undefined) return out;
  for (const pid of postgresPids(database)) out.set(`PostgreSQL/${pid}`, processCpuMs(pid));
  return out;
}

/** "server 0.61 ms, PostgreSQL 0.80 ms, driver 0.12 ms; total 1.53 ms → 1,307/s on 2 cores". */
export function describeCpuPer(before: CpuSnapshot, after: CpuSnapshot, operations: number) {
  if (operations <= 0) return 'no operations';
  // Per process: one that started after `before` counts from zero; one that exited before
  // `after` is not counted (its time cannot be read any more).
  const used = new Map<string, number>();
  for (const [key, end] of after) {
    const label = key.split('/')[0]!;
    const delta = Math.max(0, end - (before.get(key) ?? 0));
    used.set(label, (used.get(label) ?? 0) + delta);
  }
  let total = 0;
  const parts: string[] = [];
  for (const [label, ms] of used) {
    total += ms / operations;
    parts.push(`${label} ${(ms / operations).toFixed(2)} ms`);
  }
  const cores = os.cpus().length;
  const bound = total > 0 ? Math.round((cores * 1000) / total) : Infinity;
  return `${parts.join(', ')}; total ${total.toFixed(2)} ms → at most ${bound.toLocaleString('en')}/s on ${cores} idle cores`;
}
