// The career pages, by what they do: the public roadmap and its easy read version, My career
// (next steps and the development plan), and a council's or provider's framework pages.
export { CareerFrameworkPage, StaffPlansPage } from "./careers/framework-pages";
export { MyCareerPage } from "./careers/my-career-page";
export { CareersEasyReadPage, CareersPage } from "./careers/roadmap-pages";
