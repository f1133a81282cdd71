/**
 * Disaster recovery: the restore-priority checklist.
 *
 * From Plan A §6 in docs/response-plans.md "Disaster recovery": the declaration (§6.3 step 1),
 * infrastructure, data restored in the data-recovery priority order (§6.2), services brought back
 * in the recovery-time priority order (§6.1), then verification and reporting (§6.3 step 5).
 * Offered only on an incident with a declared disaster (match.ts); any incident may still start it.
 */
export const DISASTER_RECOVERY = `---
id: disaster-recovery
types:
severities:
---
# Disaster recovery: restore in priority order

## Triage
- [ ] Confirm the disaster conditions are met (role: incident-commander)
- [ ] Record the CTO's (or designated deputy's) approval of the declaration (role: incident-commander)
- [ ] Activate the recovery team (role: operations-coordinator)
- [ ] Notify users of the service disruption (role: communications-lead)

## Containment
- [ ] Deploy the recovery environment if the primary is compromised (role: technical-lead)
- [ ] Provision the required infrastructure components
- [ ] Restore networking and security configurations
- [ ] Verify infrastructure readiness before restoring data

## Recovery
- [ ] Restore data 1: user account information (role: technical-lead)
  Point-in-time restore; at most the RPO (5 minutes) of transactions may be lost.
- [ ] Restore data 2: document content
- [ ] Restore data 3: user preferences and settings
- [ ] Restore data 4: historical document versions
- [ ] Restore data 5: analytics and usage data
- [ ] Validate data integrity, replication and consistency
- [ ] Restore service 1: authentication
- [ ] Restore service 2: document editor (view-only first)
- [ ] Restore service 3: document storage and retrieval
- [ ] Restore service 4: AI suggestions
- [ ] Restore service 5: full editing
- [ ] Restore service 6: ancillary features
- [ ] Enable user access progressively and monitor performance

## Post-incident
- [ ] Run the post-recovery verification tests
- [ ] Record the recovery timings and whether the RTO and RPO were met (role: scribe)
- [ ] Update the status page and notify users of the restoration (role: communications-lead)
`;
