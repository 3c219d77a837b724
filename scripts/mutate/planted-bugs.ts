/**
 * The eight bugs of issue 29 that once left every test green, and four of issue 28's checks that
 * one large file's two ranges of rows read what one pass reads (bugs planted by hand there first
 * got through: docs/testing.md), each with the tests that now fail on it. `npm run mutate:planted` plants each in turn, runs its tests (which must fail), and puts
 * the code back; test/mutation/planted-bugs.test.ts checks that each plant still applies.
 */
export interface PlantedBug {
  /** What a user would suffer. */
  harm: string;
  file: string;
  /** Text found exactly once in the file, and what the bug makes it. */
  from: string;
  to: string;
  /** Test files of which at least one test must fail. */
  tests: string[];
}

export const PLANTED_BUGS: PlantedBug[] = [
  {
    harm: 'formula injection through a CSV or xlsx opened in Excel: only =, + and @ neutralised, not -, tab or CR',
    file: 'src/report/cells.ts',
    from: "[...'=+-@\\t\\r']",
    to: "[...'=+@']",
    tests: ['test/report/hostile-cells.test.ts'],
  },
  {
    harm: "a cell's content runs as HTML in the report page: escaping returns its text unchanged",
    file: 'src/report/html/escape.ts',
    from: "text.replace(/[&<>\"']/g, (c) => ENTITIES[c]!)",
    to: 'text',
    tests: ['test/report/hostile-cells.test.ts'],
  },
  {
    harm: "a manager is told homes' problems are fixed when the homes file was missing: exceptions of rules that did not run counted as resolved",
    file: 'src/baseline/compare-baseline.ts',
    from: '.filter((e) => ran.has(e.ruleId))',
    to: '.filter(() => true)',
    tests: ['test/baseline/weekly-baseline.test.ts'],
  },
  {
    harm: "wrong weeks open: a resolved item's weeks counted to this run's date, not to when it was last seen",
    file: 'src/baseline/compare-baseline.ts',
    from: 'weeksOpen: weeksBetween(firstSeen, baseline.asOf)',
    to: 'weeksOpen: weeksBetween(firstSeen, result.asOf)',
    tests: ['test/baseline/weekly-baseline.test.ts'],
  },
  {
    harm: 'a CSV that repeats its header on row 4 silently loses the children above it: header tie-break > becomes >=',
    file: 'src/datasets/recognise.ts',
    from: 'm.matched > best.matched',
    to: 'm.matched >= best.matched',
    tests: ['test/engine/known-counts.test.ts'],
  },
  {
    harm: 'counts that no longer add up, unnoticed: the blank-row total dropped',
    file: 'src/engine/reconcile.ts',
    from: 'totals.blank += input.blankRows;',
    to: '',
    tests: ['test/engine/known-counts.test.ts'],
  },
  {
    harm: "the calendar's last day treated as outside it: day > end becomes >=",
    file: 'src/calendar/working-days.ts',
    from: 'day > this.end',
    to: 'day >= this.end',
    tests: ['test/calendar/working-days.test.ts'],
  },
  {
    harm: 'text comparison stops folding doubled spaces',
    file: 'src/engine/operators.ts',
    from: ".replace(/\\s+/g, ' ')",
    to: '',
    tests: ['test/engine/operators.test.ts'],
  },
  {
    harm: "rows numbered wrongly in a large CSV file checked in two ranges: the first range's rows not compared with the line ends before the second (a CR alone ends a row)",
    file: 'src/engine/merge-ranges.ts',
    from: ' && first.rows === second.rowsBefore',
    to: '',
    tests: ['test/node/row-ranges.test.ts'],
  },
  {
    harm: "a duplicate child missed in a large CSV file checked in two ranges: the ranges' ids not compared",
    file: 'src/engine/merge-ranges.ts',
    from: ' && idsApart',
    to: '',
    tests: ['test/node/row-ranges.test.ts'],
  },
  {
    harm: "exceptions out of order in a large file's report: two ranges' blocks on one due date joined whatever their ids",
    file: 'src/report/rendered.ts',
    from: 'if (!(x.lastId < y.firstId)) return null;',
    to: '',
    tests: ['test/node/row-ranges.test.ts'],
  },
  {
    harm: "a rule's CSV file with rows in two layouts: two ranges' rows joined though only one range's had Team and Worker columns",
    file: 'src/report/rendered.ts',
    from: "if (a.format === 'csv' && people.some",
    to: 'if (false && people.some',
    tests: ['test/node/row-ranges.test.ts'],
  },
];
