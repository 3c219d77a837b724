// `comply validate` on a small pack written here, checked in this process (no copy of the shipped
// pack): what it says of datasets, calendars, cases files, overviews and date columns, each
// problem as the command prints it (file:line:column: pointer: message).
import { describe, expect, it } from 'vitest';
import { columnsReadBy, EVERY_COLUMN } from '../../src/rules/columns-read.js';
import { parsePackFiles } from '../../src/rules/parse-pack-file.js';
import { packFileRole } from '../../src/rules/rule-pack.js';
import { validatePack } from '../../src/rules/validate-pack.js';
import { children, openLong, pack, problemsOf, visits, type Json } from './small-pack.js';

describe('comply validate, on a pack written here', () => {
  it('finds nothing wrong in the pack as written, and sorts its bank holidays', () => {
    const files = pack();
    expect(problemsOf(files)).toEqual([]);
    const parsed = parsePackFiles(Object.entries(files).map(([path, json]) => ({ path, text: JSON.stringify(json) })));
    const { pack: read } = validatePack(parsed.files);
    expect(read.calendar.dates).toEqual(['2024-01-01', '2024-12-25']);
    expect(read.rules.map((r) => r.id)).toEqual(['test.open-long']);
    expect(read.datasets.map((d) => d.id)).toEqual(['children', 'visits']);
  });

  it('asks for a bank-holiday calendar, and for its dates as a list of texts', () => {
    const { 'calendars/bank-holidays.json': _, ...none } = pack();
    expect(problemsOf(none)).toEqual(['calendars/: /: no bank-holiday calendar in the pack']);
    const bad = 'calendars/bank-holidays.json:1:1: /dates: a calendar needs "dates": a list of yyyy-mm-dd bank holidays';
    expect(problemsOf(pack({ 'calendars/bank-holidays.json': { holidays: ['2024-01-01'] } }))).toEqual([bad, 'calendars/: /: no bank-holiday calendar in the pack']);
    expect(problemsOf(pack({ 'calendars/bank-holidays.json': { dates: ['2024-01-01', 20240101] } }))).toEqual([bad.replace(':1:1:', ':2:3:'), 'calendars/: /: no bank-holiday calendar in the pack']);
  });

  it('finds a dataset id used by two files, and keeps the first by path', () => {
    const problems = problemsOf(pack({ 'datasets/kids.json': children() }));
    expect(problems).toEqual(['datasets/kids.json:2:3: /id: dataset id "children" is used by another dataset file too']);
  });

  it('finds a rule id used by two files, naming the file that comes first by path, whatever order the files are given in', () => {
    const files = { 'z/copy.rule.json': openLong(), ...pack(), 'a/first.rule.json': openLong() };
    expect(problemsOf(files)).toEqual([
      'test/open-long.rule.json:2:3: /id: rule id "test.open-long" is also used by a/first.rule.json',
      'z/copy.rule.json:2:3: /id: rule id "test.open-long" is also used by a/first.rule.json',
    ]);
  });

  it('finds a cases file for no rule, but not one for a rule whose own file is broken', () => {
    const cases = (rule: string) => ({ rule, cases: [{ name: 'a case', asOf: '2024-06-01', data: {}, expect: [] }] });
    expect(problemsOf(pack({ 'test/other.cases.json': cases('test.other') }))).toEqual(['test/other.cases.json:2:3: /rule: no rule with id "test.other"']);
    const broken = { ...openLong('test.broken'), severity: 'urgent' };
    const problems = problemsOf(pack({ 'test/broken.rule.json': broken, 'test/broken.cases.json': cases('test.broken') }));
    expect(problems).toEqual([expect.stringMatching(/^test\/broken\.rule\.json:\d+:3: \/severity: must be one of/)]);
    expect(problemsOf(pack({ 'test/open-long.cases.json': { rule: 'test.open-long' } }))).toEqual(["test/open-long.cases.json:1:1: /: must have required property 'cases'"]);
  });

  it('says what is wrong in a dataset file and an overview file, with where', () => {
    const { columns, ...noColumns } = children();
    expect(problemsOf(pack({ 'datasets/children.json': noColumns }))[0]).toBe("datasets/children.json:1:1: /: must have required property 'columns'");
    const overview = { id: 'o', title: 'Overview', sheetName: 'Overview', rowsOf: 'test.open-long' };
    expect(problemsOf(pack({ 'overviews/o.json': overview }))).toEqual(["overviews/o.json:1:1: /: must have required property 'columns'"]);
  });
});

