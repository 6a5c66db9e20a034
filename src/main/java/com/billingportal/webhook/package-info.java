/**
 * Signed webhooks: what a billing system is told when an invoice is issued or paid and when a
 * payment succeeds, fails or is refunded (docs/api.md#webhooks). Listens to the events of
 * {@code invoice} and {@code payment} through Spring Modulith's event publication registry (the
 * same outbox as emails), writes each webhook once per event and endpoint into
 * {@code webhook_delivery} and sends it signed (HMAC-SHA256 over {@code timestamp.body}), retrying
 * with a doubling wait for up to three days. Endpoints come from configuration or from an API
 * client ({@code webhook.web}, under {@code /api/v1}).
 */
package com.billingportal.webhook;
