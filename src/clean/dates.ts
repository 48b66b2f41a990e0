/** Month names and abbreviations (English) → month number. */
const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/** "October 15, 2016" / "Oct. 15 2016" (capture month, day, year). */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
/** "15 October 2016" (capture day, month, year). */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
/** "2016-10-15". */
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/;

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The first full calendar date written in the text, as an ISO date (YYYY-MM-DD).
 *
 * @example
 * findIsoDate('in Lausanne, on October 15, 2016.'); // '2016-10-15'
 */
export function findIsoDate(text: string): string | undefined {
  let m = MONTH_DAY_YEAR.exec(text);
  if (m) return iso(Number(m[3]), MONTHS[m[1].toLowerCase().replace('.', '')], Number(m[2]));
  m = DAY_MONTH_YEAR.exec(text);
  if (m) return iso(Number(m[3]), MONTHS[m[2].toLowerCase().replace('.', '')], Number(m[1]));
  m = ISO_DATE.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}