describe('a date column a rule reads must say what its date is', () => {
  const MEANS = 'but does not say what its date is: add "dateIs" (start, record, event, completion or end), which says what a date after the as-of date means';

  it('names the dataset, the column and every rule that reads it, at the column in the dataset file; not a column no rule reads', () => {
    const kids = children();
    delete kids.columns.Closed.dateIs;
    const closedToo = (id: string) => {
      const rule = openLong(id);
      rule.facts.closed = { column: 'Closed' };
      rule.appliesWhen = { all: [{ fact: 'closed', operator: 'isEmpty', value: true }] };
      return rule;
    };
    const files = pack({ 'datasets/kids.json': kids, 'test/a.rule.json': closedToo('test.a'), 'test/b.rule.json': closedToo('test.b') });
    delete files['datasets/children.json'];
    expect(problemsOf(files)).toEqual([`datasets/kids.json:13:5: /columns/Closed: dataset "children": date column "Closed" is read by test.a, test.b ${MEANS}`]);
  });

  it('counts every column of rows read whole', () => {
    const log = visits();
    delete log.columns.Visited.dateIs;
    const rule = openLong();
    rule.related = { seen: { dataset: 'visits', match: { ID: 'ID' } } };
    rule.facts.seen = { call: 'count', args: [{ rows: 'seen' }] };
    rule.conditions.all.push({ fact: 'seen', operator: 'lessThan', value: { fact: 'needed' } });
    rule.parameters.needed = { value: 1, unit: 'count' };
    rule.facts.needed = { param: 'needed' };
    expect(problemsOf(pack({ 'datasets/visits.json': log, 'test/open-long.rule.json': rule }))).toEqual([
      `datasets/visits.json:8:5: /columns/Visited: dataset "visits": date column "Visited" is read by test.open-long ${MEANS}`,
    ]);
  });
});

describe('a column dated by a date column (datedBy) must name a date of an event, completion or end of its dataset', () => {
  const datedBy = (target: string): Record<string, unknown> => {
    const kids = children();
    kids.columns.Reason = { type: 'text', datedBy: target };
    return pack({ 'datasets/children.json': kids });
  };
  const NAMES = '"datedBy" names the date column (dateIs event, completion or end) of the event whose outcome "Reason" records';

  it('accepts an end date', () => {
    expect(problemsOf(datedBy('Closed'))).toEqual([]);
  });

  it('names a column the dataset does not have, with the nearest it does, at the datedBy', () => {
    expect(problemsOf(datedBy('Closd'))).toEqual(['datasets/children.json:25:7: /columns/Reason/datedBy: dataset "children": column "Reason" is dated by "Closd", which it does not have (did you mean "Closed"?)']);
  });

  it('names a column that is not a date, a start or record date (its row is left out whole), and a date that does not say what it is', () => {
    const problem = (target: string) => problemsOf(datedBy(target)).map((p) => p.replace(/^datasets\/children\.json:25:7: \/columns\/Reason\/datedBy: /, ''));
    expect(problem('Team')).toEqual([`dataset "children": column "Reason" is dated by "Team", which is not a date column; ${NAMES}`]);
    expect(problem('Start')).toEqual([`dataset "children": column "Reason" is dated by "Start", whose dateIs is start (a row dated after the as-of date by it is left out whole); ${NAMES}`]);
    expect(problem('Born')).toEqual([`dataset "children": column "Reason" is dated by "Born", which does not say what its date is (no dateIs); ${NAMES}`]);
  });
});

