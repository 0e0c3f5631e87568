/**
 * The demo area: Lancashire. Taken from Lancashire's written statement of action (WSoA)
 * after the November 2017 Ofsted/CQC local area SEND inspection, and its February 2019
 * delivery update (shared/context/002_…). Districts and their health areas are the twelve
 * Lancashire County Council districts and the six CCG footprints the document names.
 *
 * People: the document names working group leads; only their role titles are kept here.
 *
 * Task leads: the document gives a lead for each working group, not for each task, so a
 * task's lead_role is the lead role of the working group that reports on it.
 *
 * RAG: the document's RAG column is coloured cells whose colours did not survive into the
 * text, and its key has three states only: "Action Completed and Signed off", "Action
 * underway and on target for completion within timescale" and "Action planned but yet to
 * commence". Each task's rating below is read from its outcome text against that key:
 *   blue        the outcome reports what the task asked for as done or in place;
 *   green       underway (in draft, in development, being progressed, continuing), and
 *               every task carried over to the SEND Improvement Plan 2019-20 that has begun
 *               (the update says "All outstanding actions will be carried over");
 *   not_started "not (yet) actioned", or only named as a priority for the Improvement Plan.
 * Nothing in the update describes a task as off track, so no task is red or amber.
 */
import type { Rag } from "../schema";

export interface DemoArea {
  name: string;
  service_name: string;
  partnership_name: string;
  contact_email: string;
}

export interface DemoHealthArea {
  slug: string;
  name: string;
}

export interface DemoDistrict {
  slug: string;
  name: string;
  /** Slug of a DemoHealthArea. */
  health_area: string;
}

export interface DemoWorkingGroup {
  slug: string;
  number: number;
  name: string;
  /** One plain-English sentence. */
  purpose: string;
  /** A role title, never a person's name. */
  lead_role: string;
  /** Letters of the actions the group owns. */
  actions: string[];
}

export interface DemoAreaOfConcern {
  number: number;
  /** As written in the WSoA (without the closing full stop). */
  title: string;
  /** Short, plain English that a parent would understand. */
  plain_title: string;
}

export interface DemoTask {
  /** "A1" … "L9". */
  code: string;
  description: string;
  /** A role title, never a person's name. */
  lead_role: string;
  /** The "Date to Complete" as written in the update. */
  due_text: string;
  /** The last day of that month, "YYYY-MM-DD"; null if the document gives none. */
  due_date: string | null;
  /** The "Current Outcome" from the February 2019 update. */
  outcome: string;
  /** Where the update carries an outstanding task over to the SEND Improvement Plan 2019-20. */
  carried_over_to?: string;
  rag: Rag;
}

export interface DemoAction {
  letter: string;
  title: string;
  /** A role title, never a person's name. */
  lead_role: string;
  /** Only where the document states one; the detailed measures were in the groups' delivery plans. */
  success_measures: string[];
  /** Numbers of the areas of concern the action addresses. */
  areas_of_concern: number[];
  tasks: DemoTask[];
}

export const demoArea: DemoArea = {
  name: "Lancashire",
  service_name: "Lancashire SEND Family Portal",
  partnership_name: "Lancashire SEND Partnership",
  contact_email: "send-partnership@demo.local",
};

export const demoHealthAreas: DemoHealthArea[] = [
  { slug: "chorley-and-south-ribble", name: "Chorley and South Ribble" },
  { slug: "east-lancashire", name: "East Lancashire" },
  { slug: "fylde-and-wyre", name: "Fylde and Wyre" },
  { slug: "greater-preston", name: "Greater Preston" },
  { slug: "morecambe-bay", name: "Morecambe Bay" },
  { slug: "west-lancashire", name: "West Lancashire" },
];

