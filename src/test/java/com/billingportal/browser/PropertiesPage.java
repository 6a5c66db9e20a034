package com.billingportal.browser;

import java.util.Map;

/** Properties of a billing account: who the admin is, your role, and whether you can pay. */
public class PropertiesPage extends PortalShell {

	public PropertiesPage(Browser browser) {
		super(browser);
	}

	public static PropertiesPage fromPane(PortalShell page) {
		page.openFromPane("Properties");
		return new PropertiesPage(page.browser);
	}

	public Map<String, String> facts() {
		return BillingOverviewPage.Facts.read(this.driver);
	}

}
