import { useMutation } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Button, ErrorSummary, SuccessBanner } from "../../components/forms";
import { Page } from "../../components/Page";
import { jobsApi } from "../../queries/jobs";

// The links in job alert emails. Each asks for a press of a button rather than acting when the
// page opens: mail systems open links to scan them, and must not confirm or stop an alert.

const confirmRoute = getRouteApi("/jobs/alerts/confirm");
const unsubscribeRoute = getRouteApi("/jobs/alerts/unsubscribe");

function TokenAction({
  title,
  intro,
  button,
  token,
  act,
}: {
  title: string;
  intro: string;
  button: string;
  token: string | undefined;
  act: (token: string) => Promise<{ message: string }>;
}): React.ReactNode {
  const run = useMutation({ mutationFn: act });
  if (!token)
    return (
      <Page title={title}>
        <p className="govuk-body">The link is not complete. Copy the whole link from the email into your browser.</p>
      </Page>
    );
  return (
    <Page title={title}>
      <ErrorSummary error={run.error} />
      {run.data ? (
        <SuccessBanner title={run.data.message} />
      ) : (
        <>
          <p className="govuk-body">{intro}</p>
          <Button type="button" disabled={run.isPending} onClick={() => run.mutate(token)}>
            {button}
          </Button>
        </>
      )}
    </Page>
  );
}

export function ConfirmJobAlertPage(): React.ReactNode {
  const { token } = confirmRoute.useSearch();
  return (
    <TokenAction
      title="Confirm your job alert"
      intro="Confirm that you want emails about new care jobs that match your search."
      button="Confirm job alert"
      token={token}
      act={jobsApi.confirmAlert}
    />
  );
}

export function UnsubscribeJobAlertPage(): React.ReactNode {
  const { token } = unsubscribeRoute.useSearch();
  return (
    <TokenAction
      title="Stop job alert emails"
      intro="Stop the emails about new care jobs for this search. We will delete your email address from the alert."
      button="Stop these emails"
      token={token}
      act={jobsApi.unsubscribe}
    />
  );
}
