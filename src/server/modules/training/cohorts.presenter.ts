import type {
  CohortView,
  GuaranteedInterviewView,
  LearnerView,
  MyCohortView,
} from "../../../shared/schemas/training-hub";
import type { CohortLearnerStatus, InterviewOutcome } from "../../../shared/training";
import type { LearnerRow } from "./cohorts.repo";
import { type CohortSummary, cohortWarnings } from "./cohorts.service";

// What leaves the server about cohorts, learners and guaranteed interviews. An employer gets a
// learner's details only while the learner shares them.

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCohort(s: CohortSummary): CohortView {
  const count = (status: CohortLearnerStatus) => s.learners.filter((l) => l.status === status).length;
  return {
    id: s.cohort.id,
    name: s.cohort.name,
    courseId: s.cohort.courseId,
    courseTitle: s.courseTitle,
    partner: s.cohort.partner,
    startsOn: s.cohort.startsOn,
    endsOn: s.cohort.endsOn,
    employers: s.employers,
    learners: { enrolled: count("enrolled"), completed: count("completed"), withdrawn: count("withdrawn") },
    warnings: cohortWarnings(s.cohort),
  };
}

export const presentLearner = (l: LearnerRow): LearnerView => ({
  id: l.id,
  name: l.name,
  email: l.email,
  status: l.status as CohortLearnerStatus,
  completedOn: l.completedOn,
  sharedAt: iso(l.shareConsentAt),
});

/** What an employer sees while the learner shares their details. */
export const SHARED_DETAILS = [
  "Your name, email address and phone number",
  "Your experience, availability and the areas you want to work in (from your candidate profile)",
  "The cohort and the day you completed the course",
];

export const presentMyCohort = (r: {
  learner: LearnerRow;
  cohort: { name: string; partner: string; startsOn: string; endsOn: string };
  courseTitle: string;
  employers: string[];
}): MyCohortView => ({
  learnerId: r.learner.id,
  cohortName: r.cohort.name,
  courseTitle: r.courseTitle,
  partner: r.cohort.partner,
  startsOn: r.cohort.startsOn,
  endsOn: r.cohort.endsOn,
  status: r.learner.status as CohortLearnerStatus,
  completedOn: r.learner.completedOn,
  sharedAt: iso(r.learner.shareConsentAt),
  employers: r.employers,
  shared: SHARED_DETAILS,
});

export const presentInterview = (r: {
  interview: {
    id: string;
    interviewOn: string | null;
    outcome: string;
    offeredOn: string | null;
    startedOn: string | null;
    staffRecordId: string | null;
    applicationId: string | null;
  };
  learner: LearnerRow;
  cohortName: string;
  partner: string;
  profile: { phone: string; experience: string; availability: string; areas: string[] } | null;
}): GuaranteedInterviewView => ({
  id: r.interview.id,
  cohortName: r.cohortName,
  partner: r.partner,
  completedOn: r.learner.completedOn,
  learner: r.learner.shareConsentAt
    ? {
        name: r.learner.name,
        email: r.learner.email,
        phone: r.profile?.phone ?? "",
        experience: r.profile?.experience ?? "",
        availability: r.profile?.availability ?? "",
        areas: r.profile?.areas ?? [],
      }
    : null,
  interviewOn: r.interview.interviewOn,
  outcome: r.interview.outcome as InterviewOutcome,
  offeredOn: r.interview.offeredOn,
  startedOn: r.interview.startedOn,
  staffRecordId: r.interview.staffRecordId,
  applicationId: r.interview.applicationId,
});
