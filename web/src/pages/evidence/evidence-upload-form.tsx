import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { EVIDENCE_KINDS, EvidenceMetadataInputSchema, type EvidenceOutput } from '../../../../src/contracts/evidence.contracts.js';
import { uploadEvidence } from '../../api/evidence.api.js';
import { FileField, Form, SelectField, TextAreaField, TextField, SubmitButton } from '../../components/form-fields.js';
import { useZodForm } from '../../components/use-zod-form.js';
import { humanize } from '../../lib/format.js';

const INITIAL = { title: '', kind: 'document', description: '', validFrom: '', validUntil: '' };
export const KIND_OPTIONS = EVIDENCE_KINDS.map((kind) => ({ value: kind, label: humanize(kind) }));

/** Uploads one file with its metadata, validated with the server's own contract first. */
export function EvidenceUploadForm({ onUploaded }: { onUploaded: (evidence: EvidenceOutput) => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const form = useZodForm(EvidenceMetadataInputSchema, INITIAL, {
    check: () => ({ file: file ? undefined : 'is required: choose a file to upload' }),
    extraFields: ['file'],
  });
  const [fileKey, setFileKey] = useState(0);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    form.setErrors((current) => ({ ...current, file: undefined }));
    if (chosen && !form.values.title) form.set('title', chosen.name.replace(/\.[^.]+$/, ''));
  };

  const submit = form.handleSubmit(async (metadata) => {
    if (!file) return;
    const stored = await uploadEvidence(file, metadata);
    await queryClient.invalidateQueries({ queryKey: ['evidence'] });
    form.reset();
    setFile(null);
    setFileKey((k) => k + 1);
    onUploaded(stored);
  });

  return (
    <Form onSubmit={submit} error={form.formError} attempt={form.attempt} label="Upload evidence">
      <div className="form-grid form-grid--3">
        <FileField name="file" label="File" required onFile={chooseFile} error={form.errors.file} inputKey={fileKey} hint="Stored as-is with its SHA-256 fingerprint." />
        <TextField {...form.field('title')} label="Title" required />
        <SelectField {...form.field('kind')} label="Kind" required options={KIND_OPTIONS} />
        <TextField {...form.field('validFrom')} label="Valid from" type="date" required={false} />
        <TextField {...form.field('validUntil')} label="Valid until" type="date" required={false} hint="When this evidence needs renewing." />
      </div>
      <TextAreaField {...form.field('description')} label="Description" required={false} hint="What it shows and where it came from." />
      <div className="form-actions">
        <SubmitButton busy={form.submitting} busyLabel="Uploading…">Upload evidence</SubmitButton>
      </div>
    </Form>
  );
}
