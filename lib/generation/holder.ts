/**
 * The identity of this process as a lease holder: a random id per process
 * start, with the host, pid and kernel start time that let another process
 * on the same host tell at once that the holder is gone (a restart after a
 * crash sees its predecessor's leases as dead without waiting for them to
 * expire). On another host, or without `/proc`, only the expiry tells.
 */

/** Who holds a lease. */
export interface Holder {
  /** Random, one per process start. */
  id: string;
  host: string;
  pid: number;
  /** The process's start time as the kernel counts it, "" where unknown. */
  started: string;
}

/** The start-time field of `/proc/<pid>/stat`, or null when the process is gone or a zombie. */
function procStart(pid: number | "self"): string | null {
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    // The command name (field 2) is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return null;
    return fields[19] ?? "";
  } catch (error) {
    return error instanceof Deno.errors.NotFound ? null : "";
  }
}

function hostname(): string {
  try {
    return Deno.hostname();
  } catch {
    return "";
  }
}

/** This process. */
export const SELF: Holder = {
  id: crypto.randomUUID(),
  host: hostname(),
  pid: Deno.pid,
  started: procStart("self") ?? "",
};

/**
 * Whether `holder` is known to be gone: a process on this host that no
 * longer runs, or whose pid now belongs to another process (a container
 * restarted with the same pid, this very process after a restart).
 */
export function holderGone(holder: Holder | undefined, self = SELF): boolean {
  if (!holder || holder.id === self.id) return false;
  if (!holder.host || holder.host !== self.host) return false;
  if (holder.pid === self.pid) return true;
  const started = procStart(holder.pid);
  if (started === null) return true;
  return started !== "" && holder.started !== "" && started !== holder.started;
}
