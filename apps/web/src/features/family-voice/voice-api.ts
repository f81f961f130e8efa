import { useQuery } from '@tanstack/react-query'
import type { z } from 'zod'
import type {
  CreatedLink,
  FamilyMeetingsView,
  FamilyVoiceSettings,
  FamilyVoiceView,
  LinkSummary,
  StaffFamilyMessage,
  TeamFamilyMessages,
} from '@hearth/contracts/family-voice'
import { FAMILY_MESSAGE_KINDS, HOW_GOING_SCALE } from '@hearth/domain/family-voice'
import { api } from '../../api'

export type Voice = z.infer<typeof FamilyVoiceView>
export type Link = z.infer<typeof LinkSummary>
export type Made = z.infer<typeof CreatedLink>
export type Message = z.infer<typeof StaffFamilyMessage>
export type Meetings = z.infer<typeof FamilyMeetingsView>
export type Settings = z.infer<typeof FamilyVoiceSettings>
export type TeamMessages = z.infer<typeof TeamFamilyMessages>

export const useVoice = (familyId: string) =>
  useQuery({
    queryKey: ['family-voice', familyId],
    queryFn: () => api<Voice>('GET', `/api/families/${familyId}/family-link`),
  })

export const useTeamMessages = (teamId: string | undefined) =>
  useQuery({
    queryKey: ['family-messages', teamId],
    enabled: !!teamId,
    queryFn: () => api<TeamMessages>('GET', `/api/teams/${teamId}/family-messages`),
  })

export const when = (iso: string) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** "Said things are going: Good", "A complaint" … in staff words. */
export function saidTitle(m: Message): string {
  if (m.kind === 'how_going' && m.scale)
    return `How things are going: ${HOW_GOING_SCALE[m.scale as keyof typeof HOW_GOING_SCALE]}`
  return FAMILY_MESSAGE_KINDS[m.kind]
}

export const STATE_WORDS = { active: 'Working', expired: 'Expired', revoked: 'Stopped' } as const
