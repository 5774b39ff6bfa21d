export * from "./auth";
export * from "./imports";
export * from "./orgs";
export * from "./reference";
export * from "./returns";
export * from "./staff";
export * from "./tokens";
export * from "./vacancies";
