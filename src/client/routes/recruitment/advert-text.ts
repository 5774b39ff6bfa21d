// An advert's pay and hours in the words the public job board uses (board.presenter.ts), so an
// employer and the council's hub read exactly what a job seeker reads: hourly pay always in
// pounds and pence ("£13.00 an hour", never "£13 an hour" beside "£13.20"), yearly pay in whole
// pounds, hours with the word "hours", and a zero hours contract named plainly.

const hourly = (n: number) => `£${n.toFixed(2)}`;
const yearly = (n: number) => `£${Math.round(n).toLocaleString("en-GB")}`;

/** "£13.00 an hour", "£13.20 to £13.70 an hour", "£38,500 to £41,500 a year". */
export function advertPayText(a: { payUnit: string; payMin: number; payMax: number | null }): string {
  const money = a.payUnit === "hour" ? hourly : yearly;
  const range = a.payMax && a.payMax > a.payMin ? `${money(a.payMin)} to ${money(a.payMax)}` : money(a.payMin);
  return `${range} ${a.payUnit === "hour" ? "an hour" : "a year"}`;
}

/** "37.5 hours a week", "Zero hours contract: no guaranteed hours", or "Hours to be agreed". */
export function advertHoursText(a: { zeroHours: boolean; hoursPerWeek: number | null }): string {
  if (a.zeroHours) return "Zero hours contract: no guaranteed hours";
  if (a.hoursPerWeek === null || a.hoursPerWeek === undefined) return "Hours to be agreed";
  return `${Number(a.hoursPerWeek.toFixed(1))} hours a week`;
}
