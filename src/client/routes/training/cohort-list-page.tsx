import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { z } from "zod";
import { dateFromParts, datePartsOf } from "../../../shared/date-input";
import { longDate } from "../../../shared/dates";
import { COHORT_STAGE_LABELS, COHORT_STAGES } from "../../../shared/schemas/training-hub";
import { Button, DateField, Form, SelectField, TextField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { Section } from "../../components/Section";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { orgQueries } from "../../queries/orgs";
import {
  type CohortReportResponse,
  type CohortView,
  hubCountText,
  trainingHubApi,
  trainingHubKeys,
  trainingHubQueries,
} from "../../queries/training-hub";

// The council's pre-employment course (issue 18 item 8): its cohorts, a new cohort, and the
// course's report from enrolment to still employed at six months.

const cohortForm = z.object({
  courseId: z.string().min(1, "Choose the pre-employment course"),
  name: z.string().trim().min(1, "Enter the cohort's name"),
  partner: z.string().trim().min(1, "Enter the college or jobcentre that runs the course with you"),
  startsOn: dateFromParts("Start date"),
  endsOn: dateFromParts("End date"),
  employerIds: z.array(z.string()).min(1, "Choose at least one employer that guarantees interviews"),
});

function NewCohortForm({ courses }: { courses: { id: string; title: string }[] }): React.ReactNode {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  const providers = useQuery(orgQueries.providers(orgId));
  const form = useSchemaForm(cohortForm, {
    courseId: courses[0]?.id ?? "",
    name: "",
    partner: "",
    startsOn: datePartsOf(null),
    endsOn: datePartsOf(null),
    employerIds: [],
  });
  const add = useMutation({
    mutationFn: (v: z.output<typeof cohortForm>) => trainingHubApi.addCohort(orgId, v),
    onSuccess: () => {
      form.reset();
      queryClient.invalidateQueries({ queryKey: trainingHubKeys.cohorts(orgId) });
    },
  });
  return (
    <Form form={form} onSubmit={(v) => add.mutate(v)} error={add.error}>
      <SelectField
        name="courseId"
        label="Course"
        choices={courses.map((c) => ({ value: c.id, label: c.title }))}
        hint="Courses in your catalogue for people not yet in care"
      />
      <TextField name="name" label="Cohort name" hint="For example, January 2027" />
      <TextField name="partner" label="College or jobcentre" hint="Who runs the course with you" />
      <DateField name="startsOn" legend="Start date" hint="For example 11 1 2027" />
      <DateField name="endsOn" legend="End date" hint="The course is advised to last up to 6 weeks" />
      <fieldset className="govuk-fieldset" id="employerIds">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          Employers that guarantee an interview
        </legend>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {(providers.data?.providers ?? []).map((p) => (
            <div className="govuk-checkboxes__item" key={p.id}>
              <input
                className="govuk-checkboxes__input"
                id={`employer-${p.id}`}
                type="checkbox"
                value={p.id}
                {...form.register("employerIds")}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={`employer-${p.id}`}>
                {p.name}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button>Start the cohort</Button>
    </Form>
  );
}

function ReportTable({ report }: { report: CohortReportResponse }): React.ReactNode {
  const rows = [
    ...report.cohorts.map((c) => ({ key: c.id, label: c.name, stages: c.stages })),
    {
      key: "total",
      label: "All cohorts",
      stages: report.total,
    },
  ];
  return (
    <Table
      caption="From enrolment to still employed at 6 months"
      rowKey={(r) => r.key}
      rows={rows}
      columns={[
        { header: "Cohort", cell: (r) => r.label },
        ...COHORT_STAGES.map((s) => ({
          header: COHORT_STAGE_LABELS[s],
          numeric: true,
          cell: (r: (typeof rows)[number]) => hubCountText(r.stages[s]),
        })),
      ]}
    />
  );
}

export function CohortListPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const list = useQuery(trainingHubQueries.cohorts(orgId));
  const report = useQuery(trainingHubQueries.report(orgId));
  return (
    <Page title="Pre-employment course" caption={org.data?.name}>
      <p className="govuk-body">
        A course of up to 6 weeks for people not yet in care, run with a college or jobcentre: training, a placement and
        a guaranteed interview with each employer taking part. Learners are candidates on your job board; employers see
        a learner only if the learner chooses to share their details.
      </p>
      {list.error && (
        <div className="govuk-inset-text" role="alert">
          {(list.error as Error).message}
        </div>
      )}
      {list.data && (
        <Table
          caption="Cohorts"
          rowKey={(c: CohortView) => c.id}
          rows={list.data.cohorts}
          columns={[
            {
              header: "Cohort",
              cell: (c) => (
                <Link
                  className="govuk-link"
                  to="/orgs/$orgId/training/cohorts/$cohortId"
                  params={{ orgId, cohortId: c.id }}
                >
                  {c.name}
                </Link>
              ),
            },
            { header: "With", cell: (c) => c.partner },
            { header: "Dates", cell: (c) => `${longDate(c.startsOn)} to ${longDate(c.endsOn)}` },
            {
              header: "Learners",
              numeric: true,
              cell: (c) => c.learners.enrolled + c.learners.completed + c.learners.withdrawn,
            },
            { header: "Completed", numeric: true, cell: (c) => c.learners.completed },
          ]}
        />
      )}
      <Section id="report" title="How learners got on">
        <p className="govuk-body">
          Counts of fewer than 5 people are withheld, and so is a second count that would give one away. Still employed
          at 6 months is known once six months have passed since a start.
        </p>
        {report.data && <ReportTable report={report.data} />}
      </Section>
      <Section id="new-cohort" title="Start a cohort">
        {list.data && list.data.courses.length === 0 ? (
          <p className="govuk-body">Add the pre-employment course to your training catalogue first.</p>
        ) : (
          list.data && <NewCohortForm courses={list.data.courses} />
        )}
      </Section>
    </Page>
  );
}
