/**
 * The tags the layer adds to a rendered page, as Fresh 1.x writes them:
 * `<link rel="modulepreload">` for the runtime, the page's islands and their
 * chunks; the islands' props in a JSON script whose id is unique to the
 * render; and one inline module script, carrying the render's nonce, that
 * imports the runtime and the islands and revives them. A partial request
 * (`?fresh-partial`) gets no preloads but a JSON map of its islands, which
 * the client-side navigation imports itself.
 */
import type { BuildAssets } from "./build_assets.ts";
import type { PageRenderState } from "./islands.ts";
import { escapeScriptJson, serialize } from "./serializer.ts";

/** What `pageTags()` needs. */
export interface PageTagsInput {
  state: PageRenderState;
  assets: BuildAssets;
  /** Unique per render: names the JSON scripts and the `X-Fresh-UUID` header. */
  renderId: string;
  /** A request for partials (`?fresh-partial`). */
  partial: boolean;
}

/** HTML for the end of `<head>` and of `<body>`. */
export interface PageTags {
  head: string;
  body: string;
}

/** The preload links and boot scripts of one rendered page. */
export function pageTags(input: PageTagsInput): PageTags {
  const { state, assets, renderId, partial } = input;
  const islands = [...state.used];
  if (islands.length === 0 && state.partials.size === 0 && !state.clientNav) {
    return { head: "", body: "" };
  }
  const nonce = ` nonce="${state.nonce}"`;
  const preload = new Set<string>();
  const preloaded = (url: string) => {
    for (const dep of assets.preloads.get(url) ?? [url]) preload.add(dep);
    return url;
  };
  let body = "";
  const stateId = `__FRSH_STATE_${renderId}`;
  const found = { signals: 0 };
  if (state.instances.length > 0) {
    const props = serialize(
      state.instances.map((i) => i.props),
      ([index, ...path]) =>
        `Island "${state.instances[Number(index)].label}" prop "${
          path.join(".")
        }"`,
      found,
    );
    body +=
      `<script id="${stateId}" type="application/json"${nonce}>{"props":${props}}</script>`;
  }
  let script = `import{boot}from${JSON.stringify(preloaded(assets.mainUrl))};`;
  // Only a page whose props hold signals loads them (as Fresh 1.x does).
  const signalsUrl = found.signals > 0 ? preloaded(assets.signalsUrl) : "";
  if (signalsUrl) script += `import{signal}from${JSON.stringify(signalsUrl)};`;
  const registry: string[] = [];
  const mapping: Record<string, { url: string; export: string }> = {};
  islands.forEach((island, i) => {
    const url = preloaded(assets.islandUrls.get(island.file)!);
    const name = JSON.stringify(url);
    script += island.exportName === "default"
      ? `import i${i} from${name};`
      : `import{${island.exportName} as i${i}}from${name};`;
    registry.push(`${JSON.stringify(island.id)}:i${i}`);
    mapping[island.id] = { url, export: island.exportName };
  });
  const bootOptions = [
    ...(state.clientNav
      // Not preloaded: the runtime imports it when the page is idle or a
      // link is reached for, which keeps it out of the first load.
      ? [`navUrl:${JSON.stringify(assets.navUrl)}`]
      : []),
    ...(signalsUrl ? ["signal"] : []),
  ];
  script += `boot({${registry.join(",")}},${
    JSON.stringify(state.instances.length > 0 ? stateId : null)
  },{${bootOptions.join(",")}});`;
  if (partial) {
    body +=
      `<script id="__FRSH_PARTIAL_DATA_${renderId}" type="application/json"${nonce}>${
        escapeScriptJson(
          JSON.stringify({
            islands: mapping,
            ...(signalsUrl && { signals: signalsUrl }),
          }),
        )
      }</script>`;
  }
  body += `<script type="module"${nonce}>${script}</script>`;
  const head = partial
    ? ""
    : [...preload].map((url) => `<link rel="modulepreload" href="${url}">`)
      .join("");
  return { head, body };
}