/** In alphabetical order: the seed numbers sort_order from this list. */
export const demoDistricts: DemoDistrict[] = [
  { slug: "burnley", name: "Burnley", health_area: "east-lancashire" },
  { slug: "chorley", name: "Chorley", health_area: "chorley-and-south-ribble" },
  { slug: "fylde", name: "Fylde", health_area: "fylde-and-wyre" },
  { slug: "hyndburn", name: "Hyndburn", health_area: "east-lancashire" },
  { slug: "lancaster", name: "Lancaster", health_area: "morecambe-bay" },
  { slug: "pendle", name: "Pendle", health_area: "east-lancashire" },
  { slug: "preston", name: "Preston", health_area: "greater-preston" },
  { slug: "ribble-valley", name: "Ribble Valley", health_area: "east-lancashire" },
  { slug: "rossendale", name: "Rossendale", health_area: "east-lancashire" },
  { slug: "south-ribble", name: "South Ribble", health_area: "chorley-and-south-ribble" },
  { slug: "west-lancashire", name: "West Lancashire", health_area: "west-lancashire" },
  { slug: "wyre", name: "Wyre", health_area: "fylde-and-wyre" },
];

const STRATEGY_LEAD = "Head of Service – SEND";
const COMMISSIONING_LEAD = "Chief Operating Officer, Morecambe Bay CCG";
const ENGAGEMENT_LEAD = "SEND Reforms Manager";
const NEED_LEAD = "Head of Service, Children and Family Wellbeing, with the SEND Manager (NHS)";
const OUTCOMES_LEAD = "Head of Service, School Improvement";

export const demoWorkingGroups: DemoWorkingGroup[] = [
  {
    slug: "strategy",
    number: 1,
    name: "Strategy",
    purpose:
      "Agrees a shared vision and plan for SEND across the council and the NHS, based on a clear picture of what local children and young people need.",
    lead_role: STRATEGY_LEAD,
    actions: ["A", "B", "C"],
  },
  {
    slug: "commissioning-and-access-to-provision",
    number: 2,
    name: "Commissioning and Access to Provision",
    purpose:
      "Makes sure the council and the NHS plan and pay for services together, so that families get the same help wherever they live, including autism assessments and the move to adult health services.",
    lead_role: COMMISSIONING_LEAD,
    actions: ["D", "E", "F", "G"],
  },
  {
    slug: "engagement",
    number: 3,
    name: "Engagement",
    purpose:
      "Makes sure parents, carers and young people have a real say in decisions, and that the local offer gives clear, useful information.",
    lead_role: ENGAGEMENT_LEAD,
    actions: ["H", "I"],
  },
  {
    slug: "identifying-and-meeting-need",
    number: 4,
    name: "Identifying and Meeting Need",
    purpose:
      "Makes the way a child's needs are recognised and met simple, fair and the same everywhere, and makes EHC plans better.",
    lead_role: NEED_LEAD,
    actions: ["J", "K"],
  },
  {
    slug: "improving-outcomes",
    number: 5,
    name: "Improving Outcomes",
    purpose:
      "Works with schools so that children and young people with SEND do better and fewer of them are permanently excluded.",
    lead_role: OUTCOMES_LEAD,
    actions: ["C", "L"],
  },
];

export const demoAreasOfConcern: DemoAreaOfConcern[] = [
  {
    number: 1,
    title: "The lack of strategic leadership and vision across the partnership",
    plain_title: "Leaders had no shared plan for SEND",
  },
  {
    number: 2,
    title: "Leaders' inaccurate understanding of the local area",
    plain_title: "Leaders did not know enough about local children's needs",
  },
  {
    number: 3,
    title: "Weak joint commissioning arrangements that are not well developed or evaluated",
    plain_title: "The council and the NHS did not plan services together well",
  },
  {
    number: 4,
    title: "The failure to engage effectively with parents and carers",
    plain_title: "Parents and carers were not listened to",
  },
  {
    number: 5,
    title: "The confusing, complicated and arbitrary systems and processes of identification",
    plain_title: "It was hard to get a child's needs recognised",
  },
  {
    number: 6,
    title: "The endemic weakness in the quality of EHC plans",
    plain_title: "EHC plans were often poor",
  },
  {
    number: 7,
    title:
      "The absence of effective diagnostic pathways for ASD across the local area, and no diagnostic pathway in the north of the area",
    plain_title: "Autism assessments were hard to get, and not offered in the north",
  },
  {
    number: 8,
    title:
      "No effective strategy to improve the outcomes of children and young people who have SEND and / or disabilities",
    plain_title: "No plan to help children with SEND do better",
  },
  {
    number: 9,
    title: "Poor transition arrangements in 0-25 healthcare services",
    plain_title: "Moving on to adult health services was not well planned",
  },
  {
    number: 10,
    title:
      "The disconcerting number of children and young people who have an EHC plan or statement of SEN who are permanently excluded from school",
    plain_title: "Too many children with an EHC plan were excluded from school",
  },
  {
    number: 11,
    title: "The inequalities in provision based on location",
    plain_title: "The help you got depended on where you lived",
  },
  {
    number: 12,
    title: "The lack of accessibility and quality of information on the local offer",
    plain_title: "The local offer was hard to use and missing information",
  },
];

