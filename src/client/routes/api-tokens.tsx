import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { longDateTime } from "../../shared/dates";
import { Button, ErrorSummary, fieldErrors, Select, TextInput } from "../components/forms";
import { Table } from "../components/Table";
import { type Token, tokenApi, tokenKeys, tokenQueries } from "../queries/tokens";

const STATUS: Record<Token["status"], string> = {
  active: "Working",
  limited: "Limited: its creator's role no longer allows everything its scope does",
  creator_left: "Stopped: its creator has left the organisation",
  revoked: "Revoked",
};

const when = (iso: string | null) => (iso ? longDateTime(iso) : "never");

/** API tokens for the organisation's HR and rostering systems (admins only). */
export function ApiTokensSection({ orgId }: { orgId: string }) {
  const queryClient = useQueryClient();
  const tokens = useQuery(tokenQueries.tokens(orgId));
  const [name, setName] = useState("");
  const [scope, setScope] = useState("write");
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: tokenKeys.tokens(orgId) });
  const create = useMutation({
    mutationFn: () => tokenApi.create(orgId, { name, scope: scope as Token["scope"] }),
    onSuccess: (res) => {
      setSecret(res.secret);
      setName("");
      refresh();
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => tokenApi.revoke(orgId, id), onSuccess: refresh });
  const errors = fieldErrors(create.error);
  return (
    <section aria-labelledby="api-tokens">
      <h2 className="govuk-heading-m" id="api-tokens">
        API tokens
      </h2>
      <p className="govuk-body">
        Let your HR or rostering system send staff records to the hub. A read token can only read; a write token can
        also create and update workplaces and staff records. A token can never do more than the person who created it
        can do now, and stops working if they leave the organisation. See the{" "}
        <a className="govuk-link" href="/api/docs">
          API documentation
        </a>
        .
      </p>
      {secret && (
        <div className="govuk-panel govuk-panel--confirmation govuk-!-text-align-left" role="status">
          <h3 className="govuk-panel__title govuk-!-font-size-24">Copy the token now</h3>
          <div className="govuk-panel__body govuk-!-font-size-19">
            It will not be shown again: <code style={{ wordBreak: "break-all" }}>{secret}</code>
          </div>
        </div>
      )}
      <ErrorSummary error={create.error ?? revoke.error} fields={{ name: "token-name", scope: "token-scope" }} />
      {tokens.data && tokens.data.tokens.length > 0 && (
        <Table
          caption="Tokens"
          rows={tokens.data.tokens}
          rowKey={(t) => t.id}
          columns={[
            { header: "Name", cell: (t) => t.name },
            { header: "Scope", cell: (t) => t.scope },
            { header: "Starts with", cell: (t) => <code>{t.prefix}…</code> },
            {
              header: "Created",
              cell: (t) => `${t.createdBy ? `by ${t.createdBy.name || t.createdBy.email}, ` : ""}${when(t.createdAt)}`,
            },
            { header: "Last used", cell: (t) => when(t.lastUsedAt) },
            { header: "Status", cell: (t) => (t.revokedAt ? `Revoked ${when(t.revokedAt)}` : STATUS[t.status]) },
            {
              header: "Actions",
              hiddenHeader: true,
              cell: (t) =>
                t.revokedAt ? null : (
                  <button
                    type="button"
                    className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                    onClick={() => revoke.mutate(t.id)}
                  >
                    Revoke<span className="govuk-visually-hidden"> {t.name}</span>
                  </button>
                ),
            },
          ]}
        />
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSecret(null);
          create.mutate();
        }}
        noValidate
      >
        <TextInput
          id="token-name"
          name="name"
          label="Token name"
          hint="The system that will use it, for example Rota system"
          value={name}
          onChange={setName}
          error={errors.name}
          width="govuk-input--width-30"
        />
        <Select
          id="token-scope"
          name="scope"
          label="Scope"
          value={scope}
          onChange={setScope}
          error={errors.scope}
          options={[
            { value: "write", label: "Read and write" },
            { value: "read", label: "Read only" },
          ]}
        />
        <Button disabled={create.isPending}>Create token</Button>
      </form>
    </section>
  );
}
