/**
 * The built-in tabletop scenarios: the five "Scenario Examples" of Plan A §8.2 in docs/response-plans.md (Training and
 * Exercises) and the six "Common Incident Scenarios" of Plan B. Severities are the default
 * scheme's (P0–P3, Plan B "Incident Severity Levels"); runbook ids are those of
 * shared/runbooks/builtins.ts. Written as scenario Markdown (parse.ts) and parsed on load, so
 * the format is what authors see and a broken built-in fails its test, not the app.
 */
import { parseScenario } from './parse.ts';
import type { Scenario } from './scenario.ts';

// Plan A §8.2 "AI service dependency failure"; handling from Plan A §4.2 "AI Service Incidents".
const AI_DEPENDENCY = `---
id: ai-dependency-failure
type: availability
severity: P1
roles: incident-commander, technical-lead, communications-lead, subject-matter-expert
---
# AI service dependency failure

## Briefing
AI suggestions in the editor have started timing out. The platform depends on an external AI
provider (OpenAI API) for suggestions; the rest of the product still works.

Decide whether the problem is internal or with the provider, and how to degrade gracefully.

## Injects
- T+00 alert: AI suggestion latency p95 above 30 s; 40% of requests time out
- T+05 fact: The provider's status page shows "degraded performance" for the completions API
- T+12 customer: Enterprise customer reports that AI suggestions have been failing for 10 minutes
- T+20 fact: Our API quota dashboard shows 98% of the monthly quota used
- T+30 executive: The CTO asks for an update and an ETA for full AI functionality
- T+40 alert: Error rate on the AI service reaches 60% (severity: P0)

## Expected actions
- role assigned: incident commander
- status update within 15 min
- checklist started: ai-external-dependency
- Circuit breaker or rule-based fallback mode enabled
- phase reached: containment
`;

// Plan A §8.2 "Database corruption"; Plan A §4.3 "Database Incidents"; Plan B P0 examples.
const DATABASE_CORRUPTION = `---
id: database-corruption
type: data
severity: P0
roles: incident-commander, technical-lead, communications-lead, scribe
---
# Database corruption

## Briefing
Support reports that some customer records show other customers' values after last night's
migration. The primary database is up, but data integrity is in doubt.

## Injects
- T+00 alert: Data integrity check failed on 3 tables of db-primary
- T+08 fact: The faulty migration ran at 02:10; the last clean backup is from 02:00
- T+15 customer: A customer reports seeing another company's invoice address
- T+25 fact: Writes since 02:10 continue to corrupt rows in the invoices table
- T+35 executive: The CEO asks whether customer data has leaked and what to tell customers
- T+50 fact: Point-in-time recovery to 02:09 is tested on a replica and looks clean

## Expected actions
- role assigned: incident commander
- status update within 15 min
- checklist started: database-incident
- Database put in read-only mode to stop further corruption
- phase reached: recovery
`;

// Plan A §8.2 "Security breach"; Plan A §4.4 "Security Incidents".
const SECURITY_BREACH = `---
id: security-breach
type: security
severity: P1
roles: incident-commander, security-lead, technical-lead, communications-lead
---
# Security breach

## Briefing
The intrusion detection system flags logins to the admin console from an unknown network.
It is not yet known what was accessed.

## Injects
- T+00 alert: Admin console logins from an unfamiliar IP range outside business hours
- T+06 fact: The logins used a service account whose key was committed to a public repository
- T+15 fact: The service account created a new API key 20 minutes before the alert (severity: P0)
- T+22 executive: The CTO asks whether we must notify anyone externally
- T+30 customer: A customer asks on social media whether the platform has been hacked
- T+45 fact: Logs show the API key listing the user table

## Expected actions
- escalated to security lead
- severity set: P0
- checklist started: security-incident
- Evidence preserved before credentials are rotated
- status update within 15 min
- phase reached: containment
`;

