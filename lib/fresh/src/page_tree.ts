/**
 * The component tree of a page: `_app` › `_layout`s › page, as Fresh 1.x
 * stacks them. An async component (`defineApp`, `defineLayout`,
 * `defineRoute`, or any `async` function) is called as `(req, ctx)` before
 * rendering, outermost first; its `ctx.Component` renders what it wraps, and
 * a Response it returns is the answer instead of the page.
 */
import { type ComponentType, h, type VNode } from "preact";
import { ancestorDirs, type RouteTable } from "./router.ts";
import type { FreshContext, PageProps, RouteModule } from "./types.ts";

/** What a page tree is built from. */
export interface PageTreeInput {
  table: RouteTable;
  /** The module whose default export is the page. */
  module: RouteModule;
  /** The folder whose layouts wrap the page; none when undefined. */
  dir?: string;
  ctx: FreshContext;
  props: PageProps;
}

// deno-lint-ignore no-explicit-any
type Any = any;
type AsyncComponent = (req: Request, ctx: Any) => Promise<unknown>;

/** Whether `fn` is an `async` function: Fresh calls those as `(req, ctx)`. */
export function isAsyncComponent(fn: unknown): fn is AsyncComponent {
  return typeof fn === "function" &&
    fn.constructor.name === "AsyncFunction";
}

/** The components around the page, outermost first, honouring the `config`s. */
function wrappers(input: PageTreeInput): ComponentType<Any>[] {
  const { table, module, dir } = input;
  let layouts: RouteModule[] = [];
  if (dir !== undefined && !module.config?.skipInheritedLayouts) {
    layouts = ancestorDirs(dir)
      .map((d) => table.layouts.get(d))
      .filter((layout): layout is RouteModule => !!layout?.default);
    // A layout that skips inherited layouts is the outermost one.
    const root = layouts.findLastIndex((l) => l.config?.skipInheritedLayouts);
    if (root > 0) layouts = layouts.slice(root);
  }
  const skipApp = module.config?.skipAppWrapper ||
    layouts.some((l) => l.config?.skipAppWrapper);
  const app = skipApp ? undefined : table.app?.default;
  return [app, ...layouts.map((l) => l.default)].filter((c) => !!c) as Any;
}

/** The page's tree ready to render, or the Response an async component returned. */
export async function pageTree(
  input: PageTreeInput,
): Promise<VNode | Response> {
  const { ctx, props } = input;
  const stack: unknown[] = [...wrappers(input), input.module.default];
  const built: ComponentType<Any>[] = new Array(stack.length);
  for (let i = 0; i < stack.length; i++) {
    const fn = stack[i] as ComponentType<Any>;
    const isPage = i === stack.length - 1;
    if (isAsyncComponent(fn)) {
      const Component = (): VNode => h(built[i + 1], props);
      const result = await fn(ctx.req, isPage ? ctx : { ...ctx, Component });
      if (result instanceof Response) return result;
      built[i] = () => result as VNode;
    } else if (isPage) {
      built[i] = () => h(fn, props);
    } else {
      const Component = (): VNode => h(built[i + 1], null);
      built[i] = () => h(fn, { ...props, Component });
    }
  }
  return h(built[0], null);
}
