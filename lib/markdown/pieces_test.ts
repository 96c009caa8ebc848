import { assert, assertEquals } from "@/tests/assert.ts";
import fc from "fast-check";
import { markdownPieces, PIECE_MAX, PIECE_MIN } from "./pieces.ts";

const pieces = (text: string) => [...markdownPieces(text)];

Deno.test("markdownPieces() keeps a text up to PIECE_MAX whole", () => {
  const text = "a\n\n".repeat(PIECE_MAX / 3);
  assertEquals(pieces(text), [{ text, end: text.length }]);
});

Deno.test("markdownPieces() cuts a long text at blank lines, pieces between PIECE_MIN and PIECE_MAX", () => {
  const paragraph = "Kalimat yang cukup panjang untuk satu paragraf.\n\n";
  const text = paragraph.repeat(2000);
  const all = pieces(text);
  assertEquals(all.map((p) => p.text).join(""), text);
  for (const piece of all.slice(0, -1)) {
    assert(piece.text.length >= PIECE_MIN && piece.text.length <= PIECE_MAX);
    assert(piece.text.endsWith("\n\n"));
  }
  assertEquals(all.at(-1)!.end, text.length);
});

Deno.test("markdownPieces() never cuts a fenced code block at its blank lines", () => {
  const code = "```js\n" + "let x = 1;\n\n".repeat(3000) + "```\n";
  const text = "Intro\n\n" + code + "\nAfter\n";
  const all = pieces(text);
  assert(all.length > 1);
  for (const piece of all) {
    const fences = piece.text.match(/^```/gm)?.length ?? 0;
    assertEquals(fences % 2, 0, "every piece opens and closes its fences");
  }
});

Deno.test("markdownPieces() closes a fence it must cut and opens it again in the next piece", () => {
  const text = "```py\n" + "print(1)\n".repeat(5000) + "```\n";
  const [first, second] = pieces(text);
  assert(first.text.startsWith("```py\n") && first.text.endsWith("```\n"));
  assert(second.text.startsWith("```py\nprint(1)\n"));
});

Deno.test("markdownPieces() cuts a long block without blank lines at a line end", () => {
  const text = "- a\n".repeat(20_000);
  const all = pieces(text);
  assert(all.length > 1);
  for (const piece of all) assert(piece.text.length <= PIECE_MAX + 4);
  assertEquals(all.map((p) => p.text).join(""), text);
});

Deno.test("markdownPieces(): the pieces' texts, less added fence lines, are the text", () => {
  const part = fc.constantFrom(
    "a",
    "\n",
    "\n\n",
    "```\n",
    "~~~\n",
    "$$\n",
    "- x\n",
    "> q\n",
    "*",
    " ",
  );
  fc.assert(
    fc.property(fc.array(part, { minLength: 0, maxLength: 400 }), (parts) => {
      const text = parts.join("").repeat(40);
      const all = pieces(text);
      let rebuilt = "";
      let offset = 0;
      for (const piece of all) {
        const original = text.slice(offset, piece.end);
        assert(piece.text.includes(original));
        rebuilt += original;
        offset = piece.end;
      }
      assertEquals(rebuilt, text);
    }),
    { numRuns: 60 },
  );
});
