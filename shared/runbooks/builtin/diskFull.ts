/**
 * Disk space full.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 3, and its detection threshold (Step 1:
 * "Disk Space Monitoring: Triggers if > 85% full"). Symptoms are the detection item,
 * Investigation is triage, Mitigation containment, Prevention post-incident.
 */
export const DISK_FULL = `---
id: disk-full
types: infrastructure, availability
severities:
---
# Disk space full

## Detection
- [ ] Confirm the symptoms: "No space left on device" errors, application crashes, the database no longer accepting writes, logs no longer written
  Monitoring alerts when a disk is over 85% full.

## Triage
- [ ] Check disk usage
- [ ] Identify large files
- [ ] Check log file sizes
- [ ] Check temporary files

## Containment
- [ ] Delete old log files
- [ ] Clean up temporary files
- [ ] Delete old backups
  Only backups that newer ones replace: keep what a restore may still need.
- [ ] Increase disk space

## Post-incident
- [ ] Monitor disk usage
- [ ] Set disk alerts
- [ ] Implement log rotation
- [ ] Clean up old data regularly
`;
