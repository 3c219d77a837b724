// The page's own script: gathers the files and settings, hands them to the worker, shows what it says.
import { choose as chooseIn, chosenTwice, inputsToRead, type GivenFile } from './inputs.js';
import type { FromWorker, Output, RunCheck, ToWorker } from './messages.js';

declare const WORKER_SOURCE: string;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const filesInput = byId<HTMLInputElement>('files');
const folderInput = byId<HTMLInputElement>('folder');
const asOfInput = byId<HTMLInputElement>('as-of');
const baselineInput = byId<HTMLInputElement>('baseline');
const rulesInput = byId<HTMLInputElement>('rules');
const runButton = byId<HTMLButtonElement>('run');
const status = byId('status');
const bar = byId<HTMLProgressElement>('progress');
const problems = byId('problems');
const chosenList = byId('chosen');
const chosenCount = byId('chosen-count');
const rulesInUse = byId('rules-in-use');
const rulesReport = byId('rules-report');
const downloads = byId('downloads');
const downloadsNote = byId('downloads-note');
const reportPanel = byId('report-panel');
const report = byId<HTMLIFrameElement>('report');
const reportLarge = byId('report-large');

const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
const tell = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

/** Today in London, yyyy-mm-dd: the as-of date the command line takes when given none. */
asOfInput.value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The files chosen so far, by the path the command line would name them with, and the paths under which another file was chosen before (that one is not read). */
const chosen = new Map<string, { file: File; given: GivenFile }>();
const replaced = new Set<string>();

function showChosen(): void {
  const { files, skipped } = inputsToRead([...chosen.values()].map((c) => c.given));
  const twice = [...replaced].map((p) => `${p} (two different files chosen under this name: the one chosen last is checked)`);
  chosenList.replaceChildren(...listOf([...files, ...skipped.map((s) => `${s.file} (not a spreadsheet: skipped)`), ...twice]).children);
  chosenCount.textContent = files.length ? `${files.length} file(s) to check${skipped.length ? `, ${skipped.length} skipped` : ''}${twice.length ? `, ${twice.length} chosen twice` : ''}:` : 'No files chosen yet.';
}

const sameFile = (a: { file: File }, b: { file: File }) => a.file.size === b.file.size && a.file.lastModified === b.file.lastModified;

function choose(file: File, path: string, inFolder: boolean): void {
  chooseIn(chosen, replaced, path, { file, given: { path, inFolder } }, sameFile);
}

filesInput.addEventListener('change', () => {
  for (const file of filesInput.files ?? []) choose(file, file.name, false);
  filesInput.value = '';
  showChosen();
});
folderInput.addEventListener('change', () => {
  for (const file of folderInput.files ?? []) choose(file, file.webkitRelativePath || file.name, true);
  folderInput.value = '';
  showChosen();
});
byId('clear').addEventListener('click', () => {
  chosen.clear();
  replaced.clear();
  showChosen();
});

/** Every file under a dropped entry, with its path from the dropped folder's own name. */
async function dropped(entry: FileSystemEntry): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    const path = entry.fullPath.replace(/^\//, '');
    choose(file, path, path.includes('/'));
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await dropped(child);
  }
}

const drop = byId('drop');
drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const entries = [...(event.dataTransfer?.items ?? [])].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  void Promise.all(entries.map(dropped)).then(showChosen, (error: unknown) => {
    showChosen();
    status.textContent = `A dropped file or folder could not be read (${(error as Error).message}): the files listed are those read; drop or choose the rest again.`;
  });
});

rulesInput.addEventListener('change', () => {
  const files = [...(rulesInput.files ?? [])].filter((f) => f.name.endsWith('.json'));
  const folder = (rulesInput.files?.[0]?.webkitRelativePath ?? '').split('/')[0] || 'rules';
  rulesInput.value = '';
  const inFolder = (f: File) => f.webkitRelativePath.split('/').slice(1).join('/');
  void Promise.all(files.map(async (f) => ({ path: inFolder(f), text: await f.text() }))).then(
    (entries) => {
      entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      rulesInUse.textContent = `Rules from the folder ${folder}: validating…`;
      rulesInUse.dataset.folder = folder;
      tell({ kind: 'rules', pack: { folder, entries } });
    },
    (error: unknown) => {
      rulesInUse.textContent = `The rules folder ${folder} could not be read (${(error as Error).message}): the rules used are unchanged; choose the folder again.`;
    },
  );
});
byId('shipped').addEventListener('click', () => {
  tell({ kind: 'rules', pack: null });
  rulesInUse.textContent = 'The shipped rules are used.';
  rulesReport.textContent = '';
});

/** What the last check found, said once its workbook is ready, and its report. */
let summary = '';
let lastReport: Uint8Array = new Uint8Array(0);

/** Blob URLs of the last run's downloads, let go of when the next run starts. */
let urls: string[] = [];

function offer(id: string, name: string, bytes: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  urls.push(url);
  const link = byId<HTMLAnchorElement>(id);
  link.href = url;
  link.download = name;
}

