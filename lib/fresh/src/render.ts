/**
 * Renders a page route: `_app` › `_layout`s › page, islands marked and
 * booted, `<Head>` children and preloads in `<head>`, the CSP of a
 * `csp: true` route in its header.
 */
import { type ComponentChildren, h } from "preact";
import { renderToString } from "preact-render-to-string";
import { collectIslands, slotTemplates } from "./islands.ts";
import type { Route, RouteTable } from "./router.ts";
import { pageTree } from "./page_tree.ts";
import { CSP_CONTEXT, cspHeader, defaultCsp, nonce } from "./csp.ts";
import { HEAD_CONTEXT } from "./head.ts";
import { assemble, headTitle, renderHeadNodes } from "./document.ts";
import { pageTags } from "./page_tags.ts";
import { PARTIAL_SEARCH_PARAM } from "./partial.ts";
import type { BuildAssets } from "./build_assets.ts";
import type {
  FreshContext,
  PageProps,
  RenderOptions,
  RouteModule,
} from "./types.ts";
import { htmlBody } from "./html_body.ts";

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

  const config = module.config ?? {};
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
  return new Response(htmlBody(html), {
    status: options?.status ?? 200,
    statusText: options?.statusText,
    headers,
  });
}
