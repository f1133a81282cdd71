/**
 * Database connection pool exhausted.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 1, and its detection threshold (Step 1:
 * "Database Monitoring: Triggers if connection pool > 90%"). The scenario's symptoms are the
 * detection item; Investigation is triage, Mitigation containment, Prevention post-incident.
 */
export const CONNECTION_POOL = `---
id: db-connection-pool-exhausted
types: performance, availability
severities:
---
# Database connection pool exhausted

## Detection
- [ ] Confirm the symptoms: "Connection pool exhausted" errors, error rate and response time spikes, users unable to load pages
  Monitoring alerts when the connection pool is over 90% used.

## Triage
- [ ] Check the database connection pool size (role: technical-lead)
- [ ] Check the number of active connections
- [ ] Check for long-running queries
- [ ] Check the application logs for connection leaks

## Containment
- [ ] Restart the application server
- [ ] Kill long-running queries
- [ ] Increase the connection pool size
- [ ] Scale up database resources

## Post-incident
- [ ] Monitor connection pool usage
- [ ] Set connection timeouts
- [ ] Implement connection pooling where it is missing
- [ ] Optimize slow queries
`;
