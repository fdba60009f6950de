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

/** Every process whose command is `name` (e.g. the PostgreSQL server's backends). */
function pidsNamed(name: string): number[] {
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
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

export type CpuSnapshot = Map<string, number>;

/** CPU ms so far of the named processes (pid) and of every process called `postgres`. */
export function snapshotCpu(processes: Record<string, number | undefined>): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  for (const [label, pid] of Object.entries(processes)) {
    if (pid !== undefined) out.set(label, processCpuMs(pid));
  }
  out.set(
    'PostgreSQL',
    pidsNamed('postgres').reduce((sum, pid) => sum + processCpuMs(pid), 0),
  );
  return out;
}

/** "server 0.61 ms, PostgreSQL 0.80 ms, driver 0.12 ms; total 1.53 ms → 1,307/s on 2 cores". */
export function describeCpuPer(before: CpuSnapshot, after: CpuSnapshot, operations: number) {
  if (operations <= 0) return 'no operations';
  let total = 0;
  const parts: string[] = [];
  for (const [label, end] of after) {
    // A process that started after `before` (none here) would count from zero.
    const used = Math.max(0, end - (before.get(label) ?? 0)) / operations;
    total += used;
    parts.push(`${label} ${used.toFixed(2)} ms`);
  }
  const cores = os.cpus().length;
  const bound = total > 0 ? Math.round((cores * 1000) / total) : Infinity;
  return `${parts.join(', ')}; total ${total.toFixed(2)} ms → at most ${bound.toLocaleString('en')}/s on ${cores} idle cores`;
}
