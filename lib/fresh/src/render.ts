/** Renders a page route: `_app` › `_layout`s › page, islands marked and booted. */
import { renderToString } from "preact-render-to-string";
import { collectIslands } from "./islands.ts";
import type { Route, RouteTable } from "./router.ts";
import { pageTree } from "./page_tree.ts";
import { escapeScriptJson, serialize } from "./serializer.ts";
import type { BuildAssets } from "./build_assets.ts";
import type {
  FreshContext,
  PageProps,
  RenderOptions,
  RouteModule,
} from "./types.ts";

/** What a page render needs besides the request. */
export interface PageRenderInput {
  table: RouteTable;
  /** The route to render; `_404`/`_500` pages pass their own module. */
  module: RouteModule;
  route?: Route;
  /** The folder whose layouts wrap the page, when not the route's (`""` for `_404`). */
  dir?: string;
  ctx: FreshContext;
  assets: BuildAssets;
  options?: RenderOptions;
}

/** Renders `module`'s page inside its layouts and `_app` into an HTML response. */
export async function renderPage(input: PageRenderInput): Promise<Response> {
  const { table, module, route, ctx, assets, options } = input;
  const Page = module.default;
  if (!Page) {
    throw new Error(
      `${
        route?.file ?? "The route"
      } has no default export to render: export a page component or answer from the handler`,
    );
  }
  const props: PageProps = {
    url: ctx.url,
    route: ctx.route,
    params: ctx.params,
    data: ctx.data,
    state: ctx.state,
    error: ctx.error,
  };
  const root = await pageTree({
    table,
    module,
    dir: input.dir ?? route?.dir,
    ctx,
    props,
  });
  if (root instanceof Response) return root;

  const { result: body, state } = collectIslands(() => renderToString(root));
  const headers = new Headers(options?.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  let html = "<!DOCTYPE html>" + body;
  if (state.instances.length > 0) {
    const urls: Record<string, string> = {};
    for (const id of state.used) urls[id] = assets.islandUrls.get(id)!;
    const propsJson = serialize(
      state.instances.map((i) => i.props),
      ([index, ...path]) =>
        `Island "${state.instances[Number(index)].id}" prop "${
          path.join(".")
        }"`,
    );
    const boot =
      `<script id="__FRSH_STATE" type="application/json">{"islands":${
        escapeScriptJson(JSON.stringify(urls))
      },"props":${propsJson}}</script><script type="module" src="${assets.mainUrl}"></script>`;
    const end = html.lastIndexOf("</body>");
    html = end === -1
      ? html + boot
      : html.slice(0, end) + boot + html.slice(end);
    const preload = new Set(assets.preloads.get(assets.mainUrl) ?? []);
    for (const url of Object.values(urls)) {
      for (const dep of assets.preloads.get(url) ?? [url]) preload.add(dep);
    }
    headers.append(
      "Link",
      [...preload].map((url) => `<${url}>; rel="modulepreload"`).join(", "),
    );
  }
  return new Response(html, {
    status: options?.status ?? 200,
    statusText: options?.statusText,
    headers,
  });
}
