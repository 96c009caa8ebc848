/**
 * Counts the writes an app makes to its KV file without touching the app:
 * SQLite triggers on Deno KV's `kv` table log every row written or deleted
 * with the version (one per atomic commit) into a `bench_writes` table.
 * Install them before the app opens the file; read them afterwards.
 */
import { DatabaseSync } from "node:sqlite";

/** Adds the logging triggers to the KV database at `path` (which must exist). */
export function installWriteLog(path: string): void {
  const db = new DatabaseSync(path);
  try {
    db.exec(`
      create table if not exists bench_writes (
        k blob not null, version integer not null, op text not null);
      create trigger if not exists bench_insert after insert on kv begin
        insert into bench_writes values (new.k, new.version, 'set'); end;
      create trigger if not exists bench_update after update on kv begin
        insert into bench_writes values (new.k, new.version, 'set'); end;
      create trigger if not exists bench_delete after delete on kv begin
        insert into bench_writes values (old.k,
          (select version from data_version where k = 0), 'delete'); end;`);
  } finally {
    db.close();
  }
}

/** One logged row write: the decoded key and the commit it belonged to. */
export interface LoggedWrite {
  key: (string | null)[];
  version: number;
  op: string;
}

/** Every logged write so far. */
export function readWriteLog(path: string): LoggedWrite[] {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare("select k, version, op from bench_writes").all();
    return rows.map((row) => ({
      key: decodeKey(row.k as Uint8Array),
      version: Number(row.version),
      op: String(row.op),
    }));
  } finally {
    db.close();
  }
}

/**
 * The string parts of a Deno KV key (FoundationDB tuple encoding); any
 * other part (a number, bytes) is null.
 */
export function decodeKey(bytes: Uint8Array): (string | null)[] {
  const parts: (string | null)[] = [];
  const decoder = new TextDecoder();
  let i = 0;
  while (i < bytes.length) {
    const type = bytes[i++];
    if (type === 0x02 || type === 0x01) {
      const out: number[] = [];
      while (i < bytes.length) {
        if (bytes[i] === 0x00 && bytes[i + 1] === 0xff) {
          out.push(0);
          i += 2;
        } else if (bytes[i] === 0x00) {
          i++;
          break;
        } else out.push(bytes[i++]);
      }
      parts.push(type === 0x02 ? decoder.decode(new Uint8Array(out)) : null);
    } else if (type === 0x21) {
      i += 8; // a float64
      parts.push(null);
    } else if (type >= 0x0c && type <= 0x1c) {
      i += Math.abs(type - 0x14); // an integer of n bytes
      parts.push(null);
    } else {
      parts.push(null); // booleans and anything else: one byte
    }
  }
  return parts;
}
