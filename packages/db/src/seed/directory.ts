import type { OrukService } from '@hearth/contracts/open-referral'
import { NEEDS_VOCABULARY, SERVICE_NEEDS, type ServiceNeed } from '@hearth/domain/insight'
import type { Tx } from '../client'
import { upsertOrukService } from '../directory'

/** The demo council's service directory: invented organisations and services, as Open Referral UK records. */
interface DemoService {
  key: string
  name: string
  description: string
  org: [key: string, name: string, description: string]
  needs: ServiceNeed[]
  areas: string[]
  ages?: [number | null, number | null, string]
  cost: ['Free' | 'Spot purchase' | 'Block contract', number | null, string | null]
  place?: [key: string, name: string, address: string, postcode: string]
  howToRefer: string
  waitingWeeks?: number
  capacity?: string
}

const SERVICES: DemoService[] = [
  {
    key: 'young-carers',
    name: 'Hollybrook Young Carers Club',
    description: 'A weekly club for children who look after someone at home: games, a hot meal and a break.',
    org: ['hollybrook', 'Hollybrook Community Trust', 'A local charity for children and families.'],
    needs: ['young_carers'],
    areas: ['Eastfield', 'Riverside'],
    ages: [8, 17, 'Young carers'],
    cost: ['Free', null, null],
    place: ['hollybrook-hall', 'Hollybrook Hall', '4 Chapel Lane', '1 2AB'],
    howToRefer: 'Phone the club; families may refer themselves.',
    waitingWeeks: 0,
  },
  {
    key: 'parenting',
    name: 'Steady Steps Parenting Course',
    description: 'Eight evening sessions for parents of children under 12, with a crèche.',
    org: ['hollybrook', 'Hollybrook Community Trust', 'A local charity for children and families.'],
    needs: ['parenting', 'early_years'],
    areas: [],
    ages: [null, 11, 'Parents of children under 12'],
    cost: ['Block contract', null, 'Council block contract 2026/27'],
    place: ['hollybrook-hall', 'Hollybrook Hall', '4 Chapel Lane', '1 2AB'],
    howToRefer: 'Send the referral form to the course team; the next course starts each half-term.',
    waitingWeeks: 3,
    capacity: 'Twelve places a course.',
  },
  {
    key: 'da-outreach',
    name: 'Safe Harbour Outreach',
    description:
      'Domestic abuse outreach: a named worker for safety planning, court support and the freedom programme.',
    org: ['safe-harbour', 'Safe Harbour Partnership', 'Domestic abuse support across the county.'],
    needs: ['domestic_abuse'],
    areas: [],
    ages: [16, null, 'Adults and young people aged 16 and over'],
    cost: ['Free', null, null],
    howToRefer: 'Phone the helpline or refer online; MARAC cases are seen within two working days.',
    waitingWeeks: 1,
  },
  {
    key: 'family-therapy',
    name: 'Brightwater Family Therapy',
    description: 'Systemic family therapy, weekly sessions at home or at the clinic.',
    org: ['brightwater', 'Brightwater Therapies Ltd', 'A specialist provider of family therapy.'],
    needs: ['mental_health', 'parenting'],
    areas: ['Whole council'],
    ages: [5, 18, 'Families with a child aged 5 to 18'],
    cost: ['Spot purchase', 95, 'per session'],
    place: ['brightwater-clinic', 'Brightwater Clinic', '22 Quay Street', '3 4DE'],
    howToRefer: 'Insight commissions it: ask the insight team.',
    waitingWeeks: 6,
    capacity: 'Four new families a month.',
  },
  {
    key: 'youth-club',
    name: 'Oakhill Youth Hub',
    description: 'Open evenings, detached youth work and a mentoring scheme for young people at risk of exploitation.',
    org: ['oakhill-youth', 'Oakhill Youth Hub CIC', 'A community interest company for young people.'],
    needs: ['youth', 'exploitation'],
    areas: ['Oakhill'],
    ages: [11, 19, 'Young people aged 11 to 19'],
    cost: ['Free', null, null],
    place: ['oakhill-hub', 'The Hub', '9 Market Street', '5 6FG'],
    howToRefer: 'Drop in, or ask for a mentor by email.',
    waitingWeeks: 2,
  },
  {
    key: 'send-breaks',
    name: 'Kestrel Short Breaks',
    description: 'Overnight and weekend short breaks for disabled children and young people.',
    org: ['kestrel', 'Kestrel Care Ltd', 'A registered children’s home provider offering short breaks.'],
    needs: ['disability'],
    areas: [],
    ages: [5, 17, 'Disabled children aged 5 to 17'],
    cost: ['Spot purchase', 450, 'per night'],
    howToRefer: 'Needs a short-breaks assessment; insight commissions placements.',
    waitingWeeks: 8,
    capacity: 'Six beds; weekends book up early.',
  },
  {
    key: 'money-advice',
    name: 'Moorside Money Advice',
    description: 'Debt, benefits and budgeting advice, including help with rent arrears.',
    org: ['moorside-cab', 'Moorside Advice Centre', 'Independent advice for everyone.'],
    needs: ['money', 'housing'],
    areas: [],
    cost: ['Free', null, null],
    howToRefer: 'Book an appointment online or by phone.',
    waitingWeeks: 1,
  },
  {
    key: 'recovery',
    name: 'Turning Tide Family Recovery',
    description: 'Support for parents who use drugs or alcohol, with a family worker for the children.',
    org: ['turning-tide', 'Turning Tide Recovery', 'Drug and alcohol services.'],
    needs: ['substance_use'],
    areas: ['Whole council'],
    ages: [18, null, 'Parents'],
    cost: ['Block contract', null, 'Public health contract'],
    howToRefer: 'Professional or self-referral by phone.',
    waitingWeeks: 2,
  },
]

