/**
 * The Statement of Applicability (ISO/IEC 42001 6.1.3) as OSCAL JSON, in three documents.
 * OSCAL has no SoA model, so we encode it as follows (also in docs/oscal.md):
 *
 * 1. catalog: ISO/IEC 42001:2023 Annex A. One group per objective (A.6 holds the groups A.6.1
 *    and A.6.2), one control per Annex A control. OSCAL ids are the lower-cased IDs
 *    (`A.6.2.6` -> `a.6.2.6`); the printed ID is kept in the `label` prop. Our one-line summary is
 *    an `overview` part; no ISO text is exported.
 * 2. profile: the SoA as a selection. It imports the catalog (through a back-matter resource),
 *    includes only the controls decided `applicable`, and adds to each our props
 *    `applicability` and `status` and a `justification` part.
 * 3. component-definition: the full record of all controls, applicable, excluded and undecided.
 *    One component (the AI management system) with one control-implementation whose
 *    implemented-requirements carry, per control: `description` = the justification; props
 *    `applicability`, `status`, `risk-id`, `updated-at`, `updated-by`; the owner as a
 *    `control-owner` responsible role pointing at a metadata party; `remarks` = the
 *    implementation plan and the reasons for the derived status; and one link per piece of evidence
 *    to a back-matter resource. Each such resource is the evidence *as linked to that control*:
 *    its rlink carries the file's SHA-256 hash, and its props the evidence id, validity, the
 *    control id and the acceptance (who, when, current or not).
 *
 * Our props and parts use the namespace OPENAIMS_OSCAL_NS. Documents validate against the NIST
 * OSCAL 1.0.6 JSON schema (see oscal-export.test.ts) and use nothing that OSCAL 1.1 removed.
 * OSCAL uuids must be version 4 or 5, so ids of our records (UUIDv7) never become OSCAL uuids:
 * the caller supplies `newUuid`.
 */
import { ISO42001, type CatalogItem } from '../catalog/index.js';
import type { SoaControlEntry, SoaDocument, SoaEvidenceRef } from './soa-document.js';

export const OSCAL_VERSION = '1.0.6';
export const OPENAIMS_OSCAL_NS = 'urn:openaims:oscal';
/** Where the profile and component definition expect the exported catalog, unless told otherwise. */
export const DEFAULT_OSCAL_CATALOG_HREF = 'iso-iec-42001-2023-annex-a.oscal-catalog.json';

export interface OscalExportOptions {
  /** Returns a fresh version 4 (or 5) UUID; the export calls it in a fixed order. */
  newUuid: () => string;
  /** OSCAL `last-modified`: a date-time with a timezone, e.g. the issue time of the version. */
  lastModified: string;
  /** Relative or absolute URI of the exported catalog file, for the profile's import. */
  catalogHref?: string;
}

export type OscalDocument = Record<string, unknown>;

export interface OscalSoaExport {
  catalog: OscalDocument;
  profile: OscalDocument;
  componentDefinition: OscalDocument;
}

interface Prop {
  name: string;
  value: string;
  ns?: string;
  remarks?: string;
}

const UUID_V4_OR_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const DATE_TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** `A.6.2.6` -> `a.6.2.6`: a valid OSCAL token, and the form NIST catalogs use. */
export function toOscalControlId(annexAId: string): string {
  return annexAId.toLowerCase();
}

export function buildOscalSoaExport(doc: SoaDocument, opts: OscalExportOptions): OscalSoaExport {
  if (doc.catalog.id !== ISO42001.id) throw new Error(`OSCAL export supports ${ISO42001.id}, not ${doc.catalog.id}`);
  if (!DATE_TIME_WITH_ZONE.test(opts.lastModified)) throw new Error(`lastModified must be a date-time with a timezone: ${opts.lastModified}`);
  const catalogIds = new Set(ISO42001.items.filter((i) => i.kind === 'control').map((i) => i.id));
  for (const control of doc.controls) {
    if (!catalogIds.has(control.controlId)) throw new Error(`SoA control ${control.controlId} is not in ${ISO42001.id}`);
  }
  const uuid = (): string => {
    const value = opts.newUuid();
    if (!UUID_V4_OR_V5.test(value)) throw new Error(`OSCAL needs version 4 or 5 UUIDs, got ${value}`);
    return value;
  };

  const catalog = { catalog: buildCatalog(uuid, opts.lastModified) };
  const catalogResource = { uuid: uuid(), title: `${ISO42001.name}, Annex A (OSCAL catalog)`, rlinks: [{ href: opts.catalogHref ?? DEFAULT_OSCAL_CATALOG_HREF, 'media-type': 'application/oscal.catalog+json' }] };
  const organization = partyOf(uuid(), 'organization', doc.organization.name, [ourProp('organization-id', doc.organization.id)]);
  const profile = { profile: buildProfile(doc, opts.lastModified, uuid(), catalogResource, organization) };
  const componentDefinition = { 'component-definition': buildComponentDefinition(doc, opts.lastModified, uuid, catalogResource, organization) };
  return { catalog, profile, componentDefinition };
}

