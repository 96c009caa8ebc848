import { type ComponentType, h, hydrate, render } from "preact";
import { useEffect } from "preact/hooks";
import type { LazyPart } from "@/components/Lazy.tsx";
import { whenIdle } from "@/lib/client/when_idle.ts";

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
    const hydrated: HTMLElement[] = [];
    const run = async () => {
      const parts = [
        ...document.querySelectorAll<HTMLElement>(
          "[data-lazy]:not([data-ready])",
        ),
      ];
      await Promise.all(parts.map(async (el) => {
        const load = PARTS[el.dataset.lazy as LazyPart];
        if (!load) return;
        const { default: Part } = await load();
        hydrate(h(Part, JSON.parse(el.dataset.props ?? "{}") as never), el);
        el.dataset.ready = "";
        hydrated.push(el);
      }));
      document.documentElement.dataset.enhanced = "ready";
    };
    whenIdle(() => void run(), { timeoutMs: 800, fallbackMs: 100 });
    // Switching chats swaps the page (a partial) and remounts this island:
    // the old parts' listeners (shortcuts, chat updates) must go with them.
    return () => hydrated.forEach((el) => render(null, el));
  }, []);
  return null;
}
