import { describe, expect, it } from 'vitest';
import { generatedLeadId, type Lead, type LeadList } from '../../../src/core/lead-list.js';
import { countWorkspaceLeads, workspaceLeads } from '../../../src/vendors/sendkit/workspace-leads.js';

const START = Date.parse('2026-01-05T09:00:00Z');

function list(tag: string, size: number, explicitIds: string[] = []): LeadList {
  const created: LeadList = {
    id: `list_${tag}`,
    name: tag,
    subject: 'person',
    size,
    createdAt: START,
    tag,
    seed: 1,
    explicit: [],
    externalId: null,
    metadata: {},
  };
  created.explicit = explicitIds.map((id, index): Lead => ({
    id,
    listId: created.id,
    index,
    subject: 'person',
    attributes: {},
    createdAt: START,
  }));
  return created;
}

describe('sendkit: workspaceLeads', () => {
  const first = list('aaaaaaaaaa', 5, ['ffffffffffffffffffffffff', 'lead_custom']);
  const second = list('bbbbbbbbbb', 3, ['ffffffffffffffffffffffff']);
  const ids = (refs: Iterable<{ id: string }>): string[] => [...refs].map((ref) => ref.id);
  const generated = (of: LeadList, ...indexes: number[]): string[] =>
    indexes.map((index) => generatedLeadId(of, index));

  it.each([
    ['no cursor', '', [...generated(first, 2, 3, 4), ...generated(second, 1, 2), 'ffffffffffffffffffffffff']],
    [
      'a cursor inside the first list',
      generatedLeadId(first, 3),
      [...generated(first, 4), ...generated(second, 1, 2), 'ffffffffffffffffffffffff'],
    ],
    [
      'the last id of the first list',
      generatedLeadId(first, 4),
      [...generated(second, 1, 2), 'ffffffffffffffffffffffff'],
    ],
    ['a cursor past every id', 'g', []],
  ])(
    'merges the lists by id ascending after %s, skipping non-ObjectId ids and repeated ids',
    (_name, cursor, want) => {
      expect(ids(workspaceLeads([first, second], cursor))).toEqual(want);
    },
  );

  it('counts what it lists', () => {
    expect(countWorkspaceLeads([first, second])).toBe(6);
    expect(countWorkspaceLeads([])).toBe(0);
  });

  it('counts written-out ids that repeat a generated id, another list or another case once each', () => {
    const third = list('cccccccccc', 4);
    const fourth = list('dddddddddd', 6, [
      generatedLeadId(third, 2),
      generatedLeadId(third, 3).toUpperCase(),
      'ffffffffffffffffffffffff',
      'lead_custom',
    ]);
    // The fifth list writes out its own generated id 5 at index 0: listed once, with the generated one.
    const fifth = list('eeeeeeeeee', 6);
    fifth.explicit = [{ ...(fourth.explicit[0] as Lead), id: generatedLeadId(fifth, 5), index: 0 }];
    for (const lists of [[third, fourth], [first, second, third, fourth], [fifth], [fourth, fifth, first]])
      expect(countWorkspaceLeads(lists)).toBe([...workspaceLeads(lists)].length);
  });

  it('counts a million-lead workspace without walking it', () => {
    expect(countWorkspaceLeads([list('cccccccccc', 1_000_000), first])).toBe(1_000_000 + 4);
  });

  it('pages a million-lead list lazily from a cursor', () => {
    const huge = list('cccccccccc', 1_000_000);
    const page = workspaceLeads([huge], generatedLeadId(huge, 999_997));
    expect(ids([page.next().value, page.next().value].filter((ref) => ref !== undefined))).toEqual(
      generated(huge, 999_998, 999_999),
    );
    expect(page.next().done).toBe(true);
  });
});
