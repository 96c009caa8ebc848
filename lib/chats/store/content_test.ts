import { assert, assertEquals, assertRejects } from "@/tests/assert.ts";
import {
  chunkStarts,
  ContentMissingError,
  firstChangedChunk,
  readChunks,
  splitChunks,
} from "./content.ts";
import { mixedText } from "./test_helpers.ts";

// In a `u` regex a well-formed pair is one code point, so \p{Cs} only
// matches surrogates without their partner.
const isLoneSurrogate = (text: string) => /\p{Cs}/u.test(text);

Deno.test("splitChunks() never cuts a surrogate pair and joins back exactly", () => {
  const text = mixedText(5_000);
  for (const size of [2, 3, 7, 64, 1000]) {
    const chunks = splitChunks(text, size);
    assertEquals(chunks.join(""), text);
    chunks.forEach((chunk, i) => {
      assert(!isLoneSurrogate(chunk), `size ${size} split a pair`);
      assert(chunk.length <= size + 1, `chunk ${i} is too long`);
      if (i < chunks.length - 1) assert(chunk.length >= size - 1);
    });
  }
});

Deno.test("chunkStarts() of an empty text is empty", () => {
  assertEquals(chunkStarts("", 4), []);
  assertEquals(splitChunks("", 4), []);
});

Deno.test("appending keeps every old chunk a prefix of the new one", () => {
  const full = mixedText(3_000, 7);
  for (let cut = 1; cut < 400; cut += 1) {
    const oldText = full.slice(0, cut), newText = full.slice(0, cut + 37);
    const oldChunks = splitChunks(oldText, 8),
      newChunks = splitChunks(newText, 8);
    const first = firstChangedChunk(oldText, newText, 8);
    for (let i = 0; i < oldChunks.length; i++) {
      assert(newChunks[i].startsWith(oldChunks[i]), `chunk ${i} at cut ${cut}`);
      if (i < first) assertEquals(newChunks[i], oldChunks[i]);
    }
    assert(first >= oldChunks.length - 1);
  }
});

Deno.test("a pair completed by an append moves only the last old chunk's end", () => {
  const oldText = "abc\uD83D", newText = "abc\uD83D\uDE00x";
  assertEquals(splitChunks(oldText, 4), ["abc\uD83D"]);
  assertEquals(splitChunks(newText, 4), ["abc\uD83D\uDE00", "x"]);
  assertEquals(firstChangedChunk(oldText, newText, 4), 0);
  assertEquals(firstChangedChunk("abcd", "abcdef", 4), 1);
});

Deno.test("readChunks() throws a clear error when a chunk is missing", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    await kv.set(["c", 0], "abcd");
    await kv.set(["c", 2], "ijkl");
    const error = await assertRejects(
      () => readChunks(kv, ["c"], { version: "v", chunks: 3, length: 12 }),
      ContentMissingError,
    );
    assert((error as Error).message.includes("Chunk 1 of 3 is missing"));
    await assertRejects(
      () => readChunks(kv, ["c"], { version: "v", chunks: 3, length: 99 }),
      ContentMissingError,
    );
  } finally {
    kv.close();
  }
});

Deno.test("readChunks() cuts chunks that grew since the record was read", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    await kv.set(["c", 0], "abcdef");
    assertEquals(
      await readChunks(kv, ["c"], { version: "v", chunks: 1, length: 4 }),
      "abcd",
    );
  } finally {
    kv.close();
  }
});
