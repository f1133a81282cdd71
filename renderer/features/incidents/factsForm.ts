import { IncidentType } from '../../../shared/domain/incident.ts';
import type { Facts } from '../../../shared/domain/incidentFacts.ts';

/** The facts form as typed: every box is text, so a half-typed number survives a reload in the draft. */
export interface FactsForm {
  title: string;
  type: string;
  summary: string;
  usersAffected: string;
  usersAffectedPercent: string;
  impactUser: string;
  impactBusiness: string;
  impactTechnical: string;
  /** Comma- or line-separated. */
  services: string;
  externalRef: string;
}

export function factsFormOf(facts: Facts): FactsForm {
  return {
    title: facts.title,
    type: facts.type,
    summary: facts.summary,
    usersAffected: facts.usersAffected === null ? '' : String(facts.usersAffected),
    usersAffectedPercent: facts.usersAffectedPercent === null ? '' : String(facts.usersAffectedPercent),
    impactUser: facts.impactUser,
    impactBusiness: facts.impactBusiness,
    impactTechnical: facts.impactTechnical,
    services: facts.services.join(', '),
    externalRef: facts.externalRef,
  };
}

const MAX_SERVICES = 50;

/** "api, db\napi" → ["api", "db"]: comma- or line-separated, trimmed, each once. */
export function splitServices(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** The typed form as facts, or what is wrong with it, naming the box. */
export function parseFactsForm(form: FactsForm): { ok: true; facts: Facts } | { ok: false; error: string } {
  const users = form.usersAffected.trim();
  if (users !== '' && !/^\d{1,15}$/.test(users)) return { ok: false, error: `Users affected: "${users.slice(0, 40)}" is not a whole number` };
  const percentText = form.usersAffectedPercent.trim().replace(/%$/, '').trim();
  const percent = percentText === '' ? null : /^\d{1,3}(\.\d{1,2})?$/.test(percentText) ? Number(percentText) : Number.NaN;
  if (percent !== null && !(percent >= 0 && percent <= 100)) return { ok: false, error: `Users affected (%): "${form.usersAffectedPercent.trim().slice(0, 40)}" is not a share from 0 to 100` };
  const type = IncidentType.safeParse(form.type);
  if (!type.success) return { ok: false, error: `Type: "${form.type.slice(0, 40)}" is not a known incident type` };
  const services = splitServices(form.services);
  if (services.length > MAX_SERVICES) return { ok: false, error: `Affected services: at most ${MAX_SERVICES} (${services.length} given)` };
  const long = services.find((s) => s.length > 100);
  if (long) return { ok: false, error: `Affected services: "${long.slice(0, 40)}…" is longer than 100 characters` };
  return {
    ok: true,
    facts: {
      title: form.title.trim(),
      type: type.data,
      summary: form.summary.trim(),
      usersAffected: users === '' ? null : Number(users),
      usersAffectedPercent: percent,
      impactUser: form.impactUser.trim(),
      impactBusiness: form.impactBusiness.trim(),
      impactTechnical: form.impactTechnical.trim(),
      services,
      externalRef: form.externalRef.trim(),
    },
  };
}
