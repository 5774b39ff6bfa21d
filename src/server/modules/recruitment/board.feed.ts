import { CONTRACT_LABELS } from "../../../shared/recruitment";
import { hoursText, payText, placeOf } from "./board.presenter";
import type { AdvertPageRow } from "./board.repo";

// A council's live adverts as an RSS 2.0 feed at a stable address (issue 17 item 2), for job
// sites and aggregators: each item links to the advert's page and carries its pay, place, hours
// and dates, in RSS's own elements and in a small namespace of the hub's for the fields RSS has
// no element for.

/** Characters XML 1.0 does not allow at all (control characters but tab, line feed and return). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const escapeXml = (s: string) =>
  s
    .replace(NOT_XML, "")
    .replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch);

const rfc822 = (d: string | Date) => (d instanceof Date ? d : new Date(d)).toUTCString();

export const JOB_NS = "https://schema.org/JobPosting";

export function jobsFeedXml(
  council: { name: string; slug: string },
  rows: AdvertPageRow[],
  baseUrl: string,
  now: Date,
): string {
  const boardUrl = `${baseUrl}/jobs?council=${encodeURIComponent(council.slug)}`;
  const el = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  const items = rows.map((a) => {
    const link = `${baseUrl}/jobs/${a.id}?source=feed`;
    const pay = payText(a.pay_unit, a.pay_min_pence, a.pay_max_pence);
    const hours = hoursText(a);
    const place = placeOf(a);
    const description = [
      a.summary,
      `${a.employer_name}, ${place}.`,
      `Pay: ${pay}.`,
      `Hours: ${hours}.`,
      `Contract: ${CONTRACT_LABELS[a.contract_type]}.`,
      `Closing date: ${a.closing_date}.`,
    ]
      .filter(Boolean)
      .join("\n");
    return [
      "    <item>",
      `      ${el("title", `${a.title} – ${a.employer_name}, ${place}`)}`,
      `      ${el("link", link)}`,
      `      <guid isPermaLink="false">${escapeXml(a.id)}</guid>`,
      `      ${el("description", description)}`,
      `      ${el("pubDate", rfc822(a.published_at))}`,
      `      ${el("job:title", a.title)}`,
      `      ${el("job:employer", a.employer_name)}`,
      `      ${el("job:location", place)}`,
      a.postcode ? `      ${el("job:postcode", a.postcode)}` : "",
      `      ${el("job:pay", pay)}`,
      `      <job:payMin unit="${a.pay_unit}">${(a.pay_min_pence / 100).toFixed(2)}</job:payMin>`,
      a.pay_max_pence
        ? `      <job:payMax unit="${a.pay_unit}">${(a.pay_max_pence / 100).toFixed(2)}</job:payMax>`
        : "",
      `      ${el("job:hours", hours)}`,
      `      ${el("job:contract", a.contract_type)}`,
      `      ${el("job:zeroHours", String(a.zero_hours))}`,
      `      ${el("job:datePosted", (a.published_at instanceof Date ? a.published_at : new Date(a.published_at)).toISOString())}`,
      `      ${el("job:closingDate", a.closing_date)}`,
      "    </item>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<rss version="2.0" xmlns:job="${JOB_NS}">`,
    "  <channel>",
    `    ${el("title", `Care jobs in ${council.name}`)}`,
    `    ${el("link", boardUrl)}`,
    `    ${el("description", `Every live care job on ${council.name}'s job board, newest first.`)}`,
    "    <language>en-gb</language>",
    `    ${el("lastBuildDate", rfc822(now))}`,
    ...items,
    "  </channel>",
    "</rss>",
    "",
  ].join("\n");
}