// Plan A §8.2 "Infrastructure outage".
const INFRASTRUCTURE_OUTAGE = `---
id: infrastructure-outage
type: infrastructure
severity: P0
roles: incident-commander, technical-lead, operations-coordinator, communications-lead
---
# Infrastructure outage

## Briefing
The platform is unreachable. The load balancer health checks fail for every application node
in the primary region.

## Injects
- T+00 alert: Uptime monitor: platform down from all probe locations
- T+04 fact: The cloud provider's status page reports a networking incident in our region
- T+10 customer: Support queue receives 50 tickets in five minutes
- T+18 fact: Nodes are healthy; the managed load balancer is not routing traffic
- T+25 executive: The CEO asks for an update before a board call
- T+40 fact: The provider estimates another two hours to recovery

## Expected actions
- role assigned: incident commander
- status update within 15 min
- checklist started: general-response
- Public status page updated
- phase reached: recovery
`;

// Plan A §8.2 "Data center loss".
const DATA_CENTRE_LOSS = `---
id: data-centre-loss
type: infrastructure
severity: P0
roles: incident-commander, technical-lead, operations-coordinator, communications-lead, scribe
---
# Data-centre loss

## Briefing
A fire alarm and power loss take the primary data centre offline. The disaster-recovery site
holds replicas, but failover has only been rehearsed once.

## Injects
- T+00 alert: All services in the primary data centre stop reporting
- T+05 fact: The data-centre operator confirms a power loss with no estimate for restoration
- T+12 fact: Replication lag to the DR site was 4 minutes at the time of the outage
- T+20 executive: The COO asks whether to invoke the business continuity plan
- T+30 customer: A key customer's integration fails and they threaten to escalate to their account manager
- T+45 fact: DR failover completes for the database; the application tier is still starting

## Expected actions
- role assigned: incident commander
- role assigned: operations coordinator
- status update within 15 min
- Decision on failover to the DR site recorded, with the accepted data loss
- phase reached: recovery
`;

// Plan B "Scenario 1: Database Connection Pool Exhausted".
const CONNECTION_POOL = `---
id: db-connection-pool-exhausted
type: performance
severity: P1
roles: incident-commander, technical-lead, communications-lead
---
# Database connection pool exhausted

## Briefing
Error rates and response times spike; users cannot load pages. Application logs show
"Connection pool exhausted".

## Injects
- T+00 alert: Error rate above 5% and p95 response time above 5 s on the API
- T+05 alert: Connection pool at 100% on db-primary (severity: P0)
- T+10 fact: A long-running report query has held 40 connections for 25 minutes
- T+15 customer: Customers report they cannot log in
- T+25 executive: The VP Engineering asks for an update and an ETA
- T+35 fact: Connection count drops after the query is killed, then climbs again

## Expected actions
- status update within 15 min
- checklist started: db-connection-pool-exhausted
- role assigned: incident commander
- severity set: P0
- phase reached: containment
`;

// Plan B "Scenario 2: Memory Leak".
const MEMORY_LEAK = `---
id: memory-leak
type: performance
severity: P2
roles: incident-commander, technical-lead
---
# Memory leak

## Briefing
Memory use on the application servers has grown steadily since yesterday's deployment. The
application is getting slower.

## Injects
- T+00 alert: Memory usage above 85% on app-1 and app-2
- T+10 fact: The memory graph climbs linearly since yesterday's 16:00 deployment
- T+20 alert: app-2 crashed with out-of-memory and restarted (severity: P1)
- T+30 customer: Users report the application is slow and sometimes errors
- T+45 executive: The product director asks whether the release can stay

## Expected actions
- checklist started: memory-leak
- status update within 30 min
- severity set: P1
- Decision to roll back the recent deployment recorded
`;

