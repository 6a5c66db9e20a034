package com.billingportal.portal;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * No actuator in the application itself, and ids that cannot be one. Health and metrics, on the
 * management port, are in {@link ManagementPortTest}.
 */
@PortalTest
class OperatorEndpointsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/metrics", "/actuator/info" })
	void theApplicationServesNoActuatorNotEvenToTheMachineItself(String path) throws Exception {
		// The actuator is on the management port (see ManagementPortTest); here, 404 for everyone.
		this.mvc.perform(get(path).with(from("127.0.0.1"))).andExpect(status().isNotFound());
		this.mvc.perform(get(path).with(user(this.demo.user("admin@fabrikam.com"))).with(from("127.0.0.1")))
			.andExpect(status().isNotFound());
	}

	@Test
	void anIdThatCannotBeOneIsNotFound() throws Exception {
		var admin = this.demo.user("admin@contoso.com");
		this.mvc.perform(get("/billing/accounts/abc").with(user(admin)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Not found")))
			.andExpect(content().string(containsString("Sandbox")));
		this.mvc.perform(get("/billing/accounts/99999999999999999999/invoices").with(user(admin)))
			.andExpect(status().isNotFound());
		// A page number that cannot be one reads the first page: see PagingInputTest.
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
