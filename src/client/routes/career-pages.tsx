import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { CatalogueItem, Framework, Role } from "../../shared/career/framework";
import { Chart } from "../components/Chart";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../components/forms";
import { Page } from "../components/Page";
import { Section } from "../components/Section";
import { Table } from "../components/Table";
import { roadmapTooltip } from "../lib/chart-text";
import { useOrgId } from "../lib/org";
import {
  careerApi,
  careerKeys,
  careerQueries,
  type FrameworkList,
  type Roadmap,
  type RolePay,
} from "../queries/careers";
import { FrameworkEditor } from "./framework-editor";

const months = (n: number) => (n >= 12 && n % 12 === 0 ? `${n / 12} year${n === 12 ? "" : "s"}` : `${n} months`);

/** One role in the roadmap: what it is, what you need, how to get there and where it leads. */
function RoleDetails({
  role,
  f,
  vacancies,
  pay,
  council,
}: {
  role: Role;
  f: Framework;
  vacancies: number;
  pay: RolePay | null;
  council: Roadmap["council"];
}) {
  const items = new Map<string, CatalogueItem>(f.catalogue.map((i) => [i.key, i]));
  const titles = new Map(f.roles.map((r) => [r.key, r.title]));
  const into = f.routes.filter((rt) => rt.to === role.key);
  const onwards = f.routes.filter((rt) => rt.from === role.key);
  const need = (kind: "required" | "recommended") => role.requirements.filter((q) => q.need === kind);
  return (
    <details className="govuk-details" id={`role-${role.key}`}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{role.title}</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body">{role.summary}</p>
        {role.whatYouDo && <p className="govuk-body">{role.whatYouDo}</p>}
        <h4 className="govuk-heading-s">What you need</h4>
        {role.requirements.length === 0 && !role.experience ? (
          <p className="govuk-body">No qualification is needed to start.</p>
        ) : (
          <ul className="govuk-list govuk-list--bullet">
            {need("required").map((q) => (
              <li key={q.anyOf.join()}>
                {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                {q.note ? ` (${q.note})` : ""}
              </li>
            ))}
            {need("recommended").map((q) => (
              <li key={q.anyOf.join()}>
                Recommended: {q.anyOf.map((k) => items.get(k)?.title ?? k).join(", or ")}
                {q.note ? ` (${q.note})` : ""}
              </li>
            ))}
            {role.experience && (
              <li>
                {months(role.experience.months)} of experience{" "}
                {role.experience.in === "sector" ? "in the sector" : "in your current role"}
                {role.experience.note ? ` (${role.experience.note})` : ""}
              </li>
            )}
          </ul>
        )}
        {into.length > 0 && (
          <>
            <h4 className="govuk-heading-s">How to get there</h4>
            <ul className="govuk-list govuk-list--bullet">
              {into.map((rt) => (
                <li key={rt.from}>
                  From <a href={`#role-${rt.from}`}>{titles.get(rt.from)}</a>: {rt.how}
                  {rt.typicalMonths ? ` Typically ${months(rt.typicalMonths)}.` : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        {onwards.length > 0 && (
          <>
            <h4 className="govuk-heading-s">Where it can lead</h4>
            <ul className="govuk-list govuk-list--bullet">
              {onwards.map((rt) => (
                <li key={rt.to}>
                  <a href={`#role-${rt.to}`}>{titles.get(rt.to)}</a>
                </li>
              ))}
            </ul>
          </>
        )}
        {role.payGuidance && <p className="govuk-body">Pay: {role.payGuidance}</p>}
        {council &&
          (pay ? (
            <p className="govuk-body">
              Typical pay in {council.name}'s area: <strong>£{pay.medianHourly.toFixed(2)} an hour</strong> (about £
              {pay.fullTimeYear.toLocaleString("en-GB")} a year full time), the middle of what about {pay.people} people
              in this role are paid.
            </p>
          ) : (
            <p className="govuk-body">
              Typical pay in {council.name}'s area is not shown: too few employers or people in this role have told us
              their pay.
            </p>
          ))}
        {council && (
          <p className="govuk-body">
            <strong>{vacancies}</strong> {vacancies === 1 ? "vacancy" : "vacancies"} open now with care employers in{" "}
            {council.name}'s area.
          </p>
        )}
        <p className="govuk-body govuk-!-font-size-16">
          Source: {role.source.url ? <a href={role.source.url}>{role.source.title}</a> : role.source.title}
        </p>
      </div>
    </details>
  );
}

/** Steps from the nearest role nobody routes into, for each role: its column (or row) on the map. */
function depths(f: Framework) {
  const depth = new Map<string, number>();
  const queue = f.roles.filter((r) => !f.routes.some((rt) => rt.to === r.key)).map((r) => r.key);
  for (const k of queue) depth.set(k, 0);
  while (queue.length) {
    const at = queue.shift() as string;
    for (const rt of f.routes)
      if (rt.from === at && !depth.has(rt.to)) {
        depth.set(rt.to, (depth.get(at) ?? 0) + 1);
        queue.push(rt.to);
      }
  }
  return depth;
}

type MapNode = { id: string; name: string; x: number; y: number; category: number };

/**
 * Where each role sits. Wide screens: every pathway a lane, entry roles on the left, senior on
 * the right. Phones: one pathway at a time, entry roles at the top and senior at the bottom, so
 * the labels stay readable without zooming.
 */
function layout(f: Framework, only: string | null): { nodes: MapNode[]; height: number } {
  const depth = depths(f);
  const nodes: MapNode[] = [];
  let top = 0;
  f.pathways.forEach((p, pi) => {
    if (only !== null && p.key !== only) return;
    const roles = f.roles.filter((r) => r.pathway === p.key);
    const byDepth = new Map<number, string[]>();
    for (const r of roles) byDepth.set(depth.get(r.key) ?? 0, [...(byDepth.get(depth.get(r.key) ?? 0) ?? []), r.key]);
    const width = Math.max(...[...byDepth.values()].map((v) => v.length));
    for (const [d, keys] of byDepth)
      keys.forEach((k, i) => {
        const across = (i + (width - keys.length) / 2) * (only === null ? 55 : 120);
        const name = roles.find((r) => r.key === k)?.title ?? k;
        nodes.push(
          only === null
            ? { id: k, name, x: d * 130, y: top + across, category: pi }
            : { id: k, name, x: across, y: d * 90, category: pi },
        );
      });
    top += width * 55 + 45;
  });
  const height = only === null ? 620 : (Math.max(0, ...nodes.map((n) => n.y)) / 90 + 1) * 90 + 80;
  return { nodes, height };
}

const NARROW = "(max-width: 640px)";
/** Whether the screen is phone-sized (GOV.UK's mobile breakpoint), following changes. */
function useNarrowScreen() {
  const [narrow, setNarrow] = useState(() => typeof window !== "undefined" && window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const change = () => setNarrow(query.matches);
    query.addEventListener("change", change);
    return () => query.removeEventListener("change", change);
  }, []);
  return narrow;
}

/**
 * The roadmap as a map, with arrows for routes. Choosing a role opens it in the list below,
 * which says the same in words. On a phone the map shows one pathway at a time, chosen above it.
 */
function RoadmapMap({ f }: { f: Framework }) {
  const narrow = useNarrowScreen();
  const [pathway, setPathway] = useState(f.pathways[0]?.key ?? "");
  const only = narrow ? pathway : null;
  const { option, height } = useMemo(() => {
    const { nodes, height } = layout(f, only);
    const shown = new Set(nodes.map((n) => n.id));
    return {
      height,
      option: {
        // The tooltip is HTML and role titles are the council's words: escaped in roadmapTooltip.
        tooltip: { formatter: roadmapTooltip },
        legend: only === null ? { data: f.pathways.map((p) => p.title), bottom: 0 } : undefined,
        series: [
          {
            type: "graph",
            layout: "none",
            roam: only === null,
            data: nodes,
            links: f.routes
              .filter((rt) => shown.has(rt.from) && shown.has(rt.to))
              .map((rt) => ({ source: rt.from, target: rt.to })),
            categories: f.pathways.map((p) => ({ name: p.title })),
            edgeSymbol: ["none", "arrow"],
            edgeSymbolSize: 8,
            symbolSize: 16,
            label: {
              show: true,
              position: "bottom",
              width: only === null ? 120 : 110,
              overflow: "break",
              fontSize: 11,
            },
            lineStyle: { color: "#505a5f", opacity: 0.6, curveness: 0.1 },
          },
        ],
      },
    };
  }, [f, only]);
  const open = useCallback((data: unknown) => {
    const id = (data as { id?: string } | undefined)?.id;
    const el = id ? (document.getElementById(`role-${id}`) as HTMLDetailsElement | null) : null;
    if (!el) return;
    el.open = true;
    el.scrollIntoView({ block: "start" });
    el.querySelector("summary")?.focus();
  }, []);
  const title = f.pathways.find((p) => p.key === pathway)?.title ?? "";
  return (
    <div className="app-no-print">
      {narrow && (
        <Select
          id="map-pathway"
          name="map-pathway"
          label="Show the map for"
          value={pathway}
          onChange={setPathway}
          options={f.pathways.map((p) => ({ value: p.key, label: p.title }))}
        />
      )}
      <Chart
        key={only ?? "all"}
        option={option}
        onClick={open}
        height={height}
        alternative="the list below describes every role and route"
        label={
          only === null
            ? `Career roadmap: ${f.roles.length} roles in ${f.pathways.length} pathways, with the routes between them`
            : `Career roadmap for ${title}: its roles from entry (top) to senior (bottom), with the routes between them`
        }
      />
    </div>
  );
}

/** The public roadmap for the council in the address (`?council=slug`), or the national one. */
function useRoadmap() {
  const search = useSearch({ strict: false });
  const roadmap = useQuery(careerQueries.roadmap(search.council));
  return { search, roadmap };
}

/** While the roadmap loads, or why it could not (for example no such council). */
function RoadmapPending({ roadmap, title }: { roadmap: ReturnType<typeof useRoadmap>["roadmap"]; title: string }) {
  if (!roadmap.isError) return <p className="govuk-body">Loading…</p>;
  return (
    <Page title={title}>
      <p className="govuk-body">{(roadmap.error as Error).message}</p>
    </Page>
  );
}

/** The public roadmap, as a list: every pathway and role, for anyone, no sign-in. */
export function CareersPage(): React.ReactNode {
  const { roadmap } = useRoadmap();
  const d = roadmap.data;
  if (!d) return <RoadmapPending roadmap={roadmap} title="Careers in care and social work" />;
  return (
    <Page title="Careers in care and social work" caption={d.council?.name}>
      <p className="govuk-body-l">
        Where you can start, the roles you can move on to, and what you need for each, from the national frameworks.
      </p>
      <p className="govuk-body">
        <Link to="/careers/easy-read" search={d.council ? { council: d.council.slug } : {}} className="govuk-link">
          Jobs in care and social work: easy read version
        </Link>{" "}
        ·{" "}
        <a
          className="govuk-link"
          href={`/api/public/careers/poster.pdf${d.council ? `?council=${encodeURIComponent(d.council.slug)}` : ""}`}
        >
          Print the roadmap as a poster (PDF, A3)
        </a>
      </p>
      <RoadmapMap f={d.framework} />
      <p className="govuk-body">
        Choose a role on the map, or below, to see what it is, what you need, how to get there and where it can lead.
      </p>
      {d.framework.pathways.map((p) => (
        <Section key={p.key} id={`pathway-${p.key}`} title={p.title}>
          <p className="govuk-body">{p.description}</p>
          {d.framework.roles
            .filter((r) => r.pathway === p.key)
            .map((r) => (
              <RoleDetails
                key={r.key}
                role={r}
                f={d.framework}
                vacancies={d.vacancies[r.key] ?? 0}
                pay={d.pay[r.key] ?? null}
                council={d.council}
              />
            ))}
        </Section>
      ))}
    </Page>
  );
}

/** A staff member's own next steps, from their records. */
export function MyCareerPage(): React.ReactNode {
  const orgId = useOrgId();
  const mine = useQuery(careerQueries.myCareer(orgId));
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
              {n.typicalMonths ? ` Typically ${months(n.typicalMonths)}.` : ""}
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
                        {months(n.gap.experience.months)} of experience{" "}
                        {n.gap.experience.in === "sector" ? "in the sector" : "in your current role"}
                        {n.gap.experience.have !== null
                          ? ` (you have ${months(Math.max(0, n.gap.experience.have))})`
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

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) : "";

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

/** The staff member's own development plan: goals with dates, shared with managers when they choose. */
function PlanSection({ orgId, roles }: { orgId: string; roles: { key: string; title: string }[] }) {
  const queryClient = useQueryClient();
  const plan = useQuery(careerQueries.plan(orgId));
  const refresh = () => queryClient.invalidateQueries({ queryKey: careerKeys.plan(orgId) });
  const [title, setTitle] = useState("");
  const [roleKey, setRoleKey] = useState("");
  const [dueOn, setDueOn] = useState("");
  const add = useMutation({
    mutationFn: () => careerApi.addGoal(orgId, { title, roleKey: roleKey || null, dueOn: dueOn || null }),
    onSuccess: () => {
      setTitle("");
      setDueOn("");
      refresh();
    },
  });
  const done = useMutation({
    mutationFn: (id: string) => careerApi.updateGoal(orgId, id, { doneOn: new Date().toISOString().slice(0, 10) }),
    onSuccess: refresh,
  });
  const share = useMutation({
    mutationFn: (shared: boolean) => careerApi.sharePlan(orgId, { shared }),
    onSuccess: refresh,
  });
  const errors = fieldErrors(add.error);
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
            { header: "By", cell: (g) => g.dueOn ?? "" },
            {
              header: "Done",
              cell: (g) =>
                g.doneOn ? (
                  <strong className="govuk-tag govuk-tag--green">Done {g.doneOn}</strong>
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
      <ErrorSummary error={add.error} fields={{ title: "goal-title", dueOn: "goal-due" }} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
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
        <TextInput
          id="goal-due"
          name="dueOn"
          label="By (optional)"
          hint="As YYYY-MM-DD, for example 2027-03-31"
          value={dueOn}
          onChange={setDueOn}
          error={errors.dueOn}
        />
        <Button disabled={add.isPending}>Add goal</Button>
      </form>
    </Section>
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
            { header: "By", cell: (g) => g.dueOn ?? "" },
            { header: "Done", cell: (g) => g.doneOn ?? "Not yet" },
          ]}
        />
      ))}
    </Page>
  );
}

/**
 * Every job in the framework in easy read: short sentences, one idea a line, a heading per job.
 * The words come with the framework (a council's own, or the shipped ones).
 */
export function CareersEasyReadPage(): React.ReactNode {
  const { search, roadmap } = useRoadmap();
  const d = roadmap.data;
  if (!d) return <RoadmapPending roadmap={roadmap} title="Jobs in care and social work: easy read" />;
  return (
    <Page title="Jobs in care and social work: easy read" caption={d.council?.name}>
      <p className="govuk-body-l">There are {d.framework.pathways.length} kinds of work here.</p>
      <p className="govuk-body-l">You can start in the first job of each kind and move up.</p>
      {d.framework.pathways.map((p) => (
        <Section key={p.key} id={`easy-${p.key}`} title={p.title}>
          <p className="govuk-body-l">{p.easyRead}</p>
          <ol className="govuk-list govuk-list--number">
            {d.framework.roles
              .filter((r) => r.pathway === p.key)
              .map((r) => (
                <li key={r.key} className="govuk-!-margin-bottom-6">
                  <h3 className="govuk-heading-m govuk-!-margin-bottom-2">{r.title}</h3>
                  {(r.easyRead ?? [r.summary]).map((l) => (
                    <p key={l} className="govuk-body-l govuk-!-margin-bottom-1">
                      {l}
                    </p>
                  ))}
                </li>
              ))}
          </ol>
        </Section>
      ))}
      <p className="govuk-body-l">
        <Link to="/careers" search={search.council ? { council: search.council } : {}} className="govuk-link">
          See all jobs and what you need for each
        </Link>
      </p>
    </Page>
  );
}
