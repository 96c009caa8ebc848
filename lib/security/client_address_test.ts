import { assertEquals } from "@/tests/assert.ts";
import {
  addressSubject,
  type Cidr,
  clientAddress,
  parseCidr,
} from "./client_address.ts";

const proxies = ["10.0.0.0/8", "::1"].map((c) => parseCidr(c)!) as Cidr[];

Deno.test("clientAddress() believes X-Forwarded-For only from a trusted proxy", () => {
  const via = (peer: string, forwardedFor: string | null) =>
    clientAddress({ peer, forwardedFor, trustedProxies: proxies });
  assertEquals(via("203.0.113.9", "198.51.100.1"), "203.0.113.9");
  assertEquals(via("10.1.2.3", "198.51.100.1"), "198.51.100.1");
  assertEquals(
    via("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.2"),
    "198.51.100.1",
    "a forged entry left of the real client is ignored",
  );
  assertEquals(via("10.1.2.3", null), "10.1.2.3");
  assertEquals(via("::1", "2001:db8::5"), "2001:db8::5");
});

Deno.test("addressSubject() counts IPv6 per /64 and IPv4 per address", () => {
  assertEquals(
    addressSubject("2001:db8:1:2:aaaa::1"),
    addressSubject("2001:db8:1:2:ffff:1:2:3"),
  );
  assertEquals(addressSubject("2001:db8:1:2::1"), "2001:db8:1:2::/64");
  assertEquals(addressSubject("::ffff:192.0.2.1"), "192.0.2.1");
  assertEquals(addressSubject("192.0.2.1"), "192.0.2.1");
});

Deno.test("parseCidr() refuses what is not an address block", () => {
  for (const bad of ["", "10.0.0.256", "10.0.0.0/33", "fe80::/129", "x/8"]) {
    assertEquals(parseCidr(bad), null, bad);
  }
  assertEquals(parseCidr("10.0.0.0/8")?.bits, 8);
});
