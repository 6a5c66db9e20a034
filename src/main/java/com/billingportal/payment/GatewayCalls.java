package com.billingportal.payment;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.billingportal.payment.PaymentGateway.GatewayTimeoutException;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Calls the gateway and waits for its answer at most {@code billing.gateway.timeout}; no answer in
 * time is a {@link GatewayTimeoutException}, whatever the gateway goes on to do. Calls run on a
 * pool of their own so that the portal can stop waiting.
 */
@Component
class GatewayCalls {

	private final GatewayProperties properties;

	private final ExecutorService pool;

	GatewayCalls(GatewayProperties properties) {
		this.properties = properties;
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), (r) -> {
			Thread t = new Thread(r, "gateway-call-" + threads.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	@PreDestroy
	void stop() {
		this.pool.shutdown();
	}

	<T> T call(Callable<T> call) {
		Future<T> answer;
		try {
			answer = this.pool.submit(call);
		}
		catch (RejectedExecutionException ex) {
			throw new GatewayTimeoutException("Too many gateway calls in flight");
		}
		try {
			return answer.get(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// Stop waiting, but do not interrupt the call: it may be inside a database or network
			// operation that an interrupt would break. Its answer, when it comes, is not read.
			answer.cancel(false);
			throw new GatewayTimeoutException("No answer within " + this.properties.timeout());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			answer.cancel(false);
			throw new GatewayTimeoutException("Interrupted while waiting for the gateway");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
