/**
 * XSS payloads for the markdown tests, after the OWASP XSS filter evasion
 * cheat sheet plus markdown's own forms. A payload that ran would call
 * `alert()` or log `XSS-MARKER`; one that loaded something would request
 * `hit` (a URL the browser test watches).
 */

/** The marker a payload logs when it runs. */
export const XSS_MARKER = "XSS-MARKER";

/** The payloads, each on its own: `hit` is the URL a loaded resource would fetch. */
export function xssCorpus(hit: string): string[] {
  const log = `console.log('${XSS_MARKER}')`;
  return [
    // Raw HTML: scripts, event handlers, active elements.
    "<script>alert('XSS')</script>",
    `<script src="${hit}/script.js"></script>`,
    `<SCRIPT/XSS SRC="${hit}/xss.js"></SCRIPT>`,
    `<<SCRIPT>alert("XSS");//\\<</SCRIPT>`,
    `</TITLE><SCRIPT>${log}</SCRIPT>`,
    `<img src=x onerror=${log}>`,
    `<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>`,
    `<IMG """><SCRIPT>alert("XSS")</SCRIPT>">`,
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    `<img src="${hit}/img.png">`,
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<svg onload=alert(1)>",
    "<svg/onload=alert('XSS')>",
    `<svg><script>${log}</script></svg>`,
    `<svg><image href="${hit}/svg-image.png"/></svg>`,
    "<body onload=alert('XSS')>",
    `<BODY BACKGROUND="${hit}/body.png">`,
    "<iframe src=\"javascript:alert('XSS')\"></iframe>",
    `<iframe src="${hit}/frame.html"></iframe>`,
    `<iframe srcdoc="<script>${log}</script>"></iframe>`,
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    `<object data="${hit}/object.swf"></object>`,
    `<embed src="${hit}/embed.swf">`,
    `<video src="${hit}/video.mp4" autoplay onerror=alert(1)></video>`,
    `<link rel="stylesheet" href="${hit}/style.css">`,
    `<style>@import '${hit}/import.css';</style>`,
    `<div style="background:url(${hit}/style-attr.png)">x</div>`,
    `<meta http-equiv="refresh" content="0;url=${hit}/refresh">`,
    `<base href="${hit}/base/">`,
    "<details open ontoggle=alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    `<noscript><p title="</noscript><img src=x onerror=${log}>">`,
    `<math><mtext><table><mglyph><style><img src=x onerror=${log}>`,
    // Links written as HTML.
    "<a href=\"javascript:alert('XSS')\">html link</a>",
    '<a href="jav&#x09;ascript:alert(1)">tab link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
    '<a href="vbscript:msgbox(1)">vb link</a>',
    // Markdown links, images and autolinks.
    "[md link](javascript:alert(1))",
    "[upper](JAVASCRIPT:alert(1))",
    "[colon entity](javascript&colon;alert(1))",
    "[tab entity](jav&#x09;ascript:alert(1))",
    "[numeric entity](&#x6A;avascript:alert(1))",
    "[padded](&#0000106&#0000097vascript:alert(1))",
    "[angle](<javascript:alert(1)>)",
    '[titled](javascript:alert(1) "t")',
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[vb](vbscript:alert(1))",
    '[quote](https://example.com/" onmouseover="alert(1))',
    "![image](javascript:alert(1))",
    `![remote image](${hit}/md-image.png)`,
    "![svg data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "<javascript:alert(1)>",
    "<data:text/html,alert(1)>",
    "[ref]: javascript:alert(1)\n\n[ref]",
    // Code and math.
    `\`\`\`html\n<script>${log}</script>\n\`\`\``,
    `\`<img src=x onerror=${log}>\``,
    "$\\href{javascript:alert(1)}{click}$",
    "$$\\url{javascript:alert(1)}$$",
    "$\\htmlData{x=y}{z}$",
  ];
}
