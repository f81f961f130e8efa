import PdfPrinter from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { VISIT_KINDS, type TaskType, type VisitKind } from '@hearth/domain'

/** PDF's built-in Helvetica: no font files to ship or load. */
const printer = new PdfPrinter({
  Helvetica: {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica-Oblique',
    bolditalics: 'Helvetica-BoldOblique',
  },
})

export interface LetterData {
  councilName: string
  family: { name: string; addressLine1: string; addressLine2: string | null; town: string; postcode: string }
  visit?: { kind: string; startsAt: Date; place: string; interpreterNeeded: boolean } | null
  workers?: { lead: string; coWorkers: string[]; team: string } | null
  referral?: { reference: string; referrerName: string | null; receivedAt: Date } | null
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
        ],
      }
    case 'conference_invitations':
      return {
        to: familyTo,
        lines: [
          `You are invited to a ${VISIT_KINDS[d.visit!.kind as VisitKind]?.toLowerCase() ?? 'meeting'} on ${when(d.visit!.startsAt)} at ${d.visit!.place}.`,
          'This meeting is about your family and your views matter. You can bring someone to support you, and you can tell us beforehand what you would like to say.',
          ...(d.visit!.interpreterNeeded ? ['An interpreter will be there.'] : []),
        ],
      }
    case 'workers_letter':
      return {
        to: familyTo,
        lines: [
          `From now on your social worker is ${d.workers!.lead}, working with ${d.workers!.coWorkers.join(' and ')} in the ${d.workers!.team}.`,
          'If your social worker is away, one of them, or someone else from the same team who knows your family, will help you.',
        ],
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
    defaultStyle: { font: 'Helvetica', fontSize: 12, lineHeight: 1.3 },
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
  return new Promise((resolve, reject) => {
    const pdf = printer.createPdfKitDocument(doc)
    const chunks: Buffer[] = []
    pdf.on('data', (c: Buffer) => chunks.push(c))
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
    pdf.end()
  })
}
