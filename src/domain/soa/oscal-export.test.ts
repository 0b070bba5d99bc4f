import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { ANNEX_A_CONTROLS } from '../catalog/index.js';
import { buildOscalSoaExport, OPENAIMS_OSCAL_NS, OSCAL_VERSION, toOscalControlId, type OscalDocument } from './oscal-export.js';
import type { SoaControlEntry, SoaDocument } from './soa-document.js';

// NIST's official OSCAL 1.0.6 JSON schema (public domain), copied from the research reference.
const SCHEMA = JSON.parse(readFileSync(new URL('../../../test/fixtures/oscal/oscal_complete_schema-1.0.6.json', import.meta.url), 'utf8')) as object;

function compileOscalSchema(): ValidateFunction {
  // Draft-07 with \p{L} patterns (needs unicode regexps) and the uri, uri-reference, date-time and email formats.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: true });
  ajvFormats.default(ajv);
  return ajv.compile(SCHEMA);
}
const validate = compileOscalSchema();

function errorsOf(document: unknown): string[] {
  return validate(document) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/** Deterministic version-4-shaped uuids, so two runs give the same document. */
function uuidCounter(): () => string {
  let n = 0;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`;
}

const OWNER = '019a0000-0000-7000-8000-000000000001'; // our ids are UUIDv7: they must never become OSCAL uuids

function entry(controlId: string, overrides: Partial<SoaControlEntry> = {}): SoaControlEntry {
  const control = ANNEX_A_CONTROLS.find((c) => c.id === controlId)!;
  return {
    controlId,
    title: control.title,
    objectiveId: control.objectiveId,
    objectiveTitle: control.objectiveTitle,
    applicability: 'undecided',
    justification: null,
    ownerUserId: null,
    ownerName: null,
    implementationPlan: null,
    status: 'not_started',
    statusReasons: ['No applicability decision yet.'],
    evidence: [],
    responsibilities: [],
    riskIds: [],
    updatedAt: null,
    updatedBy: null,
    ...overrides,
  };
}

const SHARED_EVIDENCE = {
  evidenceId: '019a0000-0000-7000-8000-0000000000e1',
  title: 'AI policy v2 (signed PDF)',
  sha256: 'a'.repeat(64),
  validFrom: '2026-01-01',
  validUntil: '2027-01-01',
};

function fixture(state: 'draft' | 'issued'): SoaDocument {
  const decided: Record<string, SoaControlEntry> = {
    'A.2.2': entry('A.2.2', {
      applicability: 'applicable',
      justification: 'Required by risk R-12 (unclear accountability).\nAlso asked for by our largest customer.',
      ownerUserId: OWNER,
      ownerName: '  Ada   Lovelace ',
      implementationPlan: 'Keep the policy under annual review.',
      status: 'implemented',
      statusReasons: ['Owner set.', 'Accepted evidence valid today.'],
      evidence: [{ ...SHARED_EVIDENCE, acceptedAt: '2026-02-01T10:00:00.000Z', acceptedBy: OWNER, acceptanceNote: 'Signed by the board', current: true }],
      riskIds: ['019a0000-0000-7000-8000-0000000000a1'],
      updatedAt: '2026-02-01T09:00:00.000Z',
      updatedBy: OWNER,
    }),
    'A.2.4': entry('A.2.4', {
      applicability: 'applicable',
      justification: 'Review keeps the policy in line with the AI Act dates.',
      ownerUserId: OWNER,
      ownerName: 'Ada Lovelace',
      status: 'planned',
      statusReasons: ['Plan recorded, no accepted evidence yet.'],
      implementationPlan: 'First review in Q3.',
      evidence: [{ ...SHARED_EVIDENCE, acceptedAt: null, acceptedBy: null, acceptanceNote: null, current: false }],
    }),
    'A.6.2.8': entry('A.6.2.8', { applicability: 'applicable', justification: null, status: 'not_started', statusReasons: ['No owner yet.'] }),
    'A.10.4': entry('A.10.4', {
      applicability: 'excluded',
      justification: 'We have no customers for AI systems: internal use only.',
      status: 'not_applicable',
      statusReasons: ['Excluded.'],
    }),
  };
  return {
    organization: { id: '019a0000-0000-7000-8000-00000000000a', name: 'Acme Robotics' },
    catalog: { id: 'iso-iec-42001:2023', name: 'ISO/IEC 42001', edition: '2023' },
    version:
      state === 'issued'
        ? { number: 3, state, issuedAt: '2026-03-01T12:00:00.000Z', issuedBy: OWNER, issueNote: 'Annual issue.\nApproved by the board.' }
        : { number: 4, state, issuedAt: null, issuedBy: null, issueNote: null },
    generatedAt: '2026-03-02T08:00:00.000Z',
    controls: ANNEX_A_CONTROLS.map((c) => decided[c.id] ?? entry(c.id)),
  };
}

const LAST_MODIFIED = '2026-03-01T12:00:00.000Z';
const exportOf = (doc: SoaDocument) => buildOscalSoaExport(doc, { newUuid: uuidCounter(), lastModified: LAST_MODIFIED });

// Small typed views for reading the output in assertions.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const catalogOf = (o: OscalDocument) => o.catalog as Json;
const profileOf = (o: OscalDocument) => o.profile as Json;
const compDefOf = (o: OscalDocument) => o['component-definition'] as Json;
const propValue = (props: Json[] | undefined, name: string) => props?.filter((p) => p.name === name && p.ns === OPENAIMS_OSCAL_NS).map((p) => p.value as string);
const allControls = (groups: Json[]): Json[] => groups.flatMap((g) => [...((g.controls as Json[] | undefined) ?? []), ...allControls((g.groups as Json[] | undefined) ?? [])]);

describe('the OSCAL schema check really runs', () => {
  it('rejects documents that are not OSCAL', () => {
    expect(errorsOf({})).not.toEqual([]);
    expect(errorsOf({ catalog: {} })).not.toEqual([]);
  });

  it('rejects a broken copy of each export, naming the place', () => {
    const { catalog, profile, componentDefinition } = exportOf(fixture('issued'));

    const badId = structuredClone(catalog);
    catalogOf(badId).groups[0].controls[0].id = 'A 2 2'; // not an OSCAL token
    expect(errorsOf(badId).join('\n')).toContain('/catalog/groups/0/controls/0/id');

    const noVersion = structuredClone(profile);
    delete profileOf(noVersion).metadata['oscal-version'];
    expect(errorsOf(noVersion).join('\n')).toContain("must have required property 'oscal-version'");

    const ourUuid = structuredClone(componentDefinition);
    compDefOf(ourUuid).components[0].uuid = OWNER; // UUIDv7 is not allowed in OSCAL
    expect(errorsOf(ourUuid).join('\n')).toContain('/component-definition/components/0/uuid');

    const paddedValue = structuredClone(componentDefinition);
    compDefOf(paddedValue).components[0]['control-implementations'][0]['implemented-requirements'][0].props[0].value = 'applicable ';
    expect(errorsOf(paddedValue).join('\n')).toContain('/props/0/value');

    const emptySelection = structuredClone(profile);
    profileOf(emptySelection).imports[0]['include-controls'][0]['with-ids'] = [];
    expect(errorsOf(emptySelection).join('\n')).toContain('with-ids');
  });
});

describe.each(['issued', 'draft'] as const)('OSCAL export of an %s SoA', (state) => {
  const doc = fixture(state);
  const out = exportOf(doc);

  it('produces a catalog, a profile and a component definition that validate against OSCAL 1.0.6', () => {
    expect(errorsOf(out.catalog)).toEqual([]);
    expect(errorsOf(out.profile)).toEqual([]);
    expect(errorsOf(out.componentDefinition)).toEqual([]);
    for (const document of [catalogOf(out.catalog), profileOf(out.profile), compDefOf(out.componentDefinition)]) {
      expect(document.metadata['oscal-version']).toBe(OSCAL_VERSION);
      expect(document.metadata['last-modified']).toBe(LAST_MODIFIED);
    }
  });

  it('the catalog holds the 38 Annex A controls under their objectives, with the printed ID as label', () => {
    const catalog = catalogOf(out.catalog);
    const controls = allControls(catalog.groups as Json[]);
    expect(controls.map((c) => c.id)).toEqual(ANNEX_A_CONTROLS.map((c) => toOscalControlId(c.id)));
    expect(controls.map((c) => c.props[0].value)).toEqual(ANNEX_A_CONTROLS.map((c) => c.id));
    expect((catalog.groups as Json[]).map((g) => g.id)).toEqual(['a.2', 'a.3', 'a.4', 'a.5', 'a.6', 'a.7', 'a.8', 'a.9', 'a.10']);
    const a6 = (catalog.groups as Json[]).find((g) => g.id === 'a.6')!;
    expect((a6.groups as Json[]).map((g) => g.id)).toEqual(['a.6.1', 'a.6.2']);
    expect(a6.controls).toBeUndefined();
    const a628 = controls.find((c) => c.id === 'a.6.2.8')!;
    expect(a628.title).toBe('AI system recording of event logs');
    expect(a628.parts[0]).toEqual({ name: 'overview', prose: ANNEX_A_CONTROLS.find((c) => c.id === 'A.6.2.8')!.description });
  });

  it('the profile selects exactly the applicable controls and carries their justification', () => {
    const profile = profileOf(out.profile);
    const resource = profile['back-matter'].resources[0];
    expect(profile.imports[0].href).toBe(`#${resource.uuid}`);
    expect(resource.rlinks[0].href).toMatch(/\.json$/);
    expect(profile.imports[0]['include-controls'][0]['with-ids']).toEqual(['a.2.2', 'a.2.4', 'a.6.2.8']);
    const alters = profile.modify.alters as Json[];
    expect(alters.map((a) => a['control-id'])).toEqual(['a.2.2', 'a.2.4', 'a.6.2.8']);
    const a22 = alters[0]!.adds[0];
    expect(propValue(a22.props, 'status')).toEqual(['implemented']);
    expect(a22.parts[0]).toMatchObject({ name: 'justification', ns: OPENAIMS_OSCAL_NS, prose: expect.stringContaining('risk R-12') });
    expect(alters[2]!.adds[0].parts).toBeUndefined(); // no justification recorded for A.6.2.8
  });

  it('the component definition records every control: applicability, justification, status, owner, evidence', () => {
    const def = compDefOf(out.componentDefinition);
    const requirements = def.components[0]['control-implementations'][0]['implemented-requirements'] as Json[];
    expect(requirements).toHaveLength(38);
    const byId = new Map(requirements.map((r) => [r['control-id'] as string, r]));

    const excluded = byId.get('a.10.4')!;
    expect(propValue(excluded.props, 'applicability')).toEqual(['excluded']);
    expect(propValue(excluded.props, 'status')).toEqual(['not_applicable']);
    expect(excluded.description).toBe('We have no customers for AI systems: internal use only.');

    const undecided = byId.get('a.3.2')!;
    expect(propValue(undecided.props, 'applicability')).toEqual(['undecided']);
    expect(undecided.description).toBe('No justification recorded.');
    expect(undecided.links).toBeUndefined();
    expect(undecided['responsible-roles']).toBeUndefined();

    const applied = byId.get('a.2.2')!;
    expect(applied.remarks).toContain('Implementation plan: Keep the policy under annual review.');
    expect(applied.remarks).toContain('- Accepted evidence valid today.');
    const owner = (def.metadata.parties as Json[]).find((p) => p.uuid === applied['responsible-roles'][0]['party-uuids'][0])!;
    expect(owner).toMatchObject({ type: 'person', name: 'Ada Lovelace' });
    expect(propValue(owner.props, 'user-id')).toEqual([OWNER]);
    expect(def.metadata.roles[0].id).toBe('control-owner');
    // One party per owner, even though the owner holds two controls.
    expect((def.metadata.parties as Json[]).filter((p) => p.type === 'person')).toHaveLength(1);

    // Evidence: a back-matter resource per control link, with the file's SHA-256 and the acceptance.
    const resources = new Map((def['back-matter'].resources as Json[]).map((r) => [r.uuid as string, r]));
    const acceptedLink = applied.links[0];
    expect(acceptedLink).toMatchObject({ rel: 'evidence', text: 'AI policy v2 (signed PDF)' });
    const accepted = resources.get(acceptedLink.href.slice(1))!;
    expect(accepted.rlinks[0].hashes).toEqual([{ algorithm: 'SHA-256', value: 'a'.repeat(64) }]);
    expect(accepted.rlinks[0].href).toBe(`/api/v1/evidence/${SHARED_EVIDENCE.evidenceId}/content`);
    expect(propValue(accepted.props, 'accepted-at')).toEqual(['2026-02-01T10:00:00.000Z']);
    expect(propValue(accepted.props, 'current')).toEqual(['yes']);
    expect(propValue(accepted.props, 'control-id')).toEqual(['A.2.2']);
    const pending = resources.get(byId.get('a.2.4')!.links[0].href.slice(1))!;
    expect(propValue(pending.props, 'accepted-at')).toEqual([]);
    expect(propValue(pending.props, 'current')).toEqual(['no']);
    expect(pending.rlinks[0].hashes[0].value).toBe('a'.repeat(64));
  });

  it('says which version it is, and whether it was issued', () => {
    for (const document of [profileOf(out.profile), compDefOf(out.componentDefinition)]) {
      const metadata = document.metadata;
      expect(propValue(metadata.props, 'soa-version-state')).toEqual([state]);
      if (state === 'issued') {
        expect(metadata.version).toBe('3');
        expect(metadata.published).toBe('2026-03-01T12:00:00.000Z');
        expect(metadata.remarks).toBe('Annual issue.\nApproved by the board.');
        expect(propValue(metadata.props, 'issued-by')).toEqual([OWNER]);
        expect(metadata.title).not.toContain('draft');
      } else {
        expect(metadata.version).toBe('4-draft');
        expect(metadata.published).toBeUndefined();
        expect(metadata.title).toContain('(draft)');
        expect(propValue(metadata.props, 'issued-at')).toEqual([]);
      }
    }
  });

  it('is the same document for the same input and uuids', () => {
    expect(exportOf(fixture(state))).toEqual(out);
  });
});

