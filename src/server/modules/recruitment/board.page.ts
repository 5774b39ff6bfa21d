import type { JobAdvertResponse } from "../../../shared/schemas/jobs";

// A job's page as the server sends it (issue 17 item 2): the single-page app's HTML with a real
// <title>, a meta description and the advert as schema.org JobPosting JSON-LD
// (shared/reference/recruitment-training.md §1), so search engines read the job without running
// the app. Everything in the markup is on the page the app shows.

/** The page the app is served in when the client is not built (tests, a server without dist/client). */
export const MINIMAL_SHELL =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>Care Workforce Hub</title></head><body><div id="root"></div></body></html>';

/** Text for HTML element content and attribute values. */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/**
 * JSON safe inside a <script> element: "<" (so neither "</script>" nor "<!--" can appear),
 * ">" and "&" as \u escapes, and the line separators JavaScript once refused.
 */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Plain text (blank lines between paragraphs, "- " list items) as <p>, <ul> and <li>. */
export function textToHtml(text: string): string {
  const out: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const lines = block
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean);
    if (!lines.length) continue;
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) out.push(`<p>${para.map(escapeHtml).join("<br>")}</p>`);
      para = [];
    };
    const flushItems = () => {
      if (items.length) out.push(`<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>`);
      items = [];
    };
    for (const line of lines) {
      if (/^[-*•]\s+/.test(line)) {
        flushPara();
        items.push(line.replace(/^[-*•]\s+/, ""));
      } else {
        flushItems();
        para.push(line);
      }
    }
    flushPara();
    flushItems();
  }
  return out.join("");
}

/** Google's employmentType for the advert's contract (the reference's §1.3 mapping; Google has no "bank"). */
export function employmentTypes(a: JobAdvertResponse): string[] {
  const c = a.contract;
  if (c.zeroHours || c.type === "bank") return ["PER_DIEM"];
  const hours = c.hoursPerWeek === null ? [] : [c.hoursPerWeek >= 30 ? "FULL_TIME" : "PART_TIME"];
  if (c.type === "temporary") return ["TEMPORARY", ...hours];
  if (c.type === "permanent") return hours.length ? hours : ["OTHER"];
  return ["OTHER"];
}

/** The advert's whole description for the markup: summary, the job, what the employer offers, pay and hours. */
export function descriptionHtml(a: JobAdvertResponse): string {
  const parts = [
    a.summary ? `<p>${escapeHtml(a.summary)}</p>` : "",
    textToHtml(a.description),
    `<p>${escapeHtml(`Pay: ${a.pay.text}. Hours: ${a.contract.hoursText}. Contract: ${a.contract.label}.`)}${
      a.contract.shiftPattern ? escapeHtml(` Shifts: ${a.contract.shiftPattern}.`) : ""
    }</p>`,
    a.offers ? `<p>${escapeHtml("What we offer")}</p>${textToHtml(a.offers)}` : "",
    a.values.length
      ? `<p>The values this role needs:</p><ul>${a.values.map((v) => `<li>${escapeHtml(v)}</li>`).join("")}</ul>`
      : "",
  ];
  return parts.filter(Boolean).join("");
}

/** The advert as schema.org JobPosting (Google's required and recommended properties). */
export function jobPosting(a: JobAdvertResponse, pageUrl: string) {
  const { pay } = a;
  const amount =
    pay.maxPence && pay.maxPence > pay.minPence
      ? { minValue: pay.minPence / 100, maxValue: pay.maxPence / 100 }
      : { value: pay.minPence / 100 };
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: a.title,
    description: descriptionHtml(a),
    datePosted: a.publishedAt,
    validThrough: `${a.closingDate}T23:59`,
    employmentType: employmentTypes(a),
    hiringOrganization: { "@type": "Organization", name: a.employer.name },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: a.workplace.place || a.workplace.town || "",
        ...(a.workplace.postcode ? { postalCode: a.workplace.postcode } : {}),
        addressRegion: a.council.name,
        addressCountry: "GB",
      },
    },
    baseSalary: {
      "@type": "MonetaryAmount",
      currency: "GBP",
      value: { "@type": "QuantitativeValue", ...amount, unitText: pay.unit === "hour" ? "HOUR" : "YEAR" },
    },
    identifier: { "@type": "PropertyValue", name: a.employer.name, value: a.reference || a.id },
    directApply: true,
    url: pageUrl,
  };
}

/** The meta description: the summary, else the title, employer and pay, cut at a word near 160 characters. */
export function metaDescription(a: JobAdvertResponse): string {
  const text = `${a.title} with ${a.employer.name} in ${a.workplace.place}, ${a.pay.text}. ${a.summary}`.trim();
  if (text.length <= 160) return text;
  const cut = text.slice(0, 157);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 100 ? cut.lastIndexOf(" ") : 157)}…`;
}

/** The shell with the job's title, description and JSON-LD in its head. */
export function jobPageHtml(shell: string, a: JobAdvertResponse, pageUrl: string): string {
  const title = `${a.title} – ${a.employer.name} – Care jobs in ${a.council.name}`;
  const head = [
    `<meta name="description" content="${escapeHtml(metaDescription(a))}" />`,
    `<link rel="canonical" href="${escapeHtml(pageUrl)}" />`,
    `<script type="application/ld+json">${scriptJson(jobPosting(a, pageUrl))}</script>`,
  ].join("\n    ");
  return withHead(shell, title, head);
}

/** The shell for a job that is closed or unknown: not to be indexed. */
export function goneJobPageHtml(shell: string): string {
  return withHead(shell, "Job not found – Care jobs", '<meta name="robots" content="noindex" />');
}

function withHead(shell: string, title: string, head: string): string {
  const titled = /<title>[\s\S]*?<\/title>/.test(shell)
    ? shell.replace(/<title>[\s\S]*?<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    : shell.replace("</head>", () => `<title>${escapeHtml(title)}</title></head>`);
  // A function as the replacement: "$&" and the like in an advert's text stay as they are.
  return titled.replace("</head>", () => `    ${head}\n  </head>`);
}
