import { Link } from 'react-router'
import type { Me } from '@hearth/contracts/auth'
import { ROLE_LABELS } from '@hearth/domain/roles'
import { MyDay } from '../team-board/MyDay'
import { TaskFigures } from '../enablers/TaskFigures'
import { GlassAlerts } from '../families/GlassAlerts'
import { ApprovalsWaiting } from '../admin/AdminPage'
import { useLiveEvents } from '../../live'
import { hasRole } from '../../session'

/** A home per role. Capabilities that later work builds are named plainly as "coming", never faked. */
export function HomePage({ me }: { me: Me }) {
  return hasRole(me, 'practitioner') ? <LiveHome me={me} /> : <Home me={me} />
}

function LiveHome({ me }: { me: Me }) {
  useLiveEvents()
  return <Home me={me} />
}

function Home({ me }: { me: Me }) {
  return (
    <>
      <span className="govuk-caption-l">{me.roles.map((r) => ROLE_LABELS[r]).join(', ')}</span>
      <h1 className="govuk-heading-l">Hello, {me.name.split(' ')[0]}</h1>
      {me.teams.length > 0 && (
        <p className="govuk-body">
          Your {me.teams.length === 1 ? 'team' : 'teams'}: {me.teams.map((t) => t.name).join(', ')}.
        </p>
      )}
      <GlassAlerts />
      {hasRole(me, 'practitioner') && <MyDay me={me} />}
      {hasRole(me, 'referral_officer') && (
        <Section title="Front door">
          <p className="govuk-body">
            <Link className="govuk-link" to="/referrals">
              Referrals waiting for a decision
            </Link>
            , least time left first, or{' '}
            <Link className="govuk-link" to="/referrals/new">
              record a referral
            </Link>
            .
          </p>
        </Section>
      )}
      {hasRole(me, 'enabler') && (
        <Section title="Admin queue">
          <p className="govuk-body">
            <Link className="govuk-link" to="/tasks">
              Open the admin task queue
            </Link>
            : letters, bookings, invitations and minutes that practitioners’ work sends to you, soonest due first.
          </p>
        </Section>
      )}
      {hasRole(me, 'insight_adviser') && (
        <Section title="Consultations and figures">
          <TaskFigures />
          <p className="govuk-body govuk-hint">
            Coming next: consultation requests, the service directory and the other team figures.
          </p>
        </Section>
      )}
      {hasRole(me, 'strategy_member') && (
        <Section title="Sign-off and the council view">
          <p className="govuk-body">
            <Link className="govuk-link" to="/strategy">
              Proposals waiting for sign-off
            </Link>{' '}
            ·{' '}
            <Link className="govuk-link" to="/council">
              the council at a glance
            </Link>
          </p>
          {!hasRole(me, 'insight_adviser') && <TaskFigures />}
        </Section>
      )}
      {hasRole(me, 'information_governance') && (
        <Section title="Information governance">
          <ul className="govuk-list govuk-list--bullet">
            <li>
              <Link className="govuk-link" to="/subject-access">
                Subject access requests
              </Link>
              : record one, review what Hearth marks, send the copy within the month
            </li>
            <li>
              <Link className="govuk-link" to="/break-glass-openings">
                Break-glass openings
              </Link>
              : review each opening of a restricted record
            </li>
          </ul>
        </Section>
      )}
      {hasRole(me, 'administrator') && (
        <Section title="Set up the council">
          <ApprovalsWaiting />
          <p className="govuk-body">
            People and their roles, teams and patches, timescales, checks and settings, the audit trail and failed jobs
            are all on{' '}
            <Link className="govuk-link" to="/admin">
              the Administration page
            </Link>
            .
          </p>
        </Section>
      )}
    </>
  )
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m">{title}</h2>
      {children}
    </section>
  )
}
