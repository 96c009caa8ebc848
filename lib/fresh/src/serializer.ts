/**
 * Island props travel from server to browser as JSON. Values JSON cannot hold
 * are tagged objects `{"_f": tag, "v": payload}`:
 * `d` Date, `m` Map, `s` Set, `u` URL, `n` NaN/±Infinity/-0, `b` BigInt,
 * `x` undefined, `a` a Uint8Array (base64), `g` a signal (first sight), `r` the same signal again
 * (so one signal shared by two islands stays one signal in the browser),
 * `o` a plain object that itself has an `_f` key.
 */
import { Signal } from "@preact/signals";

/** The key that marks a tagged value. */
export const TAG = "_f";

/** Why a prop cannot be sent to the browser. */
export class SerializeError extends Error {}

/**
 * Encodes island props (an array, one entry per island instance) as JSON
 * text; `found.signals` counts the signals met, so the page knows to load
 * the signal runtime.
 */
export function serialize(
  value: unknown,
  describe: (path: string[]) => string = (path) => `prop "${path.join(".")}"`,
  found: { signals: number } = { signals: 0 },
): string {
  const signals = new Map<Signal, number>();
  const stack = new Set<object>();

  function encode(v: unknown, path: string[]): unknown {
    switch (typeof v) {
      case "string":
      case "boolean":
        return v;
      case "number":
        if (Number.isNaN(v) || !Number.isFinite(v) || Object.is(v, -0)) {
          return { [TAG]: "n", v: String(Object.is(v, -0) ? "-0" : v) };
        }
        return v;
      case "bigint":
        return { [TAG]: "b", v: v.toString() };
      case "undefined":
        return { [TAG]: "x" };
      case "function":
      case "symbol":
        throw new SerializeError(
          `${
            describe(path)
          } is a ${typeof v}, which cannot be sent to the browser: pass data (JSON values, Date, Map, Set, URL, Uint8Array, signals) and define functions inside the island`,
        );
    }
    if (v === null) return null;
    const obj = v as object;
    if (stack.has(obj)) {
      throw new SerializeError(
        `${
          describe(path)
        } refers to itself: island props must not contain cycles`,
      );
    }
    if (obj instanceof Signal) {
      const seen = signals.get(obj);
      if (seen !== undefined) return { [TAG]: "r", v: seen };
      signals.set(obj, signals.size);
      found.signals = signals.size;
      return { [TAG]: "g", v: within(obj, () => encode(obj.peek(), path)) };
    }
    if (obj instanceof Date) return { [TAG]: "d", v: obj.toISOString() };
    if (obj instanceof URL) return { [TAG]: "u", v: obj.href };
    if (obj instanceof Uint8Array) return { [TAG]: "a", v: toBase64(obj) };
    return within(obj, () => {
      if (Array.isArray(obj)) {
        return obj.map((item, i) => encode(item, [...path, String(i)]));
      }
      if (obj instanceof Map) {
        return {
          [TAG]: "m",
          v: [...obj].map(([k, item], i) => [
            encode(k, [...path, `key ${i}`]),
            encode(item, [...path, String(k)]),
          ]),
        };
      }
      if (obj instanceof Set) {
        return {
          [TAG]: "s",
          v: [...obj].map((item, i) => encode(item, [...path, String(i)])),
        };
      }
      const proto = Object.getPrototypeOf(obj);
      if (proto !== Object.prototype && proto !== null) {
        throw new SerializeError(
          `${describe(path)} is a ${
            proto?.constructor?.name ?? "class instance"
          }, which cannot be sent to the browser: pass plain objects`,
        );
      }
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(obj)) {
        out[k] = encode(item, [...path, k]);
      }
      return TAG in out ? { [TAG]: "o", v: out } : out;
    });
  }

  function within<T>(obj: object, fn: () => T): T {
    stack.add(obj);
    try {
      return fn();
    } finally {
      stack.delete(obj);
    }
  }

  return escapeScriptJson(JSON.stringify(encode(value, [])));
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices: one call per byte is slow, one call for all overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Makes JSON safe inside a `<script>` element: no `</script>`, no `<!--`. */
export function escapeScriptJson(json: string): string {
  if (!SCRIPT_UNSAFE.test(json)) return json;
  // Native passes: a callback per character took a third of a second for
  // a prop holding 1 MB of `>`.
  return json.replaceAll("<", "\\u003c").replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026").replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/;
