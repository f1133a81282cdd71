/**
 * The general response checklist, offered for every incident (match.ts GENERAL_RUNBOOK_ID).
 *
 * From the plans in docs/response-plans.md: the phases and most items are Plan D's "Incident Response
 * Checklist" (detection, containment, eradication, recovery, post-mortem) and its "Recovery
 * Steps"; triage is Plan A §4.1 "Classification and Triage" with Plan C "Initial Triage" and
 * Plan E "Immediate Response Protocol" (Stop: halt deployments); containment adds Plan B
 * Step 5 "Stop the Bleeding" and "Implement Temporary Fix"; recovery adds Plan B Step 7; the
 * post-incident items are Plan A §7.1, Plan B Step 8 and Plan D "Post-Mortem".
 */
export const GENERAL_RESPONSE = `---
id: general-response
types:
severities:
---
# General incident response

## Detection
- [ ] Review the alert details and verify the alert is genuine (role: technical-lead)
- [ ] Check the system state, metrics and logs for errors (role: technical-lead)
- [ ] Classify it as an incident or a false alarm (role: incident-commander)
- [ ] Create the incident record with its correlation ID (role: scribe)

## Triage
- [ ] Determine the severity level (role: incident-commander)
- [ ] Identify the affected systems and components (role: technical-lead)
- [ ] Assess the impact on users, the business and systems (role: incident-commander)
  How many users, which features, revenue, SLA and regulatory exposure, data integrity.
- [ ] Activate the response team and assign the roles (role: incident-commander)
- [ ] Halt any ongoing deployments or changes (role: technical-lead)
- [ ] Open the incident channel and notify stakeholders (role: communications-lead)

## Containment
- [ ] Implement immediate containment: isolate affected systems, disable problematic features (role: technical-lead)
- [ ] Stop the bleeding: reduce load, or fail over to a backup if one is available (role: technical-lead)
- [ ] Implement a temporary fix: roll back the recent deployment, restart the service, clear caches or scale up (role: technical-lead)
- [ ] Document the timeline as you go (role: scribe)
- [ ] Update the status page and post status updates at this severity's cadence (role: communications-lead)
  Share facts, not speculation, and mark what is unconfirmed.

## Eradication
- [ ] Identify the root cause (role: technical-lead)
  Was there a recent deployment or change? Is it infrastructure, the application or a third-party service?
- [ ] Apply the fix (role: technical-lead)
- [ ] Test the fix, in staging if possible
- [ ] Verify the fix works

## Recovery
- [ ] Restore normal operation (role: technical-lead)
- [ ] Check that all health checks pass and background workers are running
- [ ] Check for stuck operations and review the logs for errors
- [ ] Verify data integrity
- [ ] Verify users can access the service and performance is normal
- [ ] Monitor for recurrence before declaring the incident resolved
  Watch for 10 to 30 minutes.
- [ ] Declare the incident resolved (role: incident-commander)
- [ ] Update the status page and send the resolution notice (role: communications-lead)

## Post-incident
- [ ] Schedule the post-mortem (role: incident-commander)
  Blameless, within 5 days of resolution: focus on process and system factors, not individual errors.
- [ ] Reconstruct the timeline (role: scribe)
- [ ] Analyse the root cause and all contributing factors
- [ ] Record what went well and what could be improved
- [ ] Create action items, each with an owner and a deadline
- [ ] Update the runbooks
- [ ] Share the findings with the team and stakeholders (role: communications-lead)
- [ ] Schedule a follow-up on the action items (role: incident-commander)
`;
