import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import type { SettingsInput } from "../../../shared/schemas/social-work-service";
import { Button, ErrorSummary, fieldErrors, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { PlainForm } from "../../components/plain-form";
import { useOrg } from "../../lib/org";
import { swServiceKeys, swServiceMutations, swServiceQueries } from "../../queries/social-work-service";
import { BACK_TO_SERVICE, SwPageLinks } from "./common";

// The service's settings (issue 20): caseload thresholds per service, the ASYE protected caseload
// share, the practice educator payment per student and the Education Support Grant rates. The
// defaults apply until the service lead saves the council's own.

const route = getRouteApi("/orgs/$orgId/social-work/settings");

const FIELDS: { key: keyof SettingsInput; label: string; hint: string }[] = [
  { key: "caseloadThresholdAdults", label: "Adults' caseload threshold", hint: "Open cases per full-time worker" },
  { key: "caseloadThresholdChildren", label: "Children's caseload threshold", hint: "Open cases per full-time worker" },
  {
    key: "asyeProtectionShare",
    label: "ASYE protected caseload share",
    hint: "A newly qualified worker's caseload as a share of the threshold, like 0.8 for 80%, when their ASYE sets none",
  },
  { key: "pePaymentPerStudent", label: "Practice educator payment per student (£)", hint: "What the council pays" },
  {
    key: "esgDailyRate",
    label: "Education Support Grant daily rate (£)",
    hint: "Claimed through the university for each placement day; check the current rate with the university",
  },
  { key: "esgSkillsDayRate", label: "Education Support Grant skills day rate (£)", hint: "For each skills day" },
];

function SettingsForm({ orgId, initial, canManage }: { orgId: string; initial: SettingsInput; canManage: boolean }) {
  const client = useQueryClient();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(FIELDS.map((f) => [f.key, String(initial[f.key])])),
  );
  const save = useMutation({
    mutationFn: () =>
      swServiceMutations.saveSettings(
        orgId,
        Object.fromEntries(
          FIELDS.map((f) => [f.key, values[f.key].trim() === "" ? Number.NaN : Number(values[f.key])]),
        ) as SettingsInput,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: swServiceKeys.all(orgId) }),
  });
  const errors = fieldErrors(save.error);
  return (
    <PlainForm onSubmit={() => save.mutate()}>
      {save.isSuccess && <SuccessBanner title="Settings saved" />}
      <ErrorSummary error={save.error} />
      {FIELDS.map((f) => (
        <TextInput
          key={f.key}
          id={f.key}
          name={f.key}
          label={f.label}
          hint={f.hint}
          value={values[f.key]}
          onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
          error={errors[f.key]}
        />
      ))}
      {canManage && <Button disabled={save.isPending}>Save settings</Button>}
    </PlainForm>
  );
}

export function SwSettingsPage() {
  const { orgId } = route.useParams();
  const org = useOrg(orgId);
  const canManage = org.data?.permissions.includes("socialwork.manage") ?? false;
  const settings = useQuery(swServiceQueries.settings(orgId));
  return (
    <Page title="Social work settings">
      <SwPageLinks orgId={orgId} links={[BACK_TO_SERVICE]} />
      {settings.isError && <ErrorSummary error={settings.error} />}
      {settings.data && (
        <>
          {settings.data.settings.isDefault && (
            <p className="govuk-body">These are the defaults: the council has not saved its own settings yet.</p>
          )}
          {!canManage && <p className="govuk-body">Only the service lead can change these.</p>}
          <SettingsForm orgId={orgId} initial={settings.data.settings} canManage={canManage} />
        </>
      )}
    </Page>
  );
}
