package com.billingportal.webhook.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.billingportal.api.ApiClient;
import com.billingportal.api.ApiProblemResponses;
import com.billingportal.webhook.WebhookEndpoints;
import com.billingportal.webhook.WebhookEndpoints.DeliveryLine;
import com.billingportal.webhook.WebhookEndpoints.Registered;
import com.billingportal.webhook.WebhookEndpoints.UrlRefused;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The client's webhook endpoints and their delivery log (status, attempts, last response code). */
@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "Webhooks", description = "Endpoints that receive signed webhooks, and the delivery log")
class WebhooksApiController {

	private final WebhookEndpoints endpoints;

	WebhooksApiController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	record EndpointBody(@NotBlank @Size(max = 2000)
	@Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String url) {
	}

	@PostMapping("/webhook-endpoints")
	@Operation(summary = "Register a webhook endpoint",
			description = "It receives the events of the key's accounts. The answer holds the endpoint's signing "
					+ "secret, shown this once. https only, no user name or password in the URL, and a host on a public "
					+ "address (not loopback, private, link-local or the like): else 422.")
	ResponseEntity<Registered> register(@AuthenticationPrincipal ApiClient client,
			@Valid @RequestBody EndpointBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(this.endpoints.register(client, body.url()));
	}

	/** A URL that may not receive webhooks: 422, the problem detail of the API naming the field. */
	@ExceptionHandler(UrlRefused.class)
	ResponseEntity<ProblemDetail> refused(UrlRefused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The URL may not receive webhooks.");
		problem.setType(URI.create(ApiProblemResponses.TYPE_BASE + "invalid-request"));
		problem.setProperty("errors", List.of(Map.of("field", "url", "reason", ex.getMessage())));
		return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@GetMapping("/webhook-endpoints")
	@Operation(summary = "The key's webhook endpoints (without their secrets)")
	List<Registered> list(@AuthenticationPrincipal ApiClient client) {
		return this.endpoints.endpointsOf(client);
	}

	@DeleteMapping("/webhook-endpoints/{endpointId}")
	@Operation(summary = "Remove a webhook endpoint", description = "Its undelivered webhooks are given up.")
	ResponseEntity<Void> remove(@AuthenticationPrincipal ApiClient client, @PathVariable("endpointId") long id) {
		this.endpoints.remove(client, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/webhook-deliveries")
	@Operation(summary = "The delivery log of the key's endpoints, newest first",
			description = "Status, attempts, last response code and error, next attempt; `limit` lines (1-500) of "
					+ "page `page` (from 0).")
	List<DeliveryLine> deliveries(@AuthenticationPrincipal ApiClient client,
			@RequestParam(name = "limit", defaultValue = "100") int limit,
			@RequestParam(name = "page", defaultValue = "0") int page) {
		return this.endpoints.deliveriesOf(client, Math.max(0, Math.min(page, 100_000)), Math.max(1, Math.min(limit, 500)));
	}

}
