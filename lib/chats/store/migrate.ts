/**
 * The version of the stored data layout. A store refuses data newer than it
 * knows and migrates older data one version at a time.
 */

import { schemaVersionKey } from "@/lib/kv_keys.ts";

/** The layout this code reads and writes. */
export const SCHEMA_VERSION = 1;

/**
 * Migrations by the version they start from: `MIGRATIONS[n]` turns layout n
 * into n + 1. Version 0 is an empty database, so it needs no work.
 */
const MIGRATIONS: Record<number, (kv: Deno.Kv) => Promise<void>> = {
  0: () => Promise.resolve(),
};

/** Brings the stored layout up to SCHEMA_VERSION; returns that version. */
export async function migrate(kv: Deno.Kv): Promise<number> {
  for (;;) {
    const entry = await kv.get<number>(schemaVersionKey());
    const stored = entry.value ?? 0;
    if (!Number.isInteger(stored) || stored < 0) {
      throw new Error(
        `Stored schema version ${JSON.stringify(stored)} is not valid`,
      );
    }
    if (stored > SCHEMA_VERSION) {
      throw new Error(
        `Stored chats use schema version ${stored}, but this app only knows ` +
          `up to ${SCHEMA_VERSION}: update the app`,
      );
    }
    if (stored === SCHEMA_VERSION) return stored;
    const step = MIGRATIONS[stored];
    if (!step) throw new Error(`No migration from schema version ${stored}`);
    await step(kv);
    // The check makes concurrent starters run each step's bump only once;
    // steps themselves must therefore be safe to run twice.
    await kv.atomic().check(entry).set(schemaVersionKey(), stored + 1).commit();
  }
}
