import { beforeAll, describe, expect, it } from "vitest";
import { boardCouncil, insertAdvert } from "./board-helpers";
import { Client, type Hub, testHub } from "./harness";
import { childrenNamed, parseXml, textOf } from "./xml";

// A job's page as the server sends it carries valid schema.org JobPosting JSON-LD (issue 17,
// "Must show"), and the board's feed for job sites parses as RSS with every live advert.

let hub: Hub;
let anon: Client;
beforeAll(async () => {
  hub = await testHub();
  anon = new Client(hub);
});

/** The JSON-LD blocks of an HTML page, parsed. */
function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe("a job's page in the server's HTML", () => {
  it("carries a JobPosting with Google's required and recommended properties, matching the advert", async () => {
    const { council, employer } = await boardCouncil(hub);
    const advert = await insertAdvert(
      hub,
      { councilId: council.id, orgId: employer.id },
      {
        title: "Senior care worker",
        reference: "OAK-42",
        payMinPence: 1320,
        payMaxPence: 1400,
        hoursPerWeek: 37.5,
        offers: "- Paid training\n- Free parking",
      },
    );
    const res = await hub.app.request(`/jobs/${advert.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain(`<title>Senior care worker – ${employer.name} – Care jobs in ${council.name}</title>`);
    expect(html).toMatch(
      /<meta name="description" content="Senior care worker with [^"]+ in Runcorn, £13\.20 to £14\.00 an hour/,
    );
    const blocks = jsonLd(html);
    expect(blocks).toHaveLength(1);
    const job = blocks[0];
    expect(job["@context"]).toBe("https://schema.org/");
    expect(job["@type"]).toBe("JobPosting");
    // Required.
    expect(job.title).toBe("Senior care worker");
    expect(job.description).toContain("<p>Support people to live well at home.</p>");
    expect(job.description).toContain("<ul><li>Personal care</li><li>Medication support</li></ul>");
    expect(job.description).toContain("<li>Free parking</li>");
    expect(job.description).not.toBe(job.title);
    expect(job.datePosted).toBe("2026-06-10T09:00:00.000Z");
    expect(job.hiringOrganization).toEqual({ "@type": "Organization", name: employer.name });
    expect(job.jobLocation).toEqual({
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: "Runcorn",
        postalCode: "WA7 1AB",
        addressRegion: council.name,
        addressCountry: "GB",
      },
    });
    // Recommended.
    expect(job.validThrough).toBe("2026-07-31T23:59");
    expect(job.employmentType).toEqual(["FULL_TIME"]);
    expect(job.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "GBP",
      value: { "@type": "QuantitativeValue", minValue: 13.2, maxValue: 14, unitText: "HOUR" },
    });
    expect(job.identifier).toEqual({ "@type": "PropertyValue", name: employer.name, value: "OAK-42" });
    expect(job.directApply).toBe(true);
    expect(job.url).toBe(`http://hub.test/jobs/${advert.id}`);
  });

  it("maps contracts to Google's employment types and annual pay to YEAR", async () => {
    const { council, employer } = await boardCouncil(hub);
    const at = { councilId: council.id, orgId: employer.id };
    const cases = [
      [{ contractType: "permanent", hoursPerWeek: 20 }, ["PART_TIME"]],
      [{ contractType: "temporary", hoursPerWeek: 40 }, ["TEMPORARY", "FULL_TIME"]],
      [{ contractType: "bank", hoursPerWeek: null }, ["PER_DIEM"]],
      [{ contractType: "permanent", zeroHours: true, hoursPerWeek: null }, ["PER_DIEM"]],
      [{ contractType: "other", hoursPerWeek: 30 }, ["OTHER"]],
    ] as const;
    for (const [values, expected] of cases) {
      const a = await insertAdvert(hub, at, values);
      const job = jsonLd(await (await hub.app.request(`/jobs/${a.id}`)).text())[0];
      expect(job.employmentType, JSON.stringify(values)).toEqual(expected);
    }
    const yearly = await insertAdvert(hub, at, { payUnit: "year", payMinPence: 3_000_000 });
    const job = jsonLd(await (await hub.app.request(`/jobs/${yearly.id}`)).text())[0];
    expect(job.baseSalary.value).toEqual({ "@type": "QuantitativeValue", value: 30000, unitText: "YEAR" });
  });

  it("keeps an attacker's title inert: no way out of the script, the title or the meta description", async () => {
    const { council, employer } = await boardCouncil(hub);
    const evil = `Carer </script><script>alert(1)</script><!-- "'&`;
    const advert = await insertAdvert(
      hub,
      { councilId: council.id, orgId: employer.id },
      { title: evil, summary: `</script><img src=x onerror=alert(2)> $& $'`, description: "<b>bold</b>" },
    );
    const html = await (await hub.app.request(`/jobs/${advert.id}`)).text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain('<!-- "');
    // Exactly one inline script element: the JSON-LD, which parses back to the advert's own text
    // (the built client's shell adds its own <script src>, which holds no advert text).
    expect(html.match(/<script(?![^>]*\ssrc=)/g)).toHaveLength(1);
    const job = jsonLd(html)[0];
    expect(job.title).toBe(evil);
    expect(job.description).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(job.description).toContain("$&amp; $&#39;");
    expect(html).toContain("<title>Carer &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &quot;&#39;&amp;");
  });

  it("answers 404 with noindex and no markup for a closed, expired or unknown job", async () => {
    const { council, employer } = await boardCouncil(hub);
    const at = { councilId: council.id, orgId: employer.id };
    const closed = await insertAdvert(hub, at, { status: "closed", closedReason: "filled" });
    const expired = await insertAdvert(hub, at, { closingDate: "2026-06-01" });
    for (const id of [closed.id, expired.id, "0d6f3a2b-1c2d-4e5f-8a9b-0c1d2e3f4a5b"]) {
      const res = await hub.app.request(`/jobs/${id}`);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<meta name="robots" content="noindex" />');
      expect(jsonLd(html)).toEqual([]);
    }
  });
});

describe("the feed for job sites", () => {
  it("is RSS 2.0 with every live advert: link, title, description, pay, place and dates, XML-escaped", async () => {
    const { council, employer } = await boardCouncil(hub);
    const at = { councilId: council.id, orgId: employer.id };
    const a = await insertAdvert(hub, at, { title: "Carer & cook <nights>", payMinPence: 1300 });
    const b = await insertAdvert(hub, at, { title: "Driver carer", payUnit: "year", payMinPence: 2_600_000 });
    await insertAdvert(hub, at, { title: "Closed", status: "closed" });
    await insertAdvert(hub, at, { title: "Expired", closingDate: "2026-06-01" });
    const res = await anon.get(`/api/public/jobs/feed.xml?council=${council.slug}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const rss = parseXml(res.text);
    expect(rss.name).toBe("rss");
    expect(rss.attributes.version).toBe("2.0");
    const [channel] = childrenNamed(rss, "channel");
    expect(textOf(channel, "title")).toBe(`Care jobs in ${council.name}`);
    const items = childrenNamed(channel, "item");
    expect(items).toHaveLength(2);
    const first = items.find((i) => textOf(i, "job:title") === "Carer & cook <nights>");
    if (!first) throw new Error("the first advert is not in the feed");
    expect(textOf(first, "link")).toBe(`http://hub.test/jobs/${a.id}?source=feed`);
    expect(textOf(first, "title")).toBe(`Carer & cook <nights> – ${employer.name}, Runcorn`);
    expect(textOf(first, "job:pay")).toBe("£13.00 an hour");
    expect(textOf(first, "job:location")).toBe("Runcorn");
    expect(textOf(first, "job:postcode")).toBe("WA7 1AB");
    expect(textOf(first, "job:closingDate")).toBe("2026-07-31");
    expect(textOf(first, "job:datePosted")).toBe("2026-06-10T09:00:00.000Z");
    expect(textOf(first, "job:employer")).toBe(employer.name);
    expect(textOf(first, "description")).toContain("Pay: £13.00 an hour.");
    expect(new Date(textOf(first, "pubDate")).toISOString()).toBe("2026-06-10T09:00:00.000Z");
    const second = items.find((i) => textOf(i, "link").includes(b.id));
    expect(second && textOf(second, "job:pay")).toBe("£26,000 a year");
    // The raw text escapes the markup in the title.
    expect(res.text).toContain("Carer &amp; cook &lt;nights&gt;");

    const openapi = await anon.get("/api/openapi.json");
    expect(Object.keys(openapi.json.paths)).toEqual(
      expect.arrayContaining(["/api/public/jobs", "/api/public/jobs/{advertId}", "/api/public/jobs/feed.xml"]),
    );
  });

  it("is 404 for an unknown council", async () => {
    expect((await anon.get("/api/public/jobs/feed.xml?council=nowhere-at-all")).status).toBe(404);
  });
});
