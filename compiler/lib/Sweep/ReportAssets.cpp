// The stylesheet and the script inlined into the HTML report (no external
// resources).
#include "ReportHtml.h"

namespace tessel::sweep::report {

const char *reportCss() {
  return R"css(:root {
  --ink: #212529; --muted: #6c757d; --line: #dee2e6; --soft: #f1f3f5; --page: #f6f7f9;
  --accent: #e8590c; --focus: #1c7ed6;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "DejaVu Sans", sans-serif; }
code, pre, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas,
  "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.wrap { max-width: 1320px; margin: 0 auto; padding: 0 28px; }
header.top { background: #1f2933; color: #fff; padding: 22px 0 18px; }
header.top h1 { margin: 0; font-size: 24px; font-weight: 600; letter-spacing: -0.01em; }
header.top p { margin: 4px 0 0; color: #c9d1d9; }
nav { display: flex; gap: 22px; padding-top: 14px; padding-bottom: 4px; }
nav a { color: var(--muted); text-decoration: none; font-weight: 500; }
nav a:hover { color: var(--accent); }
main { padding-bottom: 40px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 18px 24px 20px; margin-top: 18px; }
section.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr));
  gap: 14px; background: none; border: none; padding: 0; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px;
  padding: 12px 16px; }
.card .label { color: var(--muted); font-size: 12px; text-transform: uppercase;
  letter-spacing: 0.04em; }
.card .big { font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.card .note { color: var(--muted); font-size: 12px; }
h2 { margin: 0 0 6px; font-size: 18px; font-weight: 600; }
h3 { margin: 18px 0 8px; font-size: 15px; font-weight: 600; }
.lede { margin: 0 0 12px; color: #495057; max-width: 980px; }
.muted { color: var(--muted); }
.notice { margin: 8px 0 12px; padding: 8px 12px; max-width: 980px; background: #fff4e6;
  border-left: 3px solid #f76707; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 6px 0 12px;
  font-size: 12.5px; color: #495057; }
.legend .key { display: inline-flex; align-items: center; gap: 6px; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; }
.legend i.dot { border-radius: 50%; background: #adb5bd; opacity: 0.7; }
.legend i.dot.fr { background: var(--accent); opacity: 1; }
.pareto { display: grid; grid-template-columns: minmax(0, 1fr) 290px; gap: 18px;
  align-items: start; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(400px, 1fr));
  gap: 14px; }
figure.plotbox { margin: 0; border: 1px solid var(--soft); border-radius: 8px; padding: 6px;
  max-width: 680px; }
svg { display: block; }
svg.plot { width: 100%; height: auto; font-size: 11px; }
svg.plot .area { fill: #fcfcfd; }
svg.plot .frame { fill: none; stroke: #adb5bd; }
svg.plot .grid { stroke: #e9ecef; }
svg.plot .minor { stroke: #adb5bd; }
svg.plot .tick { fill: #495057; font-variant-numeric: tabular-nums; }
svg.plot .axis { fill: var(--ink); font-size: 12px; font-weight: 500; }
svg.plot .stair { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-dasharray: 4 3;
  opacity: 0.7; }
svg.plot .dominated circle { fill: #868e96; fill-opacity: 0.45; stroke: none; }
svg.plot .front circle { fill: var(--accent); stroke: #fff; stroke-width: 1.5; }
svg.plot circle.pt { cursor: pointer; }
svg.plot circle.pt.hl { stroke: var(--focus); stroke-width: 3; fill-opacity: 1; r: 7px; }
aside.details { position: sticky; top: 12px; border: 1px solid var(--line); border-radius: 8px;
  padding: 12px 14px; background: #fcfcfd; min-height: 200px; }
aside.details h3 { margin: 0 0 8px; font-size: 13px; color: var(--muted);
  text-transform: uppercase; letter-spacing: 0.04em; }
.dhead { display: flex; align-items: center; gap: 10px; margin-bottom: 8px; }
.did { font-size: 20px; font-weight: 600; }
.badge { font-size: 11px; padding: 2px 8px; border-radius: 10px; background: #e9ecef;
  color: #495057; }
.badge.fr { background: #fff4e6; color: var(--accent); }
.kv { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0 0 10px; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
.hint { color: var(--muted); }
.scroll { overflow-x: auto; }
.scroll.tall { max-height: 460px; overflow-y: auto; border-bottom: 1px solid var(--soft); }
.scroll.tall thead th { position: sticky; top: 0; background: #fff; z-index: 1; }
table.data { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
table.data th { text-align: left; font-weight: 600; color: #495057; border-bottom: 2px solid
  var(--line); padding: 6px 12px; white-space: nowrap; }
table.data td { border-bottom: 1px solid var(--soft); padding: 5px 12px; }
table.data .num { text-align: right; white-space: nowrap; }
table.data th.obj { color: var(--accent); }
table.data tr.hl td { background: #e7f5ff; }
table.data tbody tr:hover td { background: #f8f9fa; }
table.sens td.heat { white-space: nowrap; }
table.sens .fig { display: inline-block; min-width: 64px; font-weight: 600; }
svg.spark { display: inline-block; vertical-align: middle; margin-left: 6px; }
svg.spark polyline { fill: none; stroke: #495057; stroke-width: 1.5; }
svg.spark circle { fill: #495057; }
svg.bars { font-size: 11.5px; max-width: 100%; height: auto; }
svg.bars .zebra { fill: #f8f9fa; }
svg.bars .coltitle { fill: #495057; font-weight: 600; font-size: 12px; }
svg.bars .rowlabel { fill: var(--ink); }
svg.bars .value { fill: #495057; font-variant-numeric: tabular-nums; }
svg.bars .bar:hover rect { opacity: 0.8; }
details.point { border-top: 1px solid var(--soft); padding: 5px 0; }
details.point summary { cursor: pointer; font-weight: 600; }
details.point summary .muted { font-weight: 400; margin-left: 12px; }
details.point .scroll { margin-top: 8px; }
.prov td { vertical-align: top; }
dl.facts { display: grid; grid-template-columns: 150px 1fr; gap: 6px 16px; margin: 14px 0 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
pre.cmd { margin: 0; white-space: pre-wrap; word-break: break-all; background: var(--soft);
  padding: 8px 10px; border-radius: 6px; }
@media (max-width: 900px) { .pareto { grid-template-columns: 1fr; } }
)css";
}

const char *reportScript() {
  return R"js((function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var body = document.getElementById('details-body');
  var current = -1, pinned = -1;
  function marked(i) { return document.querySelectorAll('[data-i="' + i + '"]'); }
  function highlight(i) {
    if (current >= 0) marked(current).forEach(function (e) { e.classList.remove('hl'); });
    current = i;
    if (i >= 0) marked(i).forEach(function (e) { e.classList.add('hl'); });
  }
  function pairs(title, list) {
    var h = document.createElement('h3');
    h.textContent = title;
    body.appendChild(h);
    var dl = document.createElement('dl');
    dl.className = 'kv';
    list.forEach(function (kv) {
      var dt = document.createElement('dt'), dd = document.createElement('dd');
      dt.textContent = kv[0];
      dd.textContent = kv[1];
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    body.appendChild(dl);
  }
  function show(i) {
    var p = data[i];
    if (!p) return;
    highlight(i);
    while (body.firstChild) body.removeChild(body.firstChild);
    var head = document.createElement('div'), id = document.createElement('span'),
        badge = document.createElement('span');
    head.className = 'dhead';
    id.className = 'did';
    id.textContent = '#' + p.id;
    var front = p.rank !== null;
    badge.className = front ? 'badge fr' : 'badge';
    badge.textContent = front ? 'Pareto front' : 'dominated';
    head.appendChild(id);
    head.appendChild(badge);
    body.appendChild(head);
    pairs('Parameters', p.params);
    pairs('Results', p.metrics);
    var note = document.createElement('p');
    note.className = 'hint';
    note.textContent = pinned === i ? 'Kept: click the point again to release it.'
                                    : 'Click to keep these details.';
    body.appendChild(note);
  }
  function target(e) {
    return e.target && e.target.closest ? e.target.closest('[data-i]') : null;
  }
  document.addEventListener('mouseover', function (e) {
    var t = target(e);
    if (t && pinned < 0) show(Number(t.getAttribute('data-i')));
  });
  document.addEventListener('click', function (e) {
    var t = target(e);
    if (!t) return;
    var i = Number(t.getAttribute('data-i'));
    pinned = pinned === i ? -1 : i;
    show(i);
  });
  var first = -1;
  data.forEach(function (p, i) { if (p.rank === 0) first = i; });
  if (first >= 0) show(first);
  var rendered = 0;
  document.querySelectorAll('svg.plot').forEach(function (s) {
    var r = s.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) rendered++;
  });
  document.body.setAttribute('data-plots-rendered', String(rendered));
  document.body.setAttribute('data-points-wired', String(document.querySelectorAll('circle.pt').length));
  document.body.setAttribute('data-report-ready', 'yes');
})();
)js";
}

} // namespace tessel::sweep::report
