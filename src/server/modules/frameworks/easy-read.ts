// The shipped framework's roles in easy read (issue 5): short sentences in everyday words, one
// idea a line, as easy read guidance asks. Facts are those of the role pages the shipped
// framework cites (reference-data.md §1–3); a council's framework may change them.

export const EASY_READ_PATHWAYS: Record<string, string> = {
  adult_social_care: "Jobs helping adults who need care and support.",
  leadership_management: "Jobs running care services.",
  adult_social_work: "Social work jobs with adults.",
  childrens_social_work: "Social work jobs with children and families.",
  occupational_therapy: "Jobs helping people do everyday things again.",
  nursing: "Nursing jobs in care.",
};

export const EASY_READ_ROLES: Record<string, string[]> = {
  new_to_care: [
    "You are starting your first job in care.",
    "You help people with everyday things, like washing, dressing and eating.",
    "You learn the Care Certificate in your first few weeks.",
  ],
  care_support_worker: [
    "You have done the job for a while.",
    "You know how to help people well.",
    "You can do a Level 2 certificate to show your skills.",
  ],
  enhanced_care_worker: [
    "You do some health tasks that a nurse or therapist has trained you to do.",
    "Or you know a lot about one kind of support.",
  ],
  personal_assistant: ["You work for one person.", "You help them live the way they want, often in their own home."],
  supervisor_leader: ["You lead a small team.", "You help other care workers do their jobs well."],
  practice_leader: [
    "You are an expert in one kind of care.",
    "You teach and coach other workers.",
    "You do not manage people.",
  ],
  deputy_manager: ["You help the registered manager run the service.", "You are in charge when the manager is away."],
  registered_manager: [
    "You run the service.",
    "You make sure it follows the law.",
    "You need a Level 5 diploma, or to be working towards one.",
  ],
  service_manager: ["You manage more than one service, or a big one.", "You look after the managers and the money."],
  senior_leader: ["You lead a whole care organisation or a council's care services.", "You decide where it is going."],
  sw_student: [
    "You are learning to be a social worker.",
    "You study at university or on an apprenticeship.",
    "You spend time working with a social work team.",
  ],
  asye_social_worker: [
    "You have just become a social worker.",
    "In your first year you get extra support and training.",
    "This first year is called the ASYE.",
  ],
  social_worker: [
    "You help adults to stay safe and live well.",
    "You work out what help they need, with them and their families.",
    "You must be registered with Social Work England.",
  ],
  experienced_social_worker: [
    "You have been a social worker for some years.",
    "You work with harder situations.",
    "You help newer social workers.",
  ],
  consultant_social_worker: [
    "You are a very experienced social worker.",
    "You keep working with people.",
    "You also lead good practice in your team.",
  ],
  amhp: [
    "You decide, with doctors, if someone must go to hospital for their mental health.",
    "You make sure the law is followed and the person's rights are respected.",
    "You do special training to do this.",
  ],
  bia: [
    "You check if it is right to limit someone's freedom to keep them safe.",
    "This is for people who cannot decide for themselves.",
    "You do special training to do this.",
  ],
  practice_educator: [
    "You teach and assess student social workers on placement.",
    "You are an experienced social worker.",
  ],
  sw_team_manager: ["You lead a team of social workers.", "You make sure people get good help."],
  principal_social_worker: ["You lead social work across the council.", "You make sure social work is good and safe."],
  cf_student: [
    "You are learning to be a social worker with children and families.",
    "You study at university or on a training programme.",
    "You spend time working with a social work team.",
  ],
  cf_nqsw: [
    "You have just become a social worker with children and families.",
    "In your first year you get extra support and training.",
  ],
  cf_social_worker: [
    "You help children to be safe and well.",
    "You work with their families.",
    "You must be registered with Social Work England.",
  ],
  cf_senior_practitioner: [
    "You have been a social worker for some years.",
    "You work with harder situations.",
    "You help newer social workers.",
  ],
  cf_practice_supervisor: ["You support and guide other social workers.", "You help them think about their work."],
  cf_team_manager: ["You lead a team of social workers.", "You make sure children and families get good help."],
  cf_service_manager: ["You manage several teams.", "You look after the managers and the money."],
  cf_head_of_service: ["You lead children's social work across the council.", "You decide how it works."],
  ot_assistant: [
    "You help people do everyday things again, like cooking or washing.",
    "You work with an occupational therapist.",
  ],
  occupational_therapist: [
    "You help people do everyday things again after illness or injury.",
    "You suggest changes and equipment for their home.",
    "You must be registered as an occupational therapist.",
  ],
  nursing_associate: [
    "You do some nursing tasks in care homes and other services.",
    "You work with registered nurses.",
    "You train on an apprenticeship.",
  ],
  registered_nurse: [
    "You are a nurse.",
    "You look after people's health in a care home or service.",
    "You must be registered with the Nursing and Midwifery Council.",
  ],
};
