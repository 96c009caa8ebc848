/**
 * The other visitor of a benchmark, in a thread of its own: it times
 * `/healthz` every few milliseconds until told to stop, then posts the
 * times. In the benchmark's own thread its times would also hold that
 * thread's work (decoding a 2.5 MB page takes it 10 ms and more), which is
 * not the server's. Started by `probeHealth()` (healthz_probe.ts).
 */
/// <reference lib="deno.worker" />

let probing = false;

self.onmessage = async (
  event: MessageEvent<{ url: string; gapMs: number } | "stop">,
) => {
  if (event.data === "stop") {
    probing = false;
    return;
  }
  probing = true;
  const times: number[] = [];
  const { url, gapMs } = event.data;
  while (probing) {
    const sent = performance.now();
    const res = await fetch(`${url}/healthz`);
    await res.body?.cancel();
    times.push(performance.now() - sent);
    // The benchmark starts its load once the probe is under way.
    if (times.length === 1) self.postMessage("started");
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  self.postMessage(times);
};
