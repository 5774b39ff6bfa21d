import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import {
  CHECK_ITEMS,
  CHECK_LABELS,
  type CheckItem,
  type ChecksView,
  checksInput,
  DBS_LEVELS,
  DBS_UPDATE_SERVICE,
  RTW_METHODS,
} from "../../../shared/schemas/recruitment";
import {
  Button,
  DateField,
  Form,
  SelectField,
  SuccessBanner,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "../../components/forms";
import { Page } from "../../components/Page";
import { type ChecksResponse, recruitmentApi, recruitmentKeys, recruitmentQueries } from "../../queries/recruitment";
import { CheckboxesField, CheckboxField, SummaryList } from "./common";

// Pre-employment checks for one application (issue 17 item 6), against CQC Schedule 3 and the
// right-to-work duty, with the checklist of what is missing and any bundle another employer did
// that the candidate chose to share (the employer records what it relied on).

const DBS_LEVEL_LABELS: Record<string, string> = {
  standard: "Standard",
  enhanced: "Enhanced",
  enhanced_barred_adults: "Enhanced with the adults' barred list",
};
const UPDATE_LABELS: Record<string, string> = {
  not_subscribed: "Not on the Update Service",
  subscribed_checked: "On the Update Service: status checked",
  subscribed_not_checked: "On the Update Service: not checked yet",
};
const RTW_LABELS: Record<string, string> = {
  share_code: "Online with a share code",
  manual_document: "Original documents seen",
  idsp: "Through an identity service provider",
};
const choices = (values: readonly string[], labels: Record<string, string>) => [
  { value: "", label: "Not recorded" },
  ...values.map((v) => ({ value: v, label: labels[v] })),
];

const optionalDate = (what: string) => dateFromParts(what, { optional: true });
/** A choice of `values`, where the empty first option means not recorded (null). */
const choiceOrNull = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal("")])
    .nullable()
    .transform((v) => v || null);
/** The checks as the form holds them: dates in GOV.UK date boxes, empty choices as null. */
const checksForm = checksInput.extend({
  identitySeenOn: optionalDate("Date identity was seen"),
  dbsLevel: choiceOrNull(DBS_LEVELS),
  dbsCertificateNumber: z.string().transform((v) => v.trim() || null),
  dbsIssuedOn: optionalDate("DBS issue date"),
  dbsUpdateService: choiceOrNull(DBS_UPDATE_SERVICE),
  dbsUpdateCheckedOn: optionalDate("Update Service check date"),
  rightToWorkMethod: choiceOrNull(RTW_METHODS),
  rightToWorkDocument: z.string().transform((v) => v.trim() || null),
  rightToWorkCheckedOn: optionalDate("Right to work check date"),
  rightToWorkExpiresOn: optionalDate("Permission ends"),
  rightToWorkFollowUpOn: optionalDate("Follow-up check date"),
  healthDeclarationOn: optionalDate("Health declaration date"),
  qualificationsVerifiedOn: optionalDate("Date qualifications were verified"),
  references: z
    .array(
      z.object({
        referee: z.string().trim().min(2, "Enter the referee"),
        relationship: z.string().trim(),
        lastCareEmployer: z.boolean(),
        requestedOn: optionalDate("Date requested"),
        receivedOn: optionalDate("Date received"),
        satisfactory: z.string().transform((v) => (v === "yes" ? true : v === "no" ? false : null)),
      }),
    )
    .max(6),
});
type FormValues = z.input<typeof checksForm>;

