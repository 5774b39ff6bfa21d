import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { CreateCourseInput } from "../../../shared/schemas/training-catalogue";
import {
  LDSS_KINDS,
  TRAINING_DELIVERY,
  TRAINING_DELIVERY_LABELS,
  TRAINING_FUNDING,
  TRAINING_FUNDING_LABELS,
} from "../../../shared/training";
import { Button, ErrorSummary, fieldErrors, Select, TextArea, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrgId } from "../../lib/org";
import { type CourseView, catalogueApi, catalogueKeys, catalogueQueries } from "../../queries/training-catalogue";

// Adding or editing a course in the catalogue (issue 18 item 1), by the council's hub team or a
// training partner. The server checks the category, the framework item and the funding rules.

const editRoute = getRouteApi("/orgs/$orgId/training/courses/$courseId/edit");

type Values = Record<
  | "title"
  | "summary"
  | "category"
  | "frameworkItem"
  | "level"
  | "hours"
  | "delivery"
  | "prerequisites"
  | "refreshMonths"
  | "cost"
  | "funding"
  | "ldssKind"
  | "ldss"
  | "audience"
  | "status"
  | "councilId",
  string
>;

const fromCourse = (c?: CourseView): Values => ({
  title: c?.title ?? "",
  summary: c?.summary ?? "",
  category: c ? String(c.category.code) : "",
  frameworkItem: c?.frameworkItem?.key ?? "",
  level: c?.level === null || c?.level === undefined ? "" : String(c.level),
  hours: c ? String(c.hours) : "",
  delivery: c?.delivery ?? "classroom",
  prerequisites: c?.prerequisites ?? "",
  refreshMonths: c?.refreshMonths ? String(c.refreshMonths) : "",
  cost: c ? (c.costPence / 100).toFixed(2) : "0",
  funding: c?.funding ?? "free_commissioned",
  ldssKind: c?.ldssKind ?? "",
  ldss: c?.ldssPence === null || c?.ldssPence === undefined ? "" : (c.ldssPence / 100).toFixed(2),
  audience: c?.audience ?? "staff",
  status: c?.status === "draft" ? "draft" : "published",
  councilId: c?.councilId ?? "",
});

/** The form's text as the API reads it; numbers the person typed badly go as typed, for the server to name. */
function toInput(v: Values): CreateCourseInput {
  const num = (s: string) => (s.trim() === "" ? null : Number(s));
  const pence = (s: string) => (s.trim() === "" ? null : Math.round(Number(s.replace(/[£,]/g, "")) * 100));
  return {
    title: v.title,
    summary: v.summary,
    category: Number(v.category),
    frameworkItem: v.frameworkItem || null,
    level: num(v.level),
    hours: Number(v.hours),
    delivery: v.delivery as CreateCourseInput["delivery"],
    prerequisites: v.prerequisites,
    refreshMonths: num(v.refreshMonths),
    costPence: pence(v.cost) ?? 0,
    funding: v.funding as CreateCourseInput["funding"],
    ldssKind: v.funding === "ldss" ? ((v.ldssKind || null) as CreateCourseInput["ldssKind"]) : null,
    ldssPence: v.funding === "ldss" ? pence(v.ldss) : null,
    audience: v.audience as CreateCourseInput["audience"],
    status: v.status as "draft" | "published",
    ...(v.councilId ? { councilId: v.councilId } : {}),
  };
}

