/**
 * An export request as it arrives (from the window over IPC, from the CLI, from a test):
 * checked field by field with INVALID_ARGUMENT naming what is wrong, and brought into the
 * one shape the exporter uses, with every free-text field already folded to one line.
 */
import { isAbsolute, resolve } from 'node:path';
import { BUNDLE_FORMATS, type BundleFormat, type ExportRequest, type ExportSelection } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { oneLine } from './text';

export interface ExportPlan {
  readonly selection: ExportSelection;
  readonly target: string;
  readonly format: BundleFormat;
  readonly recipient: string;
  readonly organization: string;
  readonly contactName: string;
  readonly contactEmail: string;
  readonly description: string;
  /** Empty when none was given (the case name then stands in, if the selection is a case). */
  readonly caseIdentifier: string;
  /** The TSAs to ask right after sealing; [] for the vault's saved ones; null for none. */
  readonly timestampWith: readonly string[] | null;
}

function timestampList(value: unknown): readonly string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string' && /^https?:\/\/\S+$/iu.test(v))) {
    throw invalid('timestampWith must be a list of timestamp server addresses (http://… or https://…).');
  }
  return value;
}

function invalid(message: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', message);
}

function optionalText(value: unknown, name: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw invalid(`${name} must be text.`);
  return oneLine(value);
}

function checkSelection(value: unknown): ExportSelection {
  if (typeof value !== 'object' || value === null) throw invalid('selection must be {kind: "items" | "case" | "query", …}.');
  const s = value as Record<string, unknown>;
  switch (s.kind) {
    case 'items':
      if (!Array.isArray(s.items) || !s.items.every((i) => typeof i === 'string' && i.trim() !== '')) {
        throw invalid('selection.items must be a list of item ids or SHA-256 prefixes.');
      }
      return { kind: 'items', items: s.items as string[] };
    case 'case':
      if (typeof s.case !== 'string' || s.case.trim() === '') throw invalid('selection.case must name a case.');
      return { kind: 'case', case: s.case };
    case 'query':
      if (typeof s.query !== 'string') throw invalid('selection.query must be a search query.');
      return { kind: 'query', query: s.query };
    default:
      throw invalid('selection.kind must be "items", "case" or "query".');
  }
}

export function planExport(request: ExportRequest): ExportPlan {
  if (typeof request !== 'object' || request === null) throw invalid('The export request must be an object.');
  const selection = checkSelection(request.selection);
  if (typeof request.outPath !== 'string' || request.outPath.trim() === '') throw invalid('outPath must name the bundle to create.');
  if (request.outPath.includes('\0')) throw invalid('outPath must not contain a NUL character.');
  const target = isAbsolute(request.outPath) ? resolve(request.outPath) : resolve(process.cwd(), request.outPath);
  const format = request.format ?? (/\.zip$/i.test(target) ? 'zip' : 'directory');
  if (!BUNDLE_FORMATS.includes(format)) throw invalid('format must be "directory" or "zip".');
  return {
    selection,
    target,
    format,
    recipient: optionalText(request.recipient, 'recipient'),
    organization: optionalText(request.organization, 'organization'),
    contactName: optionalText(request.contactName, 'contactName'),
    contactEmail: optionalText(request.contactEmail, 'contactEmail'),
    description: optionalText(request.description, 'description'),
    caseIdentifier: optionalText(request.caseIdentifier, 'caseIdentifier'),
    timestampWith: timestampList(request.timestampWith),
  };
}