export const demoActions: DemoAction[] = [
  {
    letter: "A",
    title: "To develop strategic leadership and vision for SEND across the partnership",
    lead_role: STRATEGY_LEAD,
    success_measures: [],
    areas_of_concern: [1],
    tasks: [
      {
        code: "A1",
        description: "Agree the governance structure for SEND across the local area",
        lead_role: STRATEGY_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome:
          "The governance structure is agreed and published. Regular reporting takes place to the Health and Wellbeing Board and JCCCG. Action is also scrutinised by the Children's and Education scrutiny committee",
        rag: "blue",
      },
      {
        code: "A2",
        description:
          "Each partner organisation must agree a senior accountable officer to support regular and consistent communication of the SEND agenda across the local area",
        lead_role: STRATEGY_LEAD,
        due_text: "May 2018",
        due_date: "2018-05-31",
        outcome: "Accountable officers have been agreed for the CCG's and LA",
        rag: "blue",
      },
      {
        code: "A3",
        description:
          "Senior accountable officers work together to create the SEND partnership vision across the local area in collaboration with CYP, Parent, Carers and Stakeholder's",
        lead_role: STRATEGY_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome: "The SEND vision developed through the partnership and shared",
        rag: "blue",
      },
      {
        code: "A4",
        description: "CCGs to pool funding and recruit a single joint commissioning post for Health across pan-Lancashire.",
        lead_role: STRATEGY_LEAD,
        due_text: "April 2018",
        due_date: "2018-04-30",
        outcome: "A Director of ICS has been appointed",
        rag: "blue",
      },
      {
        code: "A5",
        description: "Establishment of the Designated Clinical Officer (DCO) service across the area",
        lead_role: STRATEGY_LEAD,
        due_text: "May 2018",
        due_date: "2018-05-31",
        outcome: "The service is in place and operational across the area",
        rag: "blue",
      },
      {
        code: "A6",
        description:
          "CCGs and LCC to include a contract variation with all their provider organisations to ensure that all provider senior management teams and staff receive appropriate training and information with regards to the ethos and the implications of the SEND reforms.",
        lead_role: STRATEGY_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        // The update reads "Contract variations are in place. produced. Training is taking places".
        outcome: "Contract variations are in place. Training is taking place",
        rag: "blue",
      },
    ],
  },
  {
    letter: "B",
    title:
      "To develop an accurate understanding of SEND across the local area, to support leadership and strategic decision making",
    lead_role: STRATEGY_LEAD,
    success_measures: [],
    areas_of_concern: [2],
    tasks: [
      {
        code: "B1",
        description:
          "Complete and publish a Joint Strategic Needs Analysis (JSNA) to support understanding of need across the local area ensuring CYP and Parent/Carers voice is clearly communicated",
        lead_role: STRATEGY_LEAD,
        due_text: "Jan 2019",
        due_date: "2019-01-31",
        outcome: "JSNA developed in partnership and shared ahead of finalising in March",
        rag: "green",
      },
      {
        code: "B2",
        description:
          "Develop a data dashboard to share SEND performance outcomes including health and education, to inform CYP, parent/carers and stakeholders of progress.",
        lead_role: STRATEGY_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "Data dashboard developed and available on line",
        rag: "blue",
      },
    ],
  },
  {
    letter: "C",
    title: "To develop an effective strategy to improve the outcomes for children and young people with SEND",
    lead_role: `${STRATEGY_LEAD} (strategy, tasks C1–C3); ${OUTCOMES_LEAD} (outcomes, tasks C4–C5)`,
    // Working Group 5 states action C as a measurable aim.
    success_measures: [
      "The outcomes of children and young people with SEND improve towards the national average and statistical neighbours",
    ],
    areas_of_concern: [8],
    tasks: [
      {
        code: "C1",
        description:
          "Develop a Strategy for improving outcomes for CYP with SEND across the local area through co-production with stakeholders across the partnership",
        lead_role: STRATEGY_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "The SEND strategy developed in partnership and shared",
        rag: "blue",
      },
      {
        code: "C2",
        description: "SEND partnership agree shared measures to monitor the Improvement Strategy",
        lead_role: STRATEGY_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "Measures agreed by the SEND Partnership Board",
        rag: "blue",
      },
      {
        code: "C3",
        description:
          "Establish and implement with CYP and parents/carers an agreed set of strategic principles to ensure that co-production is at the heart of strategic decision making and service delivery (see H2)",
        lead_role: STRATEGY_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "Co-production strategy agreed, with co-production beginning to take place",
        rag: "green",
      },
      {
        code: "C4",
        description: "Analyse the outcomes for CYP with SEND and agree targets for improvement",
        lead_role: OUTCOMES_LEAD,
        due_text: "June 2018",
        due_date: "2018-06-30",
        outcome:
          "Key themes for improvement, including a reduction in exclusions and raising attainment identified",
        rag: "blue",
      },
      {
        code: "C5",
        description:
          "Implement a programme of action with schools to achieve the agreed targets with PHiL, LASH and LASSHTA",
        lead_role: OUTCOMES_LEAD,
        due_text: "July 2019",
        due_date: "2019-07-31",
        outcome: "Targeted action taking place and service support provided",
        rag: "green",
      },
    ],
  },
  {
    letter: "D",
    title: "To develop robust joint commissioning arrangements, which are regularly monitored and evaluated",
    lead_role: COMMISSIONING_LEAD,
    success_measures: [],
    areas_of_concern: [3],
    tasks: [
      {
        code: "D1",
        description:
          "Use the existing Joint Commissioning Framework (2017) to identify the appropriate level of commissioning for each service or function",
        lead_role: COMMISSIONING_LEAD,
        due_text: "April 2019",
        due_date: "2019-04-30",
        outcome: "Commissioning being progressed via the ICS, including children",
        carried_over_to: "Action 3.4 Develop a commissioning plan which is informed by the JSNA",
        rag: "green",
      },
      {
        code: "D2",
        description:
          "Building on the work already being undertaken develop a commissioning plan based on JSNA including the joint commissioning strategy.",
        lead_role: COMMISSIONING_LEAD,
        due_text: "April 2019",
        due_date: "2019-04-30",
        outcome: "JSNA developed to inform commissioning plan",
        carried_over_to: "Action 3.4 Develop a commissioning plan which is informed by the JSNA",
        rag: "green",
      },
      {
        code: "D3",
        description: "For those services to be commissioned at an ICS level agree joint commissioning function",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Sept 2019",
        due_date: "2019-09-30",
        outcome:
          "Joint work is taking place; Speech and Language and Occupational Therapy are being recommissioned",
        carried_over_to:
          "Action 3.4.4 For those services to be commissioned at an ICS level agree joint commissioning function",
        rag: "green",
      },
      {
        code: "D4",
        description: "Develop evaluation and monitoring system for jointly commissioned services at ICS level",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Sept 2019",
        due_date: "2019-09-30",
        outcome: "Not yet actioned",
        carried_over_to:
          "Action 3.4.5 Develop evaluation and monitoring system for jointly commissioned services at ICS level",
        rag: "not_started",
      },
    ],
  },
  {
    letter: "E",
    title: "To develop effective, evidence-based diagnostic pathways for Autism across the local area",
    lead_role: COMMISSIONING_LEAD,
    success_measures: [],
    areas_of_concern: [7],
    tasks: [
      {
        code: "E1",
        // The update reads "Morecambe Bay CCG (Lancashire) North)".
        description: "Implement an ASD diagnostic pathway for Morecambe Bay CCG (Lancashire North)",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Mar 2018",
        due_date: "2018-03-31",
        outcome: "Diagnostic ASD pathway implemented across Morecambe Bay",
        rag: "blue",
      },
      {
        code: "E2",
        description:
          "Agree a pan-Lancashire NICE compliant diagnostic pathway for ASD as part of a neurodevelopmental diagnostic pathway",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Dec 2018",
        due_date: "2018-12-31",
        outcome: "Pan-Lancashire Neurodevelopmental Assessment and Diagnostic high level pathway agreed",
        rag: "blue",
      },
      {
        code: "E3",
        description:
          "Implementation of NICE compliant diagnostic pathway across ICS as part of a neurodevelopmental diagnostic pathway",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Dec 2019",
        due_date: "2019-12-31",
        outcome: "High level pathway agreed and work continuing to develop pathway across ICS",
        carried_over_to:
          "Action 3.5.1 Implement neurodevelopmental diagnostic pathway across ICS to include NICE compliant diagnostic pathway for ASD and links to THRIVE CAMHS re-design model",
        rag: "green",
      },
    ],
  },
  {
    letter: "F",
    title: "To develop arrangements to support good transitions in health care services 0-25",
    lead_role: COMMISSIONING_LEAD,
    success_measures: [],
    areas_of_concern: [9],
    tasks: [
      {
        code: "F1",
        description:
          "Review and strengthen transition arrangements and ensure a 0-25 transition protocol is included as part of the joint commissioning plan",
        lead_role: COMMISSIONING_LEAD,
        due_text: "April 2019",
        due_date: "2019-04-30",
        outcome: "Not actioned - transition arrangements across services priority for Improvement Plan",
        carried_over_to: "Action 3.7 Develop arrangements to improve our provision and services",
        rag: "not_started",
      },
      {
        code: "F2",
        description: "Agree monitoring mechanism for transition processes",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Oct 2019",
        due_date: "2019-10-31",
        outcome: "Not actioned - transition arrangements across services priority for Improvement Plan",
        carried_over_to: "Action 3.7 Develop arrangements to improve our provision and services",
        rag: "not_started",
      },
    ],
  },
  {
    letter: "G",
    title: "To ensure that all children in Lancashire have equal access to provision regardless of location",
    lead_role: COMMISSIONING_LEAD,
    success_measures: [],
    areas_of_concern: [11],
    tasks: [
      {
        code: "G1",
        description:
          "Review and strengthen the health, social and education offer to ensure that services meet the needs identified in the JSNA to deliver consistent outcomes across the local area",
        lead_role: COMMISSIONING_LEAD,
        due_text: "April 2019",
        due_date: "2019-04-30",
        outcome: "Not yet actioned",
        carried_over_to:
          "Action 3.4.3 Review and strengthen the health, social and education offer to ensure that services meet the needs identified in the JSNA and deliver consistent outcomes across the local area",
        rag: "not_started",
      },
      {
        code: "G2",
        description:
          "Develop the healthcare offer to ensure that vulnerable groups have their healthcare needs identified, assessed and met, and that there is oversight across the local area.",
        lead_role: COMMISSIONING_LEAD,
        due_text: "Dec 2018",
        due_date: "2018-12-31",
        outcome: "Process map for health care offer completed and recommendations identified",
        rag: "green",
      },
    ],
  },
  {
    letter: "H",
    title: "To ensure that parents and carers are fully engaged in decision making",
    lead_role: ENGAGEMENT_LEAD,
    success_measures: [],
    areas_of_concern: [4],
    tasks: [
      {
        code: "H1",
        description: "Ensure that CYP & parents / carers are fully represented throughout the SEND governance structure",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome: "Parents and young people represented on SEND Partnership Board and working groups",
        rag: "blue",
      },
      {
        code: "H2",
        description:
          "Inform and implement an agreed set of principles with CYP, Parent/Carers for co-production across the SEND Partnership (see C3)",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "Principles included in the Working Together (co-production) Strategy",
        rag: "blue",
      },
      {
        code: "H3",
        // The document links the Section 19 principles ("found here"); the link is not kept.
        description: "Embed and ensure Section 19 principles underpin a culture of co-production at an individual level",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "Principles included in the Working Together (co-production) Strategy",
        rag: "blue",
      },
      {
        code: "H4",
        description:
          "Co-ordinate the delivery of an annual survey for CYP, Parents/Carers, and professionals and communicate findings of Personal Outcomes Evaluation Tool (POET).",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "June 2018",
        due_date: "2018-06-30",
        outcome: "An annual survey - POET - has been expanded to include SEND Support and taken place",
        rag: "blue",
      },
      {
        code: "H5",
        description:
          "Develop a viable and robust two-way communication system to rebuild trust and regain positive relationships to facilitate wider participation and engagement with CYP & Parent/Carers",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "Dec 2018",
        due_date: "2018-12-31",
        outcome: "Local Areas Partnerships have been implemented to engage with and support parents locally",
        rag: "blue",
      },
    ],
  },
  {
    letter: "I",
    title: "To provide a local offer that is clear and accessible, and which provides high quality information",
    lead_role: ENGAGEMENT_LEAD,
    success_measures: [],
    areas_of_concern: [12],
    tasks: [
      {
        code: "I1",
        description:
          "Work with CYP, Parents/Carers and stakeholders to review the Local Offer and ensure the Local Offer is accessible and provides comprehensive high-quality information",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome:
          "The Local Offer has been reviewed and is being rebuilt to ensure accessible and high-quality information",
        rag: "green",
      },
      {
        code: "I2",
        description: "Develop mechanisms to collect and respond to Local Offer feedback",
        lead_role: ENGAGEMENT_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome: "The Local Offer re-build will enable ongoing feedback",
        rag: "green",
      },
    ],
  },
  {
    letter: "J",
    title: "To develop and implement simple, transparent and consistent procedures for identifying and meeting need",
    lead_role: NEED_LEAD,
    success_measures: [],
    areas_of_concern: [5],
    tasks: [
      {
        code: "J1",
        description: "Implementation and integration of a transparent and consistent DCO service across the local area",
        lead_role: NEED_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "DCO service in place across the area and parents increasingly aware of service",
        rag: "blue",
      },
      {
        code: "J2",
        description:
          "Co-produce, publish and implement a clear pathway for identifying and meeting need for CYP 0-25 across the local area.",
        lead_role: NEED_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "Information in draft to ensure there is clear and consistent information",
        carried_over_to:
          "Action 1.3.2 Produce information about a graduated response to SEND support, identifying needs and requesting an assessment to ensure this is clear and transparent",
        rag: "green",
      },
    ],
  },
  {
    letter: "K",
    title: "To develop systems to ensure the quality of EHC Plans",
    lead_role: NEED_LEAD,
    success_measures: [],
    areas_of_concern: [6],
    tasks: [
      {
        code: "K1",
        description:
          "To review the current EHC Plan process to ensure the agreed pathway is fully embedded across all organisations including co-production and particularly from social care and health professionals",
        lead_role: NEED_LEAD,
        due_text: "Oct 2018",
        due_date: "2018-10-31",
        outcome: "System implemented to improve future efficiency and communication",
        carried_over_to:
          "Action 1.9.2 Implement the electronic case management system to manage the EHCP process efficiently and improve communications with parent, carers and professionals",
        rag: "green",
      },
      {
        code: "K2",
        description: "Define Lancashire quality standards for EHC Plan",
        lead_role: NEED_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "Standards agreed and training taking place to ensure auditors are clear about what good looks like",
        rag: "blue",
      },
      {
        code: "K3",
        description:
          "To develop and implement an EHC Plan content audit process across the local area and participate in regional audit and training opportunities",
        lead_role: NEED_LEAD,
        due_text: "Jan 2019",
        due_date: "2019-01-31",
        outcome:
          "Audit process agreed by SEND Partnership Board in January 2019 with pilot phase completed. Participation in regional and national training and audit processes",
        rag: "blue",
      },
      {
        code: "K4",
        description:
          "Commence using the results of audit to inform the professional development of plan writers, advice givers and those supporting the delivery of the plans",
        lead_role: NEED_LEAD,
        due_text: "Dec 2019",
        due_date: "2019-12-31",
        outcome: "Improving the quality of EHC Plans priority for Improvement Plan.",
        carried_over_to:
          "Action 1.4.3 Utilise service wide findings from case audits on the quality of plans to inform activity and secure a consistent countywide approach",
        rag: "not_started",
      },
      {
        code: "K5",
        description:
          "To develop planning and recording systems to support joint working and the improvement process of producing quality EHC plans",
        lead_role: NEED_LEAD,
        due_text: "Jan 2019",
        due_date: "2019-01-31",
        outcome: "Draft reports written to enable reporting to the SEND Board",
        rag: "green",
      },
    ],
  },
  {
    letter: "L",
    title:
      "To reduce the number of permanent school exclusions for CYP with an EHC Plan to below the national average and statistical neighbours",
    lead_role: OUTCOMES_LEAD,
    success_measures: [
      "Permanent school exclusions of children and young people with an EHC plan fall below the national average and statistical neighbours",
    ],
    areas_of_concern: [10],
    tasks: [
      {
        code: "L1",
        description:
          "The newly established SEND Improvement Partnership Team will support SEND Inclusion policy development",
        lead_role: OUTCOMES_LEAD,
        due_text: "July 2019",
        due_date: "2019-07-31",
        outcome: "Policy in development",
        carried_over_to:
          "Action 1.6.2 Establish a Lancashire pledge for 'Inclusive Practice of SEND' in partnership with parent, carers",
        rag: "green",
      },
      {
        code: "L2",
        description:
          "Training package will be produced and delivered for schools workforce to promote inclusive practice",
        lead_role: OUTCOMES_LEAD,
        due_text: "Jan 2019",
        due_date: "2019-01-31",
        outcome: "SEND Reviewers trained and reviews taking place. Local resource maps in development",
        carried_over_to:
          "Action 1.1.2 In partnership with educators, develop a strategic, universal and targeted workforce offer for education settings",
        rag: "green",
      },
      {
        code: "L3",
        description:
          "Deliver a series of briefings to SEND Leaders, school governors and workforce to promote inclusive practice",
        lead_role: OUTCOMES_LEAD,
        due_text: "Nov 2018",
        due_date: "2018-11-30",
        outcome: "Briefings completed and reduction in EHCP exclusions evident",
        rag: "blue",
      },
      {
        code: "L4",
        description:
          "Review guidance for Lancashire's school behaviour policies to ensure reasonable adjustments for SEND needs are appropriately identified and managed",
        lead_role: OUTCOMES_LEAD,
        due_text: "Dec 2018",
        due_date: "2018-12-31",
        outcome: "Draft guidance produced",
        rag: "green",
      },
      {
        code: "L5",
        // The document links "Equality Act for CYP with SEND found here"; the link is not kept.
        description:
          "LCC Governors Service to provide training on the role school governing bodies have in avoiding the needs for permanent exclusion of pupils with EHC Plans (Equality Act for CYP with SEND)",
        lead_role: OUTCOMES_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome: "Training for governors developed and delivery commenced",
        rag: "blue",
      },
      {
        code: "L6",
        description:
          "Support and intervention to be made available by LCC Educational Psychologist (EP) and Specialist Teachers Service for pupils with an EHC Plan identified as being at risk of permanent exclusion",
        lead_role: OUTCOMES_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "Targeted support provided and reduction in exclusion evident",
        rag: "blue",
      },
      {
        code: "L7",
        description:
          "SEND Exclusions will be a regular standing item on the School Improvement termly visits to schools and the Schools Service Guarantee meetings",
        lead_role: OUTCOMES_LEAD,
        due_text: "Sept 2018",
        due_date: "2018-09-30",
        outcome: "In place",
        rag: "blue",
      },
      {
        code: "L8",
        description:
          "SEND Service champion will attend the Partnership Development Group termly meetings and contribute to the schools Governors newsletter",
        lead_role: OUTCOMES_LEAD,
        due_text: "July 2018",
        due_date: "2018-07-31",
        outcome: "Closer working and regular contributions to newsletter taking place",
        rag: "blue",
      },
      {
        code: "L9",
        description: "LCC will establish a new Lancashire Education Award for 'Inclusive Practice of SEND'",
        lead_role: OUTCOMES_LEAD,
        due_text: "July 2019",
        due_date: "2019-07-31",
        outcome: "Development in train",
        carried_over_to:
          "Action 1.6.2 Establish a Lancashire pledge for 'Inclusive Practice of SEND' in partnership for parent, carers",
        rag: "green",
      },
    ],
  },
];

/** The outcome as stored: the update's text, plus where an outstanding task was carried over. */
export function taskOutcomeText(task: DemoTask): string {
  const outcome = task.outcome.trim();
  if (!task.carried_over_to) return outcome;
  const sep = /[.!?]$/.test(outcome) ? " " : ". ";
  return `${outcome}${sep}Carried over to the SEND Improvement Plan 2019-20: ${task.carried_over_to}.`;
}
