package com.billingportal.api;

import com.billingportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI description and Swagger UI: served, describing the API only, under their own policy. */
@PortalTest
class ApiDocsTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theOpenApiDescriptionListsTheApiAndItsBearerKey() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").value(org.hamcrest.Matchers.startsWith("3.")))
			.andExpect(jsonPath("$.paths['/api/v1/invoices'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/payments/{reference}/refunds'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/accounts/{accountExternalId}'].put").exists())
			.andExpect(jsonPath("$.components.securitySchemes.apiKey.scheme").value("bearer"))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("/billing/accounts"))));
	}

	@Test
	void swaggerUiLoadsWithInlineStylesAllowedOnlyForItself() throws Exception {
		this.mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/swagger-ui/index.html"));
		var page = this.mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk()).andReturn().getResponse();
		assertThat(page.getContentAsString()).contains("swagger-ui");
		assertThat(page.getHeader("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'")
			.contains("script-src 'self';")
			.contains("frame-ancestors 'none'");
		var initializer = this.mvc.perform(get("/swagger-ui/swagger-initializer.js")).andExpect(status().isOk())
			.andReturn().getResponse();
		assertThat(initializer.getContentAsString()).contains("SwaggerUIBundle");
		var docs = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
		assertThat(docs.getHeader("Content-Security-Policy")).doesNotContain("unsafe-inline");
	}

}
