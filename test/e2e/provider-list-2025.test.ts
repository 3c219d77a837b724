// The 2025 Ofsted providers workbook: its header names play the same parts as the older list's.
import { expect, it } from 'vitest';
import { dayFromIso } from '../../src/calendar/index.js';
import { runCheck } from '../../src/engine/run-check.js';
import { loadPack } from '../../src/node/load-pack.js';
import type { RawCell, RawTable } from '../../src/read/raw-table.js';

// Header rows as in ofsted-providers-2025-sample.xlsx (sheets "Providers" and "SA Providers").
const PROVIDERS = [
  'Local authority', 'URN', 'Provider type', 'Provider subtype', 'Sector', 'Provider name', 'Registration date', 'Registration status',
  'Deregistration date', 'Placement code', 'Provider address line 1', 'Provider address line 2', 'Provider town', 'Provider county',
  'Provider postcode', 'Provider telephone number', 'Provider email address', 'Owner type', 'Owner ID', 'Owner name', 'Owner address line 1',
  'Owner address line 2', 'Owner town', 'Owner county', 'Owner postcode', 'top_company', 'Region', 'Placement provider code',
  'Date of last full inspection', 'Overall effectiveness', 'CYP safety', 'Leadership and management', 'CYP outcomes',
  'Interim inspection start date', 'Interim inspection overall effectiveness', 'Assurance visit start date', 'Link to Ofsted report',
  'Number of registered places', 'Emotional and behavioural difficulties', 'Mental disorders', 'Sensory impairment',
  'Present alcohol problems', 'Present drug problems', 'Learning difficulty', 'Physical disabilities', 'Multi building CH', 'Conditions',
  'Linked school URN', 'Linked school name', 'Linked school type', 'Linked school latest inspection date',
];
const SA_PROVIDERS = [
  'Provider local authority', 'Setting Local Authority', 'URN', 'Provider type', 'Sector', 'Provider name', 'Registration date',
  'Registration status', 'Closed date', 'Placement code', 'Setting status', 'Setting status date', 'Setting category', 'Capacity',
  'Setting address line 1', 'Setting address line 2', 'Setting address line 3', 'Setting address town', 'Setting address county',
  'Setting address postcode', 'Provider telephone number', 'Provider email address', 'Owner type', 'Owner ID', 'Owner name',
  'Owner address line 1', 'Owner address line 2', 'Owner town', 'Owner county', 'Owner postcode', 'Conditions',
];

const serial = (iso: string) => dayFromIso(iso)! + 25569;
function sheet(name: string, header: string[], rows: Record<string, RawCell>[]): RawTable {
  return { file: 'providers-2025.xlsx', sheet: name, firstRow: 1, rows: [header, ...rows.map((r) => header.map((h) => r[h] ?? null))] };
}
const home = (urn: string, name: string, extra: Record<string, RawCell>): Record<string, RawCell> => ({
  URN: urn, 'Provider type': "Children's home", 'Provider subtype': "Children's home", 'Provider name': name,
  'Registration date': serial('2010-01-04'), 'Registration status': 'Registered', ...extra,
});

it('the 2025 layout: Provider name, Deregistration date, Date of last full inspection, Overall effectiveness, interim dates; other provider types and supported accommodation are not judged', () => {
  const providers = sheet('Providers', PROVIDERS, [
    home('SC100001', 'Fell View', { 'Date of last full inspection': serial('2015-12-15'), 'Overall effectiveness': 'Good' }),
    home('SC100002', 'Riverside', { 'Date of last full inspection': serial('2016-06-28'), 'Overall effectiveness': 'Requires improvement to be good' }),
    home('SC100003', 'Beck House', { 'Date of last full inspection': serial('2016-06-28'), 'Overall effectiveness': 'Inadequate', 'Interim inspection start date': serial('2016-10-03') }),
    home('SC100004', 'Old Mill', { 'Date of last full inspection': serial('2015-01-10'), 'Deregistration date': serial('2016-12-31') }),
    { ...home('SC100005', 'Northern Fostering', { 'Date of last full inspection': serial('2015-01-10') }), 'Provider type': 'Independent fostering agency' },
  ]);
  const sa = sheet('SA Providers', SA_PROVIDERS, [
    { URN: '2000001', 'Provider type': 'Supported accommodation', 'Provider name': 'Step On', 'Registration date': serial('2024-01-01'), 'Closed date': null },
  ]);
  const result = runCheck(loadPack(), [providers, sa], { asOf: dayFromIso('2017-01-18')!, select: (r) => r.id.startsWith('inspection.') });
  expect(result.inputs.map((i) => [i.sheet, i.dataset, i.rows])).toEqual([['Providers', 'ofsted-children-homes', 5], ['SA Providers', 'ofsted-children-homes', 1]]);
  expect(result.exceptions.map((e) => [e.ruleId, e.subject, e.dueDate, e.columns['Setting Name']])).toEqual([
    ['inspection.full-overdue', 'SC100001', '2016-12-15', 'Fell View'],
    ['inspection.second-inspection-overdue', 'SC100002', '2016-12-28', 'Riverside'],
  ]);
  const overdue = result.rules.find((r) => r.ruleId === 'inspection.full-overdue')!;
  expect(overdue.counts).toMatchObject({ considered: 6, notApplicable: 3, checked: 3, notEvaluable: 0 });
  expect(result.overviews[0]!.rows.map((r) => r[1])).toEqual(['Fell View', 'Riverside', 'Beck House']);
});
