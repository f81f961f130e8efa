import { NamedStaffForm } from './NamedStaffForm'

/**
 * Restrict the record (a child placed for adoption; a family of a member of staff; a case in the
 * news): only the staff named see it; for everyone else it is not found, anywhere.
 */
export function Restriction(props: { familyId: string; restricted: boolean; restrictedTo: string[] }) {
  return (
    <NamedStaffForm
      familyId={props.familyId}
      path={`/api/families/${props.familyId}/restriction`}
      flag="restricted"
      namedField="namedPeople"
      on={props.restricted}
      named={props.restrictedTo}
      words={{
        open: 'This record is restricted: who may see it',
        closed: 'Restrict this record',
        reason: 'Why is the record restricted?',
        hint: 'For example: the child is placed for adoption',
        save: 'Restrict the record',
        change: 'Save who may see it',
        lift: 'Lift the restriction',
        done: 'The record is now restricted.',
        lifted: 'The restriction is lifted.',
      }}
    />
  )
}
