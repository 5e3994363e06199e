/** The dashboard's stylesheet, served as a file (`/assets/dashboard.css`) so the CSP needs no inline styles. */
export const DASHBOARD_STYLES = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --line: #d5dae1; --accent: #f38020; --bg: #fff; --soft: #f5f7fa; --bad: #b42318; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e8eb; --muted: #9aa4b2; --line: #323842; --bg: #15181d; --soft: #1d2128; --bad: #f97066; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
header nav { display: flex; gap: .8rem; flex: 1; }
header strong { color: var(--accent); }
main { padding: 1rem; max-width: 1200px; }
a { color: inherit; }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; max-width: 24rem; overflow: hidden; text-overflow: ellipsis; }
th a { text-decoration: none; }
.error { color: var(--bad); border: 1px solid var(--bad); padding: .5rem .75rem; border-radius: 4px; }
.banner { background: var(--accent); color: #000; padding: .3rem 1rem; }
.field { display: grid; gap: .2rem; margin: .5rem 0; }
.field .hint { color: var(--muted); font-size: 12px; }
input, select, textarea, button { font: inherit; padding: .3rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); color: var(--fg); }
textarea { width: 100%; min-height: 6rem; font-family: ui-monospace, monospace; }
button { cursor: pointer; background: var(--soft); }
.row { display: flex; gap: .5rem; flex-wrap: wrap; align-items: end; }
.panel { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
pre { background: var(--soft); padding: .5rem; overflow: auto; }
.muted { color: var(--muted); }
tr.invalid { background: color-mix(in srgb, var(--bad) 8%, transparent); }
.problem { display: block; color: var(--bad); font-size: 12px; }
img.preview { max-width: 320px; max-height: 240px; display: block; }
`;
