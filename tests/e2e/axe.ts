/** The axe-core audit of a page (WCAG 2.2 A and AA rules), shared by the a11y tests. */
import type { Page } from "playwright-core";

const axeSource = await Deno.readTextFile(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
);

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** The page's violations, each as "rule (impact): help — where". */
export async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: unknown,
        ) => Promise<{ violations: AxeViolation[] }>;
      };
    }).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
      },
    });
    return result.violations;
  }) as AxeViolation[];
  return violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help} — ${
      v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")
    }`
  );
}
