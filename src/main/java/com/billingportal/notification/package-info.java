/**
 * Emails: what the portal tells people when an invoice is issued or falls past due, a payment
 * succeeds or fails, or a default card is about to expire. Listens to the events of
 * {@code invoice}, {@code payment} and {@code card} through Spring Modulith's event publication
 * registry (the outbox), writes each email once per event and recipient into {@code email_message}
 * and delivers it over SMTP, or keeps it when no mail server is configured. {@code notification.web}
 * is the Email history page. Nothing depends on this module.
 */
package com.billingportal.notification;
