/**
 * The persona chips of a new chat's empty state (`EmptyState.tsx`): the
 * persona its first message is sent with. They and the Chat settings panel
 * show one choice: a persona saved in the panel checks its chip (the
 * "Custom" chip appears for a system prompt of one's own), and a chip picked
 * shows in the panel.
 */
const CHIPS = "input[name=first-persona]";

/** Checks the chip of `persona` (the "Custom" one shows only then). */
export function checkPersonaChip(persona: string): void {
  for (const chip of document.querySelectorAll<HTMLInputElement>(CHIPS)) {
    chip.checked = chip.value === persona;
    // The "Custom" chip shows while it is the choice.
    if (chip.value === "custom") chip.closest("label")!.hidden = !chip.checked;
  }
}

/** Calls `fn` with each chip the user picks; returns the function that stops it. */
export function onPersonaChip(fn: (persona: string) => void): () => void {
  const listener = (event: Event) => {
    const target = event.target as HTMLInputElement | null;
    if (target?.matches?.(CHIPS) && target.checked) fn(target.value);
  };
  document.addEventListener("change", listener);
  return () => document.removeEventListener("change", listener);
}

/** The persona of the checked chip, if the page has chips and one is checked. */
export function checkedPersonaChip(): string | undefined {
  return document.querySelector<HTMLInputElement>(`${CHIPS}:checked`)?.value;
}
