/** The viewer's stylesheet (served as /assets/app.css; the CSP allows no inline styles). */
export const APP_CSS = String.raw`
:root { --fg: #1d2430; --muted: #5f6b7a; --line: #d9dee5; --accent: #2b59c3; --bad: #b42318; --bg: #fff; --soft: #f5f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
.top { display: flex; gap: 16px; align-items: center; padding: 8px 16px; border-bottom: 1px solid var(--line); background: var(--soft); position: sticky; top: 0; z-index: 2; }
.brand { font-weight: 700; text-decoration: none; }
#crumbs a, #crumbs span { margin-right: 8px; }
.live { margin-left: auto; color: var(--muted); font-size: 12px; }
main { padding: 16px; max-width: 1400px; margin: 0 auto; }
h1 { font-size: 20px; margin: 0 0 12px; } h2 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.row { cursor: pointer; } tr.row:hover, tr.row:focus { background: #eef3ff; outline: none; }
tr.misaligned td:first-child { border-left: 3px solid var(--bad); }
.excerpt { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 6em; overflow: hidden; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; }
.muted { color: var(--muted); } .small { font-size: 12px; }
.error { background: #fde8e7; color: var(--bad); padding: 8px 16px; border-bottom: 1px solid #f3b8b3; }
form.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin-bottom: 12px; padding: 8px; background: var(--soft); border: 1px solid var(--line); }
form.filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
form.filters input[type=number] { width: 5em; }
.pager { display: flex; gap: 12px; align-items: center; margin: 8px 0; }
.bar { height: 8px; background: var(--line); border-radius: 4px; overflow: hidden; min-width: 120px; }
.bar > span { display: block; height: 100%; background: var(--accent); }
.status-running { color: var(--accent); font-weight: 600; } .status-failed { color: var(--bad); font-weight: 600; }
iframe.report { width: 100%; height: 70vh; border: 1px solid var(--line); }
.msg { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.msg .role { font-size: 11px; text-transform: uppercase; color: var(--muted); }
details.folded { margin: 6px 0; }
.heatmap { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9; padding: 8px; border: 1px solid var(--line); border-radius: 6px; }
.tok { border-radius: 2px; padding: 1px 0; cursor: default; }
.tok:hover, .tok:focus { outline: 2px solid var(--accent); }
.tip { position: fixed; z-index: 5; background: #fff; border: 1px solid var(--line); box-shadow: 0 4px 16px rgba(0,0,0,.15); padding: 6px 10px; font-size: 12px; max-width: 420px; pointer-events: none; }
.tip table td { border: none; padding: 1px 6px; }
.tip .alt-text { font-family: ui-monospace, monospace; white-space: pre; }
.dist { display: flex; align-items: end; height: 60px; gap: 0; border-bottom: 1px solid var(--line); width: 404px; max-width: 100%; }
.dist span { flex: 1; background: var(--accent); min-width: 1px; }
.judgments { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.labelbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.labelbar button { font: inherit; padding: 4px 10px; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font-size: 12px; }
.compare td { width: 40%; }
.legend { display: inline-block; width: 120px; height: 10px; vertical-align: middle; background: linear-gradient(to right, hsl(0,85%,55%), hsl(40,90%,75%), hsl(0,0%,100%)); border: 1px solid var(--line); }
@media (max-width: 700px) { main { padding: 8px; } th, td { padding: 3px 4px; } }
`;
