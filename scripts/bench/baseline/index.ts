/**
 * THE BASELINE: every shipped rule written by hand as a TypeScript function over the same typed
 * rows the engine judges, for speed (plain loops, day numbers, maps for joins, parameters as
 * constants, messages as template literals), giving the same counts, exception records and
 * findings as the engine. This is the one place rule logic is written in TypeScript, and only to
 * measure the engine against it (issue 6: the rule pack within 3x of this).
 * test/bench/baseline.test.ts holds each to the engine's output on the demo data.
 */
import { assessmentTimescale, careLeaverContactOverdue, cinDrift, cpReviewOverdue, cpVisitOverdue, healthAssessmentOverdue, icpcTimescale, lacReviewOverdue, lacVisitOverdue, pathwayPlanReviewOverdue } from './children.js';
import { lacReviewChain } from './episodes.js';
import { fullInspectionDueSoon, fullInspectionOverdue, reg44MonthlyVisit, reg44ReportLate, reg45ReportLate, reg45ReviewOverdue, secondInspectionOverdue } from './homes.js';
import { supervisionOverdue } from './staff.js';
import type { Baseline } from './shared.js';

export type { Baseline, BaselineCounts, BaselineFinding } from './shared.js';

/** The hand-written rules, by rule id. */
export const BASELINE_RULES: Record<string, Baseline> = {
  'drift.cin-open-over-6-months': cinDrift,
  'inspection.full-due-soon': fullInspectionDueSoon,
  'inspection.full-overdue': fullInspectionOverdue,
  'inspection.second-inspection-overdue': secondInspectionOverdue,
  'practice.assessment-timescale': assessmentTimescale,
  'practice.care-leaver-contact-overdue': careLeaverContactOverdue,
  'practice.cp-review-overdue': cpReviewOverdue,
  'practice.cp-visit-overdue': cpVisitOverdue,
  'practice.health-assessment-overdue': healthAssessmentOverdue,
  'practice.icpc-timescale': icpcTimescale,
  'practice.lac-review-chain': lacReviewChain,
  'practice.lac-review-overdue': lacReviewOverdue,
  'practice.lac-visit-overdue': lacVisitOverdue,
  'practice.pathway-plan-review-overdue': pathwayPlanReviewOverdue,
  'practice.supervision-overdue': supervisionOverdue,
  'reg44.monthly-visit': reg44MonthlyVisit,
  'reg44.report-late': reg44ReportLate,
  'reg45.report-late': reg45ReportLate,
  'reg45.review-overdue': reg45ReviewOverdue,
};