const defaults = (c: ChecksView): FormValues => ({
  identitySeenOn: datePartsOf(c.identitySeenOn),
  dbsLevel: (c.dbsLevel ?? "") as FormValues["dbsLevel"],
  dbsCertificateNumber: c.dbsCertificateNumber ?? "",
  dbsIssuedOn: datePartsOf(c.dbsIssuedOn),
  dbsUpdateService: (c.dbsUpdateService ?? "") as FormValues["dbsUpdateService"],
  dbsUpdateCheckedOn: datePartsOf(c.dbsUpdateCheckedOn),
  rightToWorkMethod: (c.rightToWorkMethod ?? "") as FormValues["rightToWorkMethod"],
  rightToWorkDocument: c.rightToWorkDocument ?? "",
  rightToWorkCheckedOn: datePartsOf(c.rightToWorkCheckedOn),
  rightToWorkExpiresOn: datePartsOf(c.rightToWorkExpiresOn),
  rightToWorkFollowUpOn: datePartsOf(c.rightToWorkFollowUpOn),
  references: c.references.map((r) => ({
    referee: r.referee,
    relationship: r.relationship,
    lastCareEmployer: r.lastCareEmployer,
    requestedOn: datePartsOf(r.requestedOn),
    receivedOn: datePartsOf(r.receivedOn),
    satisfactory: r.satisfactory === null ? "" : r.satisfactory ? "yes" : "no",
  })),
  historyGapsExplained: c.historyGapsExplained,
  historyNotes: c.historyNotes,
  healthDeclarationOn: datePartsOf(c.healthDeclarationOn),
  qualificationsVerifiedOn: datePartsOf(c.qualificationsVerifiedOn),
  reliedOn: c.reliedOn as CheckItem[],
});

function References() {
  const { control } = useFormContext<FormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "references" });
  return (
    <>
      <h2 className="govuk-heading-m">References</h2>
      <p className="govuk-body">
        Two satisfactory references, one from their last employer in care if they have worked in care.
      </p>
      {fields.map((f, i) => (
        <div key={f.id} className="govuk-!-margin-bottom-6">
          <TextField name={`references.${i}.referee`} label={`Reference ${i + 1}: referee`} />
          <TextField name={`references.${i}.relationship`} label="How they know the candidate" />
          <CheckboxField name={`references.${i}.lastCareEmployer`} label="Their last employer in care" />
          <DateField name={`references.${i}.requestedOn`} legend="Asked for on" />
          <DateField name={`references.${i}.receivedOn`} legend="Received on" />
          <SelectField
            name={`references.${i}.satisfactory`}
            label="Satisfactory"
            choices={[
              { value: "", label: "Not decided" },
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
          />
          <button type="button" className="govuk-button govuk-button--secondary" onClick={() => remove(i)}>
            Remove reference {i + 1}
          </button>
        </div>
      ))}
      {fields.length < 6 && (
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            append({
              referee: "",
              relationship: "",
              lastCareEmployer: false,
              requestedOn: datePartsOf(""),
              receivedOn: datePartsOf(""),
              satisfactory: "",
            })
          }
        >
          Add a reference
        </button>
      )}
    </>
  );
}

const route = getRouteApi("/orgs/$orgId/recruitment/applications/$applicationId/checks");

export function ChecksPage(): React.ReactNode {
  const { orgId, applicationId } = route.useParams();
  const res = useQuery(recruitmentQueries.checks(orgId, applicationId));
  const app = useQuery(recruitmentQueries.application(orgId, applicationId));
  if (res.isPending || app.isPending) return <p className="govuk-body">Loading…</p>;
  if (res.isError) return <Page title="Checks">{res.error.message}</Page>;
  return (
    <ChecksForm orgId={orgId} applicationId={applicationId} name={app.data?.application.name ?? ""} data={res.data} />
  );
}

