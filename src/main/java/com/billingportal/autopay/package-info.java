/**
 * Automatic payment with the default card: invoices issued to a billing profile with the setting on
 * are charged by a scheduled job through the payment service, retried after a decline and, after the
 * last decline, left due with the admin told ({@link com.billingportal.autopay.AutopayGaveUp}).
 */
package com.billingportal.autopay;
