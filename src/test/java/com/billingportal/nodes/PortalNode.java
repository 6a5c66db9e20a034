package com.billingportal.nodes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.billingportal.BillingPortalApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One application node on a random port, spoken to over HTTP like a browser without JavaScript. */
final class PortalNode implements AutoCloseable {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	final ConfigurableApplicationContext context;

	final int port;

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private PortalNode(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** Starts a node; the arguments are command-line arguments, e.g. the profiles and the database. */
	static PortalNode start(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--server.port=0");
		// Each node's actuator on a port of its own too (8081 for every node would collide).
		all.add("--management.server.port=0");
		all.add("--billing.payments.reconcile-initial-delay=1h");
		return new PortalNode(new SpringApplicationBuilder(BillingPortalApplication.class).listeners(new LoggingSetUpInTurn())
			.run(all.toArray(String[]::new)));
	}

	/**
	 * Nodes share this JVM's one logging system, which Spring Boot sets up for each application as
	 * it starts: two nodes setting it up at the same moment trip over each other. They take turns
	 * for that first phase only; the database work (Flyway, the reconciler) still runs at once.
	 */
	static final class LoggingSetUpInTurn
			implements org.springframework.context.ApplicationListener<org.springframework.boot.context.event.SpringApplicationEvent>,
			org.springframework.core.Ordered {

		private static final java.util.concurrent.locks.ReentrantLock TURN = new java.util.concurrent.locks.ReentrantLock();

		@Override
		public void onApplicationEvent(org.springframework.boot.context.event.SpringApplicationEvent event) {
			if (event instanceof org.springframework.boot.context.event.ApplicationStartingEvent) {
				TURN.lock();
			}
			else if ((event instanceof org.springframework.boot.context.event.ApplicationPreparedEvent
					|| event instanceof org.springframework.boot.context.event.ApplicationFailedEvent)
					&& TURN.isHeldByCurrentThread()) {
				TURN.unlock();
			}
		}

		@Override
		public int getOrder() {
			return org.springframework.core.Ordered.HIGHEST_PRECEDENCE;
		}

	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	HttpResponse<String> get(String path, String session) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> post(String path, String session, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (session != null) {
			request.header("Cookie", "SESSION=" + session);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in through /login with the page's CSRF token; answers the SESSION cookie's value. */
	String signIn(String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> page = get("/login", null);
		// Before signing in, the form's CSRF token is kept in a cookie, not in a session.
		String token = cookieOf(page, "portal-csrf");
		String body = Map.of("email", email, "password", password, "_csrf", field(page.body(), CSRF))
			.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		HttpResponse<String> signedIn = this.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", "portal-csrf=" + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String session = cookieOf(signedIn, "SESSION");
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")
				|| session == null) {
			throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
		}
		return session;
	}

	static String csrf(String html) {
		return field(html, CSRF);
	}

	static String field(String html, Pattern pattern) {
		Matcher m = pattern.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("Not in the page: " + pattern);
		}
		return m.group(1);
	}

	private static String cookieOf(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.map((c) -> c.substring(name.length() + 1, c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
