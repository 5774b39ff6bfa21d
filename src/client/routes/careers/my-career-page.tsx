import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { duration, experienceText } from "../../../shared/career/requirements";
import { type DateParts, datePartsOf } from "../../../shared/date-input";
import { longDate, todayIso } from "../../../shared/dates";
import { DateInput } from "../../components/DateInput";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { checkDates, type DateProblems, firstBox } from "../../lib/date-checks";
import { type OrgHome, useCurrentOrg } from "../../lib/org";
import { careerApi, careerKeys, careerQueries } from "../../queries/careers";

/**
 * Roles that never have a staff record of their own here, so their page does not ask for one: a
 * candidate is looking for a job, not employed (and the hub admin is not a member).
 */
const hasNoOwnRecord = (org: OrgHome) => org.role === null || org.role === "candidate";

/** A staff member's own next steps, from their records. */
export function MyCareerPage(): React.ReactNode {
  const { orgId, org } = useCurrentOrg();
  const noRecord = org.data ? hasNoOwnRecord(org.data) : undefined;
  const mine = useQuery({ ...careerQueries.myCareer(orgId), enabled: noRecord === false });
  if (org.data && noRecord) return <StartInCare org={org.data} />;
  if (mine.isError)
    return (
      <Page title="My career">
        <p className="govuk-body">{(mine.error as Error).message}</p>
        <p className="govuk-body">
          Your employer links your account to your staff record. Ask your manager if this page says it cannot find it.
        </p>
      </Page>
    );
  const d = mine.data;
  if (!d) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title="My career" caption={d.name}>
      {d.current ? (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left">
          <h2 className="govuk-panel__title govuk-!-font-size-27">You are a {d.current.title.toLowerCase()}</h2>
        </div>
      ) : (
        <p className="govuk-body">Your job role is not in the career framework yet.</p>
      )}
      <p className="govuk-body">
        These are the roles you can move to next. "You have" and "You still need" come from the qualifications and
        training your employer has recorded for you. If something is missing, ask your manager to record it.{" "}
        <Link to="/careers" className="govuk-link">
          See the whole career roadmap
        </Link>
        .
      </p>
      <PlanSection orgId={orgId} roles={d.next.map((n) => n.role)} />
      {d.next.map((n) => {
        const have = n.gap.requirements.filter((q) => q.met);
        const stillNeed = n.gap.requirements.filter((q) => !q.met);
        return (
          <Section
            key={n.role.key}
            id={`next-${n.role.key}`}
            title={
              <>
                {n.role.title}{" "}
                {n.gap.ready && <strong className="govuk-tag govuk-tag--green">You meet the requirements</strong>}
              </>
            }
          >
            <p className="govuk-body">{n.role.summary}</p>
            <p className="govuk-body">
              How: {n.how}
              {n.typicalMonths ? ` Typically ${duration(n.typicalMonths)}.` : ""}
            </p>
            <div className="govuk-grid-row">
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-s">You have</h3>
                {have.length ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {have.map((q) => (
                      <li key={q.options.map((o) => o.key).join()}>{q.options.find((o) => o.held)?.title}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="govuk-body">Nothing this role asks for is recorded yet.</p>
                )}
              </div>
              <div className="govuk-grid-column-one-half">
                <h3 className="govuk-heading-s">You still need</h3>
                {stillNeed.length || (n.gap.experience && !n.gap.experience.met) ? (
                  <ul className="govuk-list govuk-list--bullet">
                    {stillNeed.map((q) => (
                      <li key={q.options.map((o) => o.key).join()}>
                        {q.need === "recommended" ? "Recommended: " : ""}
                        {q.options.map((o) => o.title).join(", or ")}
                      </li>
                    ))}
                    {n.gap.experience && !n.gap.experience.met && (
                      <li>
                        {experienceText(n.gap.experience)}
                        {n.gap.experience.have !== null
                          ? ` (you have ${duration(Math.max(0, n.gap.experience.have))})`
                          : ""}
                      </li>
                    )}
                  </ul>
                ) : (
                  <p className="govuk-body">Nothing: you can apply.</p>
                )}
              </div>
            </div>
          </Section>
        );
      })}
    </Page>
  );
}

/** For someone not working for a care employer here: where people start in care, on the roadmap. */
function StartInCare({ org }: { org: OrgHome }) {
  return (
    <Page title="My career">
      <p className="govuk-body">
        You are not working for a care employer in the hub, so there is no record of your qualifications and training
        here yet. When an employer takes you on, they link your account to your staff record and this page shows the
        roles you could move to next and what you need for each.
      </p>
      <p className="govuk-body">
        The career roadmap shows where people start in care, what each role needs, what it pays and the local vacancies.
      </p>
      <Link
        to="/careers"
        search={org.kind === "council" ? { council: org.slug } : {}}
        className="govuk-button"
        data-module="govuk-button"
      >
        See where you could start
      </Link>
    </Page>
  );
}

/** The staff member's own development plan: goals with dates, shared with managers when they choose. */
function PlanSection({ orgId, roles }: { orgId: string; roles: { key: string; title: string }[] }) {
  const queryClient = useQueryClient();
  const plan = useQuery(careerQueries.plan(orgId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: careerKeys.plan(orgId) });
  const [title, setTitle] = useState("");
  const [roleKey, setRoleKey] = useState("");
  const [dueOn, setDueOn] = useState<DateParts>(datePartsOf(null));
  const [dateProblems, setDateProblems] = useState<DateProblems | null>(null);
  const add = useMutation({
    mutationFn: (dueOn: string | null) => careerApi.addGoal(orgId, { title, roleKey: roleKey || null, dueOn }),
    onSuccess: () => {
      setTitle("");
      setDueOn(datePartsOf(null));
      refresh();
    },
  });
  const done = useMutation({
    mutationFn: (id: string) => careerApi.updateGoal(orgId, id, { doneOn: todayIso() }),
    onSuccess: refresh,
  });
  const share = useMutation({
    mutationFn: (shared: boolean) => careerApi.sharePlan(orgId, { shared }),
    onSuccess: refresh,
  });
  const error = dateProblems?.error ?? add.error;
  const errors = fieldErrors(error);
  const roleTitle = new Map(roles.map((r) => [r.key, r.title]));
  if (!plan.data) return null;
  return (
    <Section id="plan" title="My development plan">
      <p className="govuk-body">
        {plan.data.shared
          ? "Your managers can see this plan."
          : "Only you can see this plan until you share it with your managers."}{" "}
        <button
          type="button"
          className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
          onClick={() => share.mutate(!plan.data?.shared)}
        >
          {plan.data.shared ? "Stop sharing with my managers" : "Share with my managers"}
        </button>
      </p>
      {plan.data.goals.length > 0 && (
        <Table
          caption="My goals"
          rows={plan.data.goals}
          rowKey={(g) => g.id}
          columns={[
            { header: "Goal", cell: (g) => g.title },
            { header: "Towards", cell: (g) => (g.roleKey ? (roleTitle.get(g.roleKey) ?? g.roleKey) : "") },
            { header: "By", cell: (g) => longDate(g.dueOn) },
            {
              header: "Done",
              cell: (g) =>
                g.doneOn ? (
                  <strong className="govuk-tag govuk-tag--green">Done {longDate(g.doneOn)}</strong>
                ) : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    onClick={() => done.mutate(g.id)}
                  >
                    Mark done<span className="govuk-visually-hidden">: {g.title}</span>
                  </button>
                ),
            },
          ]}
        />
      )}
      <ErrorSummary
        error={error}
        fields={{ title: "goal-title", dueOn: firstBox("goal-due", dateProblems, "dueOn") }}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const dates = checkDates({ dueOn: { value: dueOn, what: "Goal date", optional: true } });
          setDateProblems(dates.ok ? null : dates.problems);
          if (dates.ok) add.mutate(dates.values.dueOn);
        }}
        noValidate
      >
        <TextInput
          id="goal-title"
          name="title"
          label="A goal"
          hint="For example: complete the Level 2 Adult Social Care Certificate"
          value={title}
          onChange={setTitle}
          error={errors.title}
        />
        <Select
          id="goal-role"
          name="roleKey"
          label="Towards (optional)"
          value={roleKey}
          onChange={setRoleKey}
          options={[
            { value: "", label: "No particular role" },
            ...roles.map((r) => ({ value: r.key, label: r.title })),
          ]}
        />
        <DateInput
          id="goal-due"
          legend="By (optional)"
          hint="The date you aim to reach it by, for example 31 3 2027"
          value={dueOn}
          onChange={setDueOn}
          error={errors.dueOn}
          errorParts={dateProblems?.parts.dueOn}
        />
        <Button disabled={add.isPending}>Add goal</Button>
      </form>
    </Section>
  );
}
