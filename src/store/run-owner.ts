import { hostname } from "node:os";
import type { RunOwner } from "./types.js";

/** The process asking (it becomes a run's owner when it starts or resumes one). */
export function currentOwner(): RunOwner {
  return { pid: process.pid, host: hostname() };
}

/**
 * Whether a run's owner still runs. Only a process on this host can be checked; one on another host
 * (a database on a shared disk) is taken to be alive, so it is never run over.
 */
export function ownerAlive(owner: RunOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
