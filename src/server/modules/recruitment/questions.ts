import type { SectorValue } from "../../../shared/recruitment";

// The hub's starting set of values-based questions (shared/reference/recruitment-training.md
// §3.2, behavioural "tell us about a time" questions as Skills for Care recommends), each with
// guidance written against the generic 1–5 anchor scale of §3.4 (3: adequate, hit the key
// points; 5: excellent, exactly what was sought). The council edits or retires them.

const PROBE = "Probe: what did you do, how and why, what impact did it have on you and others, what did you learn?";

export const DEFAULT_VALUES_QUESTIONS: { value: SectorValue; question: string; guidance: string }[] = [
  {
    value: "proud",
    question: "What attracts you to working in social care?",
    guidance: [
      "A warm-up question.",
      "3 (adequate): a real reason of their own for wanting to care for people, beyond needing a job.",
      "5 (excellent): a clear, personal motivation drawing on lived experience (family, volunteering, unpaid caring) and pride in the work.",
    ].join("\n"),
  },
  {
    value: "respect",
    question: "Can you tell us about a time when you listened carefully to someone?",
    guidance: [
      "3 (adequate): a real example where they let the person speak and acted on what they heard.",
      "5 (excellent): shows patience, checks they understood, and puts the person's wishes first.",
      PROBE,
    ].join("\n"),
  },
  {
    value: "compassionate",
    question: "Tell us about a time when you were sensitive or compassionate in an emotional or tense situation.",
    guidance: [
      "3 (adequate): a real example where they noticed how someone felt and responded kindly.",
      "5 (excellent): stays calm, shows empathy in what they did, and reflects on the effect it had.",
      PROBE,
    ].join("\n"),
  },
  {
    value: "whole_person",
    question:
      "Tell us about a time you helped someone keep their dignity. It need not be in a care job: an example from elsewhere is fine.",
    guidance: [
      "3 (adequate): a real example of protecting someone's privacy or choice.",
      "5 (excellent): sees the whole person, asks what they want, and adapts to it.",
      PROBE,
    ].join("\n"),
  },
  {
    value: "courageous",
    question: "What would you do if someone you support told you something that worried you about their safety?",
    guidance: [
      "3 (adequate): takes it seriously and tells the manager.",
      "5 (excellent): takes it seriously, does not promise to keep it secret, records it accurately, reports at once to the manager or safeguarding lead, and follows the procedure.",
    ].join("\n"),
  },
];
