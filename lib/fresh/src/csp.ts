/**
 * Content Security Policy as Fresh 1.x offers it: a route that exports
 * `config = { csp: true }` gets a policy object that components change with
 * `useCSP()` while the page renders; the layer then adds a fresh nonce to
 * `script-src` (its inline scripts carry it) and sends the policy as the
 * `Content-Security-Policy` header (or `…-Report-Only`). Without `csp: true`,
 * `useCSP()` does nothing and no header is set.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export const SELF = "'self'";
export const UNSAFE_INLINE = "'unsafe-inline'";
export const UNSAFE_EVAL = "'unsafe-eval'";
export const UNSAFE_HASHES = "'unsafe-hashes'";
export const NONE = "'none'";
export const STRICT_DYNAMIC = "'strict-dynamic'";

/** A nonce source expression: `'nonce-<value>'`. */
export function nonce(value: string): string {
  return `'nonce-${value}'`;
}

/** The directives, camel-cased: `scriptSrc` is `script-src`. */
export interface ContentSecurityPolicyDirectives {
  childSrc?: string[];
  connectSrc?: string[];
  defaultSrc?: string[];
  fontSrc?: string[];
  frameSrc?: string[];
  imgSrc?: string[];
  manifestSrc?: string[];
  mediaSrc?: string[];
  objectSrc?: string[];
  prefetchSrc?: string[];
  scriptSrc?: string[];
  scriptSrcElem?: string[];
  scriptSrcAttr?: string[];
  styleSrc?: string[];
  styleSrcElem?: string[];
  styleSrcAttr?: string[];
  workerSrc?: string[];
  baseUri?: string[];
  sandbox?: string[];
  formAction?: string[];
  frameAncestors?: string[];
  navigateTo?: string[];
  reportUri?: string;
}

/** The policy of one page render. */
export interface ContentSecurityPolicy {
  directives: ContentSecurityPolicyDirectives;
  reportOnly: boolean;
}

/** The render's policy; undefined when the route did not ask for one. */
export const CSP_CONTEXT = createContext<ContentSecurityPolicy | undefined>(
  undefined,
);

/** Lets a component change the page's policy (a no-op without `csp: true`, and in the browser). */
export function useCSP(mutator: (csp: ContentSecurityPolicy) => void): void {
  const csp = useContext(CSP_CONTEXT);
  if (csp) mutator(csp);
}

/** The policy a `csp: true` route starts from, as in Fresh 1.x. */
export function defaultCsp(): ContentSecurityPolicy {
  return {
    directives: { defaultSrc: [NONE], styleSrc: [UNSAFE_INLINE] },
    reportOnly: false,
  };
}

/** The policy as a header: its name and value. */
export function cspHeader(csp: ContentSecurityPolicy): [string, string] {
  const value = Object.entries(csp.directives)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const name = k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return `${name} ${Array.isArray(v) ? v.join(" ") : v}`;
    })
    .join("; ");
  return [
    csp.reportOnly
      ? "Content-Security-Policy-Report-Only"
      : "Content-Security-Policy",
    value,
  ];
}