// Plan B "Scenario 3: Disk Space Full".
const DISK_FULL = `---
id: disk-full
type: infrastructure
severity: P1
roles: incident-commander, technical-lead
---
# Disk space full

## Briefing
The disk-space monitor triggered on the database host (over 85% full), and usage keeps
climbing.

## Injects
- T+00 alert: Disk usage at 92% on db-primary
- T+07 fact: Debug logging was left on after last week's investigation; logs grow 2 GB an hour
- T+15 alert: "No space left on device": the database stops accepting writes (severity: P0)
- T+20 customer: Users report they cannot save their work
- T+30 executive: The CTO asks for an update

## Expected actions
- checklist started: disk-full
- status update within 15 min
- severity set: P0
- Old logs and temporary files cleaned up, and log rotation checked
`;

// Plan B "Scenario 4: Payment Processing Failure"; Plan B P0 examples.
const PAYMENT_FAILURE = `---
id: payment-processing-failure
type: application
severity: P0
roles: incident-commander, technical-lead, communications-lead
---
# Payment processing failure

## Briefing
Purchases fail. The Stripe API returns errors for a growing share of payment attempts.

## Injects
- T+00 alert: Payment failure rate at 45%
- T+06 fact: Stripe's status page shows no incident
- T+12 fact: API logs show authentication errors: the Stripe key was rotated yesterday
- T+18 customer: A customer was charged twice after retrying a failed payment
- T+25 executive: The CFO asks how much revenue is at risk per hour

## Expected actions
- role assigned: incident commander
- checklist started: payment-processing-failure
- status update within 15 min
- Failed payments queued for retry and affected users notified
`;

// Plan B "Scenario 5: Email Delivery Failure"; Plan B P1 examples.
const EMAIL_FAILURE = `---
id: email-delivery-failure
type: application
severity: P1
roles: incident-commander, technical-lead, communications-lead
---
# Email delivery failure

## Briefing
Support tickets about missing emails are rising: password resets and invitations do not
arrive.

## Injects
- T+00 alert: Email queue depth above 10000 and growing
- T+08 fact: The Resend API returns 403 for our sending domain
- T+15 customer: Ten support tickets in an hour about password reset emails
- T+25 fact: The domain's DNS records changed during yesterday's DNS migration
- T+35 executive: The head of support asks what to tell customers

## Expected actions
- checklist started: email-delivery-failure
- status update within 30 min
- role assigned: communications lead
- Support team given a workaround and customer wording
`;

// Plan B "Scenario 6: Security Incident - Data Breach"; Plan B "GDPR Breach Notification".
const DATA_BREACH = `---
id: data-breach
type: security
severity: P0
roles: incident-commander, security-lead, communications-lead, scribe
---
# Data breach

## Briefing
A user reports their account was taken over. Logs show suspicious activity: bulk exports of
user data from an admin account.

## Injects
- T+00 alert: Unusual bulk export of user records from an admin account
- T+05 customer: A user reports their account was compromised and their email changed
- T+12 fact: The admin account's password appears in a public credential dump
- T+20 fact: 12000 user records, including email addresses, were exported
- T+30 executive: The CEO asks whether we must notify the regulator and by when
- T+45 fact: The same IP address accessed two other admin accounts

## Expected actions
- escalated to security lead
- checklist started: data-breach
- Compromised credentials revoked
- status update within 15 min
- Regulatory notification (GDPR, 72 hours) assessed and its deadline recorded
- phase reached: containment
`;

export const BUILT_IN_SCENARIO_SOURCES: readonly string[] = [
  AI_DEPENDENCY,
  DATABASE_CORRUPTION,
  SECURITY_BREACH,
  INFRASTRUCTURE_OUTAGE,
  DATA_CENTRE_LOSS,
  CONNECTION_POOL,
  MEMORY_LEAK,
  DISK_FULL,
  PAYMENT_FAILURE,
  EMAIL_FAILURE,
  DATA_BREACH,
];

function load(source: string): Scenario {
  const result = parseScenario(source);
  if (!result.ok) throw new Error(`built-in scenario: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.scenario;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

export const BUILT_IN_SCENARIOS: readonly Scenario[] = BUILT_IN_SCENARIO_SOURCES.map((source) => deepFreeze(load(source)));
