/** Small line icons (inline SVG, so they need no font and no request). */
const PATHS = {
  pencil: "M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4",
  pin: "M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7",
  unpin: "M9 4h6l-1 6 3 3H7l3-3-1-6zM12 13v7M4 4l16 16",
  trash: "M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13",
} as const;

/** An icon for a button that has its own accessible name. */
export function Icon(props: { name: keyof typeof PATHS }) {
  return (
    <svg
      class="icon"
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
