import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { JOB_ROLES } from "../../../shared/ascwds/codes";
import { longDate, longDateTime } from "../../../shared/dates";
import { MATRIX_STATES, type MatrixState } from "../../../shared/training";
import { MATRIX_STATE_LABELS } from "../../../shared/training-matrix";
import { Button, Select } from "../../components/forms";
import { Page } from "../../components/Page";
import { ScrollRegion } from "../../components/Table";
import { useOrg } from "../../lib/org";
import { deliveryQueries, type MatrixResponse, matrixExportUrl } from "../../queries/training-delivery";

// The training matrix (issue 18 item 5): staff in post × the training the employer requires, each
// cell valid, expiring within 60 days, expired or missing, with filters in the address, exports
// and a suggested session for what people lack. The table scrolls inside its own region on a
// phone; the page does not.

const route = getRouteApi("/orgs/$orgId/training/matrix");

const TAG: Record<MatrixState, string> = {
  valid: "govuk-tag--green",
  expiring: "govuk-tag--yellow",
  expired: "govuk-tag--red",
  missing: "govuk-tag--grey",
};

export function StateTag({ state }: { state: MatrixState }): React.ReactNode {
  return <strong className={`govuk-tag ${TAG[state]}`}>{MATRIX_STATE_LABELS[state]}</strong>;
}

function Filters({ m }: { m: MatrixResponse }): React.ReactNode {
  const navigate = useNavigate();
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const [workplaceId, setWorkplace] = useState(search.workplaceId ?? "");
  const [role, setRole] = useState(search.role !== undefined ? String(search.role) : "");
  const [state, setState] = useState<string>(search.state ?? "");
  return (
    <form
      className="app-filters"
      onSubmit={(e) => {
        e.preventDefault();
        navigate({
          to: "/orgs/$orgId/training/matrix",
          params: { orgId },
          search: {
            workplaceId: workplaceId || undefined,
            role: role ? Number(role) : undefined,
            state: (state || undefined) as MatrixState | undefined,
          },
        });
      }}
    >
      <Select
        id="workplaceId"
        name="workplaceId"
        label="Workplace"
        value={workplaceId}
        onChange={setWorkplace}
        options={[{ value: "", label: "All workplaces" }, ...m.workplaces.map((w) => ({ value: w.id, label: w.name }))]}
      />
      <Select
        id="role"
        name="role"
        label="Main job role"
        value={role}
        onChange={setRole}
        options={[
          { value: "", label: "All roles" },
          ...Object.entries(JOB_ROLES).map(([code, label]) => ({ value: code, label })),
        ]}
      />
      <Select
        id="state"
        name="state"
        label="Showing people with"
        value={state}
        onChange={setState}
        options={[
          { value: "", label: "Any state" },
          ...MATRIX_STATES.map((s) => ({ value: s, label: `Something ${MATRIX_STATE_LABELS[s].toLowerCase()}` })),
        ]}
      />
      <Button>Apply filters</Button>
    </form>
  );
}

export function TrainingMatrixPage(): React.ReactNode {
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const org = useOrg(orgId);
  const matrix = useQuery(deliveryQueries.matrix(orgId, search));
  const m = matrix.data;
  return (
    <Page title="Training matrix" caption={org.data?.name}>
      <p className="govuk-body">
        Everyone in post against the training you require for their role (set in Working week and training). Training
        expiring within 60 days is shown as expiring.
      </p>
      {matrix.error && (
        <div className="govuk-error-summary" role="alert">
          <div className="govuk-error-summary__body">{matrix.error.message}</div>
        </div>
      )}
      {m && (
        <>
          <Filters m={m} />
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={matrixExportUrl(orgId, "xlsx", search)} download>
                Download as XLSX (Excel)
              </a>
            </li>
            <li>
              <a className="govuk-link" href={matrixExportUrl(orgId, "csv", search)} download>
                Download as CSV
              </a>
            </li>
          </ul>
          <dl className="govuk-summary-list">
            {MATRIX_STATES.map((s) => (
              <div className="govuk-summary-list__row" key={s}>
                <dt className="govuk-summary-list__key">{MATRIX_STATE_LABELS[s]}</dt>
                <dd className="govuk-summary-list__value">{m.counts[s].toLocaleString("en-GB")}</dd>
              </div>
            ))}
          </dl>
          {!m.categories.length ? (
            <p className="govuk-body">
              You have not set any required training yet. Choose the training each role must hold in Working week and
              training.
            </p>
          ) : !m.rows.length ? (
            <p className="govuk-body">No one in post matches these filters.</p>
          ) : (
            <ScrollRegion labelledBy="matrix-caption">
              <table className="govuk-table app-matrix">
                <caption id="matrix-caption" className="govuk-table__caption govuk-table__caption--m">
                  Required training on {longDate(m.day)} ({m.rows.length.toLocaleString("en-GB")} people)
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">
                      Name
                    </th>
                    <th scope="col" className="govuk-table__header">
                      Workplace and role
                    </th>
                    {m.categories.map((c) => (
                      <th scope="col" className="govuk-table__header" key={c.category}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {m.rows.map((r) => (
                    <tr className="govuk-table__row" key={r.staffId}>
                      <th scope="row" className="govuk-table__header">
                        {r.name}
                      </th>
                      <td className="govuk-table__cell">
                        {r.workplace}
                        <br />
                        <span className="govuk-hint govuk-!-margin-0">{r.roleLabel}</span>
                      </td>
                      {r.cells.map((c) =>
                        c.state ? (
                          <td className="govuk-table__cell" key={c.category}>
                            <StateTag state={c.state} />
                            {c.expiresOn && (
                              <>
                                <br />
                                <span className="govuk-body-s">
                                  {c.state === "expired" ? "Expired" : "Expires"} {longDate(c.expiresOn)}
                                </span>
                              </>
                            )}
                          </td>
                        ) : (
                          <td className="govuk-table__cell" key={c.category}>
                            <span className="govuk-visually-hidden">Not required</span>
                            <span aria-hidden="true">–</span>
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          {m.suggestions.length > 0 && (
            <>
              <h2 className="govuk-heading-m">Sessions with places for what people need</h2>
              <ul className="govuk-list govuk-list--bullet">
                {m.suggestions.map((s) => (
                  <li key={s.sessionId}>
                    {m.categories.find((c) => c.category === s.category)?.label}: {s.courseTitle},{" "}
                    {longDateTime(s.startsAt)}
                    {s.venue ? `, ${s.venue}` : ""} ({s.freePlaces} {s.freePlaces === 1 ? "place" : "places"} you can
                    book)
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Page>
  );
}
