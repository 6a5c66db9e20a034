package com.billingportal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Problem details (RFC 9457) written by the security filters, before any controller: fixed texts
 * only, nothing from the request.
 */
public final class ApiProblemResponses {

	/** The problem types' base; {@code type} is this plus a short name. */
	public static final String TYPE_BASE = "https://billing-portal.local/problems/";

	private ApiProblemResponses() {
	}

	public static void write(HttpServletResponse response, int status, String title, String detail, String type)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"" + TYPE_BASE + type + "\",\"title\":\"" + title + "\",\"status\":" + status
					+ ",\"detail\":\"" + detail + "\"}");
	}

}
