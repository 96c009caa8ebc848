/** The browser entry of the islands runtime: loads the page's islands and revives them. */
import type { ComponentType } from "preact";
import { deserialize } from "../deserializer.ts";
import { revive } from "./revive.ts";

interface PageState {
  islands: Record<string, string>;
  props: unknown;
}

const script = document.getElementById("__FRSH_STATE");
if (script?.textContent) {
  const state = JSON.parse(script.textContent) as PageState;
  const buildId = new URL(import.meta.url).pathname.split("/").at(-2);
  (globalThis as { __FRSH_BUILD_ID?: string }).__FRSH_BUILD_ID = buildId;
  const loaded = await Promise.all(
    Object.entries(state.islands).map(async ([id, url]) =>
      [id, (await import(url)).default as ComponentType] as const
    ),
  );
  const props = deserialize(state.props) as Record<string, unknown>[];
  revive(
    new Map(loaded) as Map<string, ComponentType<Record<string, unknown>>>,
    props,
    document.body,
  );
}
// Lets tests and tools know that every island is interactive.
document.documentElement.dataset.islands = "ready";
