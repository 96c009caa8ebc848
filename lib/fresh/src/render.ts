/** Renders a page route: `_app` › `_layout`s › page, islands marked and booted. */
import { type ComponentType, h, type VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { collectIslands } from "./islands.ts";
import { ancestorDirs, type Route, type RouteTable } from "./router.ts";
import { escapeScriptJson, serialize } from "./serializer.ts";
import type { BuildAssets } from "./build_assets.ts";
import type {
  AppProps,
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
  ctx: FreshContext;
  assets: BuildAssets;
  options?: RenderOptions;
}

const AsyncFunction = (async () => {}).constructor;

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
  // deno-lint-ignore no-explicit-any
  let content: VNode<any> | null;
  if (Page instanceof AsyncFunction) {
    const result = await (Page as (r: Request, c: FreshContext) => Promise<
      VNode | Response | null
    >)(ctx.req, ctx);
    if (result instanceof Response) return result;
    content = result;
  } else {
    content = h(Page as ComponentType<PageProps>, props) as VNode<unknown>;
  }

  // deno-lint-ignore no-explicit-any
  let Inner: ComponentType<any> = (): VNode | null => content;
  const config = module.config ?? {};
  if (route && !config.skipInheritedLayouts) {
    const layouts = ancestorDirs(route.dir)
      .map((dir) => table.layouts.get(dir)?.default)
      .filter((layout): layout is ComponentType<AppProps> => !!layout);
    for (const Layout of layouts.reverse()) {
      const Component = Inner;
      Inner = (): VNode<AppProps> => h(Layout, { ...props, Component });
    }
  }
  const App = config.skipAppWrapper ? undefined : table.app?.default;
  const root = App
    ? h(App as ComponentType<AppProps>, { ...props, Component: Inner })
    : h(Inner, null);

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
