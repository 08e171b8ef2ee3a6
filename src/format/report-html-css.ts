/** The HTML report's style sheet: light and dark schemes, status colours that never stand alone, print rules. */
export const CSS = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#ffffff;--panel:#f6f8fa;--line:#d1d9e0;--link:#0550ae;
--independent:#1a7f37;--company-reported:#0969a8;--rumored:#9a6700;--disputed:#a3179b;--retracted:#cf222e;--warn:#9a6700}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#3d444d;--link:#4493f8;
--independent:#3fb950;--company-reported:#39c5cf;--rumored:#d29922;--disputed:#db61a2;--retracted:#f85149;--warn:#d29922}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header,main{max-width:76rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem}
h1{font-size:1.7rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:2.2rem 0 .6rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}
h3{font-size:1.08rem;margin:1.4rem 0 .4rem}
a{color:var(--link)}
code{font:.88em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
nav ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;padding:0;margin:.6rem 0;list-style:none}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;color:var(--muted)}
.scroll{overflow-x:auto;margin:.4rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;color:var(--muted);padding-bottom:.3rem}
th,td{border:1px solid var(--line);padding:.35rem .55rem;text-align:left;vertical-align:top}
thead th{background:var(--panel)}
tbody th{font-weight:normal}
.num{text-align:right;font-variant-numeric:tabular-nums}
table code,.nw{white-space:nowrap}
table.sourcing{table-layout:fixed;min-width:52rem}
table.sourcing code{white-space:normal}
table.compact{width:auto}
.facts{color:var(--muted);font-size:.88em}
.blurb{color:var(--muted);margin:.1rem 0 .4rem}
.value{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;white-space:nowrap}
.badge{display:inline-block;padding:0 .45em;border:1px solid currentColor;border-radius:1em;font-size:.82em;line-height:1.5;white-space:nowrap;font-weight:600}
.badge::before{content:"";display:inline-block;width:.6em;height:.6em;border-radius:50%;background:currentColor;margin-right:.35em;vertical-align:.05em}
.st-independent{color:var(--independent)}.st-company-reported{color:var(--company-reported)}.st-rumored{color:var(--rumored)}
.st-disputed{color:var(--disputed)}.st-retracted{color:var(--retracted)}
.badge.st-retracted{text-decoration:line-through}
.tag{display:inline-block;padding:0 .4em;border-radius:.3em;background:var(--panel);border:1px solid var(--line);font-size:.8em;color:var(--muted)}
.state-overdue,.state-missed{color:var(--retracted);font-weight:600}.state-met{color:var(--independent);font-weight:600}
.warn{color:var(--warn)}
tbody.claim{border-top:2px solid var(--line)}
tr.prov-row td{padding:.15rem .55rem .35rem;background:var(--panel)}
details.prov>summary{cursor:pointer;color:var(--link);padding:.15rem 0}
details.prov[open]>summary{font-weight:600}
.prov-body{padding:.2rem 0 .4rem .9rem;border-left:3px solid var(--line);margin:.2rem 0 .3rem .3rem}
.prov-body p{margin:.3rem 0}
.statement{font-weight:600}
.verdict{font-style:italic}
ol.evidence{padding-left:1.4rem;margin:.3rem 0}
ol.evidence>li{margin:.5rem 0}
.evn{font-weight:600;font-size:.88em;color:var(--muted)}
ul.chain,ul.chain ul{list-style:none;margin:.15rem 0;padding-left:1.9rem}
ul.chain{padding-left:0}
ul.chain ul>li{position:relative}
ul.chain ul>li::before{content:"└─";position:absolute;left:-1.5rem;color:var(--muted)}
.role{display:inline-block;min-width:7.5em;font-size:.8em;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
blockquote{margin:.3rem 0 .2rem 1.2rem;padding:.1rem .7rem;border-left:3px solid var(--line);font-style:italic}
.share{white-space:nowrap}.share.heavy{color:var(--warn);font-weight:600}
.meter{display:inline-block;width:6rem;height:.6rem;border:1px solid var(--line);border-radius:.2rem;vertical-align:middle;background:var(--bg)}
.meter>span{display:block;height:100%;background:currentColor;opacity:.7}
figure.timeline{margin:0 0 1.5rem}
abbr.mark{display:inline-block;min-width:1.3em;text-align:center;font:700 .8em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-decoration:none;border:1px solid currentColor;border-radius:.25em}
.mark-rumored{color:var(--rumored)}.mark-anonymous-only{color:var(--retracted)}.mark-company-only{color:var(--company-reported)}
ul.lowered{list-style:none;margin:0;padding:0}ul.lowered>li{margin:.1rem 0}
.drop{white-space:nowrap}
svg.chart{display:block;max-width:100%;height:auto;font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
svg.chart text{fill:var(--fg)}svg.chart text.cid,svg.chart text.date{fill:var(--muted)}
svg.chart .axis{stroke:var(--line);stroke-width:1}
svg.chart .bar{fill:currentColor;stroke:currentColor;stroke-width:1}
svg.chart .bar.forecast{fill-opacity:.18;stroke-dasharray:4 3;stroke-width:1.5}
svg.chart .bar.superseded{fill-opacity:.45}
footer{max-width:76rem;margin:2rem auto;padding:0 1.25rem;color:var(--muted);font-size:.85em}
@media print{details.prov>summary{color:inherit}.scroll{overflow:visible}}
`.trim();
