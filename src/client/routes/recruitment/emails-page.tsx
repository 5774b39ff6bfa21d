import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { STAGE_LABELS } from "../../../shared/recruitment";
import { type EmailTemplateKind, emailTemplateInput } from "../../../shared/schemas/recruitment";
import { Button, Form, SuccessBanner, TextAreaField, TextField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import { recruitmentApi, recruitmentQueries } from "../../queries/recruitment";
import { RecruitmentLinks } from "./common";

// The emails candidates get when their application moves (issue 17 item 5), in the employer's
// own words; the defaults until it changes them.

function TemplateForm({
  orgId,
  kind,
  subject,
  body,
  canManage,
}: {
  orgId: string;
  kind: EmailTemplateKind;
  subject: string;
  body: string;
  canManage: boolean;
}) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const form = useSchemaForm(emailTemplateInput, { subject, body });
  const save = useMutation({
    mutationFn: (v: z.output<typeof emailTemplateInput>) => recruitmentApi.saveTemplate(orgId, kind, v),
    onSuccess: () => {
      setSaved(true);
      queryClient.invalidateQueries({ queryKey: recruitmentQueries.templates(orgId).queryKey });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => save.mutate(v)} error={save.error}>
      {saved && <SuccessBanner title="Email saved." />}
      <TextField name="subject" id={`${kind}-subject`} label="Subject" />
      <TextAreaField name="body" id={`${kind}-body`} label="Email" rows={8} />
      {canManage && (
        <Button secondary disabled={save.isPending}>
          Save the {STAGE_LABELS[kind].toLowerCase()} email
        </Button>
      )}
    </Form>
  );
}

export function EmailTemplatesPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const templates = useQuery(recruitmentQueries.templates(orgId));
  if (!org.data || templates.isPending) return <p className="govuk-body">Loading…</p>;
  if (templates.isError) return <Page title="Emails to candidates">{templates.error.message}</Page>;
  const canManage = org.data.permissions.includes("recruitment.manage");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Page title="Emails to candidates" caption={org.data.name}>
          <RecruitmentLinks orgId={orgId} />
          <p className="govuk-body">
            Candidates get these emails when you move their application. You can use{" "}
            {templates.data.placeholders.join(", ")}: they are replaced by the candidate's name, the job title, your
            organisation's name and the link to the candidate's applications.
          </p>
          {templates.data.templates.map((t) => (
            <section key={t.kind} className="govuk-!-margin-bottom-8">
              <h2 className="govuk-heading-m">
                {STAGE_LABELS[t.kind]} {t.custom ? "" : <span className="govuk-tag govuk-tag--grey">Default</span>}
              </h2>
              <TemplateForm orgId={orgId} kind={t.kind} subject={t.subject} body={t.body} canManage={canManage} />
            </section>
          ))}
        </Page>
      </div>
    </div>
  );
}
