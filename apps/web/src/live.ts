import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'

type Listener = (type: string, data: Record<string, unknown>) => void

const TYPES = [
  'offer.created',
  'referral.open_case',
  'referral.unroutable',
  'board.changed',
  'tasks.changed',
  'insight.changed',
  'note.finalised',
  'plan.changed',
  'clocks.alerted',
  'family.said',
  'break_glass.opened',
  'sar.alerted',
  // the server ended the stream: signed out, or this person's roles or teams changed
  'session.changed',
]

/**
 * One stream per page, however many parts of it listen: a browser holds only six connections to
 * a server, and each stream keeps one open for as long as the page is.
 */
const listeners = new Set<Listener>()
let source: EventSource | null = null

function open() {
  if (source) return
  source = new EventSource('/api/events')
  for (const type of TYPES) {
    source.addEventListener(type, (e: MessageEvent) => {
      let data: Record<string, unknown> = {}
      try {
        data = JSON.parse(e.data)
      } catch {}
      for (const l of [...listeners]) l(type, data)
    })
  }
}

function closeIfUnused() {
  if (listeners.size || !source) return
  source.close()
  source = null
}

/**
 * Listens to the server's live events and refreshes what they touch. Events carry ids only;
 * the data is re-read through the API with the person's own access.
 */
export function useLiveEvents(onEvent?: (type: string, data: Record<string, unknown>) => void) {
  const queryClient = useQueryClient()
  const latest = useRef(onEvent)
  latest.current = onEvent
  useEffect(() => {
    const listener: Listener = (type, data) => {
      // who they are now is read again (a signed-out page goes to sign-in)
      if (type === 'session.changed') return void queryClient.invalidateQueries({ queryKey: ['me'] })
      for (const key of [
        'offers',
        'referrals',
        'board',
        'my-day',
        'tasks',
        'insight',
        'chronology',
        'notes',
        'plan',
        'case-process',
        'family-voice',
        'family-messages',
      ])
        void queryClient.invalidateQueries({ queryKey: [key] })
      latest.current?.(type, data)
    }
    listeners.add(listener)
    open()
    return () => {
      listeners.delete(listener)
      closeIfUnused()
    }
  }, [queryClient])
}
