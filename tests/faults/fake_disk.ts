/**
 * A small disk for Deno KV in tests: a KV wrapper that counts the bytes of
 * what is stored (keys and values, as written through it) and fails a
 * commit that would grow them past `capacity`, the way SQLite fails on a
 * full disk. A commit that frees more than it adds passes, as on a real
 * disk, so deletes go through.
 */

const FULL = "database or disk is full";

function keyId(key: Deno.KvKey): string {
  return JSON.stringify(
    key,
    (_k, v) =>
      typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? [...v] : v,
  );
}

function valueBytes(value: unknown): number {
  if (typeof value === "string") return new TextEncoder().encode(value).length;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Deno.KvU64) return 8;
  try {
    return JSON.stringify(value)?.length ?? 8;
  } catch {
    return 64;
  }
}

type Change = [id: string, bytes: number | null];

/** The disk; `wrap()` puts a KV on it. */
export class FakeDisk {
  capacity = Infinity;
  used = 0;
  readonly #sizes = new Map<string, number>();

  /** Free bytes (capacity minus used). */
  free(): number {
    return Math.max(0, this.capacity - this.used);
  }

  #delta(changes: Change[]): number {
    const after = new Map<string, number | null>();
    for (const [id, bytes] of changes) after.set(id, bytes);
    let delta = 0;
    for (const [id, bytes] of after) {
      delta += (bytes ?? 0) - (this.#sizes.get(id) ?? 0);
    }
    return delta;
  }

  #apply(changes: Change[]): void {
    this.used += this.#delta(changes);
    for (const [id, bytes] of changes) {
      if (bytes === null) this.#sizes.delete(id);
      else this.#sizes.set(id, bytes);
    }
  }

  async #commit<T>(changes: Change[], run: () => Promise<T>): Promise<T> {
    const delta = this.#delta(changes);
    if (delta > 0 && this.used + delta > this.capacity) {
      throw new TypeError(FULL);
    }
    const result = await run();
    if ((result as { ok?: boolean } | undefined)?.ok !== false) {
      this.#apply(changes);
    }
    return result;
  }

  /** `kv` on this disk. */
  wrap(kv: Deno.Kv): Deno.Kv {
    const commit = <T>(changes: Change[], run: () => Promise<T>) =>
      this.#commit(changes, run);
    const write = (key: Deno.KvKey, value: unknown): Change => [
      keyId(key),
      keyId(key).length + valueBytes(value),
    ];
    const atomic = () => {
      const op = kv.atomic();
      const changes: Change[] = [];
      const wrapped = {
        check: (
          ...checks: Deno.AtomicCheck[]
        ) => (op.check(...checks), wrapped),
        set: (key: Deno.KvKey, value: unknown, o?: { expireIn?: number }) => {
          changes.push(write(key, value));
          op.set(key, value, o);
          return wrapped;
        },
        delete: (key: Deno.KvKey) => {
          changes.push([keyId(key), null]);
          op.delete(key);
          return wrapped;
        },
        sum: (key: Deno.KvKey, n: bigint) => {
          changes.push(write(key, 0n));
          op.sum(key, n);
          return wrapped;
        },
        max: (key: Deno.KvKey, n: bigint) => (op.max(key, n), wrapped),
        min: (key: Deno.KvKey, n: bigint) => (op.min(key, n), wrapped),
        enqueue: (...args: Parameters<Deno.AtomicOperation["enqueue"]>) => (
          op.enqueue(...args), wrapped
        ),
        commit: () => commit(changes, () => op.commit()),
      };
      return wrapped as unknown as Deno.AtomicOperation;
    };
    return new Proxy(kv, {
      get(target, name) {
        if (name === "atomic") return atomic;
        if (name === "set") {
          return (key: Deno.KvKey, value: unknown, o?: { expireIn?: number }) =>
            commit([write(key, value)], () => target.set(key, value, o));
        }
        if (name === "delete") {
          return (key: Deno.KvKey) =>
            commit([[keyId(key), null]], () => target.delete(key));
        }
        const value = Reflect.get(target, name, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
