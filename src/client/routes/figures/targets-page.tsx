import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { HEADLINES, type Headline } from "../../../shared/metrics";
import { Button, ErrorSummary, fieldErrors, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { useOrg, useOrgId } from "../../lib/org";
import { figureApi, figureKeys, figureQueries } from "../../queries/figures";

/** A council sets targets for its headline figures: rates entered as percentages, pay in pounds. */
export function TargetsPage(): React.ReactNode {
  const orgId = useOrgId();
  const org = useOrg(orgId);
  const queryClient = useQueryClient();
  const targets = useQuery(figureQueries.targets(orgId));
  const [edits, setEdits] = useState<Record<string, string>>({});
  const withTarget = HEADLINES.filter((h) => h.better);
  const shown = (h: Headline) => {
    if (h.name in edits) return edits[h.name];
    const t = targets.data?.targets[h.name];
    return t === undefined ? "" : h.kind === "rate" ? String(Math.round(t * 1000) / 10) : String(t);
  };
  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, number | null> = {};
      for (const h of withTarget) {
        if (!(h.name in edits)) continue;
        const text = edits[h.name].trim().replace(/[%£,]/g, "");
        const number = Number(text);
        // Text that is not a number goes as it is, for the server to refuse with a clear message.
        body[h.name] =
          text === ""
            ? null
            : !Number.isFinite(number)
              ? (text as unknown as number)
              : h.kind === "rate"
                ? number / 100
                : number;
      }
      return figureApi.saveTargets(orgId, { targets: body });
    },
    onSuccess: (res) => {
      queryClient.setQueryData(figureKeys.targets(orgId), res);
      queryClient.invalidateQueries({ queryKey: figureKeys.dashboard(orgId) });
      setEdits({});
    },
  });
  const errors = Object.fromEntries(
    Object.entries(fieldErrors(save.error)).map(([k, v]) => [k.replace(/^targets\./, ""), v]),
  );
  return (
    <Page title="Targets" caption={org.data?.name}>
      <p className="govuk-body">
        Set the level you are aiming for on each figure. The dashboard shows each figure as on target, near target
        (missing it by no more than a tenth of the target) or off target. Leave a box empty to have no target.
      </p>
      {save.isSuccess && <SuccessBanner title="Targets saved" />}
      <ErrorSummary
        error={save.error}
        fields={Object.fromEntries(withTarget.map((h) => [`targets.${h.name}`, `target-${h.name}`]))}
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        {withTarget.map((h) => (
          <div key={h.name} className={`govuk-form-group${errors[h.name] ? " govuk-form-group--error" : ""}`}>
            <label className="govuk-label" htmlFor={`target-${h.name}`}>
              {h.label}
            </label>
            <div className="govuk-hint" id={`target-${h.name}-hint`}>
              {h.kind === "rate" ? "As a percentage, for example 8.5" : "In pounds, for example 12.60"};{" "}
              {h.better === "lower" ? "lower is better" : "higher is better"}
            </div>
            {errors[h.name] && (
              <p className="govuk-error-message" id={`target-${h.name}-error`}>
                <span className="govuk-visually-hidden">Error:</span> {errors[h.name]}
              </p>
            )}
            <div className="govuk-input__wrapper">
              {h.kind === "money" && (
                <div className="govuk-input__prefix" aria-hidden="true">
                  £
                </div>
              )}
              <input
                className={`govuk-input govuk-input--width-5${errors[h.name] ? " govuk-input--error" : ""}`}
                id={`target-${h.name}`}
                name={h.name}
                inputMode="decimal"
                spellCheck={false}
                aria-describedby={`target-${h.name}-hint${errors[h.name] ? ` target-${h.name}-error` : ""}`}
                value={shown(h)}
                onChange={(e) => setEdits({ ...edits, [h.name]: e.target.value })}
              />
              {h.kind === "rate" && (
                <div className="govuk-input__suffix" aria-hidden="true">
                  %
                </div>
              )}
            </div>
          </div>
        ))}
        <div className="govuk-button-group">
          <Button disabled={save.isPending}>{save.isPending ? "Saving…" : "Save targets"}</Button>
          <Link className="govuk-link" to="/orgs/$orgId/figures" params={{ orgId }}>
            Back to the figures
          </Link>
        </div>
      </form>
    </Page>
  );
}
