/**
 * Data breach.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 6 "Security Incident - Data Breach" and its
 * "GDPR Breach Notification" (notify within 72 hours of discovery, notify affected individuals
 * if high risk, document for the regulatory authority), with Plan E "Data Breach Response"
 * (scope assessment, credit monitoring). Every plan grades a confirmed breach critical (P0),
 * hence P0 and P1.
 */
export const DATA_BREACH = `---
id: data-breach
types: security, data
severities: P0, P1
---
# Data breach

## Detection
- [ ] Confirm the signs: unauthorized access, data exfiltration, suspicious activity in the logs, users reporting compromised accounts (role: security-lead)

## Triage
- [ ] Identify what data was accessed (role: security-lead)
- [ ] Identify how access was gained (role: security-lead)
- [ ] Identify when the breach occurred (role: security-lead)
- [ ] Identify the affected users (role: security-lead)

## Containment
- [ ] Immediately revoke compromised credentials (role: security-lead)
- [ ] Isolate affected systems (role: security-lead)
- [ ] Preserve evidence for the investigation (role: security-lead)
- [ ] Notify the regulatory authority within 72 hours of discovery (role: incident-commander)
  GDPR: the 72 hours run from discovery, not from the end of the investigation.
- [ ] Notify affected individuals if the risk to them is high (role: communications-lead)

## Recovery
- [ ] Implement corrective measures (role: security-lead)
- [ ] Provide credit monitoring if personal data was affected

## Post-incident
- [ ] Document the incident for the regulatory authority (role: scribe)
- [ ] Strengthen authentication and access controls (role: security-lead)
- [ ] Monitor for suspicious activity (role: security-lead)
- [ ] Schedule regular security audits
- [ ] Train the team in incident response
`;
