import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { TRAINING_CATEGORY_LABELS } from "../../../shared/ascwds/codes";
import type { Permission } from "../../../shared/permissions";
import { TRAINING_DELIVERY, TRAINING_DELIVERY_LABELS, TRAINING_FUNDING } from "../../../shared/training";
import { Button, ErrorSummary, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import {
  type CatalogueSearch,
  type CourseView,
  catalogueQueries,
  type SessionView,
} from "../../queries/training-catalogue";
import { CourseLink, costText, deliveryText, FUNDING_SHORT, PlacesTag, placeText, whenText } from "./catalogue-common";

// The training catalogue (issue 18 items 1 and 2): the area's courses with filters, and the
// sessions to come with the places the organisation may book. Offerers add courses from here.

const route = getRouteApi("/orgs/$orgId/training");

function Filters({ search }: { search: CatalogueSearch }): React.ReactNode {
  const navigate = useNavigate({ from: "/orgs/$orgId/training" });
  const [q, setQ] = useState(search.q ?? "");
  const [category, setCategory] = useState(search.category ? String(search.category) : "");
  const [delivery, setDelivery] = useState(search.delivery ?? "");
  const [funding, setFunding] = useState(search.funding ?? "");
  return (
    <form
      noValidate
      aria-label="Filter courses"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({
          search: {
            q: q.trim() || undefined,
            category: category ? Number(category) : undefined,
            delivery: (delivery || undefined) as CatalogueSearch["delivery"],
            funding: (funding || undefined) as CatalogueSearch["funding"],
            gives: search.gives,
          },
        });
      }}
    >
      <TextInput id="q" name="q" label="Search courses" value={q} onChange={setQ} width="govuk-input--width-20" />
      <Select
        id="category"
        name="category"
        label="ASC-WDS training category"
        value={category}
        onChange={setCategory}
        options={[
          { value: "", label: "All categories" },
          ...Object.entries(TRAINING_CATEGORY_LABELS).map(([code, label]) => ({ value: code, label })),
        ]}
      />
      <Select
        id="delivery"
        name="delivery"
        label="Delivery"
        value={delivery}
        onChange={setDelivery}
        options={[
          { value: "", label: "Any" },
          ...TRAINING_DELIVERY.map((d) => ({ value: d, label: TRAINING_DELIVERY_LABELS[d] })),
        ]}
      />
      <Select
        id="funding"
        name="funding"
        label="Who pays"
        value={funding}
        onChange={setFunding}
        options={[{ value: "", label: "Any" }, ...TRAINING_FUNDING.map((f) => ({ value: f, label: FUNDING_SHORT[f] }))]}
      />
      <div className="govuk-button-group">
        <Button secondary>Apply filters</Button>
        <Link to="/orgs/$orgId/training" params={{ orgId: useOrgId() }} search={{}} className="govuk-link">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/** The rest of shared training, as far as the organisation's kind and the person's role reach. */
function TrainingLinks(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  if (!org.data) return null;
  const { kind, permissions } = org.data;
  const has = (p: Permission) => permissions.includes(p);
  const employer = kind === "provider" || kind === "council";
  const links: { to: string; label: string; show: boolean }[] = [
    { to: "/orgs/$orgId/training/bookings", label: "Your staff's bookings", show: employer && has("training.view") },
    { to: "/orgs/$orgId/training/matrix", label: "Training matrix", show: employer && has("staff.view") },
    {
      to: "/orgs/$orgId/training/delivery",
      label: "Your sessions and attendance",
      show: kind !== "provider" && has("training.deliver"),
    },
    { to: "/orgs/$orgId/apprenticeships", label: "Apprenticeships", show: employer && has("training.view") },
    {
      to: "/orgs/$orgId/levy",
      label: "Levy transfers",
      show:
        (kind === "provider" && has("training.view")) ||
        ((kind === "council" || kind === "nhs_partner") && has("levy.pledge")),
    },
    {
      to: "/orgs/$orgId/training/funding-claims",
      label: "Funding claims (LDSS)",
      show: kind === "provider" && has("training.view"),
    },
    {
      to: "/orgs/$orgId/training/uptake",
      label: "Training uptake",
      show: kind !== "nhs_partner" && has("training.view"),
    },
    {
      to: "/orgs/$orgId/training/cohorts",
      label: "Pre-employment course",
      show: kind === "council" && has("training.hub"),
    },
  ];
  const shown = links.filter((l) => l.show);
  if (!shown.length) return null;
  return (
    <nav aria-label="Shared training">
      <ul className="govuk-list">
        {shown.map((l) => (
          <li key={l.to}>
            <Link className="govuk-link" to={l.to} params={{ orgId }}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CatalogueHomePage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = route.useSearch();
  const courses = useQuery(catalogueQueries.courses(orgId, search));
  const sessions = useQuery(catalogueQueries.sessions(orgId));
  const mayOffer =
    !!org.data?.permissions.includes("training.offer") &&
    (org.data.kind === "council" || org.data.kind === "training_partner");
  const upcoming = (sessions.data?.sessions ?? []).filter((s) => s.status === "scheduled").slice(0, 25);
  return (
    <Page title="Training" caption={org.data?.name}>
      <p className="govuk-body">
        Courses in the area's shared training catalogue, from the council's hub team and training partners, with the
        places your organisation may book on each session.
      </p>
      {mayOffer && (
        <Link to="/orgs/$orgId/training/courses/new" params={{ orgId }} className="govuk-button">
          Add a course
        </Link>
      )}
      <ErrorSummary error={courses.error ?? sessions.error} />
      <TrainingLinks />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <h2 className="govuk-heading-m">Filter</h2>
          <Filters search={search} />
          {search.gives && (
            <p className="govuk-body-s">
              Showing courses that give <strong>{search.gives.replaceAll("_", " ")}</strong>.
            </p>
          )}
        </div>
        <div className="govuk-grid-column-two-thirds">
          {courses.data && (
            <Table<CourseView>
              caption={`${courses.data.courses.length} ${courses.data.courses.length === 1 ? "course" : "courses"}`}
              rowKey={(c) => c.id}
              rows={courses.data.courses}
              columns={[
                {
                  header: "Course",
                  cell: (c) => (
                    <>
                      <CourseLink orgId={orgId} id={c.id} title={c.title} />
                      <br />
                      <span className="govuk-body-s">
                        {c.offeredBy.name} · {deliveryText(c.delivery)} · {c.hours} hours
                      </span>
                      {c.status !== "published" && (
                        <>
                          {" "}
                          <strong className="govuk-tag govuk-tag--grey">
                            {c.status === "draft" ? "Draft" : "Withdrawn"}
                          </strong>
                        </>
                      )}
                    </>
                  ),
                  sortValue: (c) => c.title,
                },
                { header: "Cost", cell: (c) => costText(c) },
                {
                  header: "Next session",
                  cell: (c) =>
                    c.nextSessionAt
                      ? `${whenText({ startsAt: c.nextSessionAt, endsAt: null as never })}`
                      : "None planned",
                  sortValue: (c) => c.nextSessionAt,
                },
                { header: "Places for you", numeric: true, cell: (c) => c.freeForYou, sortValue: (c) => c.freeForYou },
              ]}
            />
          )}
        </div>
      </div>
      {sessions.data && (
        <Table<SessionView>
          caption="Sessions coming up"
          rowKey={(s) => s.id}
          rows={upcoming}
          columns={[
            { header: "When", cell: (s) => whenText(s) },
            { header: "Course", cell: (s) => <CourseLink orgId={orgId} id={s.courseId} title={s.courseTitle} /> },
            { header: "Where", cell: (s) => placeText(s) },
            { header: "Places", cell: (s) => <PlacesTag session={s} /> },
          ]}
        />
      )}
    </Page>
  );
}
