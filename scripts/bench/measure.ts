/**
 * Measuring one command (wall time, CPU, peak memory of its whole process tree) and the
 * machine it ran on: shared by the site benchmark (./run.ts) and the county one
 * (./federation.ts), so neither imports the other.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './generate';
import { parseTimeOutput, type Machine, type TimeResult } from './report';

const TIME = '/usr/bin/time';
const SAMPLE_MS = 250;

// ---------------------------------------------------------------------------------------
// Measuring one command

/** Highest VmHWM (peak RSS) /proc showed for one process of a measured command. */
export interface ProcessPeak {
  pid: number;
  /** /proc/<pid>/status Name (15 characters at most, e.g. `pagefind_extend`). */
  name: string;
  command: string;
  peakKb: number;
}

export interface Measurement extends TimeResult {
  stdout: string;
  stderr: string;
  /** Every process of the tree the sampler saw, with its peak. */
  processes: ProcessPeak[];
  /** Largest sum of VmRSS over the tree at one sample, KiB. */
  treePeakKb: number;
}

export interface MeasureOptions {
  cwd?: string;
  /** Writes stdout and stderr here as well. */
  log?: string;
}

/** Children of every process, from /proc/<pid>/stat (field 4 is the parent). */
function processChildren(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process exited while we looked.
    }
  }
  return children;
}

/** A `kB` line of /proc/<pid>/status (`VmHWM:   123456 kB`); 0 for kernel threads, which have none. */
function statusKb(status: string, field: string): number {
  return Number(new RegExp(`^${field}:\\s*(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
}

/** Samples a process tree's memory until stopped. */
function sampleTree(rootPid: number): { stop(): { processes: ProcessPeak[]; treePeakKb: number } } {
  const peaks = new Map<number, ProcessPeak>();
  let treePeakKb = 0;
  const sample = () => {
    const children = processChildren();
    const pids = [rootPid];
    for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i]!) ?? []));
    let treeKb = 0;
    for (const pid of pids) {
      let status: string;
      try {
        status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      } catch {
        continue;
      }
      const hwm = statusKb(status, 'VmHWM');
      treeKb += statusKb(status, 'VmRSS');
      const known = peaks.get(pid);
      if (known) known.peakKb = Math.max(known.peakKb, hwm);
      else {
        let command = '';
        try {
          command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
        } catch {
          // exited
        }
        peaks.set(pid, { pid, name: processName(pid, status), command, peakKb: hwm });
      }
    }
    treePeakKb = Math.max(treePeakKb, treeKb);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  return {
    stop() {
      clearInterval(timer);
      return { processes: [...peaks.values()], treePeakKb };
    },
  };
}

/**
 * Runs `cmd args` under `/usr/bin/time -v` with `env` added to (or, for `undefined`, removed
 * from) this process's environment. Resolves with time's numbers, the output and the sampled
 * per-process peaks; rejects if the command fails.
 */
export async function measure(
  cmd: string,
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  opts: MeasureOptions = {},
): Promise<Measurement> {
  const timeFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gkl-bench-time-')), 'time.txt');
  const fullEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete fullEnv[key];
    else fullEnv[key] = value;
  }
  const child = spawn(TIME, ['-v', '-o', timeFile, cmd, ...args], { cwd: opts.cwd ?? REPO_ROOT, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTree(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const { processes, treePeakKb } = sampler.stop();
  if (opts.log) {
    fs.mkdirSync(path.dirname(opts.log), { recursive: true });
    fs.writeFileSync(opts.log, `$ ${cmd} ${args.join(' ')}\n${stdout}${stderr ? `\n--- stderr ---\n${stderr}` : ''}`);
  }
  const timeText = fs.existsSync(timeFile) ? fs.readFileSync(timeFile, 'utf8') : '';
  fs.rmSync(path.dirname(timeFile), { recursive: true, force: true });
  if (code !== 0) {
    const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}${opts.log ? ` (log: ${opts.log})` : ''}:\n${tail}`);
  }
  return { ...parseTimeOutput(timeText), stdout, stderr, processes, treePeakKb };
}

// ---------------------------------------------------------------------------------------
// The machine

function versionOf(pkg: string): string {
  return (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The machine and tool versions; `hugo` is the Hugo binary, when the run uses one. */
export function machineInfo(hugo?: string): Machine {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const hugoVersion = hugo ? (spawnSync(hugo, ['version'], { encoding: 'utf8' }).stdout ?? '') : 'not used';
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ramBytes: os.totalmem(),
    node: process.version,
    astro: versionOf('astro'),
    pagefind: `${versionOf('pagefind')} (extended binary)`,
    hugo: /v\d+\.\d+\.\d+\S*/.exec(hugoVersion)?.[0] ?? hugoVersion.trim(),
    date: new Date().toISOString(),
    loadBefore: os.loadavg()[0]!,
    loadAfter: NaN,
  };
}

/** An executable called `name` on PATH, or undefined. */
/**
 * The program a process runs: the file name of its executable. Not the status `Name`, which is
 * the main thread's name: Node 24 calls its main thread "MainThread".
 */
function processName(pid: number, status: string): string {
  try {
    return path.basename(fs.readlinkSync(`/proc/${pid}/exe`));
  } catch {
    return /^Name:\s*(.*)$/m.exec(status)?.[1] ?? '?';
  }
}
