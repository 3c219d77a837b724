// The page's Web Worker: validates a council's rule pack and runs the check off the page's thread.
import { zipSync } from 'fflate';
import shippedFiles from 'comply:shipped-rules';
import { packValidation } from '../cases/pack-validation.js';
import { dayFromIso } from '../calendar/index.js';
import type { Progress } from '../engine/progress.js';
import { driftTables } from '../report/drift.js';
import { checkHtml } from '../report/html/check-html.js';
import { driftHtml } from '../report/html/drift-html.js';
import { jsonReport } from '../report/json.js';
import { noRuleRan } from '../report/not-checked.js';
import { checkTables } from '../report/tabular.js';
import { teamWorkbooks } from '../report/team-workbooks.js';
import { workbookBytes } from '../report/xlsx.js';
import { assemblePack } from '../rules/assemble-pack.js';
import { parsePackFiles } from '../rules/parse-pack-file.js';
import type { RulePack } from '../rules/rule-pack.js';
import { checkInPage } from './check.js';
import type { FromWorker, Output, RunCheck, ToWorker, UseRules } from './messages.js';

const scope = self as unknown as { postMessage(message: FromWorker, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const shipped = assemblePack(parsePackFiles(shippedFiles), []);
/** The pack a check uses, or why it cannot be used. */
let rules: { pack: RulePack } | { refused: string } = { pack: shipped.pack };

function useRules({ pack }: UseRules): void {
  if (!pack) {
    rules = { pack: shipped.pack };
    return;
  }
  const own = assemblePack(parsePackFiles(pack.entries), shipped.files);
  const validation = packValidation(own.pack, own.files, own.problems, `${pack.folder}/`);
  const problems = own.problems.filter((p) => !p.warning).length;
  rules = problems ? { refused: `The rule pack ${pack.folder} has ${problems} problem(s) (listed under "Use our rules"): no check runs until they are put right, or the shipped rules are chosen again` } : { pack: own.pack };
  scope.postMessage({ kind: 'rules', lines: validation.lines, usable: problems === 0 });
}

const STAGES: Record<Progress['stage'], string> = { read: 'Reading', recognise: 'Recognising', evaluate: 'Checking rule' };
/** The next progress to post: at most one every 100 ms, so that posting never slows the check. */
let nextProgress = 0;

function onProgress(p: Progress): void {
  const now = performance.now();
  if (now < nextProgress && p.done > 0) return;
  nextProgress = now + 100;
  scope.postMessage({ kind: 'progress', text: `${STAGES[p.stage]} ${p.item} (${p.done + 1} of ${p.total})`, done: p.done, total: p.total });
}

function check(task: RunCheck): void {
  if ('refused' in rules) throw new Error(rules.refused);
  const asOf = dayFromIso(task.asOf);
  if (asOf === undefined) throw new Error(`The as-of date must be a date written yyyy-mm-dd (got "${task.asOf}")`);
  const { check, drift, unread } = checkInPage({ ...task, asOf, pack: rules.pack, version: COMPLY_VERSION, onProgress });
  const ran = check.rules.filter((r) => r.ran).length;
  const nothing = noRuleRan(check);
  const warnings = [...(nothing ? [nothing] : []), ...check.findings.filter((f) => f.kind === 'baseline').map((f) => `warning: ${f.message}`)];
  const [html, json] = [checkHtml(check), jsonReport(check)].map((text) => new TextEncoder().encode(text)) as [Uint8Array, Uint8Array];
  const summary = `${check.exceptions.length} exception(s) from ${ran} rule(s), ${check.findings.length} finding(s)`;
  scope.postMessage({ kind: 'done', asOf: task.asOf, summary, problems: unread, warnings, html, json }, [html.buffer, json.buffer] as ArrayBuffer[]);
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  offer('xlsx', `comply-${task.asOf}.xlsx`, workbookBytes(checkTables(check)), xlsx);
  const driftList = drift();
  offer('drift-xlsx', `drift-${task.asOf}.xlsx`, workbookBytes(driftTables(driftList)), xlsx);
  offer('drift-html', `drift-${task.asOf}.html`, new TextEncoder().encode(driftHtml(driftList)), 'text/html');
  const teams = zipSync(Object.fromEntries(teamWorkbooks(check)), { level: 0, mtime: `${task.asOf}T12:00:00` });
  offer('teams', `teams-${task.asOf}.zip`, teams, 'application/zip');
}

/** Posts a download as soon as it is made, its bytes moved to the page rather than copied. */
function offer(output: Output['output'], name: string, bytes: Uint8Array, type: string): void {
  scope.postMessage({ kind: 'output', output, name, bytes, type }, [bytes.buffer as ArrayBuffer]);
}

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'rules') useRules(data);
    else check(data);
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
