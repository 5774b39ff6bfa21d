import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { PASSWORD_MIN_LENGTH } from "../../../shared/limits";
import { candidateSignUpInput } from "../../../shared/schemas/candidate";
import { Button, ErrorSummary, Form, fieldErrors, TextField, TextInput, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { jobToApply, rememberJobToApply } from "../../lib/apply-next";
import { setFlash } from "../../lib/flash";
import { authKeys } from "../../queries/auth";
import { candidateApi } from "../../queries/candidate";

// A candidate's account on a council's job board (issue 17 item 3): create it with a name and an
// email address, then open the link we send, choose a password there, and be signed in. The
// password is chosen on the link's page so that someone typing another person's address holds no
// way into the account it makes.

const newRoute = getRouteApi("/jobs/account/new");
const verifyRoute = getRouteApi("/jobs/account/verify");

export function CandidateSignUpPage(): React.ReactNode {
  const { council, next } = newRoute.useSearch();
  const form = useSchemaForm(candidateSignUpInput, { council: council ?? "", name: "", email: "" });
  const signUp = useMutation({ mutationFn: candidateApi.signUp, onSuccess: () => rememberJobToApply(next) });
  if (signUp.data)
    return (
      <Page title="Check your email">
        <p className="govuk-body">{signUp.data.message}</p>
        <p className="govuk-body">Once you have confirmed your address you can fill in your profile and apply.</p>
      </Page>
    );
  return (
    <Page title="Create an account to apply for care jobs">
      <p className="govuk-body">
        With an account you fill in your details once and apply for several jobs at the same time. You can see where
        each application is, book interviews, and choose whether local employers can find you.
      </p>
      {!council && (
        <ErrorSummary
          error={new Error("Open this page from a council's job board, so we know which board it is for.")}
        />
      )}
      <Form form={form} onSubmit={(values) => signUp.mutate(values)} error={signUp.error}>
        <TextField name="name" label="Full name" autoComplete="name" spellCheck={false} />
        <TextField
          name="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint="We will send you a link to confirm it. You choose your password when you open it."
        />
        <Button disabled={signUp.isPending || !council}>Create account</Button>
      </Form>
      <p className="govuk-body">
        Already have an account?{" "}
        <Link className="govuk-link" to="/sign-in" search={next ? { next } : {}}>
          Sign in
        </Link>
        .
      </p>
    </Page>
  );
}

export function CandidateVerifyPage(): React.ReactNode {
  const { token } = verifyRoute.useSearch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState("");
  const verify = useMutation({
    mutationFn: (body: { token: string; password?: string }) => candidateApi.verify(body),
    onSuccess: async (res) => {
      await queryClient.invalidateQueries({ queryKey: authKeys.me });
      const to = `/orgs/${res.orgId}/candidate/profile`;
      setFlash(
        to,
        jobToApply()
          ? "Your email address is confirmed. Fill in your profile once, then go back to the job you were applying for."
          : "Your email address is confirmed. Fill in your profile once, then apply for jobs.",
      );
      navigate({ to });
    },
  });
  // The link is tried once when the page opens (not again if React renders it twice): an account
  // that has a password is confirmed at once; one made by signing up is asked for its password.
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate({ token });
    }
  }, [token, verify]);
  const error = verify.error;
  const needsPassword =
    error instanceof ApiError &&
    (error.code === "password_needed" || (error.code === "validation" && Boolean(fieldErrors(error).password)));
  if (needsPassword && token)
    return (
      <Page title="Create your password">
        <ErrorSummary
          error={error.code === "password_needed" && !password ? undefined : error}
          fields={{ password: "password" }}
        />
        <p className="govuk-body">
          Your email address is nearly confirmed. Create a password to sign in with from now on.
        </p>
        <form
          noValidate
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            verify.mutate({ token, password });
          }}
        >
          <TextInput
            id="password"
            name="password"
            label="Create a password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember works well.`}
            error={password || error.code !== "password_needed" ? fieldErrors(error).password : undefined}
            value={password}
            onChange={setPassword}
          />
          <Button disabled={verify.isPending}>Confirm and sign in</Button>
        </form>
      </Page>
    );
  return (
    <Page title="Confirm your email address">
      {!token && <p className="govuk-body">The link is not complete: copy the whole link from the email.</p>}
      {verify.isPending && <p className="govuk-body">Confirming…</p>}
      {error && (
        <>
          <ErrorSummary error={error} />
          <p className="govuk-body">
            <Link className="govuk-link" to="/sign-in">
              Sign in
            </Link>{" "}
            if you have already confirmed your address.
          </p>
        </>
      )}
    </Page>
  );
}
