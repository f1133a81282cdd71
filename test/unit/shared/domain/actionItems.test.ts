import { describe, expect, it } from 'vitest';
import { ACTION_STATUS_NAMES, ActionPriorityScale, DEFAULT_ACTION_PRIORITIES, isOpenAction, priorityLabel, priorityRank } from '../../../../shared/domain/actionItems.ts';

describe('action-item priorities', () => {
  it('the plans\' scale by default: High, Medium, Low', () => {
    expect(DEFAULT_ACTION_PRIORITIES).toEqual(['High', 'Medium', 'Low']);
  });

  it('old P0–P3 values read on the plans\' scale by rank: P0 and P1 High, P2 Medium, P3 Low', () => {
    expect(['P0', 'P1', 'P2', 'P3'].map((p) => priorityLabel(p, DEFAULT_ACTION_PRIORITIES))).toEqual(['High', 'High', 'Medium', 'Low']);
    expect(['P0', 'P1', 'P2', 'P3'].map((p) => priorityRank(p, DEFAULT_ACTION_PRIORITIES))).toEqual([0, 0, 1, 2]);
  });

  it('on a team\'s own scale: its names as they are; old values by rank, a short scale\'s last name taking the rest', () => {
    const team = ['P1', 'P2', 'P3', 'P4'];
    // A name on the scale is itself, even one that looks like an old value.
    expect(['P1', 'P2', 'P3', 'P4'].map((p) => priorityLabel(p, team))).toEqual(team);
    expect(priorityLabel('P0', team)).toBe('P1');
    expect(['P0', 'P1', 'P2', 'P3'].map((p) => priorityLabel(p, ['Now', 'Later']))).toEqual(['Now', 'Now', 'Later', 'Later']);
  });

  it('a name off the scale (the team changed it since) shows as written and sorts last', () => {
    expect(priorityLabel('Urgent', DEFAULT_ACTION_PRIORITIES)).toBe('Urgent');
    expect(priorityRank('Urgent', DEFAULT_ACTION_PRIORITIES)).toBe(3);
  });

  it('a scale is 2–8 distinct names (ignoring case), trimmed, without commas', () => {
    expect(ActionPriorityScale.parse([' Urgent ', 'Soon', 'Later'])).toEqual(['Urgent', 'Soon', 'Later']);
    for (const bad of [['Only'], ['High', 'high'], ['High', ''], Array.from({ length: 9 }, (_, i) => `L${i}`), ['A,B', 'C']]) expect(ActionPriorityScale.safeParse(bad).success).toBe(false);
  });
});

describe('action-item statuses', () => {
  it('read as the plans\' template: Open, In progress, Complete, and Won\'t do; the stored values are unchanged', () => {
    expect(ACTION_STATUS_NAMES).toEqual({ open: 'Open', 'in-progress': 'In progress', done: 'Complete', 'wont-do': 'Won’t do' });
    expect((['open', 'in-progress', 'done', 'wont-do'] as const).filter(isOpenAction)).toEqual(['open', 'in-progress']);
  });
});
