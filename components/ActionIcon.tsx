import { LineIcon } from "./Icon.tsx";

/**
 * The conversation's line icons. Their paths stay apart from the shell's
 * (`Icon.tsx`) so that the chat islands' first load carries only these.
 */
const PATHS = {
  copy: "M9 9h10v11H9zM5 15V4h10",
  thumb:
    "M7 10v10H4V10h3zm0 0 4-7c1.5 0 2.5 1 2 3l-1 4h5.5c1.2 0 2 1 1.8 2.2l-1.6 6.3c-.2.9-1 1.5-1.9 1.5H7",
  regenerate:
    "M4 12a8 8 0 0 1 14-5.3L20 9M20 4v5h-5M20 12a8 8 0 0 1-14 5.3L4 15M4 20v-5h5",
  pencil: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  chevronLeft: "M15 5l-7 7 7 7",
  chevronRight: "M9 5l7 7-7 7",
  arrowUp: "M12 19V5M6 11l6-6 6 6",
  arrowDown: "M12 5v14M6 13l6 6 6-6",
  stop: "M7 7h10v10H7z",
} as const;

/** The names of the conversation's icons. */
export type ActionIconName = keyof typeof PATHS;

/** An icon inside a button that has its own accessible name. */
export function ActionIcon(props: { name: ActionIconName; flip?: boolean }) {
  return <LineIcon d={PATHS[props.name]} flip={props.flip} />;
}
