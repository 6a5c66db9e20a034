package com.billingportal.card;

public enum CardStatus {

	ACTIVE, REMOVED

}
