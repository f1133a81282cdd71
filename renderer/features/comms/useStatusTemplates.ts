import { STATUS_TEMPLATES, type StatusTemplate } from '../../../shared/comms/statusTemplates.ts';

/** The status templates an update can start from, ready to fill (the built-in ones). */
export function useStatusTemplates(): readonly StatusTemplate[] | undefined {
  return STATUS_TEMPLATES;
}
