import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * Ending a process together with everything it started. A pwsh installed as a dotnet tool is a launcher
 * that runs the real PowerShell as its child; killing only the launcher leaves PowerShell running.
 * node-powershell spawns pwsh in our own process group, so the group cannot be signalled; instead the
 * tree is read from /proc. Where there is no /proc (Windows, macOS) only the given pids are signalled.
 */

export interface ProcessIdentity {
  pid: number;
  /** Start time in clock ticks since boot (/proc stat field 22): tells a process from a later one that reuses its pid. */
  startTime: string | undefined;
}

const HAS_PROC = existsSync('/proc/self/stat');

function readStat(pid: number): { ppid: number; startTime: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself hold spaces or ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    const startTime = fields[19];
    return Number.isInteger(ppid) && startTime !== undefined ? { ppid, startTime } : undefined;
  } catch {
    return undefined;
  }
}

function childrenOf(parents: ReadonlySet<number>): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const children: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const stat = readStat(pid);
    if (stat && parents.has(stat.ppid) && !parents.has(pid)) children.push(pid);
  }
  return children;
}

function send(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * The processes under the given roots, roots included, remembered so they can be signalled later even
 * after the parent that linked them has gone. With `freeze`, each process is stopped (SIGSTOP) before
 * its children are looked for, so none of them can start another one while the tree is being read.
 */
function collectTree(roots: readonly number[], freeze: boolean): ProcessIdentity[] {
  const found = new Map<number, ProcessIdentity>();
  let frontier = roots.filter((pid) => Number.isInteger(pid) && pid > 0);
  while (frontier.length > 0) {
    for (const pid of frontier) {
      if (freeze) send(pid, 'SIGSTOP');
      const startTime = readStat(pid)?.startTime;
      // With /proc, a process that cannot be read has gone, and its pid must not be signalled later.
      if (startTime !== undefined || !HAS_PROC) found.set(pid, { pid, startTime });
    }
    frontier = childrenOf(new Set(found.keys()));
  }
  return [...found.values()];
}

export function snapshotProcessTree(roots: readonly number[]): ProcessIdentity[] {
  return collectTree(roots, false);
}

/** Kills the processes and every process below them, at once. */
export function killProcessTree(roots: readonly number[]): void {
  signalProcesses(collectTree(roots, true), 'SIGKILL');
}

/** Whether the remembered process still runs (without /proc this cannot be told, and is assumed). */
export function stillSameProcess({ pid, startTime }: ProcessIdentity): boolean {
  return startTime === undefined || readStat(pid)?.startTime === startTime;
}

/** Signals the remembered processes that still exist and are still the same processes. */
export function signalProcesses(processes: readonly ProcessIdentity[], signal: NodeJS.Signals): void {
  for (const identity of processes) if (stillSameProcess(identity)) send(identity.pid, signal);
}
