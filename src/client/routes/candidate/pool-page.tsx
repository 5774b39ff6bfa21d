import { useMutation, useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import { candidateApi, candidateQueries, type PoolSearchResponse } from "../../queries/candidate";
import { RIGHT_TO_WORK_LABELS } from "./parts";

// An employer's search of the talent pool (issue 17 item 4): only the candidates whose consent
// covers this employer, only what they shared, and an invitation to apply for an open job.

const route = getRouteApi("/orgs/$orgId/recruitment/pool");

export function TalentPoolPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const search = route.useSearch();
  const navigate = useNavigate();
  const q = useQuery(candidateQueries.employerPool(orgId, search));
  const [filters, setFilters] = useState({ role: search.role ?? "", area: search.area ?? "" });
  const canInvite = org.data?.permissions.includes("recruitment.manage") ?? false;
  return (
    <Page title="Talent pool" caption={org.data?.name}>
      <p className="govuk-body">
        People looking for care work who chose to let your organisation find them. You see only what they shared; you
        get their contact details when they apply. Invite someone to apply for one of your open jobs.
      </p>
      <ErrorSummary error={q.error} fields={{ area: "pool-area", role: "pool-role" }} />
      <form
        className="govuk-!-margin-bottom-6"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({
            to: "/orgs/$orgId/recruitment/pool",
            params: { orgId },
            search: {
              ...(filters.role ? { role: filters.role } : {}),
              ...(filters.area ? { area: filters.area } : {}),
            },
          });
        }}
      >
        <Select
          id="pool-role"
          name="role"
          label="Role they want"
          value={filters.role}
          onChange={(role) => setFilters({ ...filters, role })}
          options={[
            { value: "", label: "Any role" },
            ...(q.data?.roles ?? []).map((r) => ({ value: r.key, label: r.title })),
          ]}
        />
        <TextInput
          id="pool-area"
          name="area"
          label="Area"
          hint="The first part of a postcode, like WA7"
          width="govuk-input--width-20"
          value={filters.area}
          onChange={(area) => setFilters({ ...filters, area })}
          error={fieldErrors(q.error).area}
        />
        <Button secondary>Search</Button>
      </form>
      {q.data && (
        <>
          <h2 className="govuk-heading-m">
            {q.data.candidates.length} {q.data.candidates.length === 1 ? "person" : "people"}
          </h2>
          {q.data.candidates.map((c) => (
            <PooledCandidate key={c.id} orgId={orgId} candidate={c} adverts={q.data.adverts} canInvite={canInvite} />
          ))}
        </>
      )}
    </Page>
  );
}

function PooledCandidate({
  orgId,
  candidate: c,
  adverts,
  canInvite,
}: {
  orgId: string;
  candidate: PoolSearchResponse["candidates"][number];
  adverts: PoolSearchResponse["adverts"];
  canInvite: boolean;
}) {
  const [advertId, setAdvertId] = useState(adverts[0]?.id ?? "");
  const [message, setMessage] = useState("");
  const invite = useMutation({ mutationFn: () => candidateApi.invite(orgId, c.id, { advertId, message }) });
  const rows: [string, string][] = [
    ["Area", c.area ?? "Not given"],
    ["Roles they want", c.roles.map((r) => r.title).join(", ") || "Any"],
    ["Experience", c.experience || "Not given"],
    ["Qualifications", c.qualifications.map((q) => q.title).join(", ") || "None given"],
    ["Availability", c.availability || "Not given"],
    ["Driving licence", c.drivingLicence ? "Yes" : "No"],
    ["Right to work", RIGHT_TO_WORK_LABELS[c.rightToWork]],
  ];
  const errors = fieldErrors(invite.error);
  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{c.name}</h3>
      </div>
      <div className="govuk-summary-card__content">
        <dl className="govuk-summary-list">
          {rows.map(([k, v]) => (
            <div className="govuk-summary-list__row" key={k}>
              <dt className="govuk-summary-list__key">{k}</dt>
              <dd className="govuk-summary-list__value" style={{ whiteSpace: "pre-line" }}>
                {v}
              </dd>
            </div>
          ))}
        </dl>
        {canInvite &&
          (invite.isSuccess ? (
            <SuccessBanner title={`We have emailed ${c.name} your invitation.`} />
          ) : adverts.length === 0 ? (
            <p className="govuk-body">Publish a job to invite people to apply for it.</p>
          ) : (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Invite {c.name} to apply</span>
              </summary>
              <div className="govuk-details__text">
                <ErrorSummary
                  error={invite.error}
                  fields={{ advertId: `invite-${c.id}-advert`, message: `invite-${c.id}-message` }}
                />
                <form
                  noValidate
                  onSubmit={(e) => {
                    e.preventDefault();
                    invite.mutate();
                  }}
                >
                  <Select
                    id={`invite-${c.id}-advert`}
                    name="advertId"
                    label="Job"
                    value={advertId}
                    onChange={setAdvertId}
                    error={errors.advertId}
                    options={adverts.map((a) => ({ value: a.id, label: a.title }))}
                  />
                  <TextArea
                    id={`invite-${c.id}-message`}
                    label="Message (optional)"
                    rows={3}
                    value={message}
                    onChange={setMessage}
                    error={errors.message}
                  />
                  <Button disabled={invite.isPending}>Send invitation</Button>
                </form>
              </div>
            </details>
          ))}
      </div>
    </div>
  );
}
