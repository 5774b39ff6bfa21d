import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { SERVICE_TYPE_LABELS } from "../../../shared/commissioning";
import { longDate } from "../../../shared/dates";
import { Button, ErrorSummary, fieldErrors, Select, SuccessBanner, TextInput } from "../../components/forms";
import { Page } from "../../components/Page";
import { Table } from "../../components/Table";
import { useOrg, useOrgId } from "../../lib/org";
import { type BidView, pounds, priceApi, priceKeys, priceQueries } from "../../queries/commissioning-price";
import { FloorTag, NotCovered } from "./fee-rates-page";

// One tender (issue 19 item 4): its bids, cheapest first, each against the minimum price floor (a
// home care bid at its own visit length when it gives one), with the lines a low bid cannot cover.

const route = getRouteApi("/orgs/$orgId/commissioning/tenders/$tenderId");

const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s.replace(/[£,\s]/g, "")));

function BidForm({
  orgId,
  tenderId,
  homeCare,
  providers,
  onDone,
}: {
  orgId: string;
  tenderId: string;
  homeCare: boolean;
  providers: { id: string; name: string }[];
  onDone: (m: string) => void;
}): React.ReactNode {
  const queryClient = useQueryClient();
  const [bidder, setBidder] = useState("");
  const [providerId, setProviderId] = useState("");
  const [price, setPrice] = useState("");
  const [visit, setVisit] = useState("");
  const save = useMutation({
    mutationFn: () =>
      priceApi.addBid(orgId, tenderId, {
        bidder,
        providerId: providerId || null,
        price: num(price),
        visitMinutes: homeCare && visit.trim() !== "" ? num(visit) : null,
      }),
    onSuccess: (b) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      setBidder("");
      setProviderId("");
      setPrice("");
      setVisit("");
      onDone(
        `${b.bidder}'s bid of ${pounds(b.price)} recorded: ${
          b.check
            ? b.check.belowFloor
              ? `below the floor by ${pounds(b.check.gap)}`
              : "at or above the floor"
            : "not compared with a floor"
        }`,
      );
    },
  });
  const errors = fieldErrors(save.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Record a bid</h2>
      <ErrorSummary
        error={save.error}
        fields={{ bidder: "bid-bidder", providerId: "bid-provider", price: "bid-price", visitMinutes: "bid-visit" }}
      />
      <TextInput
        id="bid-bidder"
        name="bidder"
        label="Bidder"
        value={bidder}
        onChange={setBidder}
        error={errors.bidder}
      />
      <Select
        id="bid-provider"
        name="providerId"
        label="Provider you already commission (optional)"
        value={providerId}
        onChange={(id) => {
          setProviderId(id);
          const p = providers.find((x) => x.id === id);
          if (p && !bidder) setBidder(p.name);
        }}
        error={errors.providerId}
        options={[{ value: "", label: "Not one of ours" }, ...providers.map((p) => ({ value: p.id, label: p.name }))]}
      />
      <TextInput
        id="bid-price"
        name="price"
        label={homeCare ? "Price per contact hour (£)" : "Price per bed per week (£)"}
        value={price}
        onChange={setPrice}
        error={errors.price}
        width="govuk-input--width-20"
      />
      {homeCare && (
        <TextInput
          id="bid-visit"
          name="visitMinutes"
          label="Visit length the price assumes, in minutes (optional)"
          hint="Shorter visits have a higher floor. Leave empty for your assumed visit length."
          value={visit}
          onChange={setVisit}
          error={errors.visitMinutes}
          width="govuk-input--width-20"
        />
      )}
      <Button disabled={save.isPending}>Record bid</Button>
    </form>
  );
}

