import { assertEquals } from "@/tests/assert.ts";
import {
  onSettingsFlush,
  settingsSaved,
  trackSettingsSave,
} from "./settings_saves.ts";

Deno.test("settingsSaved() runs each pending flush and waits for saves in flight", async () => {
  const done: string[] = [];
  const stop = onSettingsFlush(async () => {
    await Promise.resolve();
    done.push("flushed");
  });
  let finish = () => {};
  const save = trackSettingsSave(
    new Promise<void>((resolve) => finish = resolve).then(() => {
      done.push("saved");
    }),
  );
  const waited = settingsSaved().then(() => done.push("sent"));
  await Promise.resolve();
  assertEquals(done.includes("sent"), false);
  finish();
  await waited;
  await save;
  assertEquals(done, ["flushed", "saved", "sent"]);
  stop();
});

Deno.test("settingsSaved() settles when a save fails, and forgets it afterwards", async () => {
  const failed = trackSettingsSave(Promise.reject(new Error("offline")));
  await failed.catch(() => {});
  await settingsSaved();
  let flushed = 0;
  const stop = onSettingsFlush(() => Promise.resolve(void flushed++));
  stop();
  await settingsSaved();
  assertEquals(flushed, 0);
});
