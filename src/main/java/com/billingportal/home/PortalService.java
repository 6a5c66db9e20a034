package com.billingportal.home;

import java.util.List;
import java.util.Locale;

/** A service of the portal as home tiles and search show it. */
public record PortalService(String nameKey, String path, String icon, List<String> keywords) {

	/** The services this portal offers; search finds them by name or keyword, in English or Chinese. */
	public static final List<PortalService> ALL = List.of(new PortalService("service.costManagement", "/billing",
			"billing", List.of("cost management + billing", "cost", "billing", "bill", "invoice", "invoices", "pay",
					"payment", "payments", "credit card", "subscription", "成本管理 + 计费", "成本", "计费", "帐单", "账单", "发票",
					"付款", "支付")));

	public boolean matches(String query) {
		String q = query.toLowerCase(Locale.ROOT).strip();
		return !q.isEmpty() && this.keywords.stream().anyMatch((k) -> k.contains(q) || q.contains(k));
	}

}
