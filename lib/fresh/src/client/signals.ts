/**
 * `signal()` for reviving signal props: its own entry, imported only by pages
 * whose island props hold a signal, as Fresh 1.x does, so that other pages
 * do not load @preact/signals.
 */
export { signal } from "@preact/signals";
