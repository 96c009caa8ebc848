const s = "<a".repeat(500000);
for (let k = 0; k < 3; k++) {
  let t0 = performance.now();
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;").replaceAll("'", "&#39;");
  console.log("chain", performance.now() - t0);
  const R: Record<string, string> = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
  };
  t0 = performance.now();
  s.replace(/[&<>"']/g, (c) => R[c]);
  console.log("cb", performance.now() - t0);
}
