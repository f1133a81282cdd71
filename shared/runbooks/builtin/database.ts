/**
 * Database incident.
 *
 * From Plan A §4.3 in docs/response-plans.md "Database Incidents" (initial assessment, containment strategies, recovery
 * procedures, verification and monitoring), with Plan D's containment strategy for a database
 * failure ("Stop writes, continue reads if possible") and Plan E's database rollback ("Use
 * backup and transaction log restoration").
 */
export const DATABASE = `---
id: database-incident
types: data, performance, availability
severities:
---
# Database incident

## Detection
- [ ] Verify the database symptoms: high latency, connection errors (role: technical-lead)
- [ ] Check database metrics: connections, IOPS, CPU, memory
- [ ] Assess the impact on application functionality
- [ ] Determine whether data corruption or loss has occurred (role: technical-lead)

## Containment
- [ ] Switch to read-only mode if write operations are problematic
  Stop writes, continue reads if possible.
- [ ] Redirect to a read replica if the primary is failing
- [ ] Adjust connection pooling if needed
- [ ] Consider database failover for severe issues (role: incident-commander)

## Recovery
- [ ] Restore from backup if data corruption is detected
- [ ] Perform point-in-time recovery when needed
  Backup and transaction log restoration; check the result against the recovery point objective.
- [ ] Scale database resources if the issue is capacity-related
- [ ] Rebuild indexes or repair the database as necessary
- [ ] Validate data integrity after recovery
- [ ] Verify application functionality with the restored database
- [ ] Monitor database performance metrics closely

## Post-incident
- [ ] Add monitoring for recurrence
`;