// --- catalog --------------------------------------------------------------------------

function buildCatalog(uuid: () => string, lastModified: string): OscalDocument {
  const childrenOf = (parentId: string) => ISO42001.items.filter((i) => i.parentId === parentId);
  const control = (item: CatalogItem) => ({
    id: toOscalControlId(item.id),
    class: 'control',
    title: item.title,
    props: [{ name: 'label', value: item.id }],
    parts: [{ name: 'overview', prose: item.description }],
  });
  const group = (item: CatalogItem): OscalDocument => {
    const subgroups = childrenOf(item.id).filter((i) => i.kind === 'objective');
    const controls = childrenOf(item.id).filter((i) => i.kind === 'control');
    return {
      id: toOscalControlId(item.id),
      class: 'objective',
      title: item.title,
      props: [{ name: 'label', value: item.id }],
      parts: [{ name: 'overview', prose: item.description }],
      ...(subgroups.length > 0 ? { groups: subgroups.map(group) } : {}),
      ...(controls.length > 0 ? { controls: controls.map(control) } : {}),
    };
  };
  return {
    uuid: uuid(),
    metadata: {
      title: `${ISO42001.name}, Annex A reference controls (OpenAIMS catalog)`,
      'last-modified': lastModified,
      version: ISO42001.edition,
      'oscal-version': OSCAL_VERSION,
      props: [ourProp('framework-id', ISO42001.id)],
      remarks: ISO42001.licenceNote,
    },
    groups: childrenOf('A').filter((i) => i.kind === 'objective').map(group),
    'back-matter': {
      // The sources that attest the IDs and titles (see catalog/README.md).
      resources: ISO42001.sources.map((source) => ({
        uuid: uuid(),
        title: source.name,
        props: [ourProp('source-id', source.id)],
        ...(source.url ? { rlinks: [{ href: source.url }] } : {}),
      })),
    },
  };
}

// --- profile --------------------------------------------------------------------------

function buildProfile(doc: SoaDocument, lastModified: string, profileUuid: string, catalogResource: OscalDocument, organization: OscalDocument): OscalDocument {
  const applicable = doc.controls.filter((c) => c.applicability === 'applicable');
  const allIds = doc.controls.map((c) => toOscalControlId(c.controlId));
  const selection =
    applicable.length > 0
      ? { 'include-controls': [{ 'with-ids': applicable.map((c) => toOscalControlId(c.controlId)) }] }
      : // OSCAL selections cannot be empty: "all, minus all" says plainly that nothing applies.
        { 'include-all': {}, 'exclude-controls': [{ 'with-ids': allIds }] };
  return {
    uuid: profileUuid,
    metadata: { ...soaMetadata(doc, lastModified, 'Statement of Applicability'), parties: [organization] },
    imports: [{ href: `#${String(catalogResource.uuid)}`, ...selection }],
    merge: { 'as-is': true },
    ...(applicable.length > 0
      ? {
          modify: {
            alters: applicable.map((c) => ({
              'control-id': toOscalControlId(c.controlId),
              adds: [
                {
                  position: 'ending',
                  props: [ourProp('applicability', c.applicability), ourProp('status', c.status)],
                  ...(text(c.justification) ? { parts: [{ name: 'justification', ns: OPENAIMS_OSCAL_NS, prose: c.justification }] } : {}),
                },
              ],
            })),
          },
        }
      : {}),
    'back-matter': { resources: [catalogResource] },
  };
}

// --- component definition -------------------------------------------------------------

