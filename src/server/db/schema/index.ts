export * from "./auth";
export * from "./orgs";
export * from "./platform";
export * from "./reference";
export * from "./staging";
export * from "./workforce";
