import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import type { Framework } from "../../../shared/career/framework";
import { longDate } from "../../../shared/dates";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrgId } from "../../lib/org";
import { careerApi, careerKeys, careerQueries, type FrameworkList } from "../../queries/careers";
import { FrameworkEditor } from "../framework-editor";

// A council's framework (edit, publish, who has endorsed it), a provider's endorsement and job
// titles, and the development plans staff share with their managers.

const day = (iso: string | null) => longDate(iso);

/** A council edits, publishes and follows endorsement of its framework; a provider endorses it and maps its job titles. */
export function CareerFrameworkPage(): React.ReactNode {
  const orgId = useOrgId();
  const list = useQuery(careerQueries.frameworks(orgId));
  if (!list.data) return <p className="govuk-body">Loading…</p>;
  return list.data.kind === "council" ? (
    <CouncilFramework orgId={orgId} list={list.data} />
  ) : (
    <ProviderFramework orgId={orgId} list={list.data} />
  );
}

function CouncilFramework({ orgId, list }: { orgId: string; list: FrameworkList }) {
  const queryClient = useQueryClient();
  const draft = useQuery(careerQueries.draft(orgId));
  // The draft as edited here, until it is saved (null: unchanged).
  const [edited, setEdited] = useState<Framework | null>(null);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: careerKeys.frameworks(orgId) });
    queryClient.invalidateQueries({ queryKey: careerKeys.draft(orgId) });
  };
  const save = useMutation({
    mutationFn: () => careerApi.saveDraft(orgId, (edited ?? draft.data?.document) as Framework),
    onSuccess: () => {
      setEdited(null);
      refresh();
    },
  });
  const publish = useMutation({ mutationFn: () => careerApi.publish(orgId), onSuccess: refresh });
  const next = (list.versions?.[0]?.version ?? 0) + 1;
  return (
    <Page title="Career framework">
      <p className="govuk-body">
        Your framework starts from the national one the hub ships. Change its roles and routes, add your pay guidance
        and roles of your own, publish it, and ask the providers you commission to endorse it. Once published, a version
        never changes: publish a new one to change it. The public roadmap shows your latest version.
      </p>
      {publish.isSuccess && <SuccessBanner title={`Version ${publish.data.version} published`} />}
      {save.isSuccess && <SuccessBanner title="Draft saved" />}
      <ErrorSummary error={save.error ?? publish.error} fields={{}} />
      {list.versions && list.versions.length > 0 && (
        <Table
          caption="Published versions and who has endorsed them"
          rows={list.versions}
          rowKey={(v) => v.id}
          columns={[
            { header: "Version", cell: (v) => `Version ${v.version}` },
            { header: "Published", cell: (v) => day(v.publishedAt) },
            {
              header: "Endorsed by",
              numeric: true,
              cell: (v) => `${v.endorsedCount} of ${v.providers.length} providers`,
            },
            {
              header: "Not yet endorsed by",
              cell: (v) => (v.notYet.length ? v.notYet.join(", ") : "Everyone has endorsed it"),
            },
          ]}
        />
      )}
      <h2 className="govuk-heading-m">Draft</h2>
      {!draft.data ? (
        <p className="govuk-body">Loading the draft…</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          noValidate
        >
          <FrameworkEditor doc={edited ?? draft.data.document} onChange={setEdited} unsaved={edited !== null} />
          {edited && <p className="govuk-inset-text">You have changes that are not saved yet.</p>}
          <div className="govuk-button-group">
            <Button disabled={save.isPending}>{save.isPending ? "Saving…" : "Save draft"}</Button>
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              disabled={publish.isPending || edited !== null || !draft.data.id}
              aria-describedby="publish-hint"
              onClick={() => publish.mutate()}
            >
              Publish as version {next}
            </button>
          </div>
          <p className="govuk-hint" id="publish-hint">
            {draft.data.id
              ? "Save your changes before you publish."
              : "Save the draft first: it is the framework now in force until you change it."}
          </p>
        </form>
      )}
    </Page>
  );
}

