// The page's HTML around its script: the controls, their labels and what its Content-Security-Policy adds to a report's.

import { htmlDocument } from '../report/html/page.js';

/**
 * The page's policy is a report's (nothing may be loaded or sent: no fetch, no form, no image or
 * frame from anywhere) and one more thing: its worker is made from the page's own script (a blob:
 * URL). The report is shown in a frame written from the page (srcdoc), which is bound by this
 * policy too. The frame is sandboxed (no forms, pop-ups or navigation of the page) but keeps the
 * page's origin: Chromium did not lay out a frame with an opaque origin written from a file:// page.
 */
const ALSO_ALLOW = ['worker-src blob:'];

const STYLE = `
:root { font-family: system-ui, "Segoe UI", Arial, sans-serif; color: #1b1b1b; background: #f7f7f5; }
body { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.lead { margin: 0 0 1rem; max-width: 50rem; }
.steps { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
fieldset, section.panel { background: #fff; border: 1px solid #c8c8c4; border-radius: 6px; padding: 0.9rem 1rem; margin: 0; min-width: 0; }
legend { font-weight: 600; padding: 0 0.3rem; }
.drop { border: 2px dashed #6b6b66; border-radius: 6px; padding: 0.8rem; margin-bottom: 0.6rem; }
.drop.over { background: #e8f1fb; border-color: #1d5fa7; }
.field { margin: 0.5rem 0; }
.field label { display: block; font-weight: 600; margin-bottom: 0.2rem; }
.hint { color: #4a4a46; font-size: 0.9rem; margin: 0.2rem 0; }
input[type=file], input[type=date] { font: inherit; max-width: 100%; }
button { font: inherit; padding: 0.45rem 1rem; border-radius: 4px; border: 1px solid #1d5fa7; background: #fff; color: #1d5fa7; cursor: pointer; }
button.primary { background: #1d5fa7; color: #fff; font-weight: 600; font-size: 1.1rem; padding: 0.6rem 2rem; }
button:disabled { opacity: 0.5; cursor: not-allowed; }
:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
#chosen { max-height: 10rem; overflow: auto; margin: 0.3rem 0; padding-left: 1.2rem; font-size: 0.9rem; }
.run { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; margin: 1rem 0; }
progress { width: 16rem; height: 1rem; }
#status { font-weight: 600; }
.problems { background: #fdecea; border: 1px solid #b3261e; border-radius: 6px; padding: 0.5rem 1rem; }
.problems:empty, [hidden] { display: none !important; }
pre { white-space: pre-wrap; font-size: 0.85rem; background: #f1f1ee; padding: 0.5rem; border-radius: 4px; max-height: 14rem; overflow: auto; }
pre:empty { display: none; }
#downloads ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
#downloads a { display: inline-block; padding: 0.45rem 0.9rem; border: 1px solid #1d5fa7; border-radius: 4px; color: #1d5fa7; text-decoration: none; }
#downloads a:not([href]) { opacity: 0.5; }
iframe { width: 100%; height: 80vh; border: 1px solid #c8c8c4; border-radius: 6px; background: #fff; }
`;

const BODY = `
<main>
<h1>csc-comply: the weekly check</h1>
<p class="lead">Choose this week's extracts and press Check. The files are read by this page on this computer: nothing is sent anywhere, and the page cannot reach the network.</p>
<div class="steps">
<fieldset>
<legend>1. This week's extracts</legend>
<div class="drop" id="drop">
<p class="hint">Drop files or folders here (Annex A workbook, provider list, SSDA903 CSV files, logs), or choose them:</p>
<div class="field"><label for="files">Files</label><input type="file" id="files" data-testid="files" multiple accept=".xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.txt"></div>
<div class="field"><label for="folder">A folder (every file in it)</label><input type="file" id="folder" data-testid="folder" webkitdirectory></div>
</div>
<p id="chosen-count" class="hint" aria-live="polite">No files chosen yet.</p>
<ul id="chosen" aria-labelledby="chosen-count"></ul>
<button type="button" id="clear" data-testid="clear">Clear the files</button>
</fieldset>
<fieldset>
<legend>2. Date and last week</legend>
<div class="field"><label for="as-of">As-of date</label><input type="date" id="as-of" data-testid="as-of" required aria-describedby="as-of-hint"><p id="as-of-hint" class="hint">The data is judged as it stood on this date (today in London unless you change it).</p></div>
<div class="field"><label for="baseline">Last week's JSON report (optional)</label><input type="file" id="baseline" data-testid="baseline" accept=".json,application/json" aria-describedby="baseline-hint"><p id="baseline-hint" class="hint">Marks each exception new or still open, and lists those put right since.</p></div>
</fieldset>
<fieldset>
<legend>3. Rules</legend>
<p id="rules-in-use" class="hint" aria-live="polite">The shipped rules are used.</p>
<div class="field"><label for="rules">Use our rules (a rule pack folder)</label><input type="file" id="rules" data-testid="rules" webkitdirectory aria-describedby="rules-in-use"></div>
<button type="button" id="shipped" data-testid="shipped-rules">Use the shipped rules</button>
<pre id="rules-report" data-testid="rules-report" tabindex="0" aria-label="What validating the rules found"></pre>
</fieldset>
</div>
<div class="run">
<button type="button" class="primary" id="run" data-testid="run">Check</button>
<progress id="progress" aria-label="Progress of the check" value="0" max="1" hidden></progress>
<p id="status" data-testid="status" role="status">Choose the files, then press Check.</p>
</div>
<div id="problems" class="problems" data-testid="problems" role="alert"></div>
<section id="downloads" class="panel" aria-labelledby="downloads-h" hidden>
<h2 id="downloads-h">Downloads</h2>
<p id="downloads-note" class="hint" aria-live="polite"></p>
<ul>
<li><a id="download-xlsx" data-testid="download-xlsx">Exceptions workbook (.xlsx)</a></li>
<li><a id="download-json" data-testid="download-json">JSON report (.json) for next week's baseline</a></li>
<li><a id="download-html" data-testid="download-html">This report (.html)</a></li>
<li><a id="download-drift-xlsx" data-testid="download-drift-xlsx">Drift list (.xlsx)</a></li>
<li><a id="download-drift-html" data-testid="download-drift-html">Drift list to print (.html)</a></li>
<li><a id="download-teams" data-testid="download-teams">Team workbooks (.zip)</a></li>
</ul>
</section>
<section id="report-panel" aria-labelledby="report-h" hidden>
<h2 id="report-h">Report</h2>
<p id="report-large" hidden><span></span> <button type="button" id="show-report" data-testid="show-report">Show it here</button> or download "This report (.html)" above and open it in a tab of its own.</p>
<iframe id="report" data-testid="report" title="The check's report" sandbox="allow-scripts allow-same-origin"></iframe>
</section>
</main>
`;

/** The whole page, with its script inlined (made safe to sit inside a script element). */
export function pageHtml(script: string): string {
  return htmlDocument({
    alsoAllow: ALSO_ALLOW,
    title: 'csc-comply: the weekly check',
    style: STYLE,
    body: `${BODY}\n<noscript><p>This page needs JavaScript to read the files (it runs on this computer only).</p></noscript>`,
    script: script.replace(/<\/(script)/gi, '<\\/$1'),
  });
}
