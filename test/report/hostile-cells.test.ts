// Cell text that a spreadsheet would run as a formula, or a browser as HTML, reaches every output
// (csv, xlsx, html, text) through the exceptions (subject, team, worker) and through the findings
// (the raw value of a date that cannot be read). Each output must keep it harmless and readable.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { complyHere, tempDir } from '../helpers/cli.js';
import { once } from '../helpers/once.js';
import { openWorkbook } from '../helpers/workbook.js';

/** Every prefix Excel, LibreOffice or Google Sheets may run as a formula, as an unreadable start date. */
const PREFIXED_DATES = ['=1+2', '+1', '-1+2', '@A1', '\t=TAB', '\r=CR'];
/** The same values as a CSV field: a leading apostrophe, and quotes around a field holding a CR. */
const PREFIXED_DATES_CSV = ["'=1+2", "'+1", "'-1+2", "'@A1", "'\t=TAB", `"'\r=CR"`];

/** Exceptions (open since June 2016, so drifting by January 2017) whose subject, team and worker are hostile. */
const EXCEPTIONS = [
  { subject: '=HYPERLINK("http://example.invalid")', team: '-2+3', worker: '@SUM(A1)' },
  { subject: '<img src=x onerror=alert(1)>', team: '+cmd', worker: `Tom & "Jerry's"` },
];

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const input = [
  'Child Unique ID,CIN Start Date,CIN Closure Date,Allocated Team,Allocated Worker',
  ...EXCEPTIONS.map((e) => [e.subject, '01/06/2016', '', e.team, e.worker].map(quote).join(',')),
  ...PREFIXED_DATES.map((date, i) => [`C${i + 1}`, date, '', 'Team', 'Worker'].map(quote).join(',')),
].join('\r\n');

const dir = tempDir();
const data = join(dir, 'list6.csv');
const check = async (...args: string[]) => {
  const run = await complyHere('check', '--data', data, '--as-of', '2017-01-18', ...args);
  expect(run.status, run.stderr).toBe(0);
  return run;
};

beforeAll(() => writeFileSync(data, input));

describe('formula-like text is neutralised with a leading apostrophe, every prefix', () => {
  it('in CSV output: findings and exceptions', async () => {
    await check('--format', 'csv', '--out', join(dir, 'csv'));
    const findings = readFileSync(join(dir, 'csv', 'findings.csv'), 'utf8');
    for (const field of PREFIXED_DATES_CSV) expect(findings, JSON.stringify(field)).toContain(`,CIN Start Date,${field},`);
    const drift = readFileSync(join(dir, 'csv', 'drift-cin-over-6-months.csv'), 'utf8');
    expect(drift).toContain(`"'=HYPERLINK(""http://example.invalid"")",2016-12-01,48,'-2+3,'@SUM(A1),`);
    expect(drift).toContain(`<img src=x onerror=alert(1)>,2016-12-01,48,'+cmd,"Tom & ""Jerry's""",`);
  });

  it('in xlsx output: text cells with the apostrophe, and no formula anywhere', async () => {
    const out = join(dir, 'report.xlsx');
    await check('--out', out);
    const wb = openWorkbook(out);
    const [header, ...rows] = wb.rows('Findings') as unknown[][];
    const values = rows.filter((r) => r[header!.indexOf('Kind')] === 'unreadable-value').map((r) => r[header!.indexOf('Value')]);
    expect(values).toEqual(PREFIXED_DATES.map((d) => `'${d}`));
    const [driftHeader, ...drift] = wb.rows('Drift (CIN over 6 months)') as unknown[][];
    const shown = drift.map((r) => ['Subject', 'Team', 'Worker'].map((c) => r[driftHeader!.indexOf(c)]));
    expect(shown).toEqual([
      ['<img src=x onerror=alert(1)>', "'+cmd", `Tom & "Jerry's"`],
      [`'=HYPERLINK("http://example.invalid")`, "'-2+3", "'@SUM(A1)"],
    ]);
    for (const name of wb.names) {
      const cells = (wb.workbook.Sheets[name]!['!data'] ?? []) as ({ f?: string } | undefined)[][];
      expect(cells.flat().filter((c) => c?.f), name).toEqual([]);
    }
  });
});

describe('the HTML report escapes every cell and shows it as it was', () => {
  const page = once(async () => {
    await check('--format', 'html', '--out', join(dir, 'report.html'));
    return readFileSync(join(dir, 'report.html'), 'utf8');
  });

  it('no markup from a cell reaches the page', async () => {
    const html = await page();
    expect(html).not.toContain('<img');
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('<td>Tom &amp; &quot;Jerry&#39;s&quot;</td>');
    expect(html).toContain('<td>=HYPERLINK(&quot;http://example.invalid&quot;)</td>');
  });

  it('formula-like values are shown as they were typed: a browser does not run formulas', async () => {
    const html = await page();
    expect(html).toContain('<td>-2+3</td>');
    expect(html).toContain('<td>@SUM(A1)</td>');
    // Every prefix, as a worker's name on an exception (the page groups findings, so an unreadable
    // date's raw value is not on it; typing trims a leading tab or CR from a text).
    const workers = join(tempDir(), 'list6.csv');
    writeFileSync(workers, [input.split('\r\n')[0], ...PREFIXED_DATES.map((p, i) => [`W${i + 1}`, '01/06/2016', '', 'Team', p].map(quote).join(','))].join('\r\n'));
    const out = join(tempDir(), 'report.html');
    const run = await complyHere('check', '--data', workers, '--as-of', '2017-01-18', '--out', out);
    expect(run.status, run.stderr).toBe(0);
    const prefixed = readFileSync(out, 'utf8');
    for (const value of PREFIXED_DATES) expect(prefixed, JSON.stringify(value)).toContain(`<td>${value.trim()}</td>`);
  });
});

describe('the text report shows each value as typed', () => {
  it('no apostrophe and no HTML entities in a terminal', async () => {
    const { stdout } = await check('--format', 'text');
    expect(stdout).toContain('  =HYPERLINK("http://example.invalid") due 01/12/2016  -2+3 / @SUM(A1)  ');
    expect(stdout).toContain(`  <img src=x onerror=alert(1)> due 01/12/2016  +cmd / Tom & "Jerry's"  `);
    expect(stdout).not.toContain("'=");
    expect(stdout).not.toContain('&amp;');
  });
});
