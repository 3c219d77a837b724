/**
 * What writes workbooks (report/xlsx.ts, and the team workbooks made with it), loaded when a
 * workbook is written: it brings in SheetJS, a megabyte of code that takes about 60 ms to load,
 * which a CSV, JSON, text or HTML report never needs.
 */
export const workbookWriter = () => import('../report/xlsx.js');
export const teamWorkbookWriter = () => import('../report/team-workbooks.js');
