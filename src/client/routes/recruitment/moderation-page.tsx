import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { advertHoursText } from "../../../shared/advert-text";
import { longDate } from "../../../shared/dates";
import { CONTRACT_LABELS } from "../../../shared/recruitment";
import { type AdvertView, refuseAdvertInput } from "../../../shared/schemas/recruitment";
import { Button, Form, SuccessBanner, TextAreaField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import { recruitmentApi, recruitmentQueries } from "../../queries/recruitment";
import { payText, SummaryList } from "./common";

// The council's hub checks the adverts on its job board (issue 17 item 1): newest first, and
// can take one off the board with a reason the employer sees. Pay under the legal minimum never
// gets this far: the hub refuses it on every save.

function RefuseForm({ orgId, advert, onDone }: { orgId: string; advert: AdvertView; onDone: (t: string) => void }) {
  const queryClient = useQueryClient();
  const form = useSchemaForm(refuseAdvertInput, { reason: "" });
  const refuse = useMutation({
    mutationFn: (v: z.output<typeof refuseAdvertInput>) => recruitmentApi.refuse(orgId, advert.id, v),
    onSuccess: () => {
      onDone(`${advert.title} at ${advert.employer.name} is off the board. The employer sees your reason.`);
      queryClient.invalidateQueries({ queryKey: recruitmentQueries.moderation(orgId).queryKey });
    },
  });
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Take this advert off the board</span>
      </summary>
      <div className="govuk-details__text">
        <Form form={form} onSubmit={(v) => refuse.mutate(v)} error={refuse.error}>
          <TextAreaField
            name="reason"
            id={`reason-${advert.id}`}
            label="Why (the employer sees this)"
            hint="Say what to change so it can go back on the board"
            rows={3}
          />
          <Button warning disabled={refuse.isPending}>
            Take it off the board
          </Button>
        </Form>
      </div>
    </details>
  );
}

export function ModerationPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const list = useQuery(recruitmentQueries.moderation(orgId));
  const [done, setDone] = useState<string | null>(null);
  if (!org.data || list.isPending) return <p className="govuk-body">Loading…</p>;
  if (list.isError) return <Page title="Job adverts to check">{list.error.message}</Page>;
  return (
    <Page title="Job adverts to check" caption={org.data.name}>
      {done && <SuccessBanner title={done} />}
      <p className="govuk-body">
        Every advert on your job board, newest first. Adverts paying less than the legal minimum are refused before they
        are published.
      </p>
      {list.data.adverts.length === 0 && <p className="govuk-body">There are no adverts on the board.</p>}
      {list.data.adverts.map((a) => (
        <section key={a.id} className="govuk-!-margin-bottom-8">
          <h2 className="govuk-heading-m">
            {a.title} <span className="govuk-caption-m">{a.employer.name}</span>
          </h2>
          <SummaryList
            rows={[
              ["Workplace", a.workplace.name],
              ["Pay", payText(a)],
              ["Hours", advertHoursText(a)],
              ["Contract", CONTRACT_LABELS[a.contractType]],
              ["Published", a.publishedAt ? longDate(a.publishedAt) : "—"],
              ["Closing date", longDate(a.closingDate)],
              ["Summary", a.summary || "—"],
            ]}
          />
          {org.data.permissions.includes("recruitment.hub") && <RefuseForm orgId={orgId} advert={a} onDone={setDone} />}
        </section>
      ))}
    </Page>
  );
}
