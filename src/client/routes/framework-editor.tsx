import { useState } from "react";
import { type Framework, ROUTE_KINDS, type Role, type Route } from "../../shared/career/framework";
import { ALL_JOB_ROLES, Button, JobRoleCheckboxes, Select, TextArea, TextInput } from "../components/forms";
import { useUnsavedChangesWarning } from "../lib/unsaved";

// The council's structural editor for its draft framework (issue 5): change a role's words, pay
// guidance, easy read lines, requirements and job-role mapping; add and remove routes onward;
// add a role of its own, or remove one. Edits are made to the whole document in the browser and
// saved together; the server checks that the framework still hangs together (no route to a
// missing role, no dead end) and says what is wrong before anything is kept.

const ROUTE_KIND_LABELS: Record<(typeof ROUTE_KINDS)[number], string> = {
  apprenticeship: "Apprenticeship",
  qualification: "Qualification",
  promotion: "Promotion",
  rotation: "Rotation",
  experience: "Experience",
};

/** A role key from its title: lower case words joined by underscores, made unique. */
function keyFor(title: string, taken: Set<string>) {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "") || "role";
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

/**
 * The list of roles by pathway, each with a button to change it, and a button to add one. While
 * `unsaved` (edits not yet saved), leaving the page asks first: the edits live only in the browser.
 */
