import { type ComponentType, h, hydrate } from "preact";
import { useEffect } from "preact/hooks";
import type { LazyPart } from "@/components/Lazy.tsx";

type Loader = () => Promise<{ default: ComponentType<never> }>;

/** The code of each lazy part: separate chunks, not loaded with the page. */
const PARTS: Record<LazyPart, Loader> = {
  list: () => import("@/components/ChatListPanel.tsx"),
  settings: () => import("@/components/ChatSettings.tsx"),
  model: () => import("@/components/ModelPicker.tsx"),
  shortcuts: () => import("@/components/Shortcuts.tsx"),
};

/**
 * Makes the page's lazy parts (`components/Lazy.tsx`) interactive once the
 * browser is idle after loading: reading a chat needs none of them, so the
 * first load stays small. Each part is marked `data-ready` when hydrated,
 * and the page `data-enhanced="ready"` when all are.
 */
export default function Enhance() {
  useEffect(() => {
    const run = async () => {
      const parts = [...document.querySelectorAll<HTMLElement>("[data-lazy]")];
      await Promise.all(parts.map(async (el) => {
        const load = PARTS[el.dataset.lazy as LazyPart];
        if (!load) return;
        const { default: Part } = await load();
        hydrate(h(Part, JSON.parse(el.dataset.props ?? "{}") as never), el);
        el.dataset.ready = "";
      }));
      document.documentElement.dataset.enhanced = "ready";
    };
    const idle = globalThis.requestIdleCallback;
    if (idle) idle(() => void run(), { timeout: 800 });
    else setTimeout(run, 100);
  }, []);
  return null;
}
