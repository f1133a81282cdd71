/**
 * Security incident: containment, evidence preservation, credential rotation and the
 * notification duties, including the 72-hour regulator notice.
 *
 * From Plan A §4.4 in docs/response-plans.md "Security Incidents" (containment and evidence preservation, investigation,
 * remediation, recovery and hardening, disclosure and reporting) and §9.3 (need-to-know, secure
 * channels); Plan C "Security containment" (block malicious traffic, revoke compromised
 * credentials, isolate affected accounts, preserve evidence); Plan E "Security Breach
 * Protocol" and "Security Remediation" (threat assessment, notify the security team and
 * management, credential rotation, access review); Plan B "GDPR Breach Notification" (notify
 * within 72 hours of discovery, retain documentation for 3 years) and its Scenario 6, which puts
 * the notices among the mitigation steps.
 */
export const SECURITY = `---
id: security-incident
types: security, data
severities: P0, P1
---
# Security incident

## Triage
- [ ] Assess the threat: is it ongoing, and what is at risk? (role: security-lead)
- [ ] Notify the security team and management (role: security-lead)
- [ ] Establish whether personal data is involved (role: incident-commander)
  If it is, the regulator must be notified within 72 hours of discovery.
- [ ] Keep information need-to-know and use secure channels (role: incident-commander)

## Containment
- [ ] Isolate affected systems and networks (role: security-lead)
- [ ] Preserve evidence before any change: logs, system artifacts, disk and memory images (role: security-lead)
- [ ] Block malicious traffic (role: security-lead)
- [ ] Revoke compromised credentials and isolate affected accounts (role: security-lead)
- [ ] Identify the attack vector and exploit method (role: security-lead)
- [ ] Assess data exposure or loss (role: security-lead)
- [ ] Notify the regulatory authority within 72 hours of discovery if personal data was breached (role: incident-commander)
- [ ] Notify affected users as the regulations require (role: communications-lead)

## Eradication
- [ ] Analyse logs and system artifacts (role: security-lead)
- [ ] Identify the scope and timeline of the compromise (role: security-lead)
- [ ] Eradicate unauthorized access and malicious code (role: security-lead)
- [ ] Fix the exploited vulnerabilities and apply security patches (role: technical-lead)
- [ ] Rotate all potentially compromised credentials (role: security-lead)
- [ ] Review access and revoke what was compromised (role: security-lead)
- [ ] Document all findings for legal and compliance purposes (role: scribe)

## Recovery
- [ ] Restore systems from clean backups where necessary (role: technical-lead)
- [ ] Restore services with additional security controls (role: technical-lead)
- [ ] Enhance monitoring for similar attacks (role: security-lead)
- [ ] Perform a security review of the affected components (role: security-lead)

## Post-incident
- [ ] Document the incident for the regulatory authority and compliance (role: scribe)
- [ ] Brief management on the incident and the response (role: incident-commander)
- [ ] Update security controls to prevent recurrence (role: security-lead)
- [ ] Retain the incident documentation for at least 3 years (role: scribe)
`;
