/**
 * Renders a page route: `_app` › `_layout`s › page, islands marked and
 * booted, `<Head>` children and preloads in `<head>`, the CSP of a
 * `csp: true` route in its header.
 */
import {
  type ComponentChildren,
  type ComponentType,
  h,
  type VNode,
} from "preact";
import { renderToString } from "preact-render-to-string";
import { collectIslands, slotTemplates } from "./islands.ts";
import { ancestorDirs, type Route, type RouteTable } from "./router.ts";
import { CSP_CONTEXT, cspHeader, defaultCsp, nonce } from "./csp.ts";
import { HEAD_CONTEXT } from "./head.ts";
import { assemble, headTitle, renderHeadNodes } from "./document.ts";
import { pageTags } from "./page_tags.ts";
import { PARTIAL_SEARCH_PARAM } from "./partial.ts";
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

  const csp = config.csp ? defaultCsp() : undefined;
  const headNodes: ComponentChildren[] = [];
  const tree = h(
    CSP_CONTEXT.Provider,
    { value: csp },
    h(HEAD_CONTEXT.Provider, { value: headNodes }, root),
  );
  const { result: [body, templates], state } = collectIslands(
    () => [renderToString(tree), slotTemplates()],
    ctx.url.pathname,
  );
  if (state.error) throw state.error;
  const renderId = crypto.randomUUID().replaceAll("-", "");
  const tags = pageTags({
    state,
    assets,
    renderId,
    partial: ctx.url.searchParams.has(PARTIAL_SEARCH_PARAM),
  });
  const headers = new Headers(options?.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("X-Fresh-UUID", renderId);
  if (csp) {
    csp.directives.scriptSrc = [
      ...csp.directives.scriptSrc ?? [],
      nonce(state.nonce),
    ];
    headers.set(...cspHeader(csp));
  }
  const html = "<!DOCTYPE html>" + assemble({
    body,
    head: tags.head + renderHeadNodes(headNodes, state.nonce),
    title: headTitle(headNodes),
    end: templates + tags.body,
  });
  return new Response(html, {
    status: options?.status ?? 200,
    statusText: options?.statusText,
    headers,
  });
}