export function TenderPage(): React.ReactNode {
  const orgId = useOrgId();
  const { tenderId } = route.useParams();
  const org = useOrg(orgId);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canManage = org.data?.permissions.includes("commissioning.manage") ?? false;
  const q = useQuery(priceQueries.tender(orgId, tenderId));
  const [done, setDone] = useState<string | null>(null);
  const removeBid = useMutation({
    mutationFn: (b: BidView) => priceApi.removeBid(orgId, tenderId, b.id),
    onSuccess: (_r, b) => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      setDone(`${b.bidder}'s bid removed`);
    },
  });
  const removeTender = useMutation({
    mutationFn: () => priceApi.removeTender(orgId, tenderId),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: priceKeys.all(orgId) });
      navigate({ to: "/orgs/$orgId/commissioning/tenders", params: { orgId } });
    },
  });
  const t = q.data?.tender;
  const homeCare = t?.serviceType === "home_care";
  return (
    <Page title={t?.name ?? "Tender"} caption={org.data?.name}>
      <p className="govuk-body">
        <Link to="/orgs/$orgId/commissioning/tenders" params={{ orgId }} className="govuk-link">
          All tenders
        </Link>
      </p>
      {done && <SuccessBanner title={done} />}
      <ErrorSummary error={q.error ?? removeBid.error ?? removeTender.error} />
      {!q.data && !q.error && <p className="govuk-body">Loading…</p>}
      {q.data && t && (
        <>
          <dl className="govuk-summary-list">
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Service</dt>
              <dd className="govuk-summary-list__value">{SERVICE_TYPE_LABELS[t.serviceType]}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Year</dt>
              <dd className="govuk-summary-list__value">{t.year}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Closes</dt>
              <dd className="govuk-summary-list__value">{t.closesOn ? longDate(t.closesOn) : "Not set"}</dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Price floor</dt>
              <dd className="govuk-summary-list__value">
                {q.data.floor !== null ? (
                  <>
                    {pounds(q.data.floor)} {q.data.unitLabel}
                    {homeCare && " at your assumed visit length"} (
                    <Link
                      to="/orgs/$orgId/commissioning/price-floor"
                      params={{ orgId }}
                      search={{ careType: homeCare ? "home_care" : "care_home" }}
                      className="govuk-link"
                    >
                      how it is worked out
                    </Link>
                    )
                  </>
                ) : (
                  q.data.noCheck
                )}
              </dd>
            </div>
            <div className="govuk-summary-list__row">
              <dt className="govuk-summary-list__key">Bids</dt>
              <dd className="govuk-summary-list__value">
                {t.bids} received, {t.belowFloor} below the floor
              </dd>
            </div>
          </dl>
          {q.data.bids.length === 0 ? (
            <p className="govuk-body">No bids recorded yet.</p>
          ) : (
            <Table<BidView>
              caption="Bids, cheapest first"
              rowKey={(b) => b.id}
              rows={q.data.bids}
              columns={[
                {
                  header: "Bidder",
                  cell: (b) => (
                    <>
                      {b.bidder}
                      {b.providerName && b.providerName !== b.bidder && (
                        <span className="govuk-hint govuk-!-margin-bottom-0">{b.providerName}</span>
                      )}
                    </>
                  ),
                },
                { header: "Price", numeric: true, cell: (b) => pounds(b.price), sortValue: (b) => b.price },
                homeCare && {
                  header: "Visit length",
                  numeric: true,
                  cell: (b: BidView) => (b.visitMinutes ? `${b.visitMinutes} minutes` : "Not given"),
                },
                {
                  header: "Floor",
                  numeric: true,
                  cell: (b) => (b.check ? pounds(b.check.floor) : "None"),
                },
                {
                  header: "Against the floor",
                  cell: (b) =>
                    b.check ? (
                      <>
                        <FloorTag check={b.check} />
                        {b.check.belowFloor && (
                          <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">Cannot cover:</p>
                        )}
                        <NotCovered check={b.check} />
                      </>
                    ) : (
                      "Not compared"
                    ),
                },
                canManage && {
                  header: "Actions",
                  hiddenHeader: true,
                  cell: (b: BidView) => (
                    <button
                      type="button"
                      className="govuk-link app-link-button"
                      disabled={removeBid.isPending}
                      onClick={() => removeBid.mutate(b)}
                    >
                      Remove<span className="govuk-visually-hidden"> {b.bidder}'s bid</span>
                    </button>
                  ),
                },
              ]}
            />
          )}
          {canManage && (
            <>
              <BidForm
                orgId={orgId}
                tenderId={tenderId}
                homeCare={homeCare}
                providers={q.data.providers}
                onDone={setDone}
              />
              <h2 className="govuk-heading-m">Remove this tender</h2>
              <p className="govuk-body">Removes the tender and all its bids.</p>
              <Button warning type="button" disabled={removeTender.isPending} onClick={() => removeTender.mutate()}>
                Remove tender
              </Button>
            </>
          )}
        </>
      )}
    </Page>
  );
}
