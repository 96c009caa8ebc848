/** Decodes what `serializer.ts` encodes; runs in the browser (and in tests). */
import { type Signal, signal } from "@preact/signals";

const TAG = "_f";

/** Turns parsed island props back into values, signals live again. */
export function deserialize(encoded: unknown): unknown {
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
