import { Link, Navigate, useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Page } from "../components/Page";
import { homePath, useMe } from "../lib/session";

/** Shows its children to a signed-in person; anyone else goes to sign in and comes back after. */
export function RequireUser({ children }: { children: ReactNode }): ReactNode {
  const { data: me, isPending } = useMe();
  const href = useRouterState({ select: (s) => s.location.href });
  if (isPending) return <p className="govuk-body">Loading…</p>;
  if (!me?.user) return <Navigate to="/sign-in" search={{ next: href }} />;
  return <>{children}</>;
}

export function HomeRedirect(): React.ReactNode {
  const { data: me, isPending } = useMe();
  if (isPending) return <p className="govuk-body">Loading…</p>;
  if (!me?.user) return <Navigate to="/sign-in" />;
  return <Navigate to={homePath(me)} />;
}

export function NoOrganisationPage(): React.ReactNode {
  return (
    <Page title="You are not in an organisation yet">
      <p className="govuk-body">
        Your account is not a member of any organisation in the hub. Ask your organisation's admin to invite you, then
        open the link in the email.
      </p>
    </Page>
  );
}

export function NotFoundPage(): React.ReactNode {
  return (
    <Page title="Page not found">
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      <p className="govuk-body">
        You may not have access to this organisation. Go to{" "}
        <Link className="govuk-link" to="/">
          your home page
        </Link>
        .
      </p>
    </Page>
  );
}

export function ErrorPage({ error }: { error: unknown }) {
  return (
    <Page title="Sorry, there is a problem with the service">
      <p className="govuk-body">Try again later. Nothing you have sent has been lost or changed.</p>
      <p className="govuk-body">{error instanceof Error ? error.message : ""}</p>
      <p className="govuk-body">
        <Link className="govuk-link" to="/">
          Go to your home page
        </Link>
      </p>
    </Page>
  );
}
