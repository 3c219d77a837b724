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
export { dateCellDay, NOT_A_DATE } from './parse-date.js';
