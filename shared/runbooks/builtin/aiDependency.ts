/**
 * AI service / external dependency failure.
 *
 * From Plan A §4.2 in docs/response-plans.md "AI Service Incidents" (detection and assessment, mitigation strategies,
 * resolution approaches for provider and internal issues, recovery verification), with Plan B
 * Step 4 ("Is it a third-party service issue?"), Plan D's containment strategy for a failing
 * provider API ("Degrade gracefully, queue activations") and Plan A §2.3 (the operations
 * coordinator deals with external service providers).
 */
export const AI_DEPENDENCY = `---
id: ai-external-dependency
types: availability, performance, application
severities:
---
# AI service or external dependency failure

## Detection
- [ ] Verify the AI service status and error patterns (role: technical-lead)
- [ ] Check the external API's connectivity, status page and quotas (role: technical-lead)
  For the AI service: the OpenAI API and the account's rate limits and quotas.
- [ ] Identify the failure mode: timeouts, error responses or quality issues
- [ ] Determine whether the issue is internal or with the external provider (role: technical-lead)

## Containment
- [ ] Open the circuit breaker if the external API is failing (role: technical-lead)
- [ ] Enable the simplified fallback mode (rule-based suggestions)
- [ ] Apply request throttling if needed
- [ ] Queue work that needs the provider instead of failing it
- [ ] Scale AI service resources as appropriate
- [ ] Tell users which functionality is degraded (role: communications-lead)

## Eradication
- [ ] Provider issue: contact the provider's support for critical issues (role: operations-coordinator)
- [ ] Provider issue: switch to an alternative provider if available
- [ ] Provider issue: degrade gracefully to basic functionality
- [ ] Internal issue: restart the AI service containers
- [ ] Internal issue: roll back recent deployments if applicable
- [ ] Internal issue: scale up resources to handle the increased load

## Recovery
- [ ] Test suggestions across different document types
- [ ] Verify the fallback mechanisms worked correctly
- [ ] Monitor performance metrics after resolution
- [ ] Gradually restore full service when stable (role: incident-commander)
`;
