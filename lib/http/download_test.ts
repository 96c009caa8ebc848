import { assertEquals } from "@/tests/assert.ts";
import { contentDisposition, downloadResponse } from "./download.ts";

Deno.test("contentDisposition() gives an ASCII filename and the exact UTF-8 filename*", () => {
  assertEquals(
    contentDisposition("Résumé (1) 日本.txt"),
    `attachment; filename="Resume (1) _.txt"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%281%29%20%E6%97%A5%E6%9C%AC.txt`,
  );
  assertEquals(
    contentDisposition("日本語.md"),
    `attachment; filename="chat.md"; filename*=UTF-8''%E6%97%A5%E6%9C%AC%E8%AA%9E.md`,
  );
});

Deno.test("downloadResponse() sends the file as an attachment, never cached or sniffed", async () => {
  const res = downloadResponse({
    body: "Hai",
    filename: "Resep soto rawon.txt",
    contentType: "text/plain; charset=utf-8",
  });
  assertEquals(await res.text(), "Hai");
  assertEquals(res.headers.get("Content-Type"), "text/plain; charset=utf-8");
  assertEquals(
    res.headers.get("Content-Disposition"),
    `attachment; filename="Resep soto rawon.txt"; filename*=UTF-8''Resep%20soto%20rawon.txt`,
  );
  assertEquals(res.headers.get("Cache-Control"), "no-store");
  assertEquals(res.headers.get("X-Content-Type-Options"), "nosniff");
});
