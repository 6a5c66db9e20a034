package com.billingportal.portal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The actuator on a port of its own, bound to the machine itself: the application's port serves
 * no /actuator, whatever forwarded header a request carries; the management port serves health
 * (with the liveness and readiness groups) and metrics; the application's port has the two probes
 * as /livez and /readyz for a load balancer elsewhere. Real ports, real HTTP (Tomcat's
 * RemoteIpValve runs, which MockMvc would not).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ManagementPortTest {

	final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@ParameterizedTest
	@ValueSource(strings = { "/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/info",
			"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/webhooks", "/actuator/prometheus",
			"/actuator/prometheus/metrics" })
	void theApplicationsPortServesNoActuatorEvenToAForwardedLoopbackAddress(String path) throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		HttpResponse<String> plain = get(this.port, path);
		assertThat(plain.statusCode()).isEqualTo(404);
		HttpResponse<String> forwarded = send(HttpRequest.newBuilder(uri(this.port, path))
			.header("X-Forwarded-For", "127.0.0.1")
			.header("X-Real-IP", "127.0.0.1")
			.header("Forwarded", "for=127.0.0.1")
			.build());
		assertThat(forwarded.statusCode()).isEqualTo(404);
		assertThat(forwarded.body()).doesNotContain("\"UP\"").doesNotContain("\"names\"").doesNotContain("measurements");
	}

	@Test
	void theManagementPortServesHealthWithTheProbesAndMetrics() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> health = get(this.managementPort, path);
			assertThat(health.statusCode()).as(path).isEqualTo(200);
			assertThat(health.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
		}
		HttpResponse<String> metrics = get(this.managementPort, "/actuator/metrics");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm.memory.used");
	}

	@Test
	void theApplicationsPortAnswersTheLoadBalancersProbes() throws Exception {
		for (String path : List.of("/livez", "/readyz")) {
			HttpResponse<String> probe = get(this.port, path);
			assertThat(probe.statusCode()).as(path).isEqualTo(200);
			assertThat(probe.body()).as(path).contains("\"status\":\"UP\"").doesNotContain("components");
		}
	}

	@Test
	void theManagementPortCannotBeReachedFromAnotherMachine() throws Exception {
		Optional<InetAddress> external = NetworkInterface.networkInterfaces()
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
		assumeTrue(external.isPresent(), "this machine has no address but the loopback one");
		// The application's port answers on that address; the management port does not listen there.
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(external.get(), this.port), 2000);
		}
		assertThatThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(external.get(), this.managementPort), 2000);
			}
		}).isInstanceOf(IOException.class);
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(port, path)).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
