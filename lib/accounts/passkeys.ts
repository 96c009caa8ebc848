/**
 * Passkeys (WebAuthn) through @simplewebauthn/server: registering one on a
 * signed-in account, and signing in with one (a discoverable credential,
 * so no username is typed). Each ceremony's challenge waits in KV for five
 * minutes and is consumed by its one answer, so a replayed answer fails.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import {
  passkeyIdKey,
  passkeyKey,
  passkeysPrefix,
  webauthnChallengeKey,
} from "@/lib/kv_keys.ts";
import { newOwnerId } from "@/lib/security/session.ts";
import type { Account } from "./types.ts";

const CEREMONY_TTL_MS = 5 * 60_000;

/**
 * The WebAuthn library and its ASN.1 stack (about 130 ms of a cold start,
 * more than any other dependency of the server) load with the first
 * ceremony, not with every instance.
 */
let webauthn: Promise<typeof import("@simplewebauthn/server")> | undefined;
const loadWebauthn = () =>
  webauthn ??= import("@simplewebauthn/server").catch((error) => {
    // A failed load is tried again by the next ceremony.
    webauthn = undefined;
    throw error;
  });

/** The relying party: this site, as the browser names it. */
export interface RelyingParty {
  /** The host name (no port). */
  id: string;
  /** The page's origin, e.g. `https://chat.example.com`. */
  origin: string;
  name: string;
}

/** A stored passkey. */
export interface StoredPasskey {
  id: string;
  /** The COSE public key, base64. */
  publicKey: string;
  counter: number;
  transports?: string[];
  createdAt: string;
}

interface Ceremony {
  challenge: string;
  kind: "register" | "sign-in";
  accountId?: string;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string) =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const CREDENTIAL_ID = /^[\w-]{16,1400}$/;

/** The passkeys of every account, on one KV. */
export class Passkeys {
  constructor(readonly kv: Deno.Kv) {}

  async #begin(ceremony: Ceremony): Promise<string> {
    const id = newOwnerId();
    await this.kv.set(webauthnChallengeKey(id), ceremony, {
      expireIn: CEREMONY_TTL_MS,
    });
    return id;
  }

  /** Takes (once) the ceremony `id` of `kind`. */
  async #take(id: unknown, kind: Ceremony["kind"]): Promise<Ceremony | null> {
    if (typeof id !== "string" || !/^[\w-]{22}$/.test(id)) return null;
    const entry = await this.kv.get<Ceremony>(webauthnChallengeKey(id));
    if (!entry.value || entry.value.kind !== kind) return null;
    const done = await this.kv.atomic().check(entry).delete(entry.key).commit();
    return done.ok ? entry.value : null;
  }

  /** The account's passkeys, oldest first. */
  async list(accountId: string): Promise<StoredPasskey[]> {
    const out: StoredPasskey[] = [];
    for await (
      const entry of this.kv.list<StoredPasskey>({
        prefix: passkeysPrefix(accountId),
      })
    ) out.push(entry.value);
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Options for registering a new passkey on `account`, and the ceremony's id. */
  async registrationOptions(
    account: Account,
    rp: RelyingParty,
  ): Promise<
    { ceremony: string; options: PublicKeyCredentialCreationOptionsJSON }
  > {
    const existing = await this.list(account.id);
    const { generateRegistrationOptions } = await loadWebauthn();
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: account.username,
      userID: new TextEncoder().encode(account.id),
      attestationType: "none",
      excludeCredentials: existing.map((p) => ({
        id: p.id,
        transports: p.transports,
      })),
      authenticatorSelection: {
        residentKey: "required",
        userVerification: "preferred",
      },
    });
    const ceremony = await this.#begin({
      challenge: options.challenge,
      kind: "register",
      accountId: account.id,
    });
    return { ceremony, options };
  }

  /** Verifies and stores a new passkey; false when the ceremony failed. */
  async register(
    account: Account,
    input: { ceremony: unknown; response: unknown },
    rp: RelyingParty,
  ): Promise<boolean> {
    // Loaded before the challenge is used up: a failed load leaves it.
    const { verifyRegistrationResponse } = await loadWebauthn();
    const ceremony = await this.#take(input.ceremony, "register");
    if (!ceremony || ceremony.accountId !== account.id) return false;
    try {
      const result = await verifyRegistrationResponse({
        response: input.response as RegistrationResponseJSON,
        expectedChallenge: ceremony.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
      if (!result.verified) return false;
      const { credential } = result.registrationInfo;
      if (!CREDENTIAL_ID.test(credential.id)) return false;
      const stored: StoredPasskey = {
        id: credential.id,
        publicKey: b64(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports,
        createdAt: new Date().toISOString(),
      };
      const done = await this.kv.atomic()
        .check({ key: passkeyIdKey(credential.id), versionstamp: null })
        .set(passkeyKey(account.id, credential.id), stored)
        .set(passkeyIdKey(credential.id), account.id)
        .commit();
      return done.ok;
    } catch {
      return false;
    }
  }

  /** Options for signing in with any passkey of this site, and the ceremony's id. */
  async authenticationOptions(
    rp: RelyingParty,
  ): Promise<
    { ceremony: string; options: PublicKeyCredentialRequestOptionsJSON }
  > {
    const { generateAuthenticationOptions } = await loadWebauthn();
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      userVerification: "preferred",
    });
    const ceremony = await this.#begin({
      challenge: options.challenge,
      kind: "sign-in",
    });
    return { ceremony, options };
  }

  /** The account id a passkey answer proves, or null when it does not verify. */
  async authenticate(
    input: { ceremony: unknown; response: unknown },
    rp: RelyingParty,
  ): Promise<string | null> {
    const { verifyAuthenticationResponse } = await loadWebauthn();
    const ceremony = await this.#take(input.ceremony, "sign-in");
    const response = input.response as AuthenticationResponseJSON | undefined;
    if (
      !ceremony || typeof response?.id !== "string" ||
      !CREDENTIAL_ID.test(response.id)
    ) {
      return null;
    }
    const owner = await this.kv.get<string>(passkeyIdKey(response.id));
    if (!owner.value) return null;
    const entry = await this.kv.get<StoredPasskey>(
      passkeyKey(owner.value, response.id),
    );
    if (!entry.value) return null;
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: ceremony.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: entry.value.id,
          publicKey: unb64(entry.value.publicKey),
          counter: entry.value.counter,
          transports: entry.value.transports,
        },
        requireUserVerification: false,
      });
      if (!result.verified) return null;
      await this.kv.set(entry.key, {
        ...entry.value,
        counter: result.authenticationInfo.newCounter,
      });
      return owner.value;
    } catch {
      return null;
    }
  }
}
