export * from "./auth";
export * from "./imports";
export * from "./orgs";
export * from "./staff";
export * from "./tokens";
export * from "./vacancies";
