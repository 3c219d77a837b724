export {
  type Day,
  type Ymd,
  dayFromYmd,
  ymdFromDay,
  isValidYmd,
  isLeapYear,
  daysInMonth,
  isoFromDay,
  dayFromIso,
  weekday,
  daysBetween,
} from './day.js';
export { addDays, addMonths, startOfMonth, endOfMonth, wholeMonthsBetween, ageInYears } from './months.js';
export { WorkingDayCalendar, CalendarRangeError, type BankHolidayList } from './working-days.js';
export { parseDateCell, dateCellDay, NOT_A_DATE, type DateCellResult } from './parse-date.js';
