import { escapeHtml } from "../../report/escape.js";

/**
 * The viewer's one HTML page: an empty shell that app.js fills with DOM nodes (model text only ever
 * as textContent). The session token rides in a meta tag: only a page from this origin can read it.
 */
export function pageHtml(token: string, labeler: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="emlab-token" content="${escapeHtml(token)}">
<meta name="emlab-labeler" content="${escapeHtml(labeler)}">
<title>emlab view</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<header class="top"><a href="#/" class="brand">emlab view</a><nav id="crumbs"></nav><span id="live" class="live"></span></header>
<div id="error" class="error" hidden></div>
<main id="app"><p>Loading…</p></main>
<div id="tip" class="tip" hidden></div>
</body>
</html>
`;
}
