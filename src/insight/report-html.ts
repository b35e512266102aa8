import { percent } from './report-command';
import type { Report } from './report-model';

/** Text for HTML, element content and attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON inside a <script> element: nothing in it can end the element or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function table(headings: string[], rows: Array<Array<string | number>>, empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const head = headings.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/**
 * One self-contained page: the chart library is inlined (works offline, no requests), the figures
 * travel as JSON data, and every string that came from users or content is escaped.
 */
export function renderReportHtml(report: Report, chartLibrary: string): string {
  const library = chartLibrary.replace(/<\/script/gi, '<\\/script');
  const flows = report.flows.map((flow, index) => ({ id: `flow-${index}`, title: flow.title, labels: flow.steps.map((s) => s.title), reached: flow.steps.map((s) => s.reached), dropOff: flow.steps.map((s) => s.dropOff) }));
  const data = {
    perDay: { labels: report.perDay.map((d) => d.day), answered: report.perDay.map((d) => d.answered), declined: report.perDay.map((d) => d.declined) },
    answerRate: [report.answered, report.declined],
    notHelpful: { labels: report.notHelpfulByArticle.map((a) => a.title), counts: report.notHelpfulByArticle.map((a) => a.count) },
    flows,
    endings: { labels: report.handOffsByEnding.map((e) => e.ending), counts: report.handOffsByEnding.map((e) => e.count) },
  };
  const flowSections = report.flows
    .map(
      (flow, index) => `<section class="flow"><h3>${escapeHtml(flow.title)}</h3>
<p>${flow.started} started · ${flow.completed} completed · ${flow.handedOff} handed off · ${flow.abandoned} abandoned</p>
<div class="chart"><canvas id="flow-${index}" aria-label="${escapeHtml(flow.title)}: runs per step"></canvas></div>
${table(['Step', 'Reached', 'Stopped here'], flow.steps.map((s) => [s.title, s.reached, s.dropOff]), 'No steps recorded.')}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>Helpdesk report ${escapeHtml(report.from)} to ${escapeHtml(report.to)}</title>
<style>
body{font-family:system-ui,Segoe UI,sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem}
.tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #ddd;border-radius:6px;padding:10px 16px;min-width:120px}
.tile b{display:block;font-size:1.6rem}.chart{position:relative;height:260px;max-width:900px}.small{height:220px;max-width:320px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}.empty{color:#777}
</style></head><body data-charts="pending">
<h1>Helpdesk report, ${escapeHtml(report.from)} to ${escapeHtml(report.to)}</h1>
<div class="tiles">
<div class="tile" id="tile-questions"><b>${report.questions}</b>questions</div>
<div class="tile" id="tile-rate"><b>${percent(report.answerRate)}</b>answer rate</div>
<div class="tile" id="tile-declined"><b>${report.declined}</b>declined</div>
<div class="tile" id="tile-not-helpful"><b>${report.votes.notHelpful}</b>not helpful votes</div>
<div class="tile" id="tile-handoffs"><b>${report.handOffs}</b>hand-offs</div>
</div>
<h2>Questions per day</h2><div class="chart"><canvas id="per-day" aria-label="Questions per day"></canvas></div>
<h2>Answer rate</h2><div class="chart small"><canvas id="answer-rate" aria-label="Answered and declined"></canvas></div>
<h2>Knowledge gaps: declined questions grouped by similar wording</h2>
${table(['Asked', 'Question', 'Also asked as'], report.gaps.map((g) => [g.count, g.example, g.variants.join(' | ')]), 'No declined questions with their wording in this period.')}
${report.declinedWithoutText ? `<p class="empty">${report.declinedWithoutText} declined question(s) are older than the ${report.retentionDays}-day retention period; their wording is no longer kept.</p>` : ''}
<h2>"Not helpful" votes per article</h2><div class="chart"><canvas id="not-helpful" aria-label="Not helpful votes per article"></canvas></div>
${table(['Article', 'Not helpful'], report.notHelpfulByArticle.map((a) => [a.title, a.count]), 'No "not helpful" votes.')}
<h2>Articles never used (${report.unusedArticles.length})</h2>
${report.unusedArticles.length ? `<details><summary>Articles that answered no question and got no vote in this period</summary>${table(['Article'], report.unusedArticles.map((a) => [a.title]), '')}</details>` : '<p class="empty">Every article answered or was voted on.</p>'}
<h2>Guided flows: drop-off per step</h2>
${flowSections || '<p class="empty">No guided flows were run.</p>'}
<h2>Hand-offs per ending</h2><div class="chart small"><canvas id="endings" aria-label="Hand-offs per ending"></canvas></div>
<p class="empty">Question wording is kept for ${report.retentionDays} days.</p>
<script>${library}</script>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  Chart.defaults.animation = false;
  var charts = [];
  function draw(id, config) { var canvas = document.getElementById(id); if (canvas) charts.push(new Chart(canvas, config)); }
  var fill = { responsive: true, maintainAspectRatio: false };
  draw('per-day', { type: 'bar', data: { labels: data.perDay.labels, datasets: [
    { label: 'answered', data: data.perDay.answered, backgroundColor: '#2e7d32' },
    { label: 'declined', data: data.perDay.declined, backgroundColor: '#c62828' }] },
    options: Object.assign({ scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }, fill) });
  draw('answer-rate', { type: 'doughnut', data: { labels: ['answered', 'declined'], datasets: [{ data: data.answerRate, backgroundColor: ['#2e7d32', '#c62828'] }] }, options: fill });
  draw('not-helpful', { type: 'bar', data: { labels: data.notHelpful.labels, datasets: [{ label: 'not helpful', data: data.notHelpful.counts, backgroundColor: '#ef6c00' }] },
    options: Object.assign({ indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }, fill) });
  data.flows.forEach(function (flow) {
    draw(flow.id, { type: 'bar', data: { labels: flow.labels, datasets: [
      { label: 'reached', data: flow.reached, backgroundColor: '#1565c0' },
      { label: 'stopped here', data: flow.dropOff, backgroundColor: '#c62828' }] },
      options: Object.assign({ scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }, fill) });
  });
  draw('endings', { type: 'pie', data: { labels: data.endings.labels, datasets: [{ data: data.endings.counts, backgroundColor: ['#6a1b9a', '#1565c0', '#2e7d32', '#ef6c00', '#757575'] }] }, options: fill });
  document.body.setAttribute('data-charts', String(charts.length));
})();
</script>
</body></html>
`;
}