describe('an overview, as comply validate checks it', () => {
  const overview = (more: Json): Json => ({ id: 'o', title: 'Overview', sheetName: 'Overview', rowsOf: 'test.open-long', columns: [{ label: 'ID', column: 'ID' }], ...more });
  /** A rule judging each child once per month of a window. */
  const perItem = { ...openLong('test.per-month'), each: { name: 'month', list: { call: 'completeMonthsBefore', args: [{ fact: 'asOf' }, { param: 'limit' }] } } };
  const problems = (o: Json, rules: Record<string, Json> = {}) =>
    problemsOf(pack({ 'overviews/o.json': o, ...rules })).map((p) => p.replace(/^overviews\/o\.json:\d+:\d+: /, ''));

  it('accepts columns of the rows, facts of a rule on the same dataset, and a count of another rule\'s exceptions', () => {
    const columns = [
      { label: 'ID', column: 'ID' },
      { label: 'Due', rule: 'test.open-long', fact: 'due' },
      { label: 'Months', rule: 'test.per-month', count: 'exceptions' },
    ];
    expect(problems(overview({ columns }), { 'test/per-month.rule.json': perItem })).toEqual([]);
  });

  it('names a rows rule that does not exist, or that judges a row several times or groups of rows', () => {
    expect(problems(overview({ rowsOf: 'test.open-lng' }))).toEqual(['/rowsOf: no rule with id "test.open-lng" (did you mean "test.open-long"?)']);
    expect(problems(overview({ rowsOf: 'test.per-month' }), { 'test/per-month.rule.json': perItem })).toEqual([
      '/rowsOf: rule "test.per-month" judges each row several times (each), so its rows cannot be listed once',
    ]);
    const grouped = { ...openLong('test.by-team'), groupBy: { name: 'team', columns: ['Team'] } };
    expect(problems(overview({ rowsOf: 'test.by-team' }), { 'test/by-team.rule.json': grouped })).toEqual([
      '/rowsOf: rule "test.by-team" judges groups of rows (groupBy), so its rows cannot be listed one by one',
    ]);
  });

  it('names a column the rows do not have, a rule that does not exist, a fact it does not have, and facts that cannot be one per row', () => {
    const onVisits = { ...openLong('test.visits'), dataset: 'visits', subject: { column: 'ID' }, facts: { start: { column: 'Visited' }, due: { call: 'addInterval', args: [{ fact: 'start' }, { param: 'limit' }] } } };
    const columns = [
      { label: 'Team', column: 'Teem' },
      { label: 'Other', rule: 'test.open-lng', fact: 'due' },
      { label: 'Other', rule: 'test.open-lng', count: 'exceptions' },
      { label: 'Due', rule: 'test.open-long', fact: 'dues' },
      { label: 'Month', rule: 'test.per-month', fact: 'due' },
      { label: 'Seen', rule: 'test.visits', fact: 'start' },
    ];
    expect(problems(overview({ columns }), { 'test/per-month.rule.json': perItem, 'test/visits.rule.json': onVisits })).toEqual([
      '/columns/0/column: dataset "children" has no column "Teem" (did you mean "Team"?)',
      '/columns/1/rule: no rule with id "test.open-lng" (did you mean "test.open-long"?)',
      '/columns/2/rule: no rule with id "test.open-lng" (did you mean "test.open-long"?)',
      '/columns/3/fact: rule "test.open-long" has no fact "dues" (did you mean "due"?)',
      '/columns/4/rule: rule "test.per-month" judges each row several times (each): use "count" instead of a fact',
      '/columns/5/rule: rule "test.visits" judges "visits", not the rows\' dataset "children"',
    ]);
  });
});

