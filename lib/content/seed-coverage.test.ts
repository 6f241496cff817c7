import { describe, expect, it } from 'vitest'
import type { BeyondSeedSection } from './outline'
import { coverFacts, distinctiveTerms, seedFacts, stem } from './seed-coverage'

describe('seed coverage', () => {
  it('stems plurals and verb forms to the same word', () => {
    expect(stem('messages')).toBe(stem('message'))
    expect(stem('queues')).toBe(stem('queue'))
    expect(stem('policies')).toBe(stem('policy'))
    expect(stem('processing')).toBe('process')
  })

  it('keeps numbers and technical words, drops filler', () => {
    expect(distinctiveTerms('delivery delay - max 15min')).toEqual(['delivery', 'delay', 'max', '15min'])
    expect(distinctiveTerms('it is a service that the AWS uses')).toEqual([])
  })

  it('counts a fact as taught only when most of its terms appear', () => {
    const facts = [
      {
        line: 1,
        text: 'visibility timeout - set to 6x lambda timeout',
        terms: distinctiveTerms('visibility timeout - set to 6x lambda timeout'),
      },
    ]
    expect(coverFacts(facts, 'Set the visibility timeout to six times the Lambda timeout (6x).')[0]?.covered).toBe(true)
    expect(coverFacts(facts, 'Queues hold messages.')[0]?.covered).toBe(false)
  })

  it('has no seed facts for a section added beyond the notes', () => {
    const section: BeyondSeedSection = {
      id: 'athena',
      title: 'Amazon Athena',
      beyondSeed: true,
      why: 'A sentence long enough to say why.',
    }
    expect(seedFacts(section)).toEqual([])
  })
})
