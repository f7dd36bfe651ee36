/**
 * Dates of a plan (docs/language.md#a-plan-under-way): `YYYY-MM-DD` as the lexer reads them, which may still not be
 * calendar dates (`2027-02-30`). Valid dates compare as their text does.
 */

/** How dates are written, and one for examples in messages. */
export const DATE_FORMAT = 'YYYY-MM-DD';
export const DATE_EXAMPLE = '2027-02-15';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whether a year of the Gregorian calendar is a leap year. */
function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why a `YYYY-MM-DD` text is not a calendar date, in words; undefined when it is one. Years start
 * at 0001 (there is no year 0).
 */
export function dateProblem(text: string): string | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return `'${text}' is not a date: write it as ${DATE_FORMAT}, for example ${DATE_EXAMPLE}.`;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (year === 0) return `${text} is not a date: there is no year 0000.`;
    if (month < 1 || month > 12) return `${text} is not a date: the month must be 01 to 12.`;
    const days = daysInMonth(year, month);
    if (day === 0) return `${text} is not a date: days start at 01 (${MONTHS[month - 1]} ${year} has days 01 to ${days}).`;
    if (day > days) return `${text} is not a date: ${MONTHS[month - 1]} ${year} has ${days} days.`;
    return undefined;
}

/** The date, if it is a calendar date; undefined otherwise (so that no check reasons with an invalid date). */
export function validDate(text: string | undefined): string | undefined {
    return text !== undefined && dateProblem(text) === undefined ? text : undefined;
}

/** Today's local date as `YYYY-MM-DD`. */
export function localDate(now = new Date()): string {
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date for people: `15 February 2027`. */
export function spokenDate(date: string): string {
    const [year, month, day] = date.split('-').map(Number);
    return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The number of days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
    const utc = (date: string) => {
        const [year, month, day] = date.split('-').map(Number);
        const time = new Date(0);
        time.setUTCFullYear(year, month - 1, day);
        return time.getTime();
    };
    return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The calendar date `days` days after `date` (before it, for a negative count). */
export function addDays(date: string, days: number): string {
    const [year, month, day] = date.split('-').map(Number);
    const time = new Date(0);
    time.setUTCFullYear(year, month - 1, day + days);
    const pad = (value: number, width = 2) => String(value).padStart(width, '0');
    return `${pad(time.getUTCFullYear(), 4)}-${pad(time.getUTCMonth() + 1)}-${pad(time.getUTCDate())}`;
}
