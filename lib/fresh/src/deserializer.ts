/** Decodes what `serializer.ts` encodes; runs in the browser (and in tests). */
import type { Signal } from "@preact/signals";

const TAG = "_f";

/** How `deserialize()` makes a signal; pages with signal props load it. */
export type SignalFactory = (value: unknown) => Signal;

/**
 * Turns parsed island props back into values, signals live again through
 * `signal` (the runtime passes it only when the page's props hold signals).
 */
export function deserialize(
  encoded: unknown,
  signal?: SignalFactory,
): unknown {
  const signals: Signal[] = [];

  function decode(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(decode);
    if (v === null || typeof v !== "object") return v;
    const obj = v as Record<string, unknown>;
    if (!(TAG in obj)) {
      const out: Record<string, unknown> = {};
      for (const k in obj) out[k] = decode(obj[k]);
      return out;
    }
    const payload = obj.v;
    switch (obj[TAG]) {
      case "d":
        return new Date(payload as string);
      case "u":
        return new URL(payload as string);
      case "n":
        return payload === "-0" ? -0 : Number(payload);
      case "b":
        return BigInt(payload as string);
      case "a":
        return Uint8Array.from(atob(payload as string), (c) => c.charCodeAt(0));
      case "x":
        return undefined;
      case "m":
        return new Map(
          (payload as [unknown, unknown][]).map(([k, item]) => [
            decode(k),
            decode(item),
          ]),
        );
      case "s":
        return new Set((payload as unknown[]).map(decode));
      case "g": {
        if (!signal) {
          throw new Error(
            "Island props hold a signal but the page loaded no signal runtime: serialize the props with `serialize()`, which reports signals",
          );
        }
        // Reserve the slot before decoding so that numbering matches the encoder.
        const index = signals.push(signal(undefined)) - 1;
        signals[index].value = decode(payload);
        return signals[index];
      }
      case "r":
        return signals[payload as number];
      case "o": {
        const out: Record<string, unknown> = {};
        const inner = payload as Record<string, unknown>;
        for (const k in inner) out[k] = decode(inner[k]);
        return out;
      }
      default:
        throw new Error(`Unknown island prop tag ${String(obj[TAG])}`);
    }
  }

  return decode(encoded);
}
