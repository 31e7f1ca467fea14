// Renders TeX to HTML with KaTeX at build time (called by hooks/math.py, one process per page).
// stdin:  JSON array of {"tex": string, "display": boolean}
// stdout: JSON array of HTML strings, in the same order.
// A formula KaTeX cannot parse is an error: the message names it and the process exits with status 1.
"use strict";
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const formulas = JSON.parse(input);
  const html = [];
  for (const { tex, display } of formulas) {
    try {
      html.push(katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        strict: "error",
        output: "htmlAndMathml",
        trust: false,
      }));
    } catch (error) {
      process.stderr.write(`KaTeX cannot render ${JSON.stringify(tex)}: ${error.message}\n`);
      process.exit(1);
    }
  }
  process.stdout.write(JSON.stringify(html));
});
