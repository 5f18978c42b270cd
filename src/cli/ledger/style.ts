// The HTML report's style sheet, inlined into the page. System fonts only; light and dark; prints.
export const STYLE = `
:root {
  --fg: #1c2433; --muted: #5b6577; --bg: #f6f7f9; --panel: #ffffff; --line: #dde1e8; --stripe: #fafbfc;
  --bad: #c62828; --bad-bg: #fdecec; --warn: #b26a00; --warn-bg: #fff4e0; --soon: #1d5fbf; --soon-bg: #e8f0fd;
  --good: #2e7d32; --good-bg: #e9f5ea; --link: #1d5fbf;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e4e8ef; --muted: #9aa4b5; --bg: #14171d; --panel: #1c2028; --line: #2f3541; --stripe: #20252e;
    --bad: #ef6b6b; --bad-bg: #3a2022; --warn: #f0a742; --warn-bg: #3a2d18; --soon: #6ea4f5; --soon-bg: #1b2a42;
    --good: #6cc070; --good-bg: #1d3321; --link: #8ab6f8;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 32px 28px 48px; }
header h1 { margin: 0; font-size: 28px; letter-spacing: -0.01em; }
.lede { margin: 6px 0 0; font-size: 16px; }
.meta { margin: 2px 0 24px; color: var(--muted); }
a { color: var(--link); }
.summary { background: var(--panel); border: 1px solid var(--line); border-radius: 10px; padding: 20px; margin-bottom: 32px; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
@media (max-width: 820px) { .cards { grid-template-columns: repeat(2, 1fr); } }
.card { border: 1px solid var(--line); border-left: 5px solid var(--c); border-radius: 8px; background: var(--cbg); }
.card .inner { display: flex; flex-direction: column; padding: 10px 12px; height: 100%; color: inherit; text-decoration: none; }
a.inner:hover .title { text-decoration: underline; }
.card .count { font-size: 26px; font-weight: 700; line-height: 1.1; color: var(--c); font-variant-numeric: tabular-nums; }
.card .title { font-weight: 600; }
.card .means { font-size: 12.5px; color: var(--muted); line-height: 1.35; }
.card.empty { background: transparent; opacity: 0.55; }
.card.empty .count { color: var(--muted); }
.bad { --c: var(--bad); --cbg: var(--bad-bg); }
.warn { --c: var(--warn); --cbg: var(--warn-bg); }
.soon { --c: var(--soon); --cbg: var(--soon-bg); }
.good { --c: var(--good); --cbg: var(--good-bg); }
.bar { display: flex; height: 10px; border-radius: 5px; overflow: hidden; margin: 18px 0 4px; background: var(--line); }
.bar span { display: block; background: var(--c); }
table { border-collapse: collapse; width: 100%; }
.scroll { overflow-x: auto; }
.matrix { margin-top: 18px; font-variant-numeric: tabular-nums; }
.matrix caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
.matrix th, .matrix td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
.matrix thead th { font-size: 12.5px; color: var(--c, var(--muted)); font-weight: 600; vertical-align: bottom; white-space: normal; }
.matrix th[scope="row"], .matrix thead th:first-child { text-align: left; color: var(--fg); }
.matrix .total { font-weight: 600; }
.matrix .zero { color: var(--muted); opacity: 0.6; }
.status { margin-top: 36px; }
.status h2 { display: flex; align-items: center; gap: 10px; margin: 0; font-size: 21px; border-bottom: 2px solid var(--c); padding-bottom: 6px; }
.status h2 .dot { width: 12px; height: 12px; border-radius: 50%; background: var(--c); }
.n { font-size: 13px; font-weight: 600; color: var(--muted); background: var(--line); border-radius: 10px; padding: 1px 8px; }
.status > .means { color: var(--muted); margin: 6px 0 0; }
h3 { font-size: 15px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; margin: 22px 0 8px; font-weight: 600; }
h3 .n { font-family: system-ui, sans-serif; }
.claims { table-layout: fixed; }
.claims.inferences { table-layout: auto; }
.claims { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; font-size: 14px; }
.claims th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); padding: 8px 10px; border-bottom: 1px solid var(--line); background: var(--stripe); }
.claims td { padding: 8px 10px; vertical-align: top; }
.claims tr.first td { border-top: 1px solid var(--line); }
.claims tbody tr:first-child td { border-top: 0; }
.claims td + td { border-left: 1px solid var(--line); }
.claims td[rowspan] + td[rowspan] + td[rowspan] + td { border-left: 1px solid var(--line); }
.where { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.claims .where { width: 5.5%; }
.claims .claim { width: 33%; }
.inferences .where { width: 24%; white-space: normal; }
.inferences .claim { width: auto; }
.cat { width: 15%; }
.cat .category { display: block; font-weight: 600; }
.cat .about, .cat .time { display: block; font-size: 12.5px; color: var(--muted); line-height: 1.35; }
.cat .time { font-style: italic; }
.cite { width: 20%; overflow-wrap: anywhere; }
.cite.none, .nourl { color: var(--muted); font-style: italic; }
.url { font-size: 13px; }
.type { width: 13%; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; border-radius: 4px; padding: 1px 6px; white-space: nowrap; }
.badge.ok { color: var(--good); background: var(--good-bg); }
.badge.no { color: var(--bad); background: var(--bad-bg); }
.needs { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
.date { width: 13.5%; font-variant-numeric: tabular-nums; }
.okdate { white-space: nowrap; }
.nodate { color: var(--warn); }
.notneeded { color: var(--muted); font-size: 13px; }
.baddate { color: var(--bad); white-space: normal; }
.fresh { display: block; font-size: 12px; color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 12px; }
@media (max-width: 820px) {
  main { padding: 20px 12px; }
  .summary { padding: 14px; }
  .matrix th, .matrix td { padding: 4px 5px; }
  .claims td, .claims th { padding: 6px; }
  .badge { white-space: normal; overflow-wrap: anywhere; }
}
@media print {
  html { background: #fff; }
  .summary, .claims { border-color: #bbb; }
  .status { break-inside: auto; }
  tr { break-inside: avoid; }
  a { color: inherit; }
}
`;
