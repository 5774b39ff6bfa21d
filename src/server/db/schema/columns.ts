import { customType, numeric, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./orgs";

// The column builders the schema files share, so that a column meaning the same thing in every
// feature (when a row was made, whose row it is, an amount of money) is declared once, the same
// way. Each is a function because Drizzle binds a builder to the one table it is used in: every
// call makes a fresh column. orgs.ts declares organisations and users, which these refer to, so it
// cannot use them (that would be an import circle); the reference to a staff record is beside
// staff_records in workforce.ts for the same reason.

/** When the row was made. */
export const created = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** When the row last changed. */
export const updated = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A column that names an organisation; nullable until the caller says `.notNull()`. */
export const organisationRef = (name: string) => uuid(name).references(() => organisations.id);

/** The organisation that owns the row: an employer's records, or a council's own tables. */
export const orgRef = () => organisationRef("org_id").notNull();

/** The council whose area, contracts or plan the row belongs to. */
export const councilRef = () => organisationRef("council_id").notNull();

/** The provider a council's row is about (commissioning, career framework endorsements). */
export const providerRef = () => organisationRef("provider_id").notNull();

/** A user account (who made, recorded or changed something); nullable until the caller says `.notNull()`. */
export const userRef = (name: string) => uuid(name).references(() => users.id);

/**
 * Money in pounds and pence, read as a number. `digits` is the whole width: 12 holds up to
 * £9,999,999,999.99; commissioning's contract money was given 14.
 */
export const pounds = (name: string, digits = 12) => numeric(name, { precision: digits, scale: 2, mode: "number" });

/** Raw bytes: uploaded files and generated reports, kept as they were. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });
