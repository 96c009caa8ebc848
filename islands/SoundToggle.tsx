import { useEffect, useState } from "preact/hooks";
import { setSoundEnabled, soundEnabled } from "@/lib/client/sound.ts";
import { useT } from "@/lib/i18n/context.ts";

/** The "sound when an answer is done" switch; off by default, kept in this browser. */
export default function SoundToggle() {
  const t = useT();
  const [on, setOn] = useState(false);
  useEffect(() => setOn(soundEnabled()), []);
  return (
    <label class="sound-toggle">
      <input
        type="checkbox"
        role="switch"
        checked={on}
        onChange={(e) => {
          setOn(e.currentTarget.checked);
          setSoundEnabled(e.currentTarget.checked);
        }}
      />{" "}
      {t("msg.sound")}
    </label>
  );
}