export function FrameworkEditor({
  doc,
  onChange,
  unsaved,
}: {
  doc: Framework;
  onChange: (doc: Framework) => void;
  unsaved: boolean;
}) {
  useUnsavedChangesWarning(unsaved);
  const [editing, setEditing] = useState<string | null>(null);
  const role = doc.roles.find((r) => r.key === editing);
  const addRole = () => {
    const key = keyFor("New role", new Set(doc.roles.map((r) => r.key)));
    const pathway = doc.pathways[0];
    const added: Role = {
      key,
      pathway: pathway.key,
      title: "New role",
      summary: "Say in a sentence what this role is.",
      values: [],
      behaviours: [],
      requirements: [],
      jobRoles: [],
      cwpCategories: [],
      top: true,
      source: { title: "Added by the council" },
    };
    onChange({ ...doc, roles: [...doc.roles, added] });
    setEditing(key);
  };
  if (role) return <RoleEditor doc={doc} role={role} onChange={onChange} onDone={() => setEditing(null)} />;
  return (
    <>
      {doc.pathways.map((p) => (
        <table key={p.key} className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">{p.title}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Leads to
              </th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {doc.roles
              .filter((r) => r.pathway === p.key)
              .map((r) => (
                <tr key={r.key} className="govuk-table__row">
                  <td className="govuk-table__cell">{r.title}</td>
                  <td className="govuk-table__cell">
                    {doc.routes
                      .filter((rt) => rt.from === r.key)
                      .map((rt) => doc.roles.find((x) => x.key === rt.to)?.title ?? rt.to)
                      .join(", ") || (r.top ? "A top role" : "Nowhere yet")}
                  </td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      onClick={() => setEditing(r.key)}
                    >
                      Change<span className="govuk-visually-hidden"> {r.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <Button type="button" secondary onClick={addRole}>
        Add a role
      </Button>
    </>
  );
}

/** One role: its words, pay guidance, easy read, job roles, requirements and routes onward. */
function RoleEditor({
  doc,
  role,
  onChange,
  onDone,
}: {
  doc: Framework;
  role: Role;
  onChange: (doc: Framework) => void;
  onDone: () => void;
}) {
  const set = (patch: Partial<Role>) =>
    onChange({ ...doc, roles: doc.roles.map((r) => (r.key === role.key ? { ...r, ...patch } : r)) });
  const setRoutes = (routes: Route[]) => onChange({ ...doc, routes });
  const titleOf = (key: string) => doc.roles.find((r) => r.key === key)?.title ?? key;
  const itemTitle = (key: string) => doc.catalogue.find((i) => i.key === key)?.title ?? key;
  const onward = doc.routes.filter((rt) => rt.from === role.key);
  const [item, setItem] = useState(doc.catalogue[0]?.key ?? "");
  const [need, setNeed] = useState<"required" | "recommended">("required");
  const [to, setTo] = useState(
    doc.roles.find((r) => r.key !== role.key && !onward.some((rt) => rt.to === r.key))?.key ?? "",
  );
  const [via, setVia] = useState<(typeof ROUTE_KINDS)[number]>("promotion");
  const [how, setHow] = useState("");
  const [months, setMonths] = useState("");
  const remove = () => {
    onChange({
      ...doc,
      roles: doc.roles.filter((r) => r.key !== role.key),
      routes: doc.routes.filter((rt) => rt.from !== role.key && rt.to !== role.key),
    });
    onDone();
  };
  // Typical time is optional, but what is typed must be a whole number of months: never dropped silently.
  const monthsError =
    months.trim() && !(Number.isInteger(Number(months)) && Number(months) > 0)
      ? "Enter the typical time as a whole number of months, for example 18"
      : undefined;
  const addRoute = () => {
    if (!to || how.trim().length < 10 || monthsError) return;
    const typical = Number(months);
    // One change to the document: the new route, and the role no longer a top role.
    onChange({
      ...doc,
      roles: doc.roles.map((r) => (r.key === role.key ? { ...r, top: undefined } : r)),
      routes: [
        ...doc.routes,
        {
          from: role.key,
          to,
          via: [via],
          how: how.trim(),
          items: [],
          ...(typical > 0 ? { typicalMonths: typical } : {}),
        },
      ],
    });
    setHow("");
    setMonths("");
  };
  return (
    <fieldset className="govuk-fieldset" aria-describedby="role-editor-hint">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
        <h3 className="govuk-fieldset__heading">Change the role: {role.title}</h3>
      </legend>
      <p className="govuk-hint" id="role-editor-hint">
        Changes are kept in the draft when you save it. The roadmap shows them once you publish.
      </p>
      <TextInput
        id="role-title"
        name="role-title"
        label="Title"
        value={role.title}
        onChange={(title) => set({ title })}
      />
      <Select
        id="role-pathway"
        name="role-pathway"
        label="Pathway"
        value={role.pathway}
        onChange={(pathway) => set({ pathway })}
        options={doc.pathways.map((p) => ({ value: p.key, label: p.title }))}
      />
      <TextArea
        id="role-summary"
        label="What the role is"
        value={role.summary}
        onChange={(summary) => set({ summary })}
      />
      <TextArea
        id="role-what"
        label="What you do"
        value={role.whatYouDo ?? ""}
        onChange={(v) => set({ whatYouDo: v.trim() ? v : undefined })}
      />
      <TextInput
        id="role-pay"
        name="role-pay"
        label="Pay guidance"
        hint="For example: grade 6, moving to grade 7 after job evaluation"
        value={role.payGuidance ?? ""}
        onChange={(v) => set({ payGuidance: v.trim() ? v : undefined })}
      />
      <TextArea
        id="role-easy"
        label="Easy read"
        hint="Short sentences in everyday words, one on each line."
        value={(role.easyRead ?? []).join("\n")}
        onChange={(v) => set({ easyRead: v.split("\n").filter((l) => l.trim()).length ? v.split("\n") : undefined })}
      />
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">
            ASC-WDS job roles that map to this role ({role.jobRoles.length})
          </span>
        </summary>
        <div className="govuk-details__text">
          <JobRoleCheckboxes
            idPrefix="role-job"
            offered={ALL_JOB_ROLES}
            chosen={role.jobRoles}
            onChange={(jobRoles) => set({ jobRoles })}
          />
        </div>
      </details>

      <h4 className="govuk-heading-s">What you need</h4>
      {role.requirements.length === 0 ? (
        <p className="govuk-body">Nothing yet.</p>
      ) : (
        <ul className="govuk-list">
          {role.requirements.map((q, i) => (
            <li key={q.anyOf.join()}>
              {q.need === "required" ? "Required" : "Recommended"}: {q.anyOf.map(itemTitle).join(", or ")}{" "}
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                onClick={() => set({ requirements: role.requirements.filter((_, j) => j !== i) })}
              >
                Remove<span className="govuk-visually-hidden"> {q.anyOf.map(itemTitle).join(", or ")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Select
          id="req-item"
          name="req-item"
          label="Qualification, training or registration"
          value={item}
          onChange={setItem}
          options={doc.catalogue.map((i) => ({ value: i.key, label: i.title }))}
        />
        <Select
          id="req-need"
          name="req-need"
          label="Needed or recommended"
          value={need}
          onChange={(v) => setNeed(v as "required" | "recommended")}
          options={[
            { value: "required", label: "Required" },
            { value: "recommended", label: "Recommended" },
          ]}
        />
      </div>
      <Button
        type="button"
        secondary
        onClick={() => item && set({ requirements: [...role.requirements, { anyOf: [item], need }] })}
      >
        Add what you need
      </Button>

      <h4 className="govuk-heading-s">Where it leads</h4>
      {onward.length === 0 ? (
        <p className="govuk-body">
          {role.top ? "Nowhere: it is a top role." : "Nowhere yet. Add a route, or mark it a top role."}
        </p>
      ) : (
        <ul className="govuk-list">
          {onward.map((rt) => (
            <li key={rt.to}>
              {titleOf(rt.to)}: {rt.how}{" "}
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
                onClick={() => setRoutes(doc.routes.filter((x) => !(x.from === role.key && x.to === rt.to)))}
              >
                Remove<span className="govuk-visually-hidden"> the route to {titleOf(rt.to)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Select
        id="route-to"
        name="route-to"
        label="Add a route to"
        value={to}
        onChange={setTo}
        options={doc.roles
          .filter((r) => r.key !== role.key && !onward.some((rt) => rt.to === r.key))
          .map((r) => ({ value: r.key, label: r.title }))}
      />
      <Select
        id="route-via"
        name="route-via"
        label="By"
        value={via}
        onChange={(v) => setVia(v as typeof via)}
        options={ROUTE_KINDS.map((k) => ({ value: k, label: ROUTE_KIND_LABELS[k] }))}
      />
      <TextInput
        id="route-how"
        name="route-how"
        label="How to get there"
        hint="At least 10 characters, for example: complete the Level 3 diploma"
        value={how}
        onChange={setHow}
      />
      <TextInput
        id="route-months"
        name="route-months"
        label="Typical time in months (optional)"
        value={months}
        onChange={setMonths}
        width=""
        error={monthsError}
      />
      <Button
        type="button"
        secondary
        disabled={!to || how.trim().length < 10 || Boolean(monthsError)}
        onClick={addRoute}
      >
        Add the route
      </Button>

      <div className="govuk-checkboxes govuk-checkboxes--small govuk-!-margin-bottom-6" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id="role-top"
            type="checkbox"
            checked={Boolean(role.top)}
            onChange={(e) => set({ top: e.target.checked || undefined })}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor="role-top">
            A top role: the end of its pathway, with no route onwards
          </label>
        </div>
      </div>
      <div className="govuk-button-group">
        <Button type="button" onClick={onDone}>
          Back to all roles
        </Button>
        <Button type="button" warning onClick={remove}>
          Remove this role
        </Button>
      </div>
    </fieldset>
  );
}