function CourseForm({ orgId, course }: { orgId: string; course?: CourseView }): React.ReactNode {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const options = useQuery(catalogueQueries.options(orgId));
  const [v, setV] = useState<Values>(fromCourse(course));
  const set = (k: keyof Values) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const save = useMutation({
    mutationFn: () => {
      const input = toInput(v);
      if (!course) return catalogueApi.createCourse(orgId, input);
      const { councilId: _c, ...change } = input;
      return catalogueApi.updateCourse(orgId, course.id, change);
    },
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: catalogueKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/training/courses/$courseId", params: { orgId, courseId: res.course.id } });
    },
  });
  const errors = fieldErrors(save.error);
  const councils = options.data?.councils ?? [];
  const councilId = v.councilId || course?.councilId || councils[0]?.id || "";
  const items = (options.data?.frameworkItems ?? []).filter((i) => i.councilId === councilId);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <ErrorSummary error={save.error} />
      {!course && councils.length > 1 && (
        <Select
          id="councilId"
          name="councilId"
          label="Which council's catalogue"
          value={v.councilId}
          onChange={set("councilId")}
          error={errors.councilId}
          options={[{ value: "", label: "Choose a council" }, ...councils.map((c) => ({ value: c.id, label: c.name }))]}
        />
      )}
      <TextInput
        id="title"
        name="title"
        label="Course title"
        value={v.title}
        onChange={set("title")}
        error={errors.title}
      />
      <TextArea
        id="summary"
        label="Summary"
        hint="What learners will be able to do"
        value={v.summary}
        onChange={set("summary")}
        error={errors.summary}
      />
      <Select
        id="category"
        name="category"
        label="ASC-WDS training category"
        hint="Completions are recorded on staff records under this category"
        value={v.category}
        onChange={set("category")}
        error={errors.category}
        options={[
          { value: "", label: "Choose a category" },
          ...(options.data?.categories ?? []).map((c) => ({ value: String(c.code), label: c.label })),
        ]}
      />
      <Select
        id="frameworkItem"
        name="frameworkItem"
        label="Career framework item it gives (optional)"
        value={v.frameworkItem}
        onChange={set("frameworkItem")}
        error={errors.frameworkItem}
        options={[{ value: "", label: "None" }, ...items.map((i) => ({ value: i.key, label: i.title }))]}
      />
      <TextInput
        id="level"
        name="level"
        label="Qualification level (optional)"
        hint="0 to 8"
        value={v.level}
        onChange={set("level")}
        error={errors.level}
        width="govuk-input--width-20"
      />
      <TextInput
        id="hours"
        name="hours"
        label="Length in hours"
        value={v.hours}
        onChange={set("hours")}
        error={errors.hours}
        width="govuk-input--width-20"
      />
      <Select
        id="delivery"
        name="delivery"
        label="Delivery"
        value={v.delivery}
        onChange={set("delivery")}
        error={errors.delivery}
        options={TRAINING_DELIVERY.map((d) => ({ value: d, label: TRAINING_DELIVERY_LABELS[d] }))}
      />
      <TextArea
        id="prerequisites"
        label="Prerequisites (optional)"
        value={v.prerequisites}
        onChange={set("prerequisites")}
        error={errors.prerequisites}
      />
      <TextInput
        id="refreshMonths"
        name="refreshMonths"
        label="Refresh every (months)"
        hint="Leave empty if the training does not expire"
        value={v.refreshMonths}
        onChange={set("refreshMonths")}
        error={errors.refreshMonths}
        width="govuk-input--width-20"
      />
      <TextInput
        id="costPence"
        name="cost"
        label="Cost a learner, in pounds"
        value={v.cost}
        onChange={set("cost")}
        error={errors.costPence}
        width="govuk-input--width-20"
      />
      <Select
        id="funding"
        name="funding"
        label="Who pays"
        value={v.funding}
        onChange={set("funding")}
        error={errors.funding}
        options={TRAINING_FUNDING.map((f) => ({ value: f, label: TRAINING_FUNDING_LABELS[f] }))}
      />
      {v.funding === "ldss" && (
        <>
          <Select
            id="ldssKind"
            name="ldssKind"
            label="How the Learning and Development Support Scheme pays"
            value={v.ldssKind}
            onChange={set("ldssKind")}
            error={errors.ldssKind}
            options={[
              { value: "", label: "Choose" },
              ...LDSS_KINDS.map((k) => ({
                value: k,
                label: {
                  course: "A course (100%)",
                  qualification: "A qualification (60% then 40%)",
                  ommt: "Oliver McGowan training (100%)",
                }[k],
              })),
            ]}
          />
          <TextInput
            id="ldssPence"
            name="ldss"
            label="The scheme's amount a learner, in pounds"
            value={v.ldss}
            onChange={set("ldss")}
            error={errors.ldssPence}
            width="govuk-input--width-20"
          />
        </>
      )}
      <Select
        id="audience"
        name="audience"
        label="Who it is for"
        value={v.audience}
        onChange={set("audience")}
        error={errors.audience}
        options={[
          { value: "staff", label: "The care workforce" },
          { value: "pre_employment", label: "People not yet working in care (pre-employment)" },
        ]}
      />
      <Select
        id="status"
        name="status"
        label="Show it in the catalogue now?"
        value={v.status}
        onChange={set("status")}
        error={errors.status}
        options={[
          { value: "published", label: "Yes, publish it" },
          { value: "draft", label: "No, keep it as a draft" },
        ]}
      />
      <div className="govuk-button-group">
        <Button disabled={save.isPending}>{course ? "Save changes" : "Add course"}</Button>
        <Link to="/orgs/$orgId/training" params={{ orgId }} className="govuk-link">
          Cancel
        </Link>
      </div>
    </form>
  );
}

export function NewCoursePage(): React.ReactNode {
  const orgId = useOrgId();
  return (
    <Page title="Add a course">
      <CourseForm orgId={orgId} />
    </Page>
  );
}

export function EditCoursePage(): React.ReactNode {
  const { orgId, courseId } = editRoute.useParams();
  const data = useQuery(catalogueQueries.course(orgId, courseId));
  if (data.error) return <ErrorSummary error={data.error} />;
  if (!data.data) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={`Edit ${data.data.course.title}`}>
      <CourseForm orgId={orgId} course={data.data.course} />
    </Page>
  );
}
