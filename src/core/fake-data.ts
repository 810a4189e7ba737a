import { Faker, base, en, type Randomizer } from '@faker-js/faker';
import type { Subject } from '../scenario/types.js';
import { RecencyMap } from './recency-map.js';

/** A lead's generated attributes. */
export type LeadAttributes = Record<string, string | number | boolean | null>;

/**
 * Seeded fake attributes. One Faker instance per simulator, re-seeded before every draw, so a lead or a
 * result depends only on its own seed and never on what was generated before it.
 */
export interface FakeData {
  /** The attributes of the lead drawn from `seed`: frozen, and the same object for the same seed while remembered. */
  lead(seed: number, subject: Subject): LeadAttributes;
  /** Runs `draw` with the generator seeded by `seed`. */
  with<T>(seed: number, draw: (faker: Faker) => T): T;
}

const REFERENCE_DATE = Date.parse('2026-01-01T00:00:00Z');

/**
 * Leads a `FakeData` remembers (most recently drawn first): drawing one costs tens of microseconds of
 * Faker, and clients read the same leads again (each page of each run over a list, every poll of Sendkit's
 * leads), so a re-read draws nothing.
 */
export const REMEMBERED_LEADS = 1_024;

/** mulberry32: a tiny seeded generator, far cheaper to re-seed than Faker's default Mersenne Twister. */
function createRandomizer(): Randomizer {
  let state = 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    seed(seed) {
      state = (Array.isArray(seed) ? seed.reduce((a, b) => Math.imul(a ^ b, 0x9e3779b1), 0) : seed) | 0;
    },
  };
}

export function createFakeData(): FakeData {
  const faker = new Faker({ locale: [en, base], randomizer: createRandomizer() });
  faker.setDefaultRefDate(REFERENCE_DATE);
  const withSeed = <T>(seed: number, draw: (f: Faker) => T): T => {
    faker.seed(seed);
    return draw(faker);
  };
  const drawLead = (seed: number, subject: Subject): LeadAttributes =>
    withSeed(seed, (f) => {
      const companyName = f.company.name();
      const domain = `${f.helpers
        .slugify(companyName)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '')}.${f.helpers.arrayElement(['com', 'io', 'co', 'ai'])}`;
      if (subject === 'company') {
        return {
          name: companyName,
          domain,
          website: `https://${domain}`,
          industry: f.commerce.department(),
          employeeCount: f.number.int({ min: 5, max: 20_000 }),
          city: f.location.city(),
          country: f.location.countryCode(),
        };
      }
      const firstName = f.person.firstName();
      const lastName = f.person.lastName();
      return {
        firstName,
        lastName,
        fullName: `${firstName} ${lastName}`,
        email: f.internet.email({ firstName, lastName, provider: domain }).toLowerCase(),
        title: f.person.jobTitle(),
        company: companyName,
        domain,
        linkedinUrl: `https://www.linkedin.com/in/${f.helpers.slugify(`${firstName}-${lastName}`).toLowerCase()}-${f.string.alphanumeric(6).toLowerCase()}`,
        city: f.location.city(),
        country: f.location.countryCode(),
      };
    });
  const leads = new RecencyMap<string, LeadAttributes>(REMEMBERED_LEADS);
  return {
    with: withSeed,
    lead: (seed, subject) => {
      const key = `${subject}:${seed}`;
      let attributes = leads.get(key);
      if (!attributes) {
        attributes = Object.freeze(drawLead(seed, subject));
        leads.set(key, attributes);
      }
      return attributes;
    },
  };
}
