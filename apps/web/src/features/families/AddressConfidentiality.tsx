import { NamedStaffForm } from './NamedStaffForm'

/**
 * Keep the family's address confidential (a refuge; somewhere a parent must not find them): it
 * is then shown only to the staff named, never on a letter, the family's link or a list.
 */
export function AddressConfidentiality(props: {
  familyId: string
  confidential: boolean
  visible: boolean
  shownTo: string[]
}) {
  if (!props.visible)
    return (
      <p className="govuk-inset-text">
        This family’s address is confidential. Only the staff named on it can see it; letters are given by hand.
      </p>
    )
  return (
    <NamedStaffForm
      familyId={props.familyId}
      path={`/api/families/${props.familyId}/address-confidentiality`}
      flag="confidential"
      namedField="shownTo"
      on={props.confidential}
      named={props.shownTo}
      words={{
        open: 'The address is confidential: who may see it',
        closed: 'Keep this address confidential',
        reason: 'Why is the address confidential?',
        hint: 'For example: the family is in a refuge',
        save: 'Keep it confidential',
        change: 'Save who may see it',
        lift: 'It is no longer confidential',
        done: 'The address is now confidential.',
        lifted: 'The address is no longer confidential.',
      }}
    />
  )
}
