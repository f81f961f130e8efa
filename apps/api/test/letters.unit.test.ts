import { describe, expect, it } from 'vitest'
import { type LetterData, letterParagraphs, renderLetter } from '../src/modules/enablers/letters'

/** #19 finding 10: letters a family can use. */
const base: LetterData = {
  councilName: 'Northmoor Borough Council',
  family: {
    name: 'Testwood family',
    addressLine1: '1 Invented Lane',
    addressLine2: null,
    town: 'Testtown',
    postcode: 'NM1 1AA',
    language: 'English',
  },
  visit: {
    kind: 'home_visit',
    startsAt: new Date('2031-01-06T10:00:00Z'),
    place: 'Your home',
    interpreterNeeded: false,
  },
  workers: { lead: 'Priya Practitioner', coWorkers: ['Tom Teamwork'], team: 'Eastfield family team' },
  contact: { lead: 'Priya Practitioner', team: 'Eastfield family team', phone: '01632 960 123' },
}

describe('a letter to a family', () => {
  it('names their worker and gives the team’s number to call', () => {
    for (const type of ['visit_confirmation', 'workers_letter', 'conference_invitations'] as const) {
      const { lines } = letterParagraphs(type, base)
      expect(lines, type).toContain('To talk to Priya or anyone in the Eastfield family team, call 01632 960 123.')
    }
  })

  it('without a team number, says whom to ask for at the council', () => {
    const { lines } = letterParagraphs('visit_confirmation', { ...base, contact: { ...base.contact!, phone: null } })
    expect(lines).toContain(
      'To talk to Priya or anyone in the Eastfield family team, call Northmoor Borough Council and ask for the Eastfield family team.',
    )
  })

  it('in a family whose language is not English, says plainly that an interpreter can be arranged', () => {
    const polish = { ...base, family: { ...base.family, language: 'Polish' } }
    const { lines } = letterParagraphs('workers_letter', polish)
    expect(lines.at(-1)).toBe(
      'If you would like this letter read to you in Polish, or an interpreter at any meeting or call, tell us and we will arrange one, at no cost to you.',
    )
    expect(letterParagraphs('workers_letter', base).lines.join(' ')).not.toMatch(/interpreter/)
  })

  it('is a PDF with its font embedded, so no viewer runs the words together', async () => {
    const pdf = (await renderLetter('visit_confirmation', base)).toString('latin1')
    expect(pdf.startsWith('%PDF-')).toBe(true)
    expect(pdf).toMatch(/\/FontFile2/)
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+Roboto/)
    expect(pdf).not.toMatch(/\/BaseFont \/Helvetica/)
  })

  it('before proceedings: legal advice, the meeting, and the offer of a family group decision-making meeting by default', () => {
    const offered = letterParagraphs('letter_before_proceedings', {
      ...base,
      preProceedings: { fgdmOffered: null, meetingOn: '2031-01-09' },
    }).lines.join(' ')
    expect(offered).toMatch(/free legal advice/)
    expect(offered).toMatch(/meeting on Thursday 9 January/)
    expect(offered).toMatch(/family group decision-making meeting/)
    const notOffered = letterParagraphs('letter_before_proceedings', {
      ...base,
      preProceedings: { fgdmOffered: false, meetingOn: null },
    }).lines.join(' ')
    expect(notOffered).not.toMatch(/family group decision-making/)
  })
})
