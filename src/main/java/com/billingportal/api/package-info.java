/**
 * The integration API for a billing system ({@code /api/v1}, docs/api.md): API keys, their
 * security filter chain and rate limit, accounts linked to a client; {@code api.web}: the
 * endpoints and their problem details.
 */
package com.billingportal.api;
