import { describe, expect, it } from 'vitest';
import { checkControlDecision, findIssueBlockers } from './soa-rules.js';
import { diffSoaDocuments } from './soa-diff.js';
import type { SoaControlEntry, SoaDocument } from './soa-document.js';

const entry = (over: Partial<SoaControlEntry>): SoaControlEntry => ({
  controlId: 'A.2.2',
  title: 'AI policy',
  objectiveId: 'A.2',
  objectiveTitle: 'Policies related to AI',
  applicability: 'applicable',
  justification: 'We develop AI',
  ownerUserId: 'u1',
  ownerName: 'Ada',
  implementationPlan: null,
  status: 'not_started',
  statusReasons: [],
  evidence: [],
  responsibilities: [],
  riskIds: [],
  updatedAt: null,
  updatedBy: null,
  ...over,
});

describe('checkControlDecision', () => {
  it('rejects an exclusion without a justification, blank included', () => {
    expect(checkControlDecision({ applicability: 'excluded', justification: null })).toEqual([{ field: 'justification', reason: 'is required to exclude a control' }]);
    expect(checkControlDecision({ applicability: 'excluded', justification: '   ' })).toHaveLength(1);
  });
  it('accepts a justified exclusion and an inclusion', () => {
    expect(checkControlDecision({ applicability: 'excluded', justification: 'We buy no AI from suppliers' })).toEqual([]);
    expect(checkControlDecision({ applicability: 'applicable', justification: null })).toEqual([]);
  });
});

describe('findIssueBlockers', () => {
  it('names each control that is undecided, unjustified, or applicable without an owner', () => {
    const blockers = findIssueBlockers([
      entry({ controlId: 'A.2.2' }),
      entry({ controlId: 'A.2.3', applicability: 'undecided', justification: null }),
      entry({ controlId: 'A.2.4', justification: ' ' }),
      entry({ controlId: 'A.3.2', ownerUserId: null }),
      entry({ controlId: 'A.3.3', applicability: 'excluded', ownerUserId: null, justification: 'No staff' }),
    ]);
    expect(blockers).toEqual([
      { controlId: 'A.2.3', field: 'applicability', reason: 'not decided yet' },
      { controlId: 'A.2.4', field: 'justification', reason: 'no justification' },
      { controlId: 'A.3.2', field: 'ownerUserId', reason: 'an applicable control needs an owner' },
    ]);
  });
});

describe('diffSoaDocuments', () => {
  const doc = (controls: SoaControlEntry[]): SoaDocument => ({
    organization: { id: 'o', name: 'O' },
    catalog: { id: 'iso-iec-42001:2023', name: 'ISO/IEC 42001', edition: '2023' },
    version: { number: 1, state: 'issued', issuedAt: null, issuedBy: null, issueNote: null },
    generatedAt: '2026-01-01T00:00:00.000Z',
    controls,
  });
  it('lists only controls that changed, with each changed field from and to', () => {
    const older = doc([entry({ controlId: 'A.2.2' }), entry({ controlId: 'A.2.3' })]);
    const newer = doc([entry({ controlId: 'A.2.2' }), entry({ controlId: 'A.2.3', applicability: 'excluded', justification: 'Not relevant', ownerName: 'Bob' })]);
    expect(diffSoaDocuments(older, newer)).toEqual([
      {
        controlId: 'A.2.3',
        title: 'AI policy',
        changes: [
          { field: 'applicability', from: 'applicable', to: 'excluded' },
          { field: 'justification', from: 'We develop AI', to: 'Not relevant' },
          { field: 'owner', from: 'Ada', to: 'Bob' },
        ],
      },
    ]);
  });
  it('reports evidence accepted between versions', () => {
    const ev = { evidenceId: 'e', title: 'Policy', sha256: 'a'.repeat(64), validFrom: null, validUntil: null, acceptedAt: null, acceptedBy: null, acceptanceNote: null, current: false };
    const older = doc([entry({ evidence: [ev] })]);
    const newer = doc([entry({ evidence: [{ ...ev, acceptedAt: '2026-01-02T00:00:00.000Z', acceptedBy: 'x', current: true }] })]);
    const [diff] = diffSoaDocuments(older, newer);
    expect(diff!.changes).toEqual([{ field: 'evidence', from: 'Policy (aaaaaaaaaaaa)', to: 'Policy (aaaaaaaaaaaa) accepted' }]);
  });
});