function clearResults(): void {
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
  for (const link of downloads.querySelectorAll('a')) {
    link.removeAttribute('href');
    link.removeAttribute('download');
  }
  problems.replaceChildren();
  downloadsNote.textContent = '';
  downloads.hidden = true;
  reportPanel.hidden = true;
  report.srcdoc = '';
  lastReport = new Uint8Array(0);
}

byId('show-report').addEventListener('click', () => {
  reportLarge.hidden = true;
  report.hidden = false;
  drawReport();
});

function listOf(lines: readonly string[]): HTMLUListElement {
  const list = document.createElement('ul');
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  return list;
}

/** The files not read (the rest were checked) and the warnings about the baseline, in the command line's words. */
function showProblems(unread: readonly string[], warnings: readonly string[]): void {
  const parts: Node[] = [];
  if (unread.length) parts.push(Object.assign(document.createElement('p'), { textContent: `${unread.length} file(s) could not be read; the rest were checked:` }), listOf(unread));
  if (warnings.length) parts.push(listOf(warnings));
  problems.replaceChildren(...parts);
}

function finish(text: string): void {
  status.textContent = text;
  bar.hidden = true;
  runButton.disabled = false;
  document.body.removeAttribute('aria-busy');
}

/** The worker makes the downloads after the report in turn: the workbook first (the check is then done), the team workbooks last. */
const LAST_OUTPUT: Output['output'] = 'teams';

/**
 * A report larger than this (bytes of HTML, about 3,000 exceptions) is not drawn in the page
 * unless asked: drawing one of 14,000 exceptions (7 MB) held the page up for 4.5 s in Chromium.
 */
const LARGE_REPORT = 2 * 2 ** 20;

const drawReport = () => (report.srcdoc = new TextDecoder().decode(lastReport));

function showReport(): void {
  reportLarge.hidden = lastReport.length <= LARGE_REPORT;
  reportLarge.querySelector('span')!.textContent = `The report is large (${Math.ceil(lastReport.length / 2 ** 20)} MB): drawing it here holds this page up for a while.`;
  report.hidden = !reportLarge.hidden;
  if (reportLarge.hidden) drawReport();
  reportPanel.hidden = false;
}

worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
  switch (data.kind) {
    case 'rules':
      rulesReport.textContent = data.lines.join('\n');
      rulesInUse.textContent = data.usable ? `Rules from the folder ${rulesInUse.dataset.folder} are used.` : `The rules in ${rulesInUse.dataset.folder} have problems: no check can run until they are put right, or the shipped rules are chosen.`;
      return;
    case 'progress':
      if (!downloads.hidden) return; // once the report is shown, the status says what the check found
      bar.max = Math.max(1, data.total);
      bar.value = data.done;
      status.textContent = `${data.text}…`;
      return;
    case 'done':
      showProblems(data.problems, data.warnings);
      offer('download-json', `comply-${data.asOf}.json`, data.json as BlobPart, 'application/json');
      offer('download-html', `comply-${data.asOf}.html`, data.html as BlobPart, 'text/html');
      lastReport = data.html;
      showReport();
      downloads.hidden = false;
      summary = data.summary;
      status.textContent = 'The report is below; making the workbook…';
      return;
    case 'output':
      offer(`download-${data.output}`, data.name, data.bytes as BlobPart, data.type);
      if (data.output === 'xlsx') status.textContent = `Done: ${summary}.`;
      if (data.output !== LAST_OUTPUT) downloadsNote.textContent = 'Making the drift list and the team workbooks…';
      else {
        downloadsNote.textContent = 'Every download is ready.';
        finish(status.textContent!);
      }
      return;
    case 'failed':
      finish(data.message);
  }
});
worker.addEventListener('error', (event) => finish(`The check stopped: ${event.message}`));

const readBytes = async (file: File, path: string) => ({ path, bytes: new Uint8Array(await file.arrayBuffer()) });

runButton.addEventListener('click', () => {
  const { files, skipped } = inputsToRead([...chosen.values()].map((c) => c.given));
  if (!files.length) return void (status.textContent = 'Choose this week\'s files first.');
  if (!asOfInput.value) return void (status.textContent = 'Choose the as-of date first.');
  clearResults();
  runButton.disabled = true;
  bar.hidden = false;
  document.body.setAttribute('aria-busy', 'true');
  status.textContent = 'Reading the files…';
  const baselineFile = baselineInput.files?.[0];
  void Promise.all([Promise.all(files.map((path) => readBytes(chosen.get(path)!.file, path))), baselineFile ? readBytes(baselineFile, baselineFile.name) : undefined]).then(
    ([named, baseline]) => {
      const task: RunCheck = { kind: 'check', files: named, skipped: [...skipped, ...chosenTwice(replaced)], asOf: asOfInput.value, ...(baseline ? { baseline } : {}) };
      tell(task, [...named, ...(baseline ? [baseline] : [])].map((f) => f.bytes.buffer));
    },
    (error: unknown) => finish(`A file could not be read: ${(error as Error).message}`),
  );
});
