import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import type { TaskType } from '@hearth/domain/admin-tasks'
import { VISIT_KINDS, type VisitKind } from '@hearth/domain/allocation'
import { pdfOf } from '@hearth/records'

export interface LetterData {
  councilName: string
  family: {
    name: string
    addressLine1: string
    addressLine2: string | null
    town: string
    postcode: string
    language: string
  }
  visit?: { kind: string; startsAt: Date; place: string; interpreterNeeded: boolean } | null
  workers?: { lead: string; coWorkers: string[]; team: string } | null
  referral?: { reference: string; referrerName: string | null; receivedAt: Date } | null
  /** Pre-proceedings (CA1989 s.31ZA): the offer of a family group decision-making meeting. */
  preProceedings?: { fgdmOffered: boolean | null; meetingOn: string | null } | null
  /** The family's lead worker now, their team and its phone line. */
  contact?: { lead: string; team: string; phone: string | null } | null
}

const firstName = (name: string) => name.split(' ')[0] ?? name

/** Whom to call, by name, and how: every letter to a family ends with it. */
function callUs(d: LetterData): string[] {
  const c = d.contact
  if (!c?.lead) return []
  const how = c.phone ? `call ${c.phone}` : `call ${d.councilName} and ask for the ${c.team}`
  return [`To talk to ${firstName(c.lead)} or anyone in the ${c.team}, ${how}.`]
}

/** Until letters are translated: in the family's language, say plainly that an interpreter can be arranged. */
function interpreter(d: LetterData): string[] {
  const language = d.family.language?.trim()
  if (!language || /^english$/i.test(language)) return []
  return [
    `If you would like this letter read to you in ${language}, or an interpreter at any meeting or call, ` +
      'tell us and we will arrange one, at no cost to you.',
  ]
}

const when = (d: Date) =>
  d.toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  })

/** The letter's words, in plain English, from the task type's template. */
export function letterParagraphs(type: TaskType, d: LetterData): { to: string; lines: string[] } {
  const familyTo = `To the ${d.family.name}`
  switch (type) {
    case 'visit_confirmation':
      return {
        to: familyTo,
        lines: [
          `We are writing to confirm that we will come to see you on ${when(d.visit!.startsAt)}.`,
          `Where: ${d.visit!.place}. What: ${VISIT_KINDS[d.visit!.kind as VisitKind] ?? 'a visit'}.`,
          ...(d.visit!.interpreterNeeded ? ['We are booking an interpreter for you.'] : []),
          'If this time does not suit you, please call us and we will find another. You are welcome to have someone with you.',
          ...callUs(d),
          ...interpreter(d),
        ],
      }
    case 'conference_invitations':
      return {
        to: familyTo,
        lines: [
          `You are invited to a ${VISIT_KINDS[d.visit!.kind as VisitKind]?.toLowerCase() ?? 'meeting'} on ${when(d.visit!.startsAt)} at ${d.visit!.place}.`,
          'This meeting is about your family and your views matter. You can bring someone to support you, and you can tell us beforehand what you would like to say.',
          ...(d.visit!.interpreterNeeded ? ['An interpreter will be there.'] : []),
          ...callUs(d),
          ...interpreter(d),
        ],
      }
    case 'workers_letter':
      return {
        to: familyTo,
        lines: [
          `From now on your social worker is ${d.workers!.lead}, working with ${d.workers!.coWorkers.join(' and ')} in the ${d.workers!.team}.`,
          'If your social worker is away, one of them, or someone else from the same team who knows your family, will help you.',
          ...callUs(d),
          ...interpreter(d),
        ],
      }
    case 'letter_before_proceedings': {
      const p = d.preProceedings
      return {
        to: `${familyTo}: letter before proceedings`,
        lines: [
          'We are very worried about your children’s safety and wellbeing. We are thinking about asking the family ' +
            'court to make an order about them. Before we do, we want to work with you to make the changes they need, ' +
            'so that going to court is not necessary.',
          'Please take this letter to a solicitor straight away. You can get free legal advice for this (legal aid), ' +
            'whatever your income: ask a solicitor who works with children and families.',
          p?.meetingOn
            ? `We invite you and your solicitor to a meeting on ${new Date(`${p.meetingOn}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long' })}, to agree what needs to change and how we will help.`
            : 'We will invite you and your solicitor to a meeting soon, to agree what needs to change and how we will help.',
          ...(p?.fgdmOffered === false
            ? []
            : [
                'We are also offering you a family group decision-making meeting. Your family and friends, and anyone ' +
                  'else important to your children, meet with an independent coordinator to make a plan to keep the ' +
                  'children safe. You can say yes or no; if you say yes, we will arrange it with you.',
              ]),
          ...callUs(d),
          ...interpreter(d),
        ],
      }
    }
    case 'referrer_acknowledgement':
      return {
        to: d.referral!.referrerName ?? 'To the person who contacted us',
        lines: [
          `Thank you for contacting us on ${when(d.referral!.receivedAt)} about the ${d.family.name}. Our reference is ${d.referral!.reference}.`,
          'We will decide what to do next within one working day. If you have new information, please call us and give the reference.',
        ],
      }
    default:
      return { to: familyTo, lines: [] }
  }
}

export function renderLetter(type: TaskType, d: LetterData): Promise<Buffer> {
  const { to, lines } = letterParagraphs(type, d)
  const address =
    type === 'referrer_acknowledgement'
      ? []
      : [d.family.addressLine1, d.family.addressLine2, d.family.town, d.family.postcode].filter(Boolean)
  const doc: TDocumentDefinitions = {
    info: { title: `${d.councilName}: letter`, creator: 'Hearth' },
    defaultStyle: { font: 'Roboto', fontSize: 12, lineHeight: 1.3 },
    content: [
      { text: d.councilName, bold: true, fontSize: 14, margin: [0, 0, 0, 20] },
      ...address.map((l) => ({ text: l as string })),
      {
        text: new Date().toLocaleDateString('en-GB', {
          timeZone: 'Europe/London',
          day: 'numeric',
          month: 'long',
          year: 'numeric',
        }),
        margin: [0, 20, 0, 20],
      },
      { text: `${to},`, margin: [0, 0, 0, 12] },
      ...lines.map((l) => ({ text: l, margin: [0, 0, 0, 10] as [number, number, number, number] })),
      { text: 'With best wishes,', margin: [0, 10, 0, 0] },
      { text: `${d.councilName}, children and families` },
    ],
  }
  return pdfOf(doc)
}
