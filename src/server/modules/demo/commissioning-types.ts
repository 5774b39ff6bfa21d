// Commissioning demo types: what each part needs and gives the next (demo/commissioning.ts).

/** What each part of the commissioning demo needs from the demo system. */
export type CommissioningDemoOptions = {
  councilId: string;
  /** The demo's organisations by key: council, p0…p39, college, nhs. */
  orgIds: Map<string, string>;
  anchor: string;
};

/** The contracts' demo: the council's library and its contracts (issue 19 item 1). */
export type ContractsSeeded = {
  /** The library's standards by kind (rlw_floor, turnover_max, …). */
  standardIds: Record<string, string>;
  contractIds: string[];
};
