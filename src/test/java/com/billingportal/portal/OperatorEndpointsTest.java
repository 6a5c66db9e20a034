package com.billingportal.portal;

import com.billingportal.support.DemoData;
import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health for load balancers; metrics, which cover every tenant, only from the machine itself. */
@PortalTest
class OperatorEndpointsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoData demo;

	@Test
	void healthIsOpenToEveryone() throws Exception {
		this.mvc.perform(get("/actuator/health").with((request) -> {
			request.setRemoteAddr("10.1.2.3");
			return request;
		})).andExpect(status().isOk()).andExpect(content().string(containsString("\"status\":\"UP\"")));
	}

	@Test
	void metricsAnswerOnlyTheMachineItself() throws Exception {
		this.mvc.perform(get("/actuator/metrics").with(user(this.demo.user("admin@fabrikam.com"))).with((request) -> {
			request.setRemoteAddr("10.1.2.3");
			return request;
		})).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/metrics").with((request) -> {
			request.setRemoteAddr("127.0.0.1");
			return request;
		})).andExpect(status().isOk()).andExpect(content().string(containsString("jvm.memory.used")));
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

}
