package io.aftercare.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * How long the app itself took over each request of a phase, from the first filter to the
 * last byte handed to the web server: the server-side time, without the time a request
 * waited in the client or in the socket's backlog. Added to the app by the run only.
 */
final class ServerTimes implements Filter {

	/** Time spent in the app, by percentile; zero when no request was timed. */
	record Summary(int requests, Duration p50, Duration p95, Duration p99) {
	}

	private final long[] nanos = new long[2_000_000];

	private final AtomicInteger count = new AtomicInteger();

	/** Times every request of the app the application will start. */
	static ServerTimes addTo(SpringApplication application) {
		ServerTimes times = new ServerTimes();
		application.addInitializers((ConfigurableApplicationContext context) -> {
			FilterRegistrationBean<ServerTimes> registration = new FilterRegistrationBean<>(times);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			context.getBeanFactory().registerSingleton("benchServerTimes", registration);
		});
		return times;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			int slot = this.count.getAndIncrement();
			if (slot < this.nanos.length) {
				this.nanos[slot] = System.nanoTime() - started;
			}
		}
	}

	void reset() {
		this.count.set(0);
	}

	Summary summary() {
		long[] taken = Arrays.copyOf(this.nanos, Math.min(this.count.get(), this.nanos.length));
		Arrays.sort(taken);
		return new Summary(taken.length, at(taken, 0.50), at(taken, 0.95), at(taken, 0.99));
	}

	private static Duration at(long[] sorted, double percentile) {
		return (sorted.length == 0) ? Duration.ZERO : Duration
			.ofNanos(sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile * sorted.length) - 1)]);
	}

}