export async function seedDirectory(tx: Tx, councilId: string, postcodeArea: string): Promise<void> {
  for (const d of SERVICES) {
    const s: OrukService = {
      id: `demo-${d.key}`,
      name: d.name,
      description: d.description,
      url: null,
      email: null,
      status: 'active',
      fees: null,
      attending_access: null,
      organization: { id: `demo-org-${d.org[0]}`, name: `${d.org[1]} (invented)`, description: d.org[2] },
      service_at_locations: d.place
        ? [
            {
              id: `demo-sal-${d.key}`,
              location: {
                id: `demo-loc-${d.place[0]}`,
                name: d.place[1],
                physical_addresses: [
                  {
                    id: `demo-addr-${d.place[0]}`,
                    address_1: d.place[2],
                    city: 'Northmoor',
                    postal_code: `${postcodeArea}${d.place[3]}`,
                    country: 'GB',
                  },
                ],
              },
            },
          ]
        : [],
      eligibilitys: d.ages
        ? [{ id: `demo-elig-${d.key}`, eligibility: d.ages[2], minimum_age: d.ages[0], maximum_age: d.ages[1] }]
        : [],
      cost_options: [{ id: `demo-cost-${d.key}`, option: d.cost[0], amount: d.cost[1], amount_description: d.cost[2] }],
      service_areas: d.areas.map((a, i) => ({ id: `demo-area-${d.key}-${i}`, service_area: a })),
      service_taxonomys: d.needs.map((n) => ({
        id: `demo-tax-${d.key}-${n}`,
        taxonomy: { id: n, name: SERVICE_NEEDS[n], vocabulary: NEEDS_VOCABULARY },
      })),
      extensions: {
        hearth: {
          how_to_refer: d.howToRefer,
          waiting_weeks: d.waitingWeeks ?? null,
          capacity_note: d.capacity ?? null,
        },
      },
    }
    await upsertOrukService(tx, councilId, s)
  }
}
