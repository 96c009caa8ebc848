import { assertEquals, assertMatch, assertRejects } from "@/tests/assert.ts";
import { withFake } from "@/tests/fake_openrouter.ts";
import {
  authorizeUrl,
  challengeOf,
  checkKey,
  exchangeCode,
  newVerifier,
  PkceError,
  PkceFlows,
} from "./pkce.ts";

Deno.test("challengeOf() is RFC 7636's S256 (its appendix B example)", async () => {
  assertEquals(
    await challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
    "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  );
  assertMatch(newVerifier(), /^[\w-]{43}$/);
});

Deno.test("authorizeUrl() names the callback and an S256 challenge", () => {
  const url = new URL(authorizeUrl({
    authUrl: "https://openrouter.ai/auth",
    callbackUrl: "https://chat.example.com/account/openrouter/callback?state=s",
    challenge: "abc",
  }));
  assertEquals(url.origin + url.pathname, "https://openrouter.ai/auth");
  assertEquals(
    url.searchParams.get("callback_url"),
    "https://chat.example.com/account/openrouter/callback?state=s",
  );
  assertEquals(url.searchParams.get("code_challenge"), "abc");
  assertEquals(url.searchParams.get("code_challenge_method"), "S256");
});

Deno.test("PkceFlows.take() gives a flow's verifier once, and only to its own account", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const flows = new PkceFlows(kv);
    const { state, verifier } = await flows.begin("account-a");
    assertEquals(await flows.take(state, "account-b"), null);
    assertEquals(await flows.take(state, "account-a"), verifier);
    assertEquals(await flows.take(state, "account-a"), null);
    assertEquals(await flows.take("made-up", "account-a"), null);
  } finally {
    kv.close();
  }
});

Deno.test("exchangeCode() gets a key for the right verifier; a wrong verifier or a replayed code is refused", async () => {
  await withFake(async (fake) => {
    const exchange = async (verifier: string) => {
      const challenge = await challengeOf(verifier);
      const auth = await fetch(
        authorizeUrl({
          authUrl: fake.authUrl,
          callbackUrl: "http://app.invalid/cb?state=s",
          challenge,
        }),
        { redirect: "manual" },
      );
      const code = new URL(auth.headers.get("Location")!).searchParams.get(
        "code",
      )!;
      return code;
    };
    const verifier = newVerifier();
    const code = await exchange(verifier);
    const key = await exchangeCode({ baseUrl: fake.baseUrl, code, verifier });
    assertEquals(fake.auth.issued, [key]);
    const replay = await assertRejects(
      () => exchangeCode({ baseUrl: fake.baseUrl, code, verifier }),
      PkceError,
    );
    assertEquals(replay.reason, "refused");
    const other = await exchange(newVerifier());
    await assertRejects(
      () => exchangeCode({ baseUrl: fake.baseUrl, code: other, verifier }),
      PkceError,
    );
    assertEquals(await checkKey({ baseUrl: fake.baseUrl, apiKey: key }), "ok");
    assertEquals(
      await checkKey({
        baseUrl: fake.baseUrl,
        apiKey: "sk-or-v1-not-a-real-key",
      }),
      "refused",
    );
  });
});
