/**
 * Chat settings still on their way to the server. The panel saves a change a
 * moment after it is made (a slider or a prompt is still moving), so a
 * message sent within that moment waits for it: it is answered with the
 * settings the person sees, not the ones stored before.
 */

const flushes = new Set<() => Promise<void>>();
const inFlight = new Set<Promise<unknown>>();

/** Registers how to save what is pending now; returns the unregister. */
export function onSettingsFlush(flush: () => Promise<void>): () => void {
  flushes.add(flush);
  return () => flushes.delete(flush);
}

/** Marks `save` as a settings change on its way; returns it unchanged. */
export function trackSettingsSave<T>(save: Promise<T>): Promise<T> {
  inFlight.add(save);
  save.then(
    () => inFlight.delete(save),
    () => inFlight.delete(save),
  );
  return save;
}

/** Saves every pending settings change now; settles once all are stored. */
export async function settingsSaved(): Promise<void> {
  // A failed save is shown by the panel; the message still goes.
  await Promise.allSettled([
    ...[...flushes].map((flush) => flush()),
    ...inFlight,
  ]);
}
