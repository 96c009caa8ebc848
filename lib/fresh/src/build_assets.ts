/**
 * The shape of a client build, apart from the bundler that makes one: a
 * server that serves a build made ahead of time (`deno task build`, Deno
 * Deploy) never loads esbuild.
 */

/** The built client files and how a page refers to them. */
export interface BuildAssets {
  buildId: string;
  /** URL of the runtime that revives islands. */
  mainUrl: string;
  /** URL of the client navigation, loaded by pages with `f-client-nav`. */
  navUrl: string;
  /** URL of `signal()`, loaded only by pages whose island props hold signals. */
  signalsUrl: string;
  /** Island id → URL of its entry. */
  islandUrls: Map<string, string>;
  /** Entry URL → URLs of itself and every chunk it imports statically. */
  preloads: Map<string, string[]>;
  /** URL path → file contents. */
  files: Map<string, Uint8Array>;
  /** The app's source files that went into the bundles (node_modules left out). */
  inputs: string[];
}

/** An island to bundle: its id and absolute file path. */
export interface IslandEntry {
  id: string;
  path: string;
}

/** Where built files are served. */
export const ASSET_PREFIX = "/_frsh/js/";
