import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { longDate } from "../../../shared/dates";
import { Button, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { deliveryQueries } from "../../queries/training-delivery";

// The public check of a training certificate (issue 18 item 4): anyone types the code printed on
// a certificate and sees whether it is genuine, with what the certificate says and nothing more.

const codeRoute = getRouteApi("/certificates/$code");

function CheckForm({ initial = "" }: { initial?: string }): React.ReactNode {
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const typed = code.trim();
        if (!typed) {
          setError("Enter the certificate code, for example 7KQ4-MZ2P-XW9R");
          return;
        }
        setError(undefined);
        navigate({ to: "/certificates/$code", params: { code: typed.toUpperCase().replace(/\s+/g, "") } });
      }}
    >
      {error && (
        <div className="govuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#code">{error}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      <TextInput
        id="code"
        name="code"
        label="Certificate code"
        hint="The 12 letters and numbers printed on the certificate"
        value={code}
        onChange={setCode}
        error={error}
        autoComplete="off"
        spellCheck={false}
      />
      <Button>Check certificate</Button>
    </form>
  );
}

export function CertificateCheckPage(): React.ReactNode {
  return (
    <Page title="Check a training certificate">
      <p className="govuk-body">Check that a certificate from shared training in the hub is genuine.</p>
      <CheckForm />
    </Page>
  );
}

export function CertificatePage(): React.ReactNode {
  const { code } = codeRoute.useParams();
  const found = useQuery(deliveryQueries.certificate(code));
  const c = found.data;
  return (
    <Page
      title={c ? "This certificate is genuine" : found.isPending ? "Checking certificate" : "Certificate not found"}
    >
      {c && (
        <>
          <div className="govuk-panel govuk-panel--confirmation">
            <h2 className="govuk-panel__title">Genuine</h2>
            <div className="govuk-panel__body">Code {c.code}</div>
          </div>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Learner</dt>
              <dd className="govuk-summary-list__value">{c.learner}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Course</dt>
              <dd className="govuk-summary-list__value">{c.course}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Completed on</dt>
              <dd className="govuk-summary-list__value">{longDate(c.completedOn)}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Hours of learning</dt>
              <dd className="govuk-summary-list__value">{c.hours}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Training provided by</dt>
              <dd className="govuk-summary-list__value">{c.deliveredBy}</dd>
            </div>
          </dl>
        </>
      )}
      {found.error && (
        <p className="govuk-body">
          No certificate has this code. Check you typed it as printed. A certificate stops being valid if the training
          provider changes the outcome of the course.
        </p>
      )}
      <h2 className="govuk-heading-m">Check another certificate</h2>
      <CheckForm />
    </Page>
  );
}
