package com.billingportal.account;

/** Where an invitation stands: waiting for the invitee's answer, or answered once and for all. */
public enum InvitationStatus {

	PENDING, ACCEPTED, DECLINED, REVOKED

}
