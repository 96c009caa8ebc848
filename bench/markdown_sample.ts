/**
 * A long, deterministic markdown answer for the streaming benchmark: the mix
 * a model writes (headings, paragraphs with inline markup and math, lists,
 * tables, fenced code, quotes, display math), repeated with variations.
 */

const WORDS = (
  "deno server stream markdown token render block paragraph answer model " +
  "bahasa indonesia kode tabel daftar contoh hasil cepat aman data fungsi " +
  "nilai kunci jaringan permintaan respons waktu pengguna obrolan"
).split(" ");

/** A small deterministic random generator (LCG). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    let word = WORDS[Math.floor(next() * WORDS.length)];
    const mark = next();
    if (mark < 0.04) word = `**${word}**`;
    else if (mark < 0.07) word = `*${word}*`;
    else if (mark < 0.1) word = `\`${word}()\``;
    else if (mark < 0.11) word = `[${word}](https://example.com/${word})`;
    else if (mark < 0.12) word = `$x_${i}^2$`;
    out.push(word);
  }
  const text = out.join(" ");
  return text[0].toUpperCase() + text.slice(1) + ".";
}

function section(next: () => number, n: number): string {
  const paragraph = () =>
    Array.from(
      { length: 2 + Math.floor(next() * 3) },
      () => sentence(next, 8 + Math.floor(next() * 10)),
    ).join(" ");
  const parts = [
    `## Bagian ${n}: ${sentence(next, 3).slice(0, -1)}`,
    paragraph(),
  ];
  const items = 3 + Math.floor(next() * 5);
  parts.push(
    Array.from(
      { length: items },
      (_, i) => (n % 2 ? `${i + 1}. ` : "- ") + sentence(next, 6),
    ).join("\n"),
  );
  parts.push(paragraph());
  const rows = 3 + Math.floor(next() * 6);
  parts.push(
    [
      "| Nama | Nilai | Keterangan |",
      "|:-----|------:|------------|",
      ...Array.from(
        { length: rows },
        (_, i) =>
          `| ${WORDS[(n + i) % WORDS.length]} | ${(n * 17 + i * 3) % 100} | ${
            sentence(next, 4)
          } |`,
      ),
    ].join("\n"),
  );
  const lines = 6 + Math.floor(next() * 18);
  const lang = ["ts", "python", "bash", "json"][n % 4];
  parts.push(
    "```" + lang + "\n" +
      Array.from(
        { length: lines },
        (_, i) =>
          `${"  ".repeat(i % 3)}const v${i} = compute("${
            WORDS[i % WORDS.length]
          }", ${i});`,
      ).join("\n") +
      "\n```",
  );
  if (n % 3 === 0) {
    parts.push(`> ${sentence(next, 12)}\n> ${sentence(next, 9)}`);
  }
  if (n % 4 === 1) {
    parts.push(`$$\n\\sum_{i=1}^{${n}} i^2 = \\frac{n(n+1)(2n+1)}{6}\n$$`);
  }
  parts.push(paragraph());
  return parts.join("\n\n");
}

/** A markdown answer of exactly `chars` characters. */
export function markdownAnswer(chars: number, seed = 7): string {
  const next = random(seed);
  let text = "# Jawaban panjang\n\n";
  for (let n = 1; text.length < chars; n++) text += section(next, n) + "\n\n";
  return text.slice(0, chars);
}

/** `text` cut into tokens of `size` characters (the last may be shorter). */
export function fixedTokens(text: string, size: number): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    tokens.push(text.slice(i, i + size));
  }
  return tokens;
}
