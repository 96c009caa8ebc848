/** Another visitor's `/healthz` latency while a benchmark loads the server. */

/** A running probe: `stop()` ends it and gives its times in ms. */
export interface HealthProbe {
  stop(): Promise<number[]>;
}

/**
 * Starts timing `${url}/healthz` every `gapMs` ms from a worker thread;
 * resolves once the first probe is back.
 */
export async function probeHealth(
  options: { url: string; gapMs?: number },
): Promise<HealthProbe> {
  const worker = new Worker(
    new URL("./healthz_probe_worker.ts", import.meta.url),
    { type: "module" },
  );
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.onerror = reject;
    });
  const started = next();
  worker.postMessage({ url: options.url, gapMs: options.gapMs ?? 5 });
  await started;
  return {
    async stop() {
      const times = next();
      worker.postMessage("stop");
      try {
        return await times as number[];
      } finally {
        worker.terminate();
      }
    },
  };
}
