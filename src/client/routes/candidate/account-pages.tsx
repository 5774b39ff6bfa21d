import { useMutation, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { PASSWORD_MIN_LENGTH } from "../../../shared/limits";
import { candidateSignUpInput } from "../../../shared/schemas/candidate";
import { Button, ErrorSummary, Form, TextField, useSchemaForm } from "../../components/forms";
import { Page } from "../../components/Page";
import { jobToApply, rememberJobToApply } from "../../lib/apply-next";
import { setFlash } from "../../lib/flash";
import { authKeys } from "../../queries/auth";
import { candidateApi } from "../../queries/candidate";

// A candidate's account on a council's job board (issue 17 item 3): create it, then confirm the
// email address with the link we send, which signs them in.

const newRoute = getRouteApi("/jobs/account/new");
const verifyRoute = getRouteApi("/jobs/account/verify");

export function CandidateSignUpPage(): React.ReactNode {
  const { council, next } = newRoute.useSearch();
  const form = useSchemaForm(candidateSignUpInput, { council: council ?? "", name: "", email: "", password: "" });
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
          hint="We will send you a link to confirm it."
        />
        <TextField
          name="password"
          label="Create a password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words you will remember works well.`}
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
  const verify = useMutation({
    mutationFn: candidateApi.verify,
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
  // The link is used once, when the page opens (not again if React renders it twice).
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      verify.mutate(token);
    }
  }, [token, verify]);
  return (
    <Page title="Confirm your email address">
      {!token && <p className="govuk-body">The link is not complete: copy the whole link from the email.</p>}
      {verify.isPending && <p className="govuk-body">Confirming…</p>}
      {verify.error && (
        <>
          <ErrorSummary error={verify.error} />
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
