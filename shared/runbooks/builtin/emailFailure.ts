/**
 * Email delivery failure.
 *
 * From Plan B in docs/response-plans.md "Common Incident Scenarios", Scenario 5 (the plan's provider is Resend). Plan B
 * grades an email delivery failure high (P1), hence P1 and P2.
 */
export const EMAIL_FAILURE = `---
id: email-delivery-failure
types: application, availability
severities: P1, P2
---
# Email delivery failure

## Detection
- [ ] Confirm the symptoms: users not receiving emails, email provider API errors, the email queue building up, support tickets about missing emails

## Triage
- [ ] Check the email provider's status page (role: technical-lead)
- [ ] Check the email logs
- [ ] Check for bounced emails
- [ ] Verify the email domain configuration

## Containment
- [ ] Queue emails for retry
- [ ] Notify users of the issue (role: communications-lead)
  Through the status page or in the app: email is what is broken.
- [ ] Contact the email provider's support (role: operations-coordinator)

## Recovery
- [ ] Retry failed emails

## Post-incident
- [ ] Monitor email delivery
- [ ] Implement retry logic
- [ ] Test the email flow regularly
- [ ] Monitor the email bounce rate
`;
