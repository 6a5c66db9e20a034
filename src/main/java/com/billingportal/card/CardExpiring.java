package com.billingportal.card;

import java.time.YearMonth;
import java.util.UUID;

/**
 * A billing profile's default card expires within 30 days: published once per card and expiry,
 * by {@link CardExpiryWatch}. {@code eventId} names this one event wherever it is delivered.
 */
public record CardExpiring(UUID eventId, long cardId, long accountId, YearMonth expiry) {
}
