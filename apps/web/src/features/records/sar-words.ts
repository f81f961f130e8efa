import type { SarView } from '@hearth/contracts/records'

export const STATUS_WORDS: Record<SarView['status'], string> = {
  gathering: 'Gathering the record',
  reviewing: 'To review',
  producing: 'Making the copy',
  ready: 'Ready to send',
  sent: 'Sent',
  failed: 'Failed: try again',
}

export const CLOCK_TAGS: Record<SarView['clock'], { text: string; colour: string }> = {
  on_time: { text: 'On time', colour: 'govuk-tag--green' },
  due_soon: { text: 'Due soon', colour: 'govuk-tag--yellow' },
  overdue: { text: 'Overdue', colour: 'govuk-tag--red' },
  sent: { text: 'Sent', colour: 'govuk-tag--grey' },
}

export const day = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })
