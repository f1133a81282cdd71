/**
 * Payment processing failure.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 4 (the plan's provider is Stripe), with
 * Plan D's containment strategy ("Payment Failure: Stop payment processing, queue payments")
 * and Plan C's data recovery ("Reconcile transactions"). Plans B, C and D all grade a
 * payment failure critical (P0), hence P0 and P1.
 */
export const PAYMENT_FAILURE = `---
id: payment-processing-failure
types: application, availability
severities: P0, P1
---
# Payment processing failure

## Detection
- [ ] Confirm the symptoms: payment provider API errors, payment failures, users unable to purchase, an error rate spike

## Triage
- [ ] Check the payment provider's status page (role: technical-lead)
- [ ] Check the API logs
- [ ] Check the webhook logs
- [ ] Verify the payment provider credentials

## Containment
- [ ] Stop payment processing and queue payments for retry
- [ ] Notify users of the issue (role: communications-lead)
- [ ] Contact the payment provider's support (role: operations-coordinator)

## Recovery
- [ ] Retry failed payments
- [ ] Reconcile transactions

## Post-incident
- [ ] Monitor the payment provider API
- [ ] Implement retry logic
- [ ] Test the payment flow regularly
- [ ] Keep the payment provider credentials secure
`;
