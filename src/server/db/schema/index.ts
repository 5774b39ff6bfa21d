export * from "./auth";
export * from "./careers";
export * from "./orgs";
export * from "./platform";
export * from "./reference";
export * from "./staging";
export * from "./workforce";
export * from "./strategy";
