import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import type { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "../../shared/limits";
import { ROLE_LABELS } from "../../shared/permissions";
import { signInInput } from "../../shared/schemas";
import {
  Button,
  ErrorSummary,
  Form,
  fieldErrors,
  SuccessBanner,
  TextField,
  TextInput,
  useSchemaForm,
} from "../components/forms";
import { Page } from "../components/Page";
import { homePath } from "../lib/session";
import { authApi, authKeys, authQueries } from "../queries/auth";
import { systemQueries } from "../queries/system";

/** On a demonstration hub, where its sign-ins are: they are public, one for each role. */
function DemoSignIns() {
  const hub = useQuery(systemQueries.hub());
  if (!hub.data?.demo) return null;
  return (
    <div className="govuk-inset-text" id="demo-sign-ins">
      <p className="govuk-body">
        <strong>This is a demonstration system.</strong> Everyone and every organisation in it is made up.
      </p>
      <p className="govuk-body govuk-!-margin-bottom-0">
        There is a demo sign-in for each role (council admin, provider admin, care worker and more). They are listed in
        the README, under “Start it”, with the one password they share, and printed in the terminal where{" "}
        <code>npm start</code> runs the hub.
      </p>
    </div>
  );
}

export function SignInPage(): React.ReactNode {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const search = useSearch({ from: "/sign-in" });
  const form = useSchemaForm(signInInput, { email: "", password: "" });
  const signIn = useMutation({
    mutationFn: (body: z.output<typeof signInInput>) => authApi.signIn(body),
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me, me);
      const next = search.next?.startsWith("/") && !search.next.startsWith("//") ? search.next : homePath(me);
      navigate({ to: next });
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Form form={form} onSubmit={(v) => signIn.mutate(v)} error={signIn.error}>
          <Page title="Sign in">
            <DemoSignIns />
            <TextField
              name="email"
              label="Email address"
              type="email"
              autoComplete="email"
              spellCheck={false}
              width="govuk-input--width-30"
            />
            <TextField
              name="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              width="govuk-input--width-20"
            />
            <Button disabled={signIn.isPending}>Sign in</Button>
            <p className="govuk-body">
              <Link className="govuk-link" to="/forgot-password">
                Forgotten your password?
              </Link>
            </p>
          </Page>
        </Form>
      </div>
    </div>
  );
}

export function ForgotPasswordPage(): React.ReactNode {
  const [email, setEmail] = useState("");
  const request = useMutation({ mutationFn: () => authApi.requestReset({ email }) });
  const errors = fieldErrors(request.error);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={request.error} fields={{ email: "email" }} />
        {request.isSuccess ? (
          <Page title="Check your email">
            <p className="govuk-body">{request.data.message}</p>
          </Page>
        ) : (
          <Page title="Reset your password">
            <p className="govuk-body">We will email you a link to choose a new password.</p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                request.mutate();
              }}
              noValidate
            >
              <TextInput
                id="email"
                name="email"
                label="Email address"
                type="email"
                autoComplete="email"
                spellCheck={false}
                value={email}
                onChange={setEmail}
                error={errors.email}
                width="govuk-input--width-30"
              />
              <Button disabled={request.isPending}>Send the link</Button>
            </form>
          </Page>
        )}
      </div>
    </div>
  );
}

export function ResetPasswordPage(): React.ReactNode {
  const { token = "" } = useSearch({ strict: false });
  const [password, setPassword] = useState("");
  const reset = useMutation({ mutationFn: () => authApi.resetPassword({ token, password }) });
  const errors = fieldErrors(reset.error);
  if (reset.isSuccess)
    return (
      <Page title="Password changed">
        <SuccessBanner title="Your password has been changed." />
        <Link className="govuk-button" to="/sign-in">
          Sign in
        </Link>
      </Page>
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={reset.error} fields={{ password: "password" }} />
        <Page title="Choose a new password">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              reset.mutate();
            }}
            noValidate
          >
            <TextInput
              id="password"
              name="password"
              label="New password"
              hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              width="govuk-input--width-20"
            />
            <Button disabled={reset.isPending}>Change password</Button>
          </form>
        </Page>
      </div>
    </div>
  );
}

export function AcceptInvitationPage(): React.ReactNode {
  const { token = "" } = useSearch({ strict: false });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const invitation = useQuery(authQueries.invitation(token));
  const accept = useMutation({
    mutationFn: () => authApi.acceptInvitation(invitation.data?.hasAccount ? { token } : { token, name, password }),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      navigate({ to: res.signedIn ? `/orgs/${res.orgId}` : "/sign-in" });
    },
  });
  const errors = fieldErrors(accept.error);
  if (invitation.isPending) return <p className="govuk-body">Checking your invitation…</p>;
  if (invitation.isError)
    return (
      <Page title="This invitation cannot be used">
        <p className="govuk-body">{invitation.error.message}</p>
      </Page>
    );
  const inv = invitation.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary error={accept.error} fields={{ name: "name", password: "password" }} />
        <Page title={`Join ${inv.organisation.name}`}>
          <p className="govuk-body">
            You have been invited as <strong>{ROLE_LABELS[inv.role]}</strong> with the email address {inv.email}.
          </p>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              accept.mutate();
            }}
            noValidate
          >
            {inv.hasAccount ? (
              <p className="govuk-body">You already have an account. Accept, then sign in as usual.</p>
            ) : (
              <>
                <TextInput
                  id="name"
                  name="name"
                  label="Your full name"
                  autoComplete="name"
                  value={name}
                  onChange={setName}
                  error={errors.name}
                  width="govuk-input--width-30"
                />
                <TextInput
                  id="password"
                  name="password"
                  label="Choose a password"
                  hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
                  type="password"
                  autoComplete="new-password"
                  value={password}
                  onChange={setPassword}
                  error={errors.password}
                  width="govuk-input--width-20"
                />
              </>
            )}
            <Button disabled={accept.isPending}>Accept invitation</Button>
          </form>
        </Page>
      </div>
    </div>
  );
}
