/**
 * `_404` and `_500`, as Fresh 1.x answers with them: the module's `handler`
 * function when it exports one (its `ctx.render()` renders the page), else
 * the page itself; either page inside `_app` and the root `_layout` only.
 * Without a page the answer is plain text.
 */
import { renderPage } from "./render.ts";
import type { RouteTable } from "./router.ts";
import type { BuildAssets } from "./build_assets.ts";
import type { FreshContext, RenderOptions, RouteModule } from "./types.ts";

type Status = 404 | 500;

/** The error pages of one app. */
export class ErrorPages {
  constructor(readonly table: RouteTable, readonly assets: BuildAssets) {}

  #module(status: Status): RouteModule | undefined {
    return status === 404 ? this.table.notFound : this.table.error;
  }

  /** The answer of `_404` (no route matched) or `_500` (`ctx.error` is set). */
  answer(req: Request, ctx: FreshContext, status: Status): Promise<Response> {
    const handler = this.#module(status)?.handler;
    if (typeof handler !== "function") return this.render(ctx, status);
    ctx.render = (data?: unknown, options?: RenderOptions) => {
      ctx.data = data;
      return this.render(ctx, status, options);
    };
    return Promise.resolve(handler(req, ctx));
  }

  /** Renders the `_404` or `_500` page. */
  async render(
    ctx: FreshContext,
    status: Status,
    options?: RenderOptions,
  ): Promise<Response> {
    const module = this.#module(status);
    if (!module?.default) {
      return status === 404 ? notFoundText() : internalErrorText();
    }
    return await renderPage({
      table: this.table,
      module,
      dir: "",
      ctx,
      assets: this.assets,
      options: { ...options, status: options?.status ?? status },
    });
  }

  /** Logs an error no middleware handled and answers with `_500`. */
  async failed(
    req: Request,
    ctx: FreshContext,
    error: unknown,
  ): Promise<Response> {
    // Control characters escaped: the error's message may quote the request.
    const text = error instanceof Error ? error.stack ?? String(error) : error;
    console.error(
      `Error while answering ${req.method} ${ctx.url.pathname}:`,
      String(text).replace(
        // deno-lint-ignore no-control-regex
        /[\x00-\x09\x0b-\x1f\x7f\u2028\u2029]|\n(?!\s+at )/g,
        (c) => JSON.stringify(c).slice(1, -1),
      ),
    );
    ctx.error = error;
    try {
      return await this.answer(req, ctx, 500);
    } catch (renderError) {
      console.error("Error while rendering the error page:", renderError);
      return internalErrorText();
    }
  }
}

/** The plain 404 answer, when there is no `_404` page. */
export function notFoundText(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

function internalErrorText(): Response {
  return new Response("Internal server error", {
    status: 500,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
