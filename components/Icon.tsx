/** Small line icons (inline SVG, so they need no font and no request). */
const PATHS = {
  pencil: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  pin: "M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7",
  unpin: "M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7M4 4l16 16",
  trash: "M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13",
  thumb:
    "M7 10v10H4V10h3zm0 0 4-7c1.5 0 2.5 1 2 3l-1 4h5.5c1.2 0 2 1 1.8 2.2l-1.6 6.3c-.2.9-1 1.5-1.9 1.5H7",
  chevronLeft: "M15 5l-7 7 7 7",
  chevronRight: "M9 5l7 7-7 7",
} as const;

/** An icon for a button that has its own accessible name. */
export function Icon(props: { name: keyof typeof PATHS; flip?: boolean }) {
  return (
    <svg
      class={props.flip ? "icon icon--flip" : "icon"}
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
