/**
 * Deno KV limits and helpers that split writes to stay under them.
 *
 * Measured with Deno 2.9.6 against `Deno.openKv(":memory:")` (the errors it
 * throws are quoted):
 * - one value: 65,536 bytes of V8 serialization ("Value too large (max 65536
 *   bytes)"); a string costs 1 byte per UTF-16 unit when every unit is
 *   ≤ U+00FF, else 2 bytes per unit;
 * - one key: under 2,048 bytes to write, 2,049 to read;
 * - one atomic operation: 1,000 mutations, 100 checks, 819,200 bytes of keys
 *   and values together, and 81,920 bytes of keys alone;
 * - `getMany`: 10 keys; `list` batchSize: 1,000.
 */

/** Most mutations one atomic operation accepts. */
export const KV_MAX_MUTATIONS = 1000;
/** Most bytes (keys and values) one atomic operation accepts. */
export const KV_MAX_ATOMIC_BYTES = 819_200;
/** Most key bytes one atomic operation accepts. */
export const KV_MAX_ATOMIC_KEY_BYTES = 81_920;
/** Most keys one `getMany` call accepts. */
export const KV_MAX_GET_MANY = 10;
/** Largest `list` batch size. */
export const KV_MAX_BATCH_SIZE = 1000;

// Our byte figures are estimates, so batches stop well short of the limits.
const BATCH_BYTES = 600_000;
const BATCH_KEY_BYTES = 60_000;
const BATCH_MUTATIONS = 900;

/** One write to apply later: a set with a value, or a delete. */
export type Mutation =
  | { key: Deno.KvKey; value: unknown }
  | { key: Deno.KvKey; delete: true };

/** Upper estimate of the encoded size of a KV key, in bytes. */
export function keyBytes(key: Deno.KvKey): number {
  let bytes = 0;
  for (const part of key) {
    if (typeof part === "string") bytes += part.length * 3 + 2;
    else if (part instanceof Uint8Array) bytes += part.length * 2 + 2;
    else bytes += 10;
  }
  return bytes;
}

/** Upper estimate of the V8-serialized size of a value, in bytes. */
export function valueBytes(value: unknown): number {
  if (typeof value === "string") return stringBytes(value) + 8;
  if (value === null || value === undefined) return 8;
  return 2 * JSON.stringify(value).length + 64;
}

/** V8-serialized size of a string: 1 byte per unit if all are Latin-1. */
export function stringBytes(text: string): number {
  // deno-lint-ignore no-control-regex
  return /[^\u0000-\u00ff]/.test(text) ? 2 * text.length : text.length;
}

/** Estimated bytes a mutation adds to an atomic operation. */
export function mutationBytes(m: Mutation): number {
  return keyBytes(m.key) + ("delete" in m ? 0 : valueBytes(m.value));
}

/**
 * Groups mutations, in order, into batches that each fit one atomic
 * operation, keeping `reserve` bytes and mutations free in the last one.
 */
export function planBatches(
  mutations: Mutation[],
  reserve = { bytes: 0, keyBytes: 0, mutations: 0 },
): Mutation[][] {
  const batches: Mutation[][] = [];
  let batch: Mutation[] = [];
  let bytes = 0, keys = 0;
  for (const m of mutations) {
    const b = mutationBytes(m), k = keyBytes(m.key);
    if (
      batch.length > 0 && (bytes + b > BATCH_BYTES ||
        keys + k > BATCH_KEY_BYTES || batch.length >= BATCH_MUTATIONS)
    ) {
      batches.push(batch);
      batch = [];
      bytes = keys = 0;
    }
    batch.push(m);
    bytes += b;
    keys += k;
  }
  const fitsReserve = bytes + reserve.bytes <= BATCH_BYTES &&
    keys + reserve.keyBytes <= BATCH_KEY_BYTES &&
    batch.length + reserve.mutations <= BATCH_MUTATIONS;
  batches.push(batch);
  if (!fitsReserve) batches.push([]);
  return batches;
}

/** Adds mutations to an atomic operation. */
export function applyMutations(
  op: Deno.AtomicOperation,
  mutations: Mutation[],
): Deno.AtomicOperation {
  for (const m of mutations) {
    if ("delete" in m) op.delete(m.key);
    else op.set(m.key, m.value);
  }
  return op;
}

/** Commits mutations without checks, in as many atomic operations as needed. */
export async function commitInBatches(
  kv: Deno.Kv,
  mutations: Mutation[],
): Promise<void> {
  for (const batch of planBatches(mutations)) {
    if (batch.length === 0) continue;
    const result = await applyMutations(kv.atomic(), batch).commit();
    if (!result.ok) throw new Error("A KV batch write failed unexpectedly");
  }
}

/** Deletes every key under a prefix; returns how many were deleted. */
export async function deletePrefix(
  kv: Deno.Kv,
  prefix: Deno.KvKey,
): Promise<number> {
  const mutations: Mutation[] = [];
  for await (
    const entry of kv.list({ prefix }, { batchSize: KV_MAX_BATCH_SIZE })
  ) {
    mutations.push({ key: entry.key, delete: true });
  }
  await commitInBatches(kv, mutations);
  return mutations.length;
}
