namespace RevitPerf.Core.Reporting;

/// <summary>The report's inline style sheet and its few lines of script (legend toggles, sortable tables).</summary>
internal static class ReportStyle
{
    // No request leaves the page: everything is inline, and the policy says so to the browser.
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    internal const string Css = @"
:root{--bg:#fff;--fg:#1d2430;--muted:#5b6575;--line:#d8dde6;--panel:#f5f7fa;--grid:#e3e7ee;--s0:#1f6feb;--s1:#d9480f;--s2:#2f9e44;--s3:#8e44ad;--s4:#7a6a00;--warn:#e8a400;--crit:#d62728;--ok:#2f9e44;--bad:#d62728}
@media (prefers-color-scheme:dark){:root{--bg:#111418;--fg:#e6e9ef;--muted:#9aa4b2;--line:#2c333d;--panel:#1a1f26;--grid:#262c35;--s0:#58a6ff;--s1:#ff8a4c;--s2:#56d364;--s3:#d2a8ff;--s4:#e3c84e;--warn:#f2c744;--crit:#ff6b6b;--ok:#56d364;--bad:#ff6b6b}}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}header{padding-top:20px}h1{margin:0 0 4px;font-size:24px}h2{margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}h3{margin:24px 0 6px}
.muted{color:var(--muted)}nav{margin:8px 0 0}nav a{margin-right:14px;color:var(--s0);text-decoration:none}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}.card{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:150px}.card b{display:block;font-size:22px}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}tr.crashed td:first-child::before{content:'\26A0  ';color:var(--bad)}
table{border-collapse:collapse;margin:6px 0 10px;font-variant-numeric:tabular-nums}th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top}td[data-v]{text-align:right}th{cursor:pointer;user-select:none;background:var(--panel)}
dl.env{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px}dl.env dt{color:var(--muted)}dl.env dd{margin:0}
figure{margin:10px 0 18px;display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start;break-inside:avoid}figure svg.chart{flex:0 1 720px;max-width:100%;height:auto;background:var(--panel);border:1px solid var(--line);border-radius:6px}
figure details{flex:1 1 260px;max-height:360px;overflow:auto}details summary{cursor:pointer;color:var(--muted)}
svg text{fill:var(--fg);font-size:11px}svg .title{font-size:13px;font-weight:600}svg .axis{fill:var(--muted)}svg .tick{fill:var(--muted);font-size:10px}svg .grid line{stroke:var(--grid)}
svg .series polyline{fill:none;stroke-width:1.6}svg .series circle{stroke:none}
svg .s0 polyline{stroke:var(--s0)}svg .s0 circle,svg .s0 rect{fill:var(--s0)}svg .s1 polyline{stroke:var(--s1)}svg .s1 circle,svg .s1 rect{fill:var(--s1)}
svg .s2 polyline{stroke:var(--s2)}svg .s2 circle,svg .s2 rect{fill:var(--s2)}svg .s3 polyline{stroke:var(--s3)}svg .s3 circle,svg .s3 rect{fill:var(--s3)}svg .s4 polyline{stroke:var(--s4)}svg .s4 circle,svg .s4 rect{fill:var(--s4)}
svg .fit polyline{stroke-dasharray:6 4}svg .threshold line{stroke-dasharray:4 3;stroke-width:1.2}svg .threshold.warning line{stroke:var(--warn)}svg .threshold.critical line,svg .threshold.target line{stroke:var(--crit)}
svg .marker line{stroke:var(--muted);stroke-dasharray:2 3}svg .marker path{fill:var(--muted)}svg .marker.alert line{stroke:var(--crit)}svg .marker.alert path{fill:var(--crit)}svg .marker.open line{stroke:var(--s2)}svg .marker.open path{fill:var(--s2)}svg .marker.slow path{fill:var(--s1)}
svg .legend .item{cursor:pointer}svg .legend .item.off{opacity:.35}svg .series.off{display:none}
.verdict-Slower{color:var(--bad);font-weight:600}.verdict-Faster{color:var(--ok);font-weight:600}
@media print{nav,details summary{display:none}body{background:#fff;color:#000}figure details{max-height:none;overflow:visible}h2{break-after:avoid}article{break-inside:avoid-page}}
";

    internal const string Script = @"
document.querySelectorAll('svg .legend .item').forEach(function(item){item.addEventListener('click',function(){var svg=item.closest('svg'),i=item.getAttribute('data-series');item.classList.toggle('off');svg.querySelectorAll('.series[data-series=""'+i+'""]').forEach(function(s){s.classList.toggle('off')})})});
document.querySelectorAll('table.sortable th').forEach(function(th,col){th.title='Sort';th.addEventListener('click',function(){var table=th.closest('table'),body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows),dir=th.getAttribute('data-dir')==='asc'?-1:1;
rows.sort(function(a,b){var x=a.cells[th.cellIndex],y=b.cells[th.cellIndex];if(!x||!y)return 0;var vx=x.getAttribute('data-v'),vy=y.getAttribute('data-v');if(vx!==null&&vy!==null)return (parseFloat(vx)-parseFloat(vy))*dir;return x.textContent.localeCompare(y.textContent)*dir});
rows.forEach(function(r){body.appendChild(r)});table.querySelectorAll('th').forEach(function(h){h.removeAttribute('data-dir')});th.setAttribute('data-dir',dir===1?'asc':'desc')})});
";
}
