/**
 * Syntax highlighting with highlight.js core. Each language is its own chunk,
 * fetched the first time a code block names it; unknown languages stay plain.
 */
import hljs from "highlight.js/lib/core";

type LanguageFn = Parameters<typeof hljs.registerLanguage>[1];
type Loader = () => Promise<{ default: LanguageFn }>;

// Common languages of chat answers; each import() becomes a small chunk.
const LOADERS: Record<string, Loader> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  csharp: () => import("highlight.js/lib/languages/csharp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  go: () => import("highlight.js/lib/languages/go"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  kotlin: () => import("highlight.js/lib/languages/kotlin"),
  php: () => import("highlight.js/lib/languages/php"),
  python: () => import("highlight.js/lib/languages/python"),
  ruby: () => import("highlight.js/lib/languages/ruby"),
  rust: () => import("highlight.js/lib/languages/rust"),
  sql: () => import("highlight.js/lib/languages/sql"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

const ALIASES: Record<string, string> = {
  sh: "bash",
  shell: "bash",
  zsh: "bash",
  console: "bash",
  h: "c",
  "c++": "cpp",
  hpp: "cpp",
  cs: "csharp",
  "c#": "csharp",
  patch: "diff",
  golang: "go",
  js: "javascript",
  jsx: "javascript",
  mjs: "javascript",
  kt: "kotlin",
  py: "python",
  rb: "ruby",
  rs: "rust",
  ts: "typescript",
  tsx: "typescript",
  html: "xml",
  svg: "xml",
  xhtml: "xml",
  yml: "yaml",
};

const registered = new Map<string, Promise<boolean>>();

function register(name: string): Promise<boolean> {
  let done = registered.get(name);
  if (!done) {
    done = LOADERS[name]().then((module) => {
      hljs.registerLanguage(name, module.default);
      return true;
    }, () => false);
    registered.set(name, done);
  }
  return done;
}

/** The highlight.js name of a fence's language, if it is one we highlight. */
export function languageOf(fence: string): string | undefined {
  const name = ALIASES[fence] ?? fence;
  return Object.hasOwn(LOADERS, name) ? name : undefined;
}

/** Highlights one `<code class="language-…">` once its language has loaded. */
export function highlightCode(
  code: Element,
  schedule: (job: () => void) => void,
): void {
  const fence = /(?:^|\s)language-(\S+)/.exec(code.className)?.[1] ?? "";
  const name = languageOf(fence);
  if (!name) return;
  code.setAttribute("data-highlighted", "pending");
  register(name).then((ok) => {
    if (!ok) return;
    schedule(() => {
      if (!code.isConnected) return;
      const { value } = hljs.highlight(code.textContent ?? "", {
        language: name,
        ignoreIllegals: true,
      });
      // highlight.js escapes the code; its markup is spans with classes.
      code.innerHTML = value;
      code.classList.add("hljs");
      code.setAttribute("data-highlighted", "yes");
    });
  });
}