function buildComponentDefinition(doc: SoaDocument, lastModified: string, uuid: () => string, catalogResource: OscalDocument, organization: OscalDocument): OscalDocument {
  const definitionUuid = uuid();
  const componentUuid = uuid();
  const implementationUuid = uuid();
  const owners = new Map<string, OscalDocument>();
  for (const c of doc.controls) {
    if (c.ownerUserId && !owners.has(c.ownerUserId)) {
      owners.set(c.ownerUserId, partyOf(uuid(), 'person', c.ownerName, [ourProp('user-id', c.ownerUserId)]));
    }
  }
  const evidenceResources: OscalDocument[] = [];
  const requirements = doc.controls.map((c) => {
    const links = c.evidence.map((e) => {
      const resource = evidenceResource(uuid(), c, e);
      evidenceResources.push(resource);
      return { href: `#${String(resource.uuid)}`, rel: 'evidence', text: e.title };
    });
    const owner = c.ownerUserId ? owners.get(c.ownerUserId) : undefined;
    const remarks = requirementRemarks(c);
    return {
      uuid: uuid(),
      'control-id': toOscalControlId(c.controlId),
      description: text(c.justification) ? c.justification : 'No justification recorded.',
      props: [
        ourProp('applicability', c.applicability),
        ourProp('status', c.status),
        ...c.riskIds.map((id) => ourProp('risk-id', id)),
        ...optionalProp('updated-at', c.updatedAt),
        ...optionalProp('updated-by', c.updatedBy),
      ],
      ...(links.length > 0 ? { links } : {}),
      ...(owner ? { 'responsible-roles': [{ 'role-id': 'control-owner', 'party-uuids': [owner.uuid] }] } : {}),
      ...(remarks ? { remarks } : {}),
    };
  });
  const versionLabel = `version ${doc.version.number}${doc.version.state === 'draft' ? ' (draft)' : ''}`;
  return {
    uuid: definitionUuid,
    metadata: {
      ...soaMetadata(doc, lastModified, 'Statement of Applicability: control decisions'),
      roles: [{ id: 'control-owner', title: 'Control owner', description: 'Accountable for implementing an Annex A control (ISO/IEC 42001 5.3, A.3.2).' }],
      parties: [organization, ...owners.values()],
    },
    components: [
      {
        uuid: componentUuid,
        // The AIMS is a set of processes; 'process-procedure' is in the OSCAL 1.0 and 1.1 vocabularies.
        type: 'process-procedure',
        title: `AI management system of ${doc.organization.name}`,
        description: `The ISO/IEC 42001 AI management system of ${doc.organization.name}. Each implemented requirement records one Annex A control of the Statement of Applicability, ${versionLabel}.`,
        'control-implementations': [
          {
            uuid: implementationUuid,
            source: `#${String(catalogResource.uuid)}`,
            description: `Statement of Applicability, ${versionLabel}: applicability, justification, derived status, owner and evidence of every Annex A control.`,
            props: [ourProp('soa-version', String(doc.version.number)), ourProp('soa-version-state', doc.version.state)],
            'implemented-requirements': requirements,
          },
        ],
      },
    ],
    'back-matter': { resources: [catalogResource, ...evidenceResources] },
  };
}

function evidenceResource(resourceUuid: string, c: SoaControlEntry, e: SoaEvidenceRef): OscalDocument {
  return {
    uuid: resourceUuid,
    title: e.title,
    props: [
      ourProp('evidence-id', e.evidenceId),
      ourProp('control-id', c.controlId),
      ...optionalProp('valid-from', e.validFrom),
      ...optionalProp('valid-until', e.validUntil),
      ...optionalProp('accepted-at', e.acceptedAt),
      ...optionalProp('accepted-by', e.acceptedBy),
      ourProp('current', e.current ? 'yes' : 'no'),
    ],
    // The file stays on the server; the path is relative to its address, and the hash lets anyone check a copy.
    rlinks: [{ href: `/api/v1/evidence/${encodeURIComponent(e.evidenceId)}/content`, hashes: [{ algorithm: 'SHA-256', value: e.sha256 }] }],
  };
}

function requirementRemarks(c: SoaControlEntry): string | undefined {
  const lines: string[] = [];
  if (text(c.implementationPlan)) lines.push(`Implementation plan: ${c.implementationPlan}`);
  if (c.statusReasons.length > 0) lines.push(`Status ${c.status} because:`, ...c.statusReasons.map((r) => `- ${r}`));
  return lines.length > 0 ? lines.join('\n') : undefined;
}

// --- shared pieces --------------------------------------------------------------------

function soaMetadata(doc: SoaDocument, lastModified: string, what: string): OscalDocument {
  const draft = doc.version.state === 'draft';
  return {
    title: `${what}: ${doc.organization.name}, version ${doc.version.number}${draft ? ' (draft)' : ''}`,
    ...(doc.version.issuedAt && !draft ? { published: doc.version.issuedAt } : {}),
    'last-modified': lastModified,
    version: `${doc.version.number}${draft ? '-draft' : ''}`,
    'oscal-version': OSCAL_VERSION,
    props: [
      ourProp('framework-id', doc.catalog.id),
      ourProp('soa-version', String(doc.version.number)),
      ourProp('soa-version-state', doc.version.state),
      ...optionalProp('issued-at', doc.version.issuedAt),
      ...optionalProp('issued-by', doc.version.issuedBy),
      ourProp('generated-at', doc.generatedAt),
    ],
    ...(text(doc.version.issueNote) ? { remarks: doc.version.issueNote } : {}),
  };
}

function partyOf(partyUuid: string, type: 'organization' | 'person', name: string | null, props: Prop[]): OscalDocument {
  const cleanName = oneLine(name);
  return { uuid: partyUuid, type, ...(cleanName ? { name: cleanName } : {}), props };
}

/** OSCAL string values may not be empty or start or end with whitespace, and props are one line. */
function oneLine(value: string | null): string | undefined {
  const cleaned = value?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : undefined;
}

function text(value: string | null): value is string {
  return value !== null && value.trim() !== '';
}

function ourProp(name: string, value: string): Prop {
  return { name, ns: OPENAIMS_OSCAL_NS, value: oneLine(value) ?? '-' };
}

function optionalProp(name: string, value: string | null): Prop[] {
  const cleaned = oneLine(value);
  return cleaned ? [ourProp(name, cleaned)] : [];
}
