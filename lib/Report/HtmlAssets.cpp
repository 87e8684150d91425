//===- HtmlAssets.cpp - The report's inline style and script --------------===//
//
// Inline, so that the pages open from the file system with no server and
// no network. The script only decorates what the HTML already says: it draws
// each finding's flow steps at their lines (from the JSON island
// #flows) and highlights a finding's lines when its box is clicked.
//
//===----------------------------------------------------------------------===//

#include "HtmlAssets.h"

namespace cxxescape {

const char *htmlStyle() {
  return R"css(
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1d1d1f; }
header { background: #24292f; color: #fff; padding: 12px 20px; }
header a { color: #9ecbff; }
h1 { font-size: 18px; margin: 4px 0; }
h2 { font-size: 16px; margin: 24px 20px 8px; }
main { padding: 0 0 40px; }
table.summary { border-collapse: collapse; margin: 0 20px; }
table.summary td, table.summary th { border: 1px solid #d0d7de;
  padding: 4px 10px; text-align: left; }
table.summary th { background: #f6f8fa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ul.findings { margin: 0 20px; padding-left: 18px; }
.legend { font-size: 13px; }
table.listing { border-collapse: collapse; width: 100%;
  font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace; }
table.listing td { padding: 0 8px; vertical-align: top; white-space: pre; }
td.ln { color: #6e7781; text-align: right; user-select: none; width: 1%;
  border-right: 1px solid #d0d7de; }
tr.warn td.code { background: #fff8c5; }
tr.hl td.code { background: #ffebe9; }
.local { border-radius: 3px; padding: 0 2px; color: #1d1d1f; }
.local.stack { background: #dafbe1; outline: 1px solid #4ac26b; }
.local.heap { background: #ffd8b5; outline: 1px solid #e16f24;
  font-weight: bold; }
.cost { margin-left: 12px; font: 12px system-ui, sans-serif; color: #fff;
  background: #8250df; border-radius: 8px; padding: 0 6px; }
.step { display: inline-block; margin-left: 10px; padding: 0 6px;
  border-radius: 8px; background: #cf222e; color: #fff;
  font: 12px system-ui, sans-serif; cursor: pointer; }
tr.diag-row td { white-space: normal; }
.diag { border-left: 4px solid #cf222e; background: #fff5f5; margin: 4px 0 8px;
  padding: 6px 10px; font: 13px system-ui, sans-serif; cursor: pointer; }
.diag .rule { color: #6e7781; }
.diag ol { margin: 4px 0; }
.fix { border-left: 4px solid #1a7f37; background: #f0fff4; padding: 4px 8px;
  margin-top: 6px; }
.fix pre { margin: 4px 0; font: 12px ui-monospace, monospace; }
.nofix { border-left: 4px solid #9a6700; background: #fff8c5; padding: 4px 8px;
  margin-top: 6px; }
)css";
}

const char *htmlScript() {
  return R"js(
(function () {
  var island = document.getElementById('flows');
  var flows = island ? JSON.parse(island.textContent) : [];
  var drawn = 0;
  function rowsOf(id) {
    return document.querySelectorAll('tr[data-steps~="' + id + '"]');
  }
  flows.forEach(function (flow) {
    flow.steps.forEach(function (step, i) {
      var row = document.getElementById('L' + step.line);
      if (!row) return;
      var badge = document.createElement('span');
      badge.className = 'step';
      badge.dataset.finding = flow.id;
      badge.title = step.text;
      badge.textContent = (i + 1) + ' ' + step.text;
      row.querySelector('td.code').appendChild(badge);
      var ids = (row.dataset.steps || '').split(' ').filter(Boolean);
      ids.push(flow.id);
      row.dataset.steps = ids.join(' ');
      drawn++;
    });
  });
  function toggle(id) {
    var on = !document.getElementById(id).classList.contains('active');
    document.querySelectorAll('.diag.active').forEach(function (d) {
      d.classList.remove('active');
    });
    document.querySelectorAll('tr.hl').forEach(function (r) {
      r.classList.remove('hl');
    });
    if (!on) return;
    document.getElementById(id).classList.add('active');
    rowsOf(id).forEach(function (r) { r.classList.add('hl'); });
  }
  document.querySelectorAll('.diag').forEach(function (d) {
    d.addEventListener('click', function () { toggle(d.id); });
  });
  document.querySelectorAll('.step').forEach(function (s) {
    s.addEventListener('click', function () { toggle(s.dataset.finding); });
  });
  document.body.dataset.stepsDrawn = String(drawn);
})();
)js";
}

} // namespace cxxescape
