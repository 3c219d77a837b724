// The page's own script: gathers the files and settings, hands them to the worker, shows what it says.
import { inputsToRead, type GivenFile } from './inputs.js';
import type { FromWorker, Outputs, RunCheck, ToWorker } from './messages.js';

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
const reportPanel = byId('report-panel');
const report = byId<HTMLIFrameElement>('report');

const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
const tell = (message: ToWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);

/** Today in London, yyyy-mm-dd: the as-of date the command line takes when given none. */
asOfInput.value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The files chosen so far, by the path the command line would name them with. */
const chosen = new Map<string, { file: File; given: GivenFile }>();

function showChosen(): void {
  const { files, skipped } = inputsToRead([...chosen.values()].map((c) => c.given));
  chosenList.replaceChildren(...[...files, ...skipped.map((s) => `${s} (not a spreadsheet: skipped)`)].map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  chosenCount.textContent = files.length ? `${files.length} file(s) to check${skipped.length ? `, ${skipped.length} skipped` : ''}:` : 'No files chosen yet.';
}

function choose(file: File, path: string, inFolder: boolean): void {
  chosen.set(path, { file, given: { path, inFolder } });
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
  void Promise.all(entries.map(dropped)).then(showChosen);
});

rulesInput.addEventListener('change', () => {
  const files = [...(rulesInput.files ?? [])].filter((f) => f.name.endsWith('.json'));
  const folder = (rulesInput.files?.[0]?.webkitRelativePath ?? '').split('/')[0] || 'rules';
  rulesInput.value = '';
  const inFolder = (f: File) => f.webkitRelativePath.split('/').slice(1).join('/');
  void Promise.all(files.map(async (f) => ({ path: inFolder(f), text: await f.text() }))).then((entries) => {
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    rulesInUse.textContent = `Rules from the folder ${folder}: validating…`;
    tell({ kind: 'rules', pack: { folder, entries } });
    rulesInUse.dataset.folder = folder;
  });
});
byId('shipped').addEventListener('click', () => {
  tell({ kind: 'rules', pack: null });
  rulesInUse.textContent = 'The shipped rules are used.';
  rulesReport.textContent = '';
});

/** What the last check found, said once its downloads are all ready. */
let summary = '';

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
  downloads.hidden = true;
  reportPanel.hidden = true;
  report.srcdoc = '';
}

function showProblems(lines: readonly string[]): void {
  if (!lines.length) return;
  const list = document.createElement('ul');
  list.replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  problems.replaceChildren(Object.assign(document.createElement('p'), { textContent: `${lines.length} problem(s) with the inputs: the rest were checked.` }), list);
}

function finish(text: string): void {
  status.textContent = text;
  bar.hidden = true;
  runButton.disabled = false;
  document.body.removeAttribute('aria-busy');
}

const OUTPUT_LINKS: Record<keyof Outputs['files'], string> = { xlsx: 'download-xlsx', 'drift-xlsx': 'download-drift-xlsx', 'drift-html': 'download-drift-html', teams: 'download-teams' };

worker.addEventListener('message', ({ data }: MessageEvent<FromWorker>) => {
  switch (data.kind) {
    case 'rules':
      rulesReport.textContent = data.lines.join('\n');
      rulesInUse.textContent = data.usable ? `Rules from the folder ${rulesInUse.dataset.folder} are used.` : `The rules in ${rulesInUse.dataset.folder} have problems: no check can run until they are put right, or the shipped rules are chosen.`;
      return;
    case 'progress':
      bar.max = Math.max(1, data.total);
      bar.value = data.done;
      status.textContent = `${data.text}…`;
      return;
    case 'done':
      showProblems([...data.problems, ...data.warnings]);
      offer('download-json', `comply-${asOfInput.value}.json`, data.json, 'application/json');
      offer('download-html', `comply-${asOfInput.value}.html`, data.html, 'text/html');
      report.srcdoc = data.html;
      downloads.hidden = false;
      reportPanel.hidden = false;
      summary = data.summary;
      status.textContent = 'The report is below; making the workbooks…';
      return;
    case 'outputs':
      for (const [key, file] of Object.entries(data.files) as [keyof Outputs['files'], Outputs['files'][keyof Outputs['files']]][]) offer(OUTPUT_LINKS[key], file.name, file.bytes as BlobPart, file.type);
      finish(`Done: ${summary}.`);
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
      const task: RunCheck = { kind: 'check', files: named, skipped, asOf: asOfInput.value, ...(baseline ? { baseline } : {}) };
      tell(task, [...named, ...(baseline ? [baseline] : [])].map((f) => f.bytes.buffer));
    },
    (error: unknown) => finish(`A file could not be read: ${(error as Error).message}`),
  );
});
