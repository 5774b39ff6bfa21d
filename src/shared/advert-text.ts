// An advert's pay and hours in the words the public job board uses, one wording for the board,
// its feed and the employer's and hub's pages: hourly pay always in pounds and pence ("£13.00 an
// hour", never "£13 an hour" beside "£13.20"), yearly pay in whole pounds, hours with the word
// "hours", and a zero hours or bank contract named plainly. Amounts here are in pounds.

const hourly = (n: number) => `£${n.toFixed(2)}`;
const yearly = (n: number) => `£${Math.round(n).toLocaleString("en-GB")}`;

/** "£13.00 an hour", "£13.20 to £13.70 an hour", "£38,500 to £41,500 a year". */
export function advertPayText(a: { payUnit: string; payMin: number; payMax: number | null }): string {
  const money = a.payUnit === "hour" ? hourly : yearly;
  const range = a.payMax && a.payMax > a.payMin ? `${money(a.payMin)} to ${money(a.payMax)}` : money(a.payMin);
  return `${range} ${a.payUnit === "hour" ? "an hour" : "a year"}`;
}

/** "37.5 hours a week", "Zero hours contract: no guaranteed hours", a bank post's terms, or "Hours to be agreed". */
export function advertHoursText(a: { zeroHours: boolean; hoursPerWeek: number | null; contractType?: string }): string {
  if (a.zeroHours) return "Zero hours contract: no guaranteed hours";
  if (a.hoursPerWeek === null || a.hoursPerWeek === undefined)
    return a.contractType === "bank" ? "Bank: no guaranteed hours, work as and when" : "Hours to be agreed";
  return `${Number(a.hoursPerWeek.toFixed(1))} hours a week`;
}
