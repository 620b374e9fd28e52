import { claimExistsFor, claimReadPolicy, readableAssignees, readableChecks, readableDecision } from '../../../src/modules/claims/read-policy';
import type { Decision } from '../../../src/modules/verdicts';

const reviewer = { id: 1, role: 'reviewer' as const };
const editor = { id: 2, role: 'editor' as const };
const admin = { id: 3, role: 'admin' as const };
const decision = (published: boolean) => ({ claimId: 9, verdict: 'mixed', published }) as Decision;

describe('claimReadPolicy', () => {
  test.each([
    [
      'an anonymous reader',
      null,
      false,
      { checks: 'none', othersFiled: false, aggregate: false, decisionInternals: false, unpublishedDecision: false, decisionHistory: false },
    ],
    [
      'a reviewer who has not filed',
      reviewer,
      false,
      { checks: 'own', othersFiled: false, aggregate: false, decisionInternals: false, unpublishedDecision: false, decisionHistory: false },
    ],
    [
      'a reviewer who has filed',
      reviewer,
      true,
      { checks: 'all', othersFiled: true, aggregate: true, decisionInternals: true, unpublishedDecision: false, decisionHistory: false },
    ],
    [
      'an editor who has not filed',
      editor,
      false,
      { checks: 'all', othersFiled: true, aggregate: true, decisionInternals: true, unpublishedDecision: true, decisionHistory: true },
    ],
    [
      'an admin',
      admin,
      false,
      { checks: 'all', othersFiled: true, aggregate: true, decisionInternals: true, unpublishedDecision: true, decisionHistory: true },
    ],
  ] as const)('when %s reads a claim, then the policy is exactly this', (_who, viewer, filed, expected) => {
    expect(claimReadPolicy(viewer, filed)).toEqual(expected);
  });
});

describe('what is readable', () => {
  const checks = [
    { id: 10, reviewerId: 1 },
    { id: 11, reviewerId: 4 },
  ];

  test('when a reviewer has filed, then they read every check; before filing, nobody else’s', () => {
    expect(readableChecks(reviewer, checks).checks.map((c) => c.id)).toEqual([10, 11]);
    expect(readableChecks({ id: 5, role: 'reviewer' }, checks).checks).toEqual([]);
    expect(readableChecks(null, checks).checks).toEqual([]);
    expect(readableChecks(editor, checks).checks.map((c) => c.id)).toEqual([10, 11]);
  });

  test('when a decision is unpublished, then only editors read it, and anonymous readers do not see the claim at all', () => {
    expect(readableDecision(claimReadPolicy(reviewer, true), decision(false))).toBeNull();
    expect(readableDecision(claimReadPolicy(editor, false), decision(false))).not.toBeNull();
    expect(readableDecision(claimReadPolicy(null, false), decision(true))).not.toBeNull();
    expect(claimExistsFor(null, decision(false))).toBe(false);
    expect(claimExistsFor(null, null)).toBe(false);
    expect(claimExistsFor(null, decision(true))).toBe(true);
    expect(claimExistsFor(reviewer, null)).toBe(true);
  });
});

describe('who has filed', () => {
  const assignees = [
    { username: 'rita', done: true, overdue: false, due: '2020-01-01' },
    { username: 'omar', done: false, overdue: true, due: '2020-01-01' },
    { username: 'me', done: false, overdue: false, due: null },
  ];
  test('when a reviewer who has not filed sees a claim’s assignees, then no one else is marked checked or overdue; their own entry is as it is', () => {
    expect(readableAssignees(claimReadPolicy({ id: 7, role: 'reviewer' }, false), 'omar', assignees)).toEqual([
      { username: 'rita', done: false, overdue: false, due: '2020-01-01' },
      { username: 'omar', done: false, overdue: true, due: '2020-01-01' },
      { username: 'me', done: false, overdue: false, due: null },
    ]);
  });
  test('when the viewer has filed or is an editor, then the assignees are shown as they are', () => {
    expect(readableAssignees(claimReadPolicy({ id: 7, role: 'reviewer' }, true), 'me', assignees)).toEqual(assignees);
    expect(readableAssignees(claimReadPolicy(editor, false), 'edna', assignees)).toEqual(assignees);
  });
});
