// The job board's role filter: only roles with live jobs (a list of ~30 roles at "(0)" is noise),
// but a role someone has chosen stays listed even with none, so the form still shows their choice.

type RoleCount = { key: string; title: string; count: number };

export function roleChoices(roles: readonly RoleCount[], chosen: string | undefined) {
  return [
    { value: "", label: "Any role" },
    ...roles
      .filter((r) => r.count > 0 || r.key === chosen)
      .map((r) => ({ value: r.key, label: `${r.title} (${r.count})` })),
  ];
}