describe('the columns a check reads, which the date-column check above is drawn from', () => {
  /** The small pack's datasets and rules (and overviews), and the columns read of each dataset, sorted. */
  function columnsRead(rules: Json[], overviews: Json[] = []): Record<string, string[] | string> {
    const datasets = [children(), visits(), { id: 'staff', title: 'Staff', idColumn: 'Worker', columns: { Worker: { type: 'id' }, Joined: { type: 'date', dateIs: 'start' } } }];
    const read = columnsReadBy(rules as never, overviews as never, datasets as never);
    return Object.fromEntries([...read].map(([id, columns]) => [id, columns === EVERY_COLUMN ? columns : [...columns].sort()]));
  }

  it('reads each id column, the start or record dates of a dataset a rule judges, and the columns the rule names', () => {
    expect(columnsRead([openLong()])).toEqual({ children: ['ID', 'Start'], staff: ['Worker'] });
    const shown = openLong();
    shown.exception.team = { column: 'Team' };
    shown.exception.show = [{ label: 'Closed', value: { column: 'Closed' } }];
    expect(columnsRead([shown]).children).toEqual(['Closed', 'ID', 'Start', 'Team']);
  });

  it('reads the columns related rows are matched on and read by, and the columns rows are grouped by', () => {
    const rule = openLong();
    rule.related = { seen: { dataset: 'visits', match: { ID: 'ID' } } };
    rule.facts.visitor = { related: 'seen', column: 'Visitor' };
    rule.groupBy = { name: 'team', columns: ['Team'] };
    expect(columnsRead([rule])).toEqual({ children: ['ID', 'Start', 'Team'], visits: ['ID', 'Visited', 'Visitor'], staff: ['Worker'] });
  });

  it('reads the date column a column read is dated by (datedBy), so that the column can be read as it stood', () => {
    const shown = openLong();
    shown.exception.show = [{ label: 'Reason', value: { column: 'Reason' } }];
    const kids = children();
    kids.columns.Reason = { type: 'text', datedBy: 'Closed' };
    const read = columnsReadBy([shown] as never, [], [kids] as never);
    expect([...(read.get('children') as Set<string>)].sort()).toEqual(['Closed', 'ID', 'Reason', 'Start']);
  });

  it('reads every column of rows read whole, and each column an overview shows of its rule\'s rows', () => {
    const rule = openLong();
    rule.related = { seen: { dataset: 'visits', match: { ID: 'ID' } } };
    rule.facts.n = { call: 'count', args: [{ rows: 'seen' }] };
    rule.facts.visitor = { related: 'seen', column: 'Visitor' };
    const overview = { id: 'o', rowsOf: 'test.open-long', columns: [{ label: 'Born', column: 'Born' }, { label: 'Due', rule: 'test.open-long', fact: 'due' }] };
    const unknownRows = { id: 'p', rowsOf: 'test.none', columns: [{ label: 'Team', column: 'Team' }] };
    expect(columnsRead([rule], [overview, unknownRows])).toEqual({ children: ['Born', 'ID', 'Start'], visits: EVERY_COLUMN, staff: ['Worker'] });
  });
});

describe('files a pack holds that are not its own', () => {
  it('leaves out a JSON file in no folder of its own, and keeps a byte order mark inside a value', () => {
    expect(packFileRole('notes/readme.json')).toBe('other');
    expect(packFileRole('overviews/old/homes.json')).toBe('other');
    expect(problemsOf(pack({ 'notes/readme.json': { anything: true } }))).toEqual([]);
    const parsed = parsePackFiles([{ path: 'a.rule.json', text: '{"title": "a\uFEFFb"}' }, { path: 'b.rule.json', text: '\uFEFF{"title": "a\uFEFFb"}' }]);
    expect(parsed.files.map((f) => f.json)).toEqual([{ title: 'a\uFEFFb' }, { title: 'a\uFEFFb' }]);
  });
});