function ChecksForm({
  orgId,
  applicationId,
  name,
  data,
}: {
  orgId: string;
  applicationId: string;
  name: string;
  data: ChecksResponse;
}) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(checksForm, defaults(data.checks));
  const save = useMutation({
    mutationFn: (v: z.output<typeof checksForm>) => recruitmentApi.saveChecks(orgId, applicationId, v),
    onSuccess: () => {
      setSaved(true);
      queryClient.invalidateQueries({ queryKey: recruitmentKeys.application(orgId, applicationId) });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Page title="Pre-employment checks" caption={name}>
          {saved && <SuccessBanner title="Checks saved." />}
          <p className="govuk-body">
            What CQC's Schedule 3 asks you to hold for everyone you employ, and the right to work. These details are
            seen only by your organisation's admins; they are never shown to the council.
          </p>
          <h2 className="govuk-heading-m">Still to do</h2>
          {data.checklist.complete ? (
            <p className="govuk-body">Every check is complete.</p>
          ) : (
            <ul className="govuk-list govuk-list--bullet">
              {data.checklist.items
                .filter((i) => !i.done)
                .map((i) => (
                  <li key={i.item}>
                    {CHECK_LABELS[i.item as CheckItem]}: {i.missing}
                  </li>
                ))}
            </ul>
          )}
          {data.shared.map((s) => (
            <div key={s.consentId} className="govuk-inset-text">
              <h2 className="govuk-heading-s">Checks {s.employer} did, shared by the candidate</h2>
              <SummaryList
                rows={[
                  [
                    "DBS",
                    s.checks.dbsLevel
                      ? `${DBS_LEVEL_LABELS[s.checks.dbsLevel]}, issued ${longDate(s.checks.dbsIssuedOn)}, certificate ${s.checks.dbsCertificateNumber ?? "—"}`
                      : "—",
                  ],
                  [
                    "Right to work",
                    s.checks.rightToWorkCheckedOn
                      ? `Checked ${longDate(s.checks.rightToWorkCheckedOn)}${s.checks.rightToWorkExpiresOn ? `, ends ${longDate(s.checks.rightToWorkExpiresOn)}` : ""}`
                      : "—",
                  ],
                  [
                    "Complete",
                    s.checklist.items
                      .filter((i) => i.done)
                      .map((i) => CHECK_LABELS[i.item as CheckItem])
                      .join(", ") || "Nothing yet",
                  ],
                ]}
              />
            </div>
          ))}
          <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
            {data.shared.length > 0 && (
              <CheckboxesField
                name="reliedOn"
                legend="What you relied on from the shared checks"
                hint="Those checks count as done here while the candidate's consent stands"
                choices={CHECK_ITEMS.map((i) => ({ value: i, label: CHECK_LABELS[i] }))}
              />
            )}
            <h2 className="govuk-heading-m">Identity</h2>
            <DateField name="identitySeenOn" legend="Proof of identity with a recent photo seen on" />
            <h2 className="govuk-heading-m">DBS check</h2>
            <SelectField name="dbsLevel" label="Level" choices={choices(DBS_LEVELS, DBS_LEVEL_LABELS)} />
            <TextField
              name="dbsCertificateNumber"
              label="Certificate number"
              hint="12 digits"
              width="govuk-input--width-20"
              spellCheck={false}
            />
            <DateField name="dbsIssuedOn" legend="Issued on" />
            <SelectField
              name="dbsUpdateService"
              label="Update Service"
              choices={choices(DBS_UPDATE_SERVICE, UPDATE_LABELS)}
            />
            <DateField name="dbsUpdateCheckedOn" legend="Status checked on" />
            <h2 className="govuk-heading-m">Right to work</h2>
            <SelectField
              name="rightToWorkMethod"
              label="How it was checked"
              choices={choices(RTW_METHODS, RTW_LABELS)}
            />
            <TextField name="rightToWorkDocument" label="Document checked" hint="For a check of original documents" />
            <DateField name="rightToWorkCheckedOn" legend="Checked on" />
            <DateField
              name="rightToWorkExpiresOn"
              legend="Permission to work ends on"
              hint="Leave empty if it does not end"
            />
            <DateField
              name="rightToWorkFollowUpOn"
              legend="Follow-up check on"
              hint="Needed when the permission ends"
            />
            <References />
            <h2 className="govuk-heading-m">Employment history</h2>
            <CheckboxField
              name="historyGapsExplained"
              label="The full history is checked and any gaps are explained in writing"
            />
            <TextAreaField name="historyNotes" label="Notes on gaps (optional)" rows={3} />
            <h2 className="govuk-heading-m">Health and qualifications</h2>
            <DateField
              name="healthDeclarationOn"
              legend="Health declaration received on"
              hint="Ask only after the offer"
            />
            <DateField name="qualificationsVerifiedOn" legend="Qualifications verified on" />
            <Button disabled={save.isPending}>Save checks</Button>
          </Form>
          <Link
            className="govuk-link"
            to="/orgs/$orgId/recruitment/applications/$applicationId"
            params={{ orgId, applicationId }}
          >
            Back to the application
          </Link>
        </Page>
      </div>
    </div>
  );
}
