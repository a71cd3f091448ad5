/**
 * The reader's one stylesheet, served by assets.ts under a content-hashed URL. Kept as a
 * TypeScript string rather than a .css file because the build (tsc into dist/) copies only
 * compiled modules: a string ships with the code, needs no copy step and no path lookup.
 *
 * Typography: system fonts only (no downloads), with the CJK system fonts of each platform
 * in the stack and a per-language stack for Traditional Chinese, Japanese and Korean through
 * `:lang()` (the pages set `lang` on article content). CJK text gets line-height 1.8 and no
 * letter-spacing; Latin text 1.6. Dark mode follows `prefers-color-scheme` unless the user
 * chose a theme (`html[data-theme]`). On a wide screen the sidebar is the narrow left column and
 * the list or article the wide one, placed by grid areas: <main> comes first in the markup (read
 * first by screen readers, and first on a phone), so plain column order would swap them. One
 * column under 700 px, the sidebar under the list.
 */
export const READER_CSS = `
:root {
  --bg: #fdfdfc; --fg: #1e1f22; --muted: #63666d; --line: #e3e3e0; --accent: #1f5fbf; --accent-fg: #fff;
  --panel: #f4f4f1; --ins-bg: #d9f2dc; --ins-fg: #0b4d17; --del-bg: #fbe0e0; --del-fg: #7d1111; --mark: #fff0a8;
  --error: #a3161b; --ok: #1d6b2c; --focus: #f0b429;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #17181b; --fg: #e4e4e1; --muted: #9a9da4; --line: #2e3036; --accent: #7aa7ec; --accent-fg: #111;
    --panel: #202226; --ins-bg: #183d21; --ins-fg: #b9ecc3; --del-bg: #4a1d1f; --del-fg: #f5c2c2; --mark: #5c4f12;
    --error: #ff8a8f; --ok: #8fd79e; color-scheme: dark;
  }
}
:root[data-theme="dark"] {
  --bg: #17181b; --fg: #e4e4e1; --muted: #9a9da4; --line: #2e3036; --accent: #7aa7ec; --accent-fg: #111;
  --panel: #202226; --ins-bg: #183d21; --ins-fg: #b9ecc3; --del-bg: #4a1d1f; --del-fg: #f5c2c2; --mark: #5c4f12;
  --error: #ff8a8f; --ok: #8fd79e; color-scheme: dark;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.6 var(--sans); }
:lang(zh), :lang(ja), :lang(ko) { line-height: 1.8; letter-spacing: normal; }
:lang(zh-TW), :lang(zh-HK), :lang(zh-Hant) { font-family: system-ui, -apple-system, "PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", sans-serif; }
:lang(ja) { font-family: system-ui, -apple-system, "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", "Meiryo", "Noto Sans CJK JP", sans-serif; }
:lang(ko) { font-family: system-ui, -apple-system, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", sans-serif; word-break: keep-all; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
button, input, select, textarea { font: inherit; color: inherit; }
button { background: var(--panel); border: 1px solid var(--line); border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
button.primary { background: var(--accent); color: var(--accent-fg); border-color: var(--accent); }
input[type="text"], input[type="search"], input[type="url"], input[type="number"], input[type="password"], input:not([type]), select, textarea {
  background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; max-width: 100%;
}
code, pre { font-family: var(--mono); font-size: .92em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; padding: .5rem 1rem; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); }
.main-nav { display: flex; flex-wrap: wrap; gap: .2rem .9rem; }
.main-nav a { text-decoration: none; }
.main-nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; }
.count { display: inline-block; min-width: 1.4em; padding: 0 .35em; border-radius: 1em; background: var(--panel); color: var(--muted); font-size: .85em; text-align: center; }
.search-form { flex: 1 1 12rem; }
.search-form input { width: 100%; }
.top form.inline { margin: 0; }
form.inline { display: inline; }
.layout { display: grid; grid-template-columns: 15rem minmax(0, 1fr); grid-template-areas: "side main"; gap: 2rem; max-width: 72rem; margin: 0 auto; padding: 1rem; }
.layout > main { grid-area: main; }
.layout > .sidebar { grid-area: side; }
.layout.single { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; max-width: 48rem; }
.layout.wide { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main"; max-width: 80rem; }
.sidebar { font-size: .95em; }
.sidebar ul { list-style: none; margin: 0 0 1rem; padding: 0; }
.sidebar li { display: flex; justify-content: space-between; gap: .5rem; padding: .1rem 0; }
.sidebar li a { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.sidebar h2 { font-size: .8em; text-transform: uppercase; color: var(--muted); margin: 1rem 0 .3rem; }
.sidebar .sub { padding-left: .8rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: .2rem 0 .8rem; }
.page-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: .5rem; }
.tabs { display: flex; gap: .8rem; margin: 0 0 .8rem; }
.tabs a[aria-current="page"] { font-weight: 700; }
.items { list-style: none; margin: 0; padding: 0; }
.item { padding: .6rem .5rem; border-bottom: 1px solid var(--line); border-left: 3px solid transparent; }
.item.read .item-title a { color: var(--muted); font-weight: 400; }
.item.selected { border-left-color: var(--accent); background: var(--panel); }
.item-title { font-size: 1.05rem; margin: 0; line-height: 1.45; }
.item-title a { text-decoration: none; font-weight: 600; color: var(--fg); }
.item-meta, .meta { color: var(--muted); font-size: .88em; }
.item-actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; font-size: .88em; align-items: center; }
.item-actions button { padding: 0 .5rem; }
.star-button[aria-pressed="true"] { color: #b8860b; border-color: #b8860b; }
.snippet { margin: .2rem 0 0; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; }
.pager { display: flex; justify-content: space-between; align-items: center; gap: 1rem; margin: 1rem 0; }
.bulk { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
.empty { color: var(--muted); padding: 2rem 0; }
.notice { padding: .5rem .8rem; border-left: 3px solid var(--accent); background: var(--panel); margin: 0 0 1rem; }
.notice.error, .error { color: var(--error); }
.ok { color: var(--ok); }
.article { max-width: 44rem; }
.article header { margin-bottom: 1.2rem; }
.article-actions { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; margin-top: .5rem; }
.view-switch a[aria-current="page"] { font-weight: 700; color: var(--fg); text-decoration: none; }
.content { font-size: 1.06rem; overflow-wrap: break-word; }
.content:lang(zh), .content:lang(ja) { font-size: 1.08rem; line-break: strict; text-align: justify; }
.content img, .content video, .content picture { max-width: 100%; height: auto; }
.content pre { overflow-x: auto; padding: .6rem; background: var(--panel); }
.content blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--line); color: var(--muted); }
.content table { border-collapse: collapse; display: block; overflow-x: auto; }
.content td, .content th { border: 1px solid var(--line); padding: .2rem .4rem; }
.content figure { margin: 1rem 0; }
.content figcaption { color: var(--muted); font-size: .9em; }
.source { white-space: pre-wrap; word-break: break-all; background: var(--panel); padding: .8rem; border-radius: 4px; font-size: .85em; }
table.data { border-collapse: collapse; width: 100%; font-size: .93em; }
table.data th, table.data td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data td.num { text-align: right; font-variant-numeric: tabular-nums; }
.status-ok { color: var(--ok); }
.status-error { color: var(--error); }
.sparkline { display: block; color: var(--accent); }
.sparkline rect { fill: currentColor; }
.sparkline line { stroke: var(--line); }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; padding: .8rem; border: 1px solid var(--line); border-radius: 4px; }
ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; }
del { background: var(--del-bg); color: var(--del-fg); }
.title-change { font-size: 1.1rem; }
.compare { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 1rem 0; }
.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side-by-side > section { min-width: 0; border: 1px solid var(--line); border-radius: 4px; padding: .6rem; overflow-x: auto; }
.side-by-side h3 { margin-top: 0; font-size: .9rem; color: var(--muted); }
fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 1rem; padding: .5rem .8rem; }
legend { font-weight: 600; padding: 0 .3rem; }
.field { margin: .5rem 0; }
.field label { display: block; font-weight: 600; font-size: .92em; }
.hint { color: var(--muted); font-size: .85em; }
.help-dialog { position: fixed; inset: 10vh 1rem auto; max-width: 32rem; margin: 0 auto; background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: 1rem 1.2rem; box-shadow: 0 8px 30px rgba(0,0,0,.25); z-index: 10; }
.help-dialog[hidden] { display: none; }
kbd { font-family: var(--mono); border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3em; font-size: .9em; }
body.auth { min-height: 100vh; display: grid; place-items: center; padding: 1rem; }
.auth-card { width: 100%; max-width: 24rem; padding: 1.4rem 1.6rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; }
.auth-brand { display: flex; align-items: center; gap: .5rem; margin: 0 0 .6rem; font-weight: 700; color: var(--muted); }
.auth-card label { display: block; font-weight: 600; font-size: .92em; }
.auth-card input { display: block; width: 100%; margin-top: .2rem; font-weight: 400; font-size: 1rem; }
.auth-card button.primary { width: 100%; padding: .45rem .6rem; }
footer.bottom { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: .85em; }
@media (max-width: 700px) {
  .layout, .layout.single, .layout.wide { grid-template-columns: minmax(0, 1fr); grid-template-areas: "main" "side"; gap: 1rem; padding: .6rem; }
  .sidebar { border-top: 1px solid var(--line); }
  .side-by-side { grid-template-columns: minmax(0, 1fr); }
  .top { padding: .4rem .6rem; }
  .search-form { order: 3; flex-basis: 100%; }
  table.data .wide-only { display: none; }
  .content { font-size: 1rem; }
}
@media (prefers-reduced-motion: no-preference) { html { scroll-behavior: smooth; } }
`;
