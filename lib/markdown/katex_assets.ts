/**
 * Copies KaTeX's stylesheet and fonts from the npm package into
 * `static/katex/`, where `math_render.ts` links them. Only the woff2 fonts
 * are kept (every browser that runs the islands reads woff2), and the
 * font-display:swap variant of the CSS keeps text visible while a font loads.
 *
 * Run after changing the katex version: `deno run -A lib/markdown/katex_assets.ts`
 */
import { dirname, join } from "node:path";
import { fileURLToPath as fromFileUrl } from "node:url";

/** Rewrites KaTeX's `@font-face` sources to their woff2 file alone. */
export function woff2Only(css: string): string {
  return css.replace(
    /(url\(fonts\/[\w-]+\.woff2\) format\("woff2"\))(?:,url\(fonts\/[\w-]+\.(?:woff|ttf)\) format\("(?:woff|truetype)"\))+/g,
    "$1",
  );
}

if (import.meta.main) {
  const root = join(dirname(fromFileUrl(import.meta.url)), "..", "..");
  const dist = join(root, "node_modules", "katex", "dist");
  const out = join(root, "static", "katex");
  const version = JSON.parse(
    await Deno.readTextFile(join(dist, "..", "package.json")),
  ).version;
  await Deno.mkdir(join(out, "fonts"), { recursive: true });
  const css = woff2Only(
    await Deno.readTextFile(join(dist, "katex-swap.min.css")),
  );
  await Deno.writeTextFile(
    join(out, "katex.min.css"),
    `/* KaTeX ${version} (MIT, see LICENSE), from lib/markdown/katex_assets.ts */\n${css}`,
  );
  await Deno.copyFile(join(dist, "..", "LICENSE"), join(out, "LICENSE"));
  for await (const entry of Deno.readDir(join(dist, "fonts"))) {
    if (!entry.name.endsWith(".woff2")) continue;
    await Deno.copyFile(
      join(dist, "fonts", entry.name),
      join(out, "fonts", entry.name),
    );
  }
  console.log(`KaTeX ${version} assets written to ${out}`);
}
