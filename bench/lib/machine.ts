import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { ROOT } from './build.js';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  commit: string;
  /** Uncommitted changes in src/ when the bench ran: the numbers are for that tree, not the commit alone. */
  srcDirty: boolean;
  /**
   * Average cores kept busy by work other than the bench and its children, over the whole run
   * (2.0 = both cores of a 2-core machine). Well above 0, absolute numbers are noisy.
   */
  otherWorkCores: number;
  loadAverage1m: { start: number; end: number };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function loadAverage1m(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}

/** What the numbers were measured on, recorded beside them. */
export function machineInfo(): MachineInfo {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `linux ${release()}`,
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD']),
    srcDirty: git(['status', '--porcelain', '--', 'src']) !== '',
    otherWorkCores: Number.NaN,
    loadAverage1m: { start: loadAverage1m(), end: Number.NaN },
  };
}

/** CPU clock ticks: busy on all CPUs, and used by this process plus its exited children. */
export interface CpuSnapshot {
  systemBusy: number;
  own: number;
  atMs: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export function cpuSnapshot(): CpuSnapshot {
  // /proc/stat "cpu" line: user nice system idle iowait irq softirq steal; idle and iowait are not busy.
  const all = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const systemBusy = sum(all) - (all[3] ?? 0) - (all[4] ?? 0);
  // /proc/self/stat fields 14-17 (utime stime cutime cstime), counted after the ")" that closes the name.
  const self = readFileSync('/proc/self/stat', 'utf8');
  const own = sum(self.slice(self.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number));
  return { systemBusy, own, atMs: performance.now() };
}

/** Average cores busy between two snapshots with work that was neither the bench nor its children. */
export function otherWorkCores(from: CpuSnapshot, to: CpuSnapshot): number {
  const ticksPerSecond = 100; // USER_HZ on Linux
  const seconds = (to.atMs - from.atMs) / 1000;
  const other = (to.systemBusy - from.systemBusy - (to.own - from.own)) / ticksPerSecond / seconds;
  return Math.max(0, Math.round(other * 100) / 100);
}
