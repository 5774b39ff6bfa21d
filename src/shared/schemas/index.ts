export * from "./auth";
export * from "./imports";
export * from "./orgs";
export * from "./staff";
export * from "./vacancies";