describe('OSCAL export edge cases', () => {
  it('an SoA with nothing applicable still yields a valid profile that selects nothing', () => {
    const doc = fixture('draft');
    doc.controls = doc.controls.map((c) => ({ ...c, applicability: 'undecided', evidence: [], ownerUserId: null, ownerName: null }));
    const out = exportOf(doc);
    const profile = profileOf(out.profile);
    expect(errorsOf(out.profile)).toEqual([]);
    expect(errorsOf(out.componentDefinition)).toEqual([]);
    expect(profile.imports[0]['include-all']).toEqual({});
    expect(profile.imports[0]['exclude-controls'][0]['with-ids']).toHaveLength(38);
    expect(profile.modify).toBeUndefined();
  });

  it('refuses uuids OSCAL does not allow, a time without a zone, a control not in the catalog, another catalog', () => {
    const doc = fixture('issued');
    expect(() => buildOscalSoaExport(doc, { newUuid: () => OWNER, lastModified: LAST_MODIFIED })).toThrow(/version 4 or 5/);
    expect(() => buildOscalSoaExport(doc, { newUuid: uuidCounter(), lastModified: '2026-03-01 12:00' })).toThrow(/timezone/);
    const invented = { ...doc, controls: [...doc.controls, entry('A.2.2', { controlId: 'A.6.10' })] };
    expect(() => exportOf(invented)).toThrow(/A\.6\.10/);
    expect(() => exportOf({ ...doc, catalog: { id: 'iso-iec-42001:2030', name: 'x', edition: '2030' } })).toThrow(/supports/);
  });

  it('uses the catalog file name it is given', () => {
    const out = buildOscalSoaExport(fixture('issued'), { newUuid: uuidCounter(), lastModified: LAST_MODIFIED, catalogHref: 'soa-v3-oscal-catalog.json' });
    expect(profileOf(out.profile)['back-matter'].resources[0].rlinks[0].href).toBe('soa-v3-oscal-catalog.json');
  });
});
