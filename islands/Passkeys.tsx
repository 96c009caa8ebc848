import { useEffect, useState } from "preact/hooks";

/** Labels in the page's language (passed in, so no dictionary travels for them). */
export interface PasskeyLabels {
  button: string;
  failed: string;
}

/**
 * A passkey button: "register" adds one to the signed-in account, "sign-in"
 * signs in with any passkey of this site. Shown only where the browser has
 * WebAuthn (and JavaScript); the ceremony's failure is said in an alert.
 */
export default function Passkeys(
  props: { mode: "register" | "sign-in"; next: string; labels?: PasskeyLabels },
) {
  const [supported, setSupported] = useState(false);
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => setSupported(typeof PublicKeyCredential === "function"), []);
  if (!supported || !props.labels) return null;
  const { labels } = props;
  const base = props.mode === "register"
    ? "/account/passkeys/register"
    : "/account/passkeys/sign-in";

  async function run() {
    setBusy(true);
    setProblem("");
    try {
      const browser = await import("@simplewebauthn/browser");
      const begin = await fetch(`${base}-options`, { method: "POST" });
      if (!begin.ok) throw new Error(String(begin.status));
      const { ceremony, options } = await begin.json();
      const response = props.mode === "register"
        ? await browser.startRegistration({ optionsJSON: options })
        : await browser.startAuthentication({ optionsJSON: options });
      const done = await fetch(base, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ceremony, response, next: props.next }),
      });
      if (!done.ok) throw new Error(String(done.status));
      const { location } = await done.json();
      globalThis.location.assign(location);
    } catch {
      setProblem(labels.failed);
      setBusy(false);
    }
  }

  return (
    <div class="account-passkey">
      <button type="button" onClick={run} disabled={busy}>
        {labels.button}
      </button>
      {problem && <p role="alert" class="account-problem">{problem}</p>}
    </div>
  );
}
