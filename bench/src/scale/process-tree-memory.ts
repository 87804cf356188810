import { readdirSync, readFileSync } from "node:fs";

/** Each live process's parent, from /proc/<pid>/stat; empty where there is no /proc (not Linux). */
function parentsOfProcesses(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (command) state ppid …": the command may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of a process and all its descendants, in bytes, summed (pages they share count once per
 * process): what a run of Nx and its workers holds at one moment. Undefined where /proc does not exist.
 */
export function processTreeResidentBytes(root: number): number | undefined {
  const parents = parentsOfProcesses();
  if (!parents.has(root)) return undefined;
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) total += residentBytes(pid);
  return total;
}
