/** Moving nodes without losing the reader's selection in them. */

/**
 * Runs `move`, which moves nodes within the document, and puts back the
 * selection that moving them collapsed (the DOM resets ranges in removed
 * nodes; the text nodes and offsets stay valid).
 */
export function keepingSelection(move: () => void): void {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode) {
    return move();
  }
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  move();
  if (
    anchorNode.isConnected && focusNode?.isConnected &&
    (selection.anchorNode !== anchorNode || selection.focusNode !== focusNode)
  ) {
    selection.setBaseAndExtent(
      anchorNode,
      anchorOffset,
      focusNode,
      focusOffset,
    );
  }
}
