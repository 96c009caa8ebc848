/**
 * Whether storage can take new data. Two signals: the free space of the
 * disk that holds the KV file (node:fs `statfs`; Deno has no statfs of its
 * own), below a reserve; and failed writes: after a write fails, storage is
 * "failing" until a probe write succeeds. New data (messages, chats,
 * imports) is refused while storage is not ok, so the reserve stays free
 * for what frees space: deleting still works.
 */
import { statfs } from "node:fs/promises";
import { ApiError } from "@/lib/http/api.ts";
import { storageProbeKey } from "@/lib/kv_keys.ts";
import { type Lang, t } from "@/lib/i18n/mod.ts";

/** Why storage takes no new data, or null while it does. */
export type StorageProblem = "low_space" | "write_failed" | null;

/** Options of `StorageHealth`. */
export interface StorageHealthOptions {
  /** The folder of the KV file; without it only failed writes count. */
  dir?: string;
  /** Free bytes below which new data is refused. */
  reserveBytes: number;
  /** How often free space is measured and a failing store probed. */
  checkMs?: number;
  /** Measures free bytes (tests); default `statfs(dir)`. */
  freeBytes?: () => Promise<number | null>;
}

/** Throws the API's `storage_full` error (507) while `storage` takes no new data. */
export function refuseWhenFull(storage: StorageHealth, lang: Lang): void {
  if (!storage.ok()) {
    throw new ApiError("storage_full", t(lang, "api.storage_full"));
  }
}

/**
 * Errors that say the disk cannot take data (SQLite's full disk, ENOSPC, I/O
 * errors, a read-only file); a busy database ("locked") is not one of them.
 */
const STORAGE_FAILURE = /full|space|I\/O|read-?only/i;

const PROBE_KEY = storageProbeKey();

/** The health of the app's storage; `guard()` wraps KV to watch its writes. */
export class StorageHealth {
  #free: number | null = null;
  #failed = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #kv: Deno.Kv | undefined;
  readonly #options: StorageHealthOptions;
  readonly #measure: () => Promise<number | null>;

  constructor(options: StorageHealthOptions) {
    this.#options = options;
    const dir = options.dir;
    this.#measure = options.freeBytes ?? (dir
      ? async () => {
        const s = await statfs(dir);
        return Number(s.bavail) * Number(s.bsize);
      }
      : () => Promise.resolve(null));
  }

  /** Whether new data may be written. */
  ok(): boolean {
    return this.problem() === null;
  }

  /** Why new data may not be written, or null. */
  problem(): StorageProblem {
    if (this.#failed) return "write_failed";
    const free = this.#free;
    if (free !== null && free < this.#options.reserveBytes) return "low_space";
    return null;
  }

  /** Free bytes when last measured, null where unknown. */
  get freeBytes(): number | null {
    return this.#free;
  }

  /** Records a failed write: storage is failing until a probe succeeds. */
  noteFailure(): void {
    this.#failed = true;
  }

  /** Measures free space now and, when failing, probes with a write. */
  async check(): Promise<void> {
    try {
      this.#free = await this.#measure();
    } catch {
      this.#free = null;
    }
    if (!this.#failed || !this.#kv) return;
    try {
      await this.#kv.set(PROBE_KEY, new Date().toISOString());
      await this.#kv.delete(PROBE_KEY);
      this.#failed = false;
    } catch { /* still failing */ }
  }

  /** Starts measuring every `checkMs` (default 2 s); `stop()` ends it. */
  async start(): Promise<void> {
    await this.check();
    this.#timer ??= setInterval(
      () => this.check(),
      this.#options.checkMs ?? 2000,
    );
  }

  /** Stops measuring. */
  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** `kv` with every failed write recorded here (the probe writes to `kv` itself). */
  guard(kv: Deno.Kv): Deno.Kv {
    this.#kv = kv;
    const note = <T>(result: Promise<T>) =>
      result.catch((error) => {
        if (STORAGE_FAILURE.test(String(error?.message ?? error))) {
          this.noteFailure();
        }
        throw error;
      });
    return wrap(kv, {
      set: note,
      delete: note,
      enqueue: note,
      atomic: (op) => wrap(op as Deno.AtomicOperation, { commit: note }),
    });
  }
}

type Hooks = Record<string, (result: never) => unknown>;

/**
 * A proxy of `target` whose methods named in `hooks` have their results
 * passed through the hook; methods run on the target itself (Deno.Kv keeps
 * private fields), and a method returning its target returns the proxy, so
 * chains (`atomic().set().commit()`) stay wrapped.
 */
function wrap<T extends object>(target: T, hooks: Hooks): T {
  const proxy: T = new Proxy(target, {
    get(obj, name) {
      const value = Reflect.get(obj, name, obj);
      if (typeof value !== "function") return value;
      const hook = hooks[name as string];
      return (...args: unknown[]) => {
        const result = value.apply(obj, args);
        if (result === obj) return proxy;
        return hook ? hook(result as never) : result;
      };
    },
  });
  return proxy;
}
