/**
 * A lock file naming the process that holds it (issue 17 item 5): two builds must never write
 * one OUT_DIR at once, and the builds of one checkout share its `.astro/` directory.
 *
 * The file is created exclusively (`O_EXCL`), so of two builds starting together exactly one
 * gets it. A lock whose process is gone (killed with SIGKILL, the machine restarted) is stale and
 * taken over: renamed away first, so that of two builds finding it stale only one takes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockOwner {
  pid: number;
  host: string;
  /** ISO time the lock was taken. */
  started: string;
  /** Another process of the same build (astro, under scripts/build.ts); alive means held too. */
  child?: number;
  /** What the holder is doing, for the message of whoever is refused. */
  task?: string;
}

export type LockAttempt = { ok: true; release: () => void; setChild: (pid: number) => void } | { ok: false; owner: LockOwner | undefined };

/** A lock file younger than this that cannot be read is being written: held. */
const UNREADABLE_GRACE_MS = 5_000;

/** True while `pid` runs (a zombie — killed, not yet reaped — counts as gone). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: kill(0) said it exists
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Held by a live process; a lock from another machine cannot be checked and counts as held. */
function held(file: string, owner: LockOwner | undefined): boolean {
  if (owner === undefined) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat !== undefined && Date.now() - stat.mtimeMs < UNREADABLE_GRACE_MS;
  }
  if (owner.host !== os.hostname()) return true;
  return processAlive(owner.pid) || (owner.child !== undefined && processAlive(owner.child));
}

/** Takes the lock at `file` for this process, or says who holds it. */
export function tryLock(file: string, task?: string): LockAttempt {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), ...(task ? { task } : {}) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return {
        ok: true,
        release: () => {
          if (released) return;
          released = true;
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
        setChild: (pid) => fs.writeFileSync(file, JSON.stringify({ ...me, child: pid })),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    if (held(file, owner)) return { ok: false, owner };
    // Stale: move it aside (only one taker's rename succeeds), then try again.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
      fs.rmSync(aside, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return { ok: false, owner: readOwner(file) };
}

/** Waits for the lock (polling), calling `onWait` once with its holder when it has to wait. */
export async function waitForLock(file: string, task: string, onWait: (owner: LockOwner | undefined) => void, pollMs = 500): Promise<() => void> {
  let told = false;
  for (;;) {
    const attempt = tryLock(file, task);
    if (attempt.ok) return attempt.release;
    if (!told) onWait(attempt.owner);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