function ProviderFramework({ orgId, list }: { orgId: string; list: FrameworkList }) {
  const queryClient = useQueryClient();
  const endorse = useMutation({
    mutationFn: (id: string) => careerApi.endorse(orgId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careerKeys.frameworks(orgId) }),
  });
  const titles = useQuery(careerQueries.jobTitles(orgId));
  const roadmap = useQuery(careerQueries.roadmap());
  const [title, setTitle] = useState("");
  const [roleKey, setRoleKey] = useState("");
  const add = useMutation({
    mutationFn: () => careerApi.addJobTitle(orgId, { title, roleKey }),
    onSuccess: () => {
      setTitle("");
      queryClient.invalidateQueries({ queryKey: careerKeys.jobTitles(orgId) });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => careerApi.removeJobTitle(orgId, id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: careerKeys.jobTitles(orgId) }),
  });
  const roleTitle = new Map((roadmap.data?.framework.roles ?? []).map((r) => [r.key, r.title]));
  const errors = fieldErrors(add.error);
  return (
    <Page title="Career framework">
      <ErrorSummary
        error={endorse.error ?? add.error ?? remove.error}
        fields={{ title: "job-title", roleKey: "job-role" }}
      />
      {(list.frameworks ?? []).length === 0 && (
        <p className="govuk-body">No council that commissions you has published a career framework yet.</p>
      )}
      {(list.frameworks ?? []).map((f) => (
        <div key={f.id} className="govuk-summary-card">
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">
              {f.council}: version {f.version}
            </h2>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">
              {f.title}, published {day(f.publishedAt)}.{" "}
              <Link to="/careers" search={{ council: f.councilSlug }} className="govuk-link">
                Read {f.council}'s version on the public roadmap
              </Link>
              .
            </p>
            {f.endorsedAt ? (
              <p className="govuk-body">
                <strong className="govuk-tag govuk-tag--green">Endorsed</strong> on {day(f.endorsedAt)}.
              </p>
            ) : (
              <button
                type="button"
                className="govuk-button"
                disabled={endorse.isPending}
                onClick={() => endorse.mutate(f.id)}
              >
                Endorse version {f.version}
              </button>
            )}
          </div>
        </div>
      ))}
      <h2 className="govuk-heading-m">Your job titles</h2>
      <p className="govuk-body">
        Map the job titles you use onto the framework's roles, so your staff see where they are.
      </p>
      {titles.data && titles.data.jobTitles.length > 0 && (
        <Table
          caption="Your job titles"
          rows={titles.data.jobTitles}
          rowKey={(t) => t.id}
          columns={[
            { header: "Job title", cell: (t) => t.title },
            { header: "Framework role", cell: (t) => roleTitle.get(t.roleKey) ?? t.roleKey },
            {
              header: "Action",
              hiddenHeader: true,
              cell: (t) => (
                <button
                  type="button"
                  className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                  onClick={() => remove.mutate(t.id)}
                >
                  Remove<span className="govuk-visually-hidden"> {t.title}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
        noValidate
      >
        <TextInput
          id="job-title"
          name="title"
          label="Job title"
          value={title}
          onChange={setTitle}
          error={errors.title}
        />
        <Select
          id="job-role"
          name="roleKey"
          label="Framework role"
          value={roleKey}
          onChange={setRoleKey}
          error={errors.roleKey}
          options={[
            { value: "", label: "Choose a role" },
            ...(roadmap.data?.framework.roles ?? []).map((r) => ({ value: r.key, label: r.title })),
          ]}
        />
        <Button disabled={add.isPending}>Add job title</Button>
      </form>
    </Page>
  );
}

/** Plans staff have shared with their employer's managers. */
export function StaffPlansPage(): React.ReactNode {
  const orgId = useOrgId();
  const plans = useQuery(careerQueries.sharedPlans(orgId));
  if (!plans.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="Development plans">
      <p className="govuk-body">The development plans your staff have chosen to share with you.</p>
      {plans.data.plans.length === 0 && <p className="govuk-body">Nobody has shared a plan yet.</p>}
      {plans.data.plans.map((p) => (
        <Table
          key={p.id}
          caption={p.displayId}
          rows={p.goals}
          rowKey={(g) => g.id}
          columns={[
            { header: "Goal", cell: (g) => g.title },
            { header: "By", cell: (g) => longDate(g.dueOn) },
            { header: "Done", cell: (g) => (g.doneOn ? longDate(g.doneOn) : "Not yet") },
          ]}
        />
      ))}
    </Page>
  );
}
