/**
 * Memory leak.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 2, and its detection threshold (Step 1:
 * "Memory Monitoring: Triggers if > 85% used"). Symptoms are the detection item, Investigation
 * is triage, Mitigation containment (finding the leak itself is eradication, with Plan B
 * Step 5's permanent fix), Prevention post-incident.
 */
export const MEMORY_LEAK = `---
id: memory-leak
types: performance, availability, application
severities:
---
# Memory leak

## Detection
- [ ] Confirm the symptoms: memory usage rising over time, the application slowing down and eventually crashing, a rising error rate
  Monitoring alerts when memory is over 85% used.

## Triage
- [ ] Check the memory usage graph
- [ ] Check for recent deployments
- [ ] Check the application logs for errors
- [ ] Run a heap dump analysis (role: technical-lead)

## Containment
- [ ] Restart the application server
- [ ] Roll back the recent deployment
- [ ] Increase the memory allocation

## Eradication
- [ ] Identify the memory leak (role: technical-lead)
- [ ] Fix it, test the fix and deploy it (role: technical-lead)

## Post-incident
- [ ] Monitor memory usage
- [ ] Set memory alerts
- [ ] Profile memory regularly
- [ ] Review code for memory leaks
`;
