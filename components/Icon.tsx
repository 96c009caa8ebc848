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
  chevronDown: "M6 9l6 6 6-6",
  sidebar: "M4 5h16v14H4zM9 5v14",
  compose:
    "M12 5H6a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-6M17 3l4 4-9 9H8v-4z",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l4 4",
  dots: "M6 12h.01M12 12h.01M18 12h.01",
  gear:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z",
  sliders:
    "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M16 4v4M10 10v4M18 16v4",
  close: "M6 6l12 12M18 6L6 18",
  download: "M12 4v11M7 10l5 5 5-5M5 20h14",
} as const;

/** The names of the icons. */
export type IconName = keyof typeof PATHS;

/**
 * A 24×24 line icon drawn from path data `d`, for a button that has its own
 * accessible name. Icon sets that load apart (`ActionIcon.tsx`) draw with it.
 */
export function LineIcon(props: { d: string; flip?: boolean }) {
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
      <path d={props.d} />
    </svg>
  );
}

/** An icon of the shell for a button that has its own accessible name. */
export function Icon(props: { name: IconName; flip?: boolean }) {
  return <LineIcon d={PATHS[props.name]} flip={props.flip} />;
}
