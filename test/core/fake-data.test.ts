import { describe, expect, it } from 'vitest';
import { createFakeData, REMEMBERED_LEADS } from '../../src/core/fake-data.js';

describe('fake lead attributes', () => {
  it('draws a lead once: reading it again gives the same frozen attributes without drawing', () => {
    const fake = createFakeData();
    const first = fake.lead(4101, 'person');
    expect(fake.lead(4101, 'person')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(fake.lead(4101, 'company')).not.toBe(first);
  });

  it('gives the same attributes whether remembered, forgotten or drawn by another instance', () => {
    const fake = createFakeData();
    const remembered = fake.lead(4102, 'person');
    const fresh = createFakeData().lead(4102, 'person');
    expect(fresh).toEqual(remembered);
    for (let seed = 0; seed < REMEMBERED_LEADS; seed++) fake.lead(seed, 'company');
    const redrawn = fake.lead(4102, 'person');
    expect(redrawn).not.toBe(remembered);
    expect(redrawn).toEqual(remembered);
  });
});
