import type { PostmortemSection, TimelineMode } from '../../../shared/domain/postmortem.ts';
import type { PostmortemSectionView } from '../../../shared/entities/index.ts';
import type { WarRoomDb } from '../../db/database.ts';
import { commit } from '../../db/commit.ts';

/** Save a section's text as an edit of the version the writer started from (conflicts stay visible). */
export async function saveSection(db: WarRoomDb, incident: string, section: PostmortemSection, text: string, stored: PostmortemSectionView | undefined, actor: string): Promise<void> {
  await commit(db, { actor, incident, kind: 'postmortem.set', data: { section, text, base: stored?.hash ?? null } });
}

/** Take a losing concurrent version back: it becomes the current text, based on the winner. */
export async function restoreVersion(db: WarRoomDb, incident: string, section: PostmortemSection, text: string, winner: PostmortemSectionView, actor: string): Promise<void> {
  await commit(db, { actor, incident, kind: 'postmortem.set', data: { section, text, base: winner.hash } });
}

/** Keep the current text and settle a losing version (it stays in the section's history). */
export async function dismissVersion(db: WarRoomDb, incident: string, section: PostmortemSection, winner: PostmortemSectionView, loser: string, actor: string): Promise<void> {
  await commit(db, { actor, incident, kind: 'postmortem.set', data: { section, text: winner.text, base: winner.hash, resolves: [loser] } });
}

export async function chooseTemplate(db: WarRoomDb, incident: string, template: string, actor: string): Promise<void> {
  await commit(db, { actor, incident, kind: 'postmortem.template', data: { template } });
}

export async function chooseTimelineMode(db: WarRoomDb, incident: string, mode: TimelineMode, actor: string): Promise<void> {
  await commit(db, { actor, incident, kind: 'postmortem.timeline', data: { mode } });
}
