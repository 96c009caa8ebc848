/**
 * The optional "answer is done" sound: two short tones made with Web Audio,
 * so there is no file to load. Off unless the user turned it on.
 */

const KEY = "chatai.sound";

/** Whether the user turned the sound on (in this browser). */
export function soundEnabled(): boolean {
  try {
    return localStorage.getItem(KEY) === "on";
  } catch {
    return false;
  }
}

/** Turns the sound on or off for this browser. */
export function setSoundEnabled(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? "on" : "off");
  } catch { /* private mode: the choice lasts this page only */ }
}

/** Plays the done sound if the user wants it; never throws. */
export function playDoneSound(): void {
  if (!soundEnabled()) return;
  try {
    const audio = new AudioContext();
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, audio.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
    for (const [frequency, start] of [[660, 0], [880, 0.12]]) {
      const tone = audio.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(audio.currentTime + start);
      tone.stop(audio.currentTime + start + 0.2);
    }
    setTimeout(() => audio.close(), 600);
  } catch { /* no audio device: the sound is a nicety */ }
}
