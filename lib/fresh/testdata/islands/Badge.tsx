/** A fixture island that is also used inside another island. */
export default function Badge(props: { text: string }) {
  return <span class="badge">{props.text}</span>;
}
