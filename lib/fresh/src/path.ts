/** The few path helpers the layer needs (std/path is not reachable here). */
import * as nodePath from "node:path";
import * as nodeUrl from "node:url";

/** Joins path segments. */
export const join = nodePath.join;
/** The folder part of a path. */
export const dirname = nodePath.dirname;
/** A path relative to `from`. */
export const relative = nodePath.relative;

/** A file path from a `file:` URL. */
export function fromFileUrl(url: string | URL): string {
  return nodeUrl.fileURLToPath(url);
}
